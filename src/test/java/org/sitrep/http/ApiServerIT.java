package org.sitrep.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitrep.internal.Json;
import org.sitrep.testing.Sse;
import org.sitrep.testing.TestServer;

class ApiServerIT {
    TestServer s;

    @BeforeEach void start() { s = new TestServer(new ApiServer.Limits(64 * 1024, 10, 100)); }

    @AfterEach void stop() { s.close(); }

    static String report(String source, String id, String title, String text, String time, Double lat, Double lon) {
        var n = Json.MAPPER.createObjectNode();
        n.put("source", source).put("externalId", id).put("url", "https://" + source + ".example/" + id)
                .put("title", title).put("text", text).put("publishedAt", time);
        if (lat != null) n.put("latitude", lat).put("longitude", lon);
        return n.toString();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception { return Json.MAPPER.readTree(r.body()); }

    @Test
    void postedReportsAreFoundByBboxTimeAndText() throws Exception {
        String batch = "[" + String.join(",",
                report("wire", "1", "Shelling in Saraqib", "Artillery shells hit the market of Saraqib.", "2026-11-20T08:00:00Z", 35.864, 36.806),
                report("wire", "2", "Protest in Kyiv", "Hundreds gathered on the square.", "2026-11-21T09:00:00Z", 50.45, 30.52),
                report("wire", "3", "Statement without a place", "The ministry said talks would resume.", "2026-11-21T10:00:00Z", null, null))
                + "]";
        HttpResponse<String> posted = s.post("/api/reports", batch);
        assertEquals(201, posted.statusCode(), posted.body());
        assertEquals(3, json(posted).get("accepted").asInt());

        JsonNode syria = json(s.get("/api/events?bbox=35,34,38,37"));
        assertEquals("FeatureCollection", syria.get("type").asText());
        assertEquals(1, syria.get("features").size());
        JsonNode f = syria.get("features").get(0);
        assertEquals(36.806, f.at("/geometry/coordinates/0").asDouble(), 1e-9, "GeoJSON order is lon, lat");
        assertEquals("Shelling in Saraqib", f.at("/properties/title").asText());

        assertEquals(2, json(s.get("/api/events?from=2026-11-21T00:00:00Z")).get("features").size());
        assertEquals(1, json(s.get("/api/events?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z")).get("features").size());
        JsonNode byText = json(s.get("/api/events?q=" + URLEncoder.encode("market saraq", StandardCharsets.UTF_8)));
        assertEquals(1, byText.get("features").size(), "prefix search over report text");
        JsonNode unlocated = json(s.get("/api/events?located=false"));
        assertEquals(1, unlocated.get("features").size());
        assertTrue(unlocated.at("/features/0/geometry").isNull(), "an unlocated event has no geometry, not a made-up point");

        String id = f.get("id").asText();
        JsonNode detail = json(s.get("/api/events/" + id));
        assertEquals("wire", detail.at("/properties/reports/0/report/sourceId").asText());
        assertTrue(detail.at("/properties/claimSides").has("denying"), "claims grouped by side for the detail view: " + detail);
        String reportId = detail.at("/properties/reports/0/report/id").asText();
        assertEquals(200, s.get("/api/reports/" + reportId).statusCode());
        assertEquals(1, json(s.get("/api/reports?q=square")).get("reports").size());
        JsonNode sources = json(s.get("/api/sources"));
        assertEquals("wire", sources.get(0).get("id").asText(), "a pushed report's source is registered");
        assertTrue(sources.get(0).has("health"), "each source carries its polling health");
    }

    @Test
    void pagingWithCursorVisitsEveryEventOnce() throws Exception {
        List<String> items = new ArrayList<>();
        String[][] towns = {{"Kharkiv", "49.99", "36.23"}, {"Aleppo", "36.20", "37.13"}, {"Sanaa", "15.35", "44.21"},
                {"Kabul", "34.53", "69.17"}, {"Tripoli", "32.89", "13.19"}, {"Bamako", "12.64", "-8.00"}, {"Caracas", "10.49", "-66.88"}};
        for (int i = 0; i < 7; i++) {
            items.add(report("feed", "p" + i, "Incident in " + towns[i][0], "Something happened in " + towns[i][0] + ".",
                    "2026-11-1" + i + "T0" + i + ":00:00Z", Double.parseDouble(towns[i][1]), Double.parseDouble(towns[i][2])));
        }
        assertEquals(201, s.post("/api/reports", "[" + String.join(",", items) + "]").statusCode());
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = json(s.get("/api/events?limit=3" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)));
            page.get("features").forEach(f -> seen.add(f.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? "" : page.get("nextCursor").asText();
        } while (!cursor.isEmpty());
        assertEquals(7, seen.size());
        assertEquals(7, seen.stream().distinct().count());
    }

    @Test
    void theSameReportPostedTwiceIsStoredOnce() throws Exception {
        String r = report("wire", "dup", "Strike", "A strike hit a depot.", "2026-11-20T08:00:00Z", 36.2, 37.1);
        assertEquals(201, s.post("/api/reports", r).statusCode());
        HttpResponse<String> again = s.post("/api/reports", r);
        assertEquals(200, again.statusCode());
        assertEquals("duplicate", json(again).get("status").asText());
        // Same canonical URL from another item id is a duplicate too.
        String sameUrl = r.replace("\"externalId\":\"dup\"", "\"externalId\":\"other\"");
        assertEquals("duplicate", json(s.post("/api/reports", sameUrl)).get("status").asText());
        assertEquals(1, json(s.get("/api/health")).get("reports").asInt());
    }

    @Test
    void badInputGetsA4xxThatNamesTheProblem() throws Exception {
        assertError(s.post("/api/reports", "{\"source\": "), 400, "malformed JSON");
        assertError(s.post("/api/reports", "{\"source\":\"x\",\"title\":\"t\"}"), 400, "publishedAt");
        assertError(s.post("/api/reports", report("x", "1", "t", "b", "yesterday", null, null)), 400, "publishedAt");
        assertError(s.post("/api/reports", "{\"source\":\"x\",\"title\":\"t\",\"publishedAt\":\"2026-11-20T08:00:00Z\",\"latitude\":95,\"longitude\":1}"), 400, "latitude");
        assertError(s.post("/api/reports", "{\"source\":\"x\",\"title\":\"t\",\"publishedAt\":\"2026-11-20T08:00:00Z\",\"colour\":1}"), 400, "colour");
        assertError(s.post("/api/reports", "[" + String.join(",", java.util.Collections.nCopies(11, "{}")) + "]"), 400, "at most 10");
        assertError(s.post("/api/reports", "{\"source\":\"x\",\"title\":\"" + "a".repeat(70_000) + "\"}"), 413, "larger than");
        assertError(s.get("/api/events?bbox=1,2,3"), 400, "bbox");
        assertError(s.get("/api/events?bbox=10,50,5,60"), 400, "west <= east");
        assertError(s.get("/api/events?state=maybe"), 400, "state");
        assertError(s.get("/api/events?limit=100000"), 400, "limit");
        assertError(s.get("/api/events?from=last-week"), 400, "from");
        assertError(s.get("/api/events?cursor=not-a-cursor"), 400, "cursor");
        assertError(s.get("/api/events?colour=red"), 400, "colour");
        assertError(s.get("/api/events/does-not-exist"), 404, "no event");
        assertError(s.get("/api/nothing-here"), 404, "not found");
    }

    private static void assertError(HttpResponse<String> r, int status, String mention) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode err = json(r).get("error");
        assertNotNull(err, "one JSON error shape: " + r.body());
        assertEquals(status, err.get("status").asInt());
        assertTrue(err.get("message").asText().contains(mention), "message should mention '" + mention + "': " + err);
        assertFalse(r.body().contains("Exception"), "no internals in the body: " + r.body());
    }

