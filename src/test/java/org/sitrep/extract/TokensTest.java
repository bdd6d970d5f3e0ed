package org.sitrep.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {
    @Test
    void foldsCaseApostrophesAndArabicLetters() {
        assertEquals(List.of("у", "п'ятницю", "обстріл"), Tokens.of("У п’ятницю обстріл").words());
        assertEquals(List.of("غاره", "جويه"), Tokens.of("غارةٌ جوية").words());
        assertEquals(List.of("1700", "people"), Tokens.of("1,700 people").words());
    }

    @Test
    void leadEndsAtTheFirstSentenceButNotAtAbbreviations() {
        Tokens t = Tokens.of("Gen. Smith said U.S. troops left. Then more came.");
        assertEquals(7, t.leadEnd(), t.words().toString());
    }

    @Test
    void moreSpecificStemWinsOnTheSameWord() {
        PhraseMatcher<String> m = new PhraseMatcher<>();
        m.add("боев*", "combat");
        m.add("боевик*", "militants");
        assertEquals("militants", m.findAll(Tokens.of("Боевики атаковали")).get(0).value());
        assertEquals("combat", m.findAll(Tokens.of("боевые действия")).get(0).value());
    }

    @Test
    void arabicProcliticsAreStrippedForMatching() {
        assertEquals("قصف", PhraseMatcher.arabicBare("والقصف"));
        assertEquals(null, PhraseMatcher.arabicBare("shelling"));
    }
}
