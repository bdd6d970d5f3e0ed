package org.sitrep.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.sitrep.internal.Json;
import org.sitrep.store.sqlite.SqliteStore;
import org.sitrep.testing.Seeder;
import org.sitrep.testing.TestServer;

class ExportIT {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static JsonNode json(HttpResponse<String> r) throws Exception { return Json.MAPPER.readTree(r.body()); }

    @Test
    void formatsCarryTheSameFilteredEventsAndHostileTextStaysData() throws Exception {
        try (TestServer s = new TestServer(ApiServer.Limits.DEFAULT, ApiConfig.DEFAULT, TestServer.MINIMAL)) {
            String evil = ApiServerIT.report("wire", "x1", "=HYPERLINK(\"http://evil\")", "<script>alert(1)</script>\u0007bell, \"quoted\"\nline",
                    "2026-11-20T08:00:00Z", 35.86, 36.8);
            String other = ApiServerIT.report("wire", "x2", "Protest in Kyiv", "Crowds.", "2026-11-21T09:00:00Z", 50.45, 30.52);
            String unlocated = ApiServerIT.report("wire", "x3", "Statement", "No place.", "2026-11-21T10:00:00Z", null, null);
            assertEquals(201, s.post("/api/reports", "[" + evil + "," + other + "," + unlocated + "]").statusCode());

            HttpResponse<String> csv = s.get("/api/export.csv?bbox=35,34,38,37");
            assertEquals(200, csv.statusCode(), csv.body());
            assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
            assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow().contains("sitrep-events.csv"));
            String[] lines = csv.body().split("\r\n", 2);
            assertTrue(lines[0].startsWith("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1"), lines[0]);
            assertTrue(lines[1].contains(",2026-11-20,2026,"), lines[1]);
            assertTrue(lines[1].contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "formula neutralised and quoted: " + lines[1]);
            assertTrue(lines[1].contains("35.860000,36.800000"));
            assertTrue(lines[1].contains(",wire,"), "source names");

            JsonNode geo = json(s.get("/api/export.geojson?from=2026-11-21"));
            assertEquals("FeatureCollection", geo.get("type").asText());
            assertEquals(2, geo.get("features").size(), "same time filter as /api/events; unlocated kept with null geometry");
            assertEquals(json(s.get("/api/events?from=2026-11-21")).get("features").get(0).get("id"), geo.at("/features/0/id"));

            HttpResponse<String> kml = s.get("/api/export.kml");
            assertEquals(200, kml.statusCode());
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(kml.body().getBytes(StandardCharsets.UTF_8)));
            assertEquals(2, doc.getElementsByTagName("Placemark").getLength(), "well-formed XML; unlocated events left out");
            assertTrue(kml.body().contains("&lt;script&gt;"), "script tag escaped as text");
            assertTrue(!kml.body().contains("\u0007"), "control characters XML forbids are dropped");

