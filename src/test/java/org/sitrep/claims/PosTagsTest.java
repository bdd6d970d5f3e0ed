package org.sitrep.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sentences written for these tests; none comes from an evaluation corpus. */
class PosTagsTest {
    private static String tagOf(String t, String word) {
        List<CueTagger.Token> toks = CueTagger.tokens(t);
        String[] tags = PosTags.tag(t, toks);
        assertEquals(toks.size(), tags.length);
        for (int i = 0; i < toks.size(); i++) if (toks.get(i).lower().equals(word)) return tags[i];
        throw new AssertionError(word + " not in " + t);
    }

    @Test
    void tellsANounFromAVerbByContext() {
        assertEquals("NOUN", tagOf("The report was released on Monday.", "report"));
        assertEquals("VERB", tagOf("They report that the bridge collapsed.", "report"));
        assertEquals("PROPN", tagOf("The governor met Petrov on Monday.", "petrov"));
    }

    @Test
    void tagsEachSentenceOnItsOwnAndIsThreadSafe() throws Exception {
        String t = "Officials said the bridge was closed. Residents left the town.";
        List<CueTagger.Token> toks = CueTagger.tokens(t);
        String[] once = PosTags.tag(t, toks);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String[]>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) runs.add(pool.submit(() -> PosTags.tag(t, toks)));
            for (Future<String[]> f : runs) assertEquals(List.of(once), List.of(f.get()));
        } finally {
            pool.shutdown();
        }
        assertEquals("PUNCT", once[6]); // the first full stop
        assertEquals("NOUN", once[7]);  // "Residents" opens the second sentence
    }
}
