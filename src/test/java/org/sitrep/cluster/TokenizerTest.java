package org.sitrep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Tokenizer.tokenize(s, false, (w, cap, title, start) -> out.add(w + (cap && !start ? "^" : "")));
        return out;
    }

    @Test
    void pluralsBecomeSingularAndOtherWordsStayAsTheyAre() {
        for (String[] p : new String[][] {{"climbers", "climber"}, {"injuries", "injury"}, {"churches", "church"},
                {"crashes", "crash"}, {"boxes", "box"}, {"addresses", "address"}, {"houses", "house"}, {"fires", "fire"},
                {"news", "news"}, {"virus", "virus"}, {"crisis", "crisis"}, {"gas", "gas"}, {"this", "this"},
                {"class", "class"}, {"climber", "climber"}, {"снаряды", "снаряды"}, {"1990s", "1990s"}}) {
            assertEquals(p[1], Tokenizer.singular(p[0]), p[0]);
        }
    }

    @Test
    void digitsOfAnyScriptBecomeAsciiAndMarksAreDropped() {
        assertEquals(List.of("قتل", "3", "اشخاص"), words("قُتِلَ ٣ أشخاص"));
        assertEquals(List.of("donetsk", "12"), words("Donétsk, 12"));
    }

    @Test
    void capitalisedWordsInsideASentenceAreNamesButSentenceStartsAreNot() {
        assertEquals(List.of("the", "mayor", "of", "kharkiv^", "said", "shelling", "stopped"),
                words("The mayor of Kharkiv said. Shelling stopped"));
    }

    @Test
    void aCopyKeepsMostShinglesAndUnrelatedTextsShareNone() {
        String base = "Hundreds of residents gathered at the central square at noon with flags, chanting slogans and "
                + "demanding that the council publish the list of missing soldiers before Monday.";
        long[] a = TextProfile.sketch("Rally in Stryi", base);
        long[] copy = TextProfile.sketch("Rally in Stryi", base + " Photo: local channel.");
        long[] other = TextProfile.sketch("Protest", "Shelling damaged a school and two houses overnight, the village head said.");
        double j = TextProfile.jaccard(a, copy);
        assertEquals(true, j > 0.8, "copy " + j);
        assertEquals(0.0, TextProfile.jaccard(a, other), 0.05);
    }
}
