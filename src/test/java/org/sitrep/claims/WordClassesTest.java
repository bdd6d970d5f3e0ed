package org.sitrep.claims;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordClassesTest {
    private static final WordClasses SHIPPED = WordClasses.load();

    @Test
    void irregularAndInflectedFormsReachTheirLemma() {
        assertEquals("communication", SHIPPED.of("said").verb()[0], "said -> say, through WordNet's irregular forms");
        assertTrue(Arrays.asList(SHIPPED.of("decried").verb()).contains("communication"), "decried -> decry, by the -ed rule");
        assertTrue(Arrays.asList(SHIPPED.of("vowing").verb()).contains("communication"));
        assertTrue(Arrays.asList(SHIPPED.of("outlook").noun()).contains("cognition"));
        assertEquals(0, SHIPPED.of("zzxq").verb().length);
        assertEquals(0, SHIPPED.of("zzxq").noun().length);
    }

    @Test
    void buildsTheTableFromAWordNetDirectory(@TempDir Path wn) throws IOException {
        // A two-synset WordNet written for this test, in the format of WordNet 3.0's data and index files.
        Files.write(wn.resolve("data.verb"), List.of("  1 This software and database is being provided",
                "00000001 32 v 01 vow 0 000 | make a vow", "00000002 40 v 01 vow 1 000 | dedicate"), StandardCharsets.ISO_8859_1);
        Files.write(wn.resolve("index.verb"), List.of("  1 header", "vow v 2 0 2 1 00000001 00000002"), StandardCharsets.ISO_8859_1);
        Files.write(wn.resolve("verb.exc"), List.of("vowen vow"), StandardCharsets.ISO_8859_1);
        Files.write(wn.resolve("data.noun"), List.of("00000003 10 n 01 vow 0 000 | a pledge"), StandardCharsets.ISO_8859_1);
        Files.write(wn.resolve("index.noun"), List.of("vow n 1 0 1 0 00000003", "ice_cream n 1 0 1 0 00000003"), StandardCharsets.ISO_8859_1);
        Files.write(wn.resolve("noun.exc"), List.of(), StandardCharsets.ISO_8859_1);
        StringWriter out = new StringWriter();
        WordClasses.build(wn, out);
        String[] lines = out.toString().split("\n");
        assertTrue(lines[0].startsWith("# WordNet 3.0"), lines[0]);
        assertEquals("vow\tcommunication,possession\tcommunication", lines[1], "senses in WordNet's order; multi-word lemmas left out");
        assertEquals("=v\tvowen\tvow", lines[2]);
        assertEquals(3, lines.length);
        WordClasses back = WordClasses.read(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(new String[] {"communication", "possession"}, back.of("vowen").verb());
        assertArrayEquals(new String[] {"communication"}, back.of("vows").noun());
    }

    @Test
    void malformedTableIsAClearError() {
        IOException e = assertThrows(IOException.class,
                () -> WordClasses.read(new ByteArrayInputStream("# x\nvow communication\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
