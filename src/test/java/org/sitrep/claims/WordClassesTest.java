package org.sitrep.claims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Words and sentences written for these tests. */
class WordClassesTest {
    private final WordClasses wc = WordClasses.english();

    @Test
    void inflectionsFindTheirBaseForm() {
        assertArrayEquals(new String[] {"judge-v"}, wc.of("excoriated"));
        assertTrue(List.of(wc.of("slammed")).contains("judge-v"), "doubled consonant");
        assertTrue(List.of(wc.of("told")).contains("say-v"), "irregular past");
        assertTrue(List.of(wc.of("criticizing")).contains("judge-v"), "-ing after a dropped e");
        assertTrue(List.of(wc.of("worries")).contains("think-v"), "-ies");
        assertTrue(List.of(wc.of("claims")).contains("argue-n") && List.of(wc.of("claims")).contains("argue-v"), "noun and verb");
        assertEquals("-", wc.joined("bridge"));
        assertEquals(0, wc.of("tank").length);
    }

    @Test
    void phrasesMarkTheirWordsLongestFirst() {
        String t = "The ministry said in a statement that, according to its count, the road is open.";
        List<CueTagger.Token> toks = CueTagger.tokens(t);
        String[] ph = wc.phrases(toks);
        assertEquals("said in a statement#0", ph[2], "the longer phrase wins over 'in a statement'");
        assertEquals("said in a statement#3", ph[5]);
        int according = 0;
        while (!toks.get(according).lower().equals("according")) according++;
        assertEquals("according to#0", ph[according]);
        assertEquals("according to#1", ph[according + 1]);
        assertNull(ph[0]);
    }

    @Test
    void malformedListIsAClearError() {
        IOException e = assertThrows(IOException.class,
                () -> WordClasses.read(new ByteArrayInputStream("say-v: say\nphrase: alone\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aRareVerbOfTheClassIsACueWhereTheTaggerNeverSawIt() {
        // "castigated" and "excoriated" are rare in news; their class carries what the tagger learned from common judge verbs.
        AttributionExtractor x = new AttributionExtractor();
        String t = "The senator castigated the agency for the delays.";
        List<Attribution> found = x.extract(t, "en");
        assertEquals(1, found.size(), found::toString);
        assertEquals("The senator", found.get(0).source().text(t));
        assertEquals("castigated", found.get(0).cue().text(t));
    }
}
