package org.sitrep.geoparse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.geoparse.gazetteer.Gazetteer;

class RecognizerTest {
    static Gazetteer gazetteer;
    static Lexicon lexicon;

    @BeforeAll
    static void load(@TempDir Path dir) {
        gazetteer = SampleGazetteer.build(dir);
        lexicon = Lexicon.load();
    }

    private static List<String> found(Recognizer r, String text) {
        return r.find(text).stream().map(c -> text.substring(c.start(), c.end())).toList();
    }

    @Test
    void wordThatBeginsManyNamesIsNotTheVillageOfThatNameAlone() {
        // in the sample, a dozen names begin with "Jisr" (Jisr ash Shughur's spellings), and one small town is also
        // called "Jisr" (Jisr ez Zarqa); with the full gazetteer's threshold the same holds for "Santa", "Kota", "Fort"
        String text = "Jisr was calm on Friday, and Aleppo too.";
        Recognizer strict = new Recognizer(gazetteer, lexicon, 5);
        assertFalse(found(strict, text).contains("Jisr"), () -> "a name prefix alone: " + found(strict, text));
        assertTrue(found(strict, text).contains("Aleppo"));
        assertTrue(found(strict, "Government forces shelled Jisr al-Shughur overnight.").contains("Jisr al-Shughur"));
        Recognizer lenient = new Recognizer(gazetteer, lexicon, 1_000);
        assertTrue(found(lenient, text).contains("Jisr"), () -> "no prefix at this threshold: " + found(lenient, text));
    }
}