    @Test
    void streamDeliversNewEventsAndResumesFromLastEventId() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(s.url("/api/stream"))).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> stream = s.http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, stream.statusCode());
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        CompletableFuture<List<String>> firstEvent = CompletableFuture.supplyAsync(() -> Sse.readEvent(lines));
        Thread.sleep(300);
        s.post("/api/reports", report("tg", "42", "Drone attack on air base", "Drones were downed near Hmeimim.", "2026-11-22T01:00:00Z", 35.40, 35.95));
        List<String> ev = firstEvent.get(10, TimeUnit.SECONDS);
        assertTrue(ev.contains("event: created"), ev.toString());
        String id = ev.stream().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4);
        assertTrue(ev.stream().anyMatch(l -> l.startsWith("data: ") && l.contains("Drone attack on air base")));
        stream.body().close();

        s.post("/api/reports", report("tg", "43", "Second attack", "Protesters gathered in the square.", "2026-11-25T02:00:00Z", 48.5, 35.0));
        HttpResponse<InputStream> resumed = s.http.send(HttpRequest.newBuilder(URI.create(s.url("/api/stream")))
                .header("Accept", "text/event-stream").header("Last-Event-ID", id).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader again = new BufferedReader(new InputStreamReader(resumed.body(), StandardCharsets.UTF_8));
        List<String> next = CompletableFuture.supplyAsync(() -> Sse.readEvent(again)).get(10, TimeUnit.SECONDS);
        assertTrue(next.stream().anyMatch(l -> l.contains("Second attack")), "resumes after the last seen change: " + next);
        assertFalse(next.stream().anyMatch(l -> l.contains("Drone attack on air base")), "does not repeat what was seen");
        resumed.body().close();
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        assertEquals("ok", json(s.get("/api/health")).get("status").asText());
        HttpResponse<String> m = s.get("/metrics");
        assertEquals(200, m.statusCode());
        assertTrue(m.body().contains("sitrep_reports_accepted"), m.body());
    }
}
