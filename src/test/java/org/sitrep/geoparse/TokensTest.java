package org.sitrep.geoparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.model.Report;
import org.sitrep.model.Source;

class TokensTest {
    @Test
    void abbreviationsKeepTheirDotsAndPossessivesAreCut() {
        List<Tokens.Token> t = Tokens.of("The U.S. envoy left Syria's capital.");
        assertEquals(List.of("The", "U.S.", "envoy", "left", "Syria", "capital"), t.stream().map(Tokens.Token::text).toList());
        assertTrue(t.get(0).sentenceStart());
        assertTrue(t.get(1).allCaps());
    }

    @Test
    void scriptsAreTold() {
        List<Tokens.Token> t = Tokens.of("Idlib إدلب Идлиб");
        assertEquals(Tokens.Script.LATIN, t.get(0).script());
        assertEquals(Tokens.Script.ARABIC, t.get(1).script());
        assertEquals(Tokens.Script.CYRILLIC, t.get(2).script());
    }

    @Test
    void tokenCountIsCapped() {
        String huge = "a ".repeat(Tokens.MAX_TOKENS + 1000);
        assertEquals(Tokens.MAX_TOKENS, Tokens.of(huge).size());
    }

    @Test
    void veryLongReportIsReadOnlyUpToTheLimit(@TempDir Path dir) {
        var geoparser = Geoparsers.fromGazetteer(SampleGazetteer.build(dir));
        String text = "Aleppo. " + "word ".repeat(GazetteerGeoparser.MAX_CHARS / 5) + " Kharkiv.";
        Report r = new Report(null, "t", null, null, "", text, null, Instant.EPOCH, null, null, null);
        var g = geoparser.parse(r, Source.named("t"));
        assertEquals(List.of("Aleppo"), g.mentions().stream().map(m -> m.text()).toList(), "text past the limit is not read");
    }
}
