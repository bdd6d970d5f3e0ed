package org.sitrep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.model.Report;
import org.sitrep.pipeline.Geoparser;
import org.sitrep.store.ReportQuery;
import org.sitrep.store.Store;

/**
 * The fast import on a real SQLite file: broken lines are reported with their line numbers and
 * skipped, duplicates (within the file and against the store) are stored once, an interrupted import
 * run again completes exactly, and every imported report is put into an event by the analysis that
 * follows.
 */
class JsonLinesImportIT {
    @TempDir Path dir;

    private static String line(int i, String town, String url) {
        return "{\"source\":\"wire-" + (i % 3) + "\",\"externalId\":\"item-" + i + "\",\"url\":\"" + url + "\","
                + "\"title\":\"Shelling reported in " + town + " (" + i + ")\",\"text\":\"Artillery hit a market in " + town
                + ", killing " + (i + 1) + " people, officials said.\",\"publishedAt\":\"2026-11-20T0" + (i % 10) + ":00:00Z\","
                + "\"language\":\"en\",\"latitude\":" + (48.0 + (i % 20) * 0.1) + ",\"longitude\":" + (35.0 + (i % 20) * 0.1) + "}";
    }

    /** 24 distinct reports, 3 duplicates, 3 broken lines and a blank one; returns the file's lines. */
    private static List<String> fixture() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 24; i++) lines.add(line(i, "Town" + i, "https://news.example.org/a/" + i));
        lines.add(5, lines.get(2));                                         // line 6: the same line again
        lines.add(9, "{\"source\":\"wire-1\",\"title\": broken");          // line 10: not JSON
        lines.add(12, "");                                                   // line 13: blank, ignored
        lines.add(15, line(100, "Elsewhere", "https://news.example.org/a/3?utm_source=x")); // line 16: same URL as item 3
        lines.add(20, "{\"source\":\"wire-1\",\"title\":\"No date\",\"text\":\"x\"}"); // line 21: publishedAt missing
        lines.add(lines.get(0));                                             // line 30: item 0 again
        lines.add("{\"source\":\"wire-2\",\"title\":\"t\",\"text\":\"x\",\"publishedAt\":\"2026-11-20T00:00:00Z\",\"colour\":\"red\"}"); // line 31
        return lines;
    }

    private static InputStream stream(List<String> lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importsOnceRecordsBrokenLinesAndAnalysesEverythingAfterwards() throws IOException {
        List<String> lines = fixture();
        try (Sitrep sitrep = Sitrep.open(null, dir, Clock.systemUTC(), Stages.standard(Geoparser.SOURCE_COORDINATES_ONLY))) {
            Store store = sitrep.store();
            JsonLinesImport importer = new JsonLinesImport(store, Clock.systemUTC(), 7);

            // an import killed part-way: only the first batches committed
            JsonLinesImport.Result partial = importer.run(stream(lines.subList(0, 14)), (l, r) -> { }, b -> { });
            assertEquals(11, partial.stored());

            List<String> rejected = new ArrayList<>();
            JsonLinesImport.Result r = importer.run(stream(lines), (l, reason) -> rejected.add(l + ": " + reason), b -> { });
            assertEquals(31, r.lines());
            assertEquals(24 - 11, r.stored(), "the re-run stores only what the first run did not");
            assertEquals(3, r.rejected());
            assertEquals(List.of(10, 21, 31), rejected.stream().map(s -> Integer.parseInt(s.substring(0, s.indexOf(':')))).toList());
            assertTrue(rejected.get(0).contains("not valid JSON"), rejected.get(0));
            assertTrue(rejected.get(1).contains("publishedAt"), rejected.get(1));
            assertTrue(rejected.get(2).contains("colour"), rejected.get(2));
            assertEquals(11 + 3, r.duplicates(), "11 from the first run, the repeated lines 6 and 30, the same URL on line 16");
            assertEquals(Map.of("same source and external id", 13L, "same URL", 1L), r.duplicateReasons());

            assertEquals(24, store.stats().reports());
            assertEquals(24, store.unattachedReports(100).size(), "imported, not yet analysed");
            assertEquals(0, store.stats().events());

            // a third run changes nothing
            assertEquals(0, importer.run(stream(lines), (l, reason) -> { }, b -> { }).stored());

            long[] last = new long[2];
            int analysed = sitrep.ingestor().analysePending(5, (attached, failed) -> { last[0] = attached; last[1] = failed; });
            assertEquals(24, analysed);
            assertEquals(24, last[0]);
            assertEquals(0, last[1]);
            assertTrue(store.unattachedReports(100).isEmpty());
            Set<String> ids = new HashSet<>();
            for (Report rep : store.searchReports(new ReportQuery(null, null, null, null, 100, null)).items()) {
                assertTrue(store.member(rep.id()).isPresent(), "report " + rep.id() + " is in an event");
                ids.add(rep.externalId());
            }
            assertEquals(24, ids.size());
            assertTrue(store.stats().events() > 0);
        }
    }

    /** What serve does with a deferred import: the backlog is analysed in the background while the server runs. */
    @Test
    void theBackgroundBacklogAnalysesADeferredImport() throws Exception {
        List<String> lines = fixture();
        try (Sitrep sitrep = Sitrep.open(null, dir, Clock.systemUTC(), Stages.standard(Geoparser.SOURCE_COORDINATES_ONLY))) {
            new JsonLinesImport(sitrep.store(), Clock.systemUTC(), 10).run(stream(lines), (l, r) -> { }, b -> { });
            assertEquals(24, sitrep.store().unattachedReports(100).size());
            try (AnalysisBacklog backlog = new AnalysisBacklog(sitrep.ingestor(), java.time.Duration.ofMillis(200)).start()) {
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!sitrep.store().unattachedReports(1).isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
                assertTrue(sitrep.store().unattachedReports(1).isEmpty(), "the backlog was worked off");
                // a later deferred import is picked up by the next round
                new JsonLinesImport(sitrep.store(), Clock.systemUTC(), 10)
                        .run(stream(List.of(line(500, "Later", "https://news.example.org/later"))), (l, r) -> { }, b -> { });
                while (!sitrep.store().unattachedReports(1).isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
                assertTrue(sitrep.store().unattachedReports(1).isEmpty(), "the later import too");
                assertEquals(25, backlog.attached());
            }
        }
    }

    @Test
    void aLineOverTheLimitIsSkippedWithoutHoldingIt() throws IOException {
        String huge = "{\"source\":\"w\",\"title\":\"" + "x".repeat(JsonLinesImport.MAX_LINE_BYTES) + "\"}";
        List<String> lines = List.of(line(1, "A", "https://e.example.org/1"), huge, line(2, "B", "https://e.example.org/2"));
        try (Store store = Sitrep.openStore(null, dir)) {
            List<Long> rejectedLines = new ArrayList<>();
            JsonLinesImport.Result r = new JsonLinesImport(store, Clock.systemUTC(), 100)
                    .run(stream(lines), (l, reason) -> rejectedLines.add(l), b -> { });
            assertEquals(2, r.stored());
            assertEquals(List.of(2L), rejectedLines);
        }
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreRead() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (line(1, "A", "https://e.example.org/1") + "\r\n" + line(2, "B", "https://e.example.org/2")).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Path f = dir.resolve("crlf.jsonl");
        Files.write(f, all);
        try (Store store = Sitrep.openStore(null, dir); InputStream in = Files.newInputStream(f)) {
            JsonLinesImport.Result r = new JsonLinesImport(store, Clock.systemUTC(), 100).run(in, (l, reason) -> { }, b -> { });
            assertEquals(2, r.stored());
            assertEquals(0, r.rejected());
        }
    }
}