            HttpResponse<String> atom = s.get("/api/feed.atom?limit=10");
            assertEquals(200, atom.statusCode());
            var feed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(atom.body().getBytes(StandardCharsets.UTF_8)));
            assertEquals(3, feed.getElementsByTagName("entry").getLength());
            assertEquals(400, s.get("/api/export.csv?cursor=abc").statusCode(), "exports are not paged");
            assertEquals(400, s.get("/api/export.csv?max=0").statusCode());
            assertEquals(2, s.get("/api/export.csv?max=1").body().split("\r\n").length);
        }
    }

    @Test
    void changeFeedListsCreatedUpdatedAndDeletedInOrderAndResumesFromItsCursor() throws Exception {
        try (TestServer s = new TestServer(ApiServer.Limits.DEFAULT, ApiConfig.DEFAULT, TestServer.MINIMAL)) {
            String analyst = "Bearer " + s.createKey("a", org.sitrep.auth.Role.ANALYST, null);
            List<String> ids = new ArrayList<>();
            for (String id : List.of("1", "2")) {
                HttpResponse<String> r = s.request("POST", "/api/reports", ApiServerIT.report("wire", id, "Event " + id, "Text.",
                        "2026-11-20T08:00:00Z", 35.8, 36.8), "Authorization", analyst);
                ids.add(json(r).get("eventId").asText());
            }
            JsonNode first = json(s.get("/api/changes?since=0"));
            assertEquals(2, first.get("changes").size());
            assertEquals("created", first.at("/changes/0/kind").asText());
            assertEquals(ids.get(0), first.at("/changes/0/id").asText());
            assertEquals("Event 1", first.at("/changes/0/event/properties/title").asText());
            String cursor = first.get("next").asText();

            s.request("POST", "/api/events/" + ids.get(0) + "/merge", "{\"otherIds\":[\"" + ids.get(1) + "\"]}", "Authorization", analyst);
            JsonNode next = json(s.get("/api/changes?since=" + cursor));
            List<String> kinds = new ArrayList<>();
            next.get("changes").forEach(c -> kinds.add(c.get("kind").asText() + ":" + c.get("id").asText()));
            assertEquals(List.of("updated:" + ids.get(0), "deleted:" + ids.get(1)), kinds);
            assertTrue(next.at("/changes/1/event").isNull());
            long a = next.at("/changes/0/seq").asLong(), b = next.at("/changes/1/seq").asLong();
            assertTrue(Long.parseLong(cursor) < a && a < b, "in commit order after the cursor");
            assertEquals(0, json(s.get("/api/changes?since=" + next.get("next").asText())).get("changes").size(), "nothing twice");
            assertEquals(1, json(s.get("/api/changes?since=0&limit=1")).get("changes").size());
            assertEquals(400, s.get("/api/changes?since=-1").statusCode());
            assertEquals(400, s.get("/api/changes?since=abc").statusCode());
        }
    }

    /**
     * 100,000 events exported by a server in a separate JVM capped at 48 MB of heap: the GeoJSON alone
     * is larger than that heap, so the export cannot have been built in memory. The server runs the real
     * ApiServer over the real store, without the pipeline's models (exports do not use them; the
     * gazetteer and classifiers need more heap than this at start).
     */
    @Test
    void aHundredThousandEventsExportFromAServerWithA48MbHeap() throws Exception {
        int n = 100_000;
        Path dir = Files.createTempDirectory("sitrep-export");
        Path db = dir.resolve("big.db");
        long t = System.nanoTime();
        try (SqliteStore store = SqliteStore.open(db)) {
            Seeder.seed(store, n, T0);
        }
        System.out.printf("seeded %d events in %d ms%n", n, (System.nanoTime() - t) / 1_000_000);
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = childClassPath();
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(java, "-Xmx48m", "--enable-native-access=ALL-UNNAMED", "-cp", cp,
                "org.sitrep.testing.ExportServer", db.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = awaitPort(log, server);
            HttpClient http = HttpClient.newHttpClient();
            t = System.nanoTime();
            HttpResponse<InputStream> csv = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/export.csv")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, csv.statusCode(), () -> readLog(log));
            long rows = 0, bytes = 0;
            String header;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(csv.body(), StandardCharsets.UTF_8))) {
                header = r.readLine();
                String line;
                while ((line = r.readLine()) != null) {
                    rows++;
                    bytes += line.length() + 2;
                }
            }
            long csvMs = (System.nanoTime() - t) / 1_000_000;
            assertTrue(header.startsWith("event_id_cnty,"));
            assertEquals(n, rows, "every event exactly once");

            t = System.nanoTime();
            HttpResponse<InputStream> geo = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/export.geojson")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long features = 0;
            CountingStream counted = new CountingStream(geo.body());
            try (JsonParser p = Json.MAPPER.getFactory().createParser(counted)) {
                int depth = 0;
                JsonToken tok;
                while ((tok = p.nextToken()) != null) {
                    if (tok == JsonToken.START_OBJECT) {
                        if (depth == 2) features++; // root object, then the features array
                        depth++;
                    } else if (tok == JsonToken.END_OBJECT) {
                        depth--;
                    } else if (tok == JsonToken.START_ARRAY || tok == JsonToken.END_ARRAY) {
                        depth += tok == JsonToken.START_ARRAY ? 1 : -1;
                    }
                }
            }
            long geoMs = (System.nanoTime() - t) / 1_000_000;
            assertEquals(n, features, "a complete, well-formed FeatureCollection");
            assertTrue(counted.count > 48L * 1024 * 1024, "the GeoJSON (" + counted.count + " bytes) is larger than the server's whole heap");
            assertTrue(server.isAlive(), "no OutOfMemoryError");
            System.out.printf("export of %d events with -Xmx48m: CSV %d MB in %d ms, GeoJSON %d MB in %d ms%n",
                    n, bytes >> 20, csvMs, counted.count >> 20, geoMs);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
        }
        assertTrue(!Files.readString(log).contains("OutOfMemoryError"), Files.readString(log));
    }

    /**
     * The test class path without the shaded jar: Jetty mounts every jar holding static files as a zip
     * file system, and mounting the 100 MB shaded jar costs ~30 MB of heap at start (see the final report);
     * this test measures the export, so the server runs from target/classes and the dependency jars.
     */
    static String childClassPath() {
        List<String> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.endsWith("sitrep.jar")) out.add(Path.of(e).resolveSibling("classes").toString());
            else out.add(e);
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static int awaitPort(Path log, Process p) throws Exception {
        Pattern running = Pattern.compile("Sitrep is running: http://[^:]+:(\\d+)/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = running.matcher(Files.readString(log));
                if (m.find()) return Integer.parseInt(m.group(1));
            }
            if (!p.isAlive()) throw new AssertionError("server exited: " + Files.readString(log));
            Thread.sleep(100);
        }
        throw new AssertionError("server did not start: " + Files.readString(log));
    }

    static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) { super(in); }

        @Override public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
