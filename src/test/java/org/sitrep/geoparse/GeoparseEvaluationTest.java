package org.sitrep.geoparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.internal.Json;
import org.sitrep.internal.JsonLines;
import org.sitrep.pipeline.Geoparser;

class GeoparseEvaluationTest {
    static Geoparser geoparser;

    @BeforeAll
    static void load(@TempDir Path dir) {
        geoparser = Geoparsers.fromGazetteer(SampleGazetteer.build(dir));
    }

    @Test
    void aucOfPerfectAndWorstResolution() {
        assertEquals(0, GeoparseEvaluation.auc(List.of(0.0, 0.0, 0.0)), 1e-9);
        assertEquals(1, GeoparseEvaluation.auc(List.of(20_038.0, 20_038.0)), 1e-9);
        double mid = GeoparseEvaluation.auc(List.of(0.0, 20_038.0));
        assertEquals(0.5, mid, 1e-9);
    }

    @Test
    void scoresSpansAndDistances() throws Exception {
        String doc1 = "{\"id\":\"a\",\"text\":\"Shelling hit Saraqib and Kharkiv.\",\"toponyms\":["
                + "{\"start\":13,\"end\":20,\"name\":\"Saraqib\",\"lat\":35.86,\"lon\":36.80},"
                + "{\"start\":25,\"end\":32,\"name\":\"Kharkiv\",\"lat\":40.0,\"lon\":-100.0}]}";
        String doc2 = "{\"id\":\"b\",\"text\":\"Nothing here, but Paris was annotated wrongly as Nothing.\",\"toponyms\":["
                + "{\"start\":0,\"end\":7,\"name\":\"Nothing\",\"lat\":null,\"lon\":null}]}";
        List<JsonNode> docs = List.of(Json.MAPPER.readTree(doc1), Json.MAPPER.readTree(doc2));
        GeoparseEvaluation.Result r = GeoparseEvaluation.run(docs, geoparser, GeoparseEvaluation.Split.ALL);
        assertEquals(2, r.docs());
        assertEquals(3, r.gold());
        assertEquals(3, r.predicted(), "Saraqib, Kharkiv, Paris");
        assertEquals(2, r.matched());
        assertEquals(2.0 / 3, r.precision(), 1e-9);
        assertEquals(2.0 / 3, r.recall(), 1e-9);
        assertEquals(2, r.resolved());
        assertEquals(0.5, r.acc161(), 1e-9, "Saraqib within 161 km, the wrong gold point for Kharkiv far away");
        assertTrue(r.docsPerSecond() > 0);
    }

    @Test
    void splitsAreStableHalves() {
        int dev = 0;
        for (int i = 0; i < 1000; i++) if (GeoparseEvaluation.inSplit("doc" + i, GeoparseEvaluation.Split.DEV)) dev++;
        assertTrue(dev > 400 && dev < 600);
        for (int i = 0; i < 50; i++) {
            assertTrue(GeoparseEvaluation.inSplit("d" + i, GeoparseEvaluation.Split.DEV) != GeoparseEvaluation.inSplit("d" + i, GeoparseEvaluation.Split.TEST));
        }
    }

    /** Smoke test on real data: a few LGL documents, skipped where ../shared/data is absent. */
    @Test
    void smokeOnAFewLglDocuments() {
        Path lgl = Path.of("../shared/data/geoparse/lgl.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(lgl), "../shared/data/geoparse/lgl.jsonl not present: skipped");
        List<JsonNode> docs = JsonLines.readAll(lgl).subList(0, 20);
        GeoparseEvaluation.Result r = GeoparseEvaluation.run(docs, geoparser, GeoparseEvaluation.Split.ALL);
        assertEquals(20, r.docs());
        assertTrue(r.gold() > 0 && r.predicted() > 0);
    }
}
