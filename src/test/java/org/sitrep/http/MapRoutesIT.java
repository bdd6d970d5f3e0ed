package org.sitrep.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitrep.internal.Json;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.Fatalities;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.testing.TestServer;

/** /api/config and the compact event list the map loads, over real HTTP. */
class MapRoutesIT {

    @Test void configSaysWhichBaseMapToDraw() throws Exception {
        try (TestServer online = new TestServer(WebSettings.DEFAULT); TestServer offline = new TestServer(WebSettings.OFFLINE)) {
            JsonNode on = Json.MAPPER.readTree(online.get("/api/config").body());
            assertEquals(WebSettings.OSM_URL, on.path("tiles").path("url").asText());
            assertEquals(WebSettings.OSM_ATTRIBUTION, on.path("tiles").path("attribution").asText());
            JsonNode off = Json.MAPPER.readTree(offline.get("/api/config").body());
            assertTrue(off.get("tiles").isNull());
            assertEquals(200, offline.get(off.path("borders").asText()).statusCode(), "the borders file is served");
        }
    }

    @Test void compactPagesCoverEveryEventOnceNewestFirst() throws Exception {
        try (TestServer server = new TestServer(WebSettings.OFFLINE)) {
            Instant now = Instant.now();
            server.sitrep.store().inTransaction(() -> {
                for (int i = 0; i < 25; i++) {
                    Instant t = now.minus(Duration.ofMinutes(i));
                    EventLocation loc = i % 5 == 0 ? null : new EventLocation(new GeoPoint(35 + i * 0.01, 36), LocationPrecision.EXACT, "Town " + i, null, "SY", "test");
                    server.sitrep.store().commitEvent(new Event("e" + i, "Event " + i, "", loc, new TimeWindow(t, t, TimePrecision.EXACT),
                            i % 2 == 0 ? "Battles" : "Protests", null, List.of(new Actor("A", "other", i % 3 == 0 ? "side-a" : "unknown", "actor1")),
                            Fatalities.UNKNOWN, List.of("r" + i), List.of(), EventState.PENDING, 1, 6, "", t, t, 1), List.of());
                }
                return null;
            });
            Set<String> seen = new HashSet<>();
            String cursor = null;
            long last = Long.MAX_VALUE;
            int pages = 0;
            do {
                var res = server.get("/api/map/events?pageSize=10" + (cursor == null ? "" : "&cursor=" + cursor));
                assertEquals(200, res.statusCode(), res.body());
                JsonNode page = Json.MAPPER.readTree(res.body());
                assertEquals("id", page.path("columns").get(0).asText());
                for (JsonNode row : page.path("rows")) {
                    assertTrue(seen.add(row.get(0).asText()), "each event once");
                    assertTrue(row.get(7).asLong() <= last, "newest first");
                    last = row.get(7).asLong();
                }
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
                pages++;
            } while (cursor != null);
            assertEquals(25, seen.size());
            assertEquals(3, pages);

            JsonNode battles = Json.MAPPER.readTree(server.get("/api/map/events?type=Battles").body());
            assertEquals(13, battles.path("rows").size(), "same filters as /api/events");
            JsonNode first = Json.MAPPER.readTree(server.get("/api/map/events?pageSize=1").body()).path("rows").get(0);
            assertEquals("e0", first.get(0).asText());
            assertTrue(first.get(1).isNull() && first.get(2).isNull(), "unlocated: null coordinates, never a made-up point");
            assertEquals("side-a", first.get(6).asText());
            assertEquals("r0", first.get(13).get(0).asText());
            assertNull(Json.MAPPER.readTree(server.get("/api/map/events?pageSize=1").body()).path("rows").get(0).get(12).textValue());
        }
    }

    @Test void badParametersAre400sThatNameTheParameter() throws Exception {
        try (TestServer server = new TestServer(WebSettings.OFFLINE)) {
            for (String q : List.of("pageSize=0", "pageSize=10001", "pageSize=ten", "limit=5", "from=yesterday")) {
                var res = server.get("/api/map/events?" + q);
                assertEquals(400, res.statusCode(), q);
                String field = q.substring(0, q.indexOf('='));
                assertEquals(field, Json.MAPPER.readTree(res.body()).path("error").path("field").asText(), q);
            }
            assertEquals(400, server.get("/api/config?x=1").statusCode());
        }
    }
}
