package org.sitrep.ingest.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.LocalServer;
import org.sitrep.ingest.TestSources;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Report;

class FileConnectorTest {
    @TempDir Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    private Path copy(String fixture, String name) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, LocalServer.readResource(fixture));
        return p;
    }

    @Test
    void jsonLinesSkipBrokenLinesWithTheirNumbersAndResumeWhenTheFileGrows() throws Exception {
        Path f = copy("reports.jsonl", "r.jsonl");
        FileConnector c = new FileConnector(clock);
        var source = TestSources.source("file-src", "file", f.toString());
        Batch b = c.fetch(source, Cursor.START);
        assertEquals(List.of("dw-1", "dw-2", "dw-6"), b.reports().stream().map(Report::externalId).toList());
        Report first = b.reports().get(0);
        assertEquals("demo-wire", first.sourceId(), "the line names its source");
        assertEquals("https://demo-wire.example/1", first.url());
        assertEquals(new GeoPoint(49.99, 36.23), first.point());
        assertEquals("file-src", b.reports().get(1).sourceId());
        assertEquals(Instant.parse("2026-11-24T05:00:00Z"), b.reports().get(1).publishedAt());
        assertEquals(List.of("line 4", "line 5", "line 6"), b.errors().stream().map(e -> e.position()).toList());
        assertTrue(b.errors().get(0).reason().contains("publishedAt"));
        assertTrue(b.errors().get(1).reason().contains("not valid JSON"));
        assertTrue(b.errors().get(2).reason().contains("out of range"));

        assertTrue(c.fetch(source, b.next()).reports().isEmpty(), "nothing new");
        Files.writeString(f, "{\"externalId\":\"dw-7\",\"title\":\"Appended\",\"publishedAt\":\"2026-11-24T10:00:00Z\"}\n", StandardOpenOption.APPEND);
        Batch more = c.fetch(source, b.next());
        assertEquals(List.of("dw-7"), more.reports().stream().map(Report::externalId).toList());
        assertTrue(more.errors().isEmpty());
    }

    @Test
    void bigFilesAreReadInBatchesThatResumeExactly() throws Exception {
        Path f = dir.resolve("big.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 25; i++) sb.append("{\"externalId\":\"n").append(i).append("\",\"title\":\"t\",\"publishedAt\":\"2026-11-24T10:00:00Z\"}\n");
        Files.writeString(f, sb);
        FileConnector c = new FileConnector(clock, 10);
        var source = TestSources.source("big", "file", f.toUri().toString());
        Cursor cur = Cursor.START;
        StringBuilder ids = new StringBuilder();
        int batches = 0;
        Batch b;
        do {
            b = c.fetch(source, cur);
            b.reports().forEach(r -> ids.append(r.externalId()).append(' '));
            cur = b.next();
            batches++;
        } while (b.more());
        assertEquals(3, batches);
        assertEquals(25, ids.toString().trim().split(" ").length);
        assertTrue(ids.toString().startsWith("n0 n1 ") && ids.toString().endsWith("n24 "));
    }

    @Test
    void acledStyleCsvMapsItselfWithQuotedMultilineFields() throws Exception {
        Path f = copy("acled-style.csv", "export.csv");
        Batch b = new FileConnector(clock).fetch(TestSources.source("acled", "file", f.toString()), Cursor.START);
        assertEquals(List.of("XYZ10001", "XYZ10002"), b.reports().stream().map(Report::externalId).toList());
        Report r1 = b.reports().get(0);
        assertEquals("Explosions/Remote violence: Shelling/artillery/missile attack in Riverside, North Province, Testland", r1.title());
        assertTrue(r1.text().startsWith("On 20 November 2026, military forces shelled"), r1.text());
        assertEquals(new GeoPoint(50.0012, 36.2304), r1.point());
        assertEquals("acled", r1.sourceId(), "ACLED's own source column is the publisher, not a Sitrep source");
        Report r2 = b.reports().get(1);
        assertEquals(Instant.parse("2026-11-21T00:00:00Z"), r2.publishedAt(), "'21 November 2026' parsed");
        assertEquals("Battles: Armed clash in Hilltown, near the \"old bridge\", East Province, Testland", r2.title());
        assertTrue(r2.text().contains("Hilltown.\nFighting lasted"), "line break inside a quoted field kept");
        assertEquals(2, b.errors().size(), b.errors().toString());
        assertTrue(b.errors().get(0).reason().contains("not a date"));
        assertTrue(b.errors().get(1).reason().contains("out of range"));
        assertEquals("line 5", b.errors().get(0).position(), "positions count physical lines (record 2 spans lines 3-4)");
    }

    @Test
    void genericCsvHeaderAndMissingFile() throws Exception {
        Path f = dir.resolve("g.csv");
        Files.writeString(f, "id,headline,body,date,lat,lon,link\n7,Checkpoint closed,\"Closed since noon, officials said\",2026-11-24,31.5,34.46,https://x.example/7?gclid=1\n");
        Batch b = new FileConnector(clock).fetch(TestSources.source("g", "file", f.toString()), Cursor.START);
        Report r = b.reports().get(0);
        assertEquals("7", r.externalId());
        assertEquals("Closed since noon, officials said", r.text());
        assertEquals("https://x.example/7", r.url());
        assertFalse(b.more());
        assertNull(CsvMapping.generic(List.of("foo")).value("title", java.util.Map.of("foo", "x")));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.sitrep.ingest.FetchException.class,
                () -> new FileConnector(clock).fetch(TestSources.source("m", "file", dir.resolve("missing.csv").toString()), Cursor.START));
        assertTrue(e.getMessage().contains("file not found"));
    }
}
