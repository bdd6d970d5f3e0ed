package org.sitrep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IdsTest {
    /** The content hash must not change across versions: it decides what is a duplicate of a stored report. */
    @Test
    void whitespaceCollapsesExactlyAsTheRegexDid() {
        String alphabet = " \t\n\u000B\f\r\u00A0\u2003\u001Cab\u0416";
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int i = 0; i < len; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String s = sb.toString();
            assertEquals(s.replaceAll("\\s+", " "), Ids.collapseWhitespace(s), () -> "for " + s.chars().mapToObj(Integer::toHexString).toList());
        }
    }
}
