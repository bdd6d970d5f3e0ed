package org.sitrep.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sitrep.geoparse.GeoparseEvaluation;
import org.sitrep.geoparse.Geoparsers;
import org.sitrep.internal.Json;
import org.sitrep.internal.JsonLines;
import org.sitrep.pipeline.Geoparser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sitrep eval geoparse FILE.jsonl}: recognition and resolution scores on an annotated corpus. */
@Command(name = "geoparse", mixinStandardHelpOptions = true,
        description = {"Score the geoparser on a corpus in the shared/data/geoparse JSON Lines format:",
                "precision/recall/F1 (exact span), acc@161km, AUC, median error km, docs/s per core (CPU time of one thread)."})
final class GeoparseEvalCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "annotated corpus (.jsonl)") Path file;
    @Option(names = "--json", description = "print one JSON object as the last line") boolean json;
    @Option(names = "--gazetteer", description = "gazetteer directory (default: $SITREP_HOME/gazetteer or ~/.sitrep/gazetteer)")
    Path gazetteer;
    @Option(names = "--split", description = "all (default), dev or test: a stable half of the documents by id hash")
    String split = "all";
    @Option(names = "--errors", description = "write missed, spurious and far-off toponyms to this file (tab-separated)")
    Path errors;

    @Override public Integer call() {
        GeoparseEvaluation.Split s;
        try {
            s = GeoparseEvaluation.Split.valueOf(split.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException("--split must be all, dev or test, not " + split);
        }
        List<com.fasterxml.jackson.databind.JsonNode> docs;
        try {
            docs = JsonLines.readAll(file);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        Geoparser g;
        try {
            g = Geoparsers.load(gazetteer, true, System.err);
        } catch (Geoparsers.GazetteerUnavailableException e) {
            throw new UserException(e.getMessage());
        }
        GeoparseEvaluation.Result r;
        if (errors == null) {
            r = GeoparseEvaluation.run(docs, g, s);
        } else {
            try (var w = new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(errors))) {
                r = GeoparseEvaluation.run(docs, g, s, w);
            } catch (java.io.IOException e) {
                throw new UserException("cannot write " + errors + ": " + e.getMessage());
            }
        }
        System.out.printf(Locale.ROOT, "%s (%s split): %d documents, %d gold toponyms, %d predicted, %d exact matches%n",
                file.getFileName(), s.name().toLowerCase(Locale.ROOT), r.docs(), r.gold(), r.predicted(), r.matched());
        System.out.printf(Locale.ROOT, "recognition  P %.3f  R %.3f  F1 %.3f%n", r.precision(), r.recall(), r.f1());
        System.out.printf(Locale.ROOT, "resolution   acc@161 %.3f  AUC %.3f  median %.1f km  mean %.0f km  (%d matched toponyms with gold coordinates)%n",
                r.acc161(), r.auc(), r.medianKm(), r.meanKm(), r.resolved());
        System.out.printf(Locale.ROOT, "speed        %.0f docs per CPU-second of one core (%.0f docs/s wall clock on this machine now)%n",
                r.docsPerSecond(), r.docsPerWallSecond());
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("precision", round(r.precision()));
            o.put("recall", round(r.recall()));
            o.put("f1", round(r.f1()));
            o.put("acc161", round(r.acc161()));
            o.put("auc", round(r.auc()));
            o.put("median_km", round(r.medianKm()));
            o.put("docs_per_s", Math.round(r.docsPerSecond() * 10) / 10.0);
            o.put("docs", r.docs());
            try {
                System.out.println(Json.MAPPER.writeValueAsString(o));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return 0;
    }

    private static Object round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
    }
}
