package org.sitrep.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitrep.app.Ingestor;
import org.sitrep.auth.Role;
import org.sitrep.cluster.EventAssembler;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.internal.Json;
import org.sitrep.model.Report;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.CandidateQuery;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.Clusterer;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.testing.TestServer;

class ModerationIT {
    TestServer s;
    String analyst, viewer;

    @BeforeEach void start() {
        s = new TestServer();
        analyst = "Bearer " + s.createKey("desk", Role.ANALYST, null);
        viewer = "Bearer " + s.createKey("reader", Role.VIEWER, null);
    }

    @AfterEach void stop() { s.close(); }

    static JsonNode json(HttpResponse<String> r) throws Exception { return Json.MAPPER.readTree(r.body()); }

    String submit(String id, double lat, double lon) throws Exception {
        HttpResponse<String> r = s.request("POST", "/api/reports",
                ApiServerIT.report("wire", id, "Strike near Saraqib " + id, "Several strikes hit the town.", "2026-11-20T08:0" + id.length() + ":00Z", lat, lon),
                "Authorization", analyst);
        assertEquals(201, r.statusCode(), r.body());
        return json(r).get("eventId").asText();
    }

    HttpResponse<String> as(String auth, String method, String path, String body) {
        return s.request(method, path, body, "Authorization", auth);
    }

    /** A clusterer that puts every report into one given event: stands in for any clustering that joins reports to an event. */
    Ingestor joiningInto(String eventId) {
        Clusterer join = new Clusterer() {
            @Override public CandidateQuery candidateQuery(AnalyzedReport r) {
                Instant t = r.report().publishedAt();
                return new CandidateQuery(t.minus(Duration.ofDays(30)), t.plus(Duration.ofDays(30)), null, 0, 10);
            }
            @Override public ClusterDecision assign(AnalyzedReport r, List<EventCandidate> c) {
                return new ClusterDecision(eventId, 0.9, List.of("test: same incident"), null);
            }
        };
        return new Ingestor(s.sitrep.store(), s.sitrep.pipeline(), join, new EventAssembler(new AdmiraltyGrader()), Clock.systemUTC(),
                s.sitrep.teams().moderation());
    }

    Report laterReport(String id) {
        return new Report(null, "other-wire", id, "https://other.example/" + id, "Follow-up " + id, "More on the strikes.", "en",
                Instant.parse("2026-11-20T09:00:00Z"), Instant.now(), List.of(), new org.sitrep.model.GeoPoint(36.2, 37.1));
    }

    @Test
    void viewersAndAnonymousCannotModerate() throws Exception {
        String e = submit("1", 35.86, 36.8);
        assertEquals(403, as(viewer, "POST", "/api/events/" + e + "/state", "{\"state\":\"verified\"}").statusCode(), "viewer write: 403");
        assertEquals(401, s.post("/api/events/" + e + "/state", "{\"state\":\"verified\"}").statusCode(), "no key: 401");
        assertEquals(403, as(viewer, "PATCH", "/api/events/" + e, "{\"type\":\"Battles\"}").statusCode());
        assertEquals(403, as(viewer, "POST", "/api/events/" + e + "/notes", "{\"text\":\"x\"}").statusCode());
        assertEquals("pending", json(s.get("/api/events/" + e)).at("/properties/state").asText(), "nothing changed");
        assertEquals(400, as(analyst, "POST", "/api/events/" + e + "/state", "{\"state\":\"glorious\"}").statusCode());
        assertEquals(404, as(analyst, "POST", "/api/events/nope/state", "{\"state\":\"verified\"}").statusCode());
        assertEquals(400, as(analyst, "PATCH", "/api/events/" + e, "{\"location\":{\"lat\":95,\"lon\":0}}").statusCode());
    }

    @Test
    void analystDecisionsSurviveALaterReportJoiningTheEvent() throws Exception {
        String e = submit("1", 35.86, 36.8);
        HttpResponse<String> v = as(analyst, "POST", "/api/events/" + e + "/state", "{\"state\":\"disputed\",\"note\":\"two sources disagree\"}");
        assertEquals(200, v.statusCode(), v.body());
        assertEquals("disputed", json(v).at("/properties/state").asText());
        HttpResponse<String> edit = as(analyst, "PATCH", "/api/events/" + e,
                "{\"location\":{\"lat\":35.9,\"lon\":36.7,\"name\":\"Saraqib east\",\"precision\":\"exact\"},\"type\":\"Explosions/Remote violence\","
                        + "\"subType\":\"Air/drone strike\",\"actors\":[{\"name\":\"Unknown aircraft\",\"side\":\"unknown\"}]}");
        assertEquals(200, edit.statusCode(), edit.body());

        joiningInto(e).submit(laterReport("later-1"));

        JsonNode after = json(s.get("/api/events/" + e));
        assertEquals(2, after.at("/properties/reportCount").asInt(), "the later report joined");
        assertEquals("disputed", after.at("/properties/state").asText(), "an analyst state is not undone by a new report");
        assertEquals(36.7, after.at("/geometry/coordinates/0").asDouble(), 1e-9, "the moved pin stays (the new report is at 37.1)");
        assertEquals("Saraqib east", after.at("/properties/location/name").asText());
        assertEquals("Air/drone strike", after.at("/properties/subType").asText());
        assertEquals("Unknown aircraft", after.at("/properties/actors/0/name").asText());

        HttpResponse<String> auto = as(analyst, "POST", "/api/events/" + e + "/state", "{\"state\":\"automatic\"}");
        assertEquals("corroborated", json(auto).at("/properties/state").asText(), "back to the grader: two independent sources");

        assertEquals("staff", json(s.get("/api/events/" + e + "/history")).at("/history/0/actor").asText(), "the public does not see who");
        JsonNode history = json(as(viewer, "GET", "/api/events/" + e + "/history", null));
        List<String> actions = new ArrayList<>();
        history.get("history").forEach(h -> actions.add(h.get("action").asText()));
        assertEquals(List.of("event.state", "event.edit", "event.state"), actions);
        JsonNode firstState = history.at("/history/2");
        assertEquals("pending", firstState.at("/before/properties/state").asText());
        assertEquals("disputed", firstState.at("/after/properties/state").asText());
        assertTrue(firstState.get("actor").asText().startsWith("key:"));
        assertFalse(history.at("/history/0").has("address"), "client addresses stay in the admin audit view");
        assertEquals("two sources disagree", history.at("/notes/0/text").asText());
    }

    @Test
    void mergeMovesReportsDeletesTheOthersAndRedirectsLaterReports() throws Exception {
        String a = submit("1", 35.86, 36.8), b = submit("22", 35.87, 36.81), c = submit("333", 35.88, 36.82);
        long before = s.sitrep.store().lastChange();
        HttpResponse<String> m = as(analyst, "POST", "/api/events/" + a + "/merge", "{\"otherIds\":[\"" + b + "\",\"" + c + "\"]}");
        assertEquals(200, m.statusCode(), m.body());
        assertEquals(3, json(m).at("/properties/reportCount").asInt());
        HttpResponse<String> gone = s.get("/api/events/" + b);
        assertEquals(308, gone.statusCode(), "a merged-away event redirects to the survivor");
        assertEquals(a, gone.headers().firstValue("Location").orElseThrow());
        assertEquals(a, json(gone).at("/error/mergedInto").asText());
        assertEquals("event.merged_into", json(s.get("/api/events/" + b + "/history")).at("/history/0/action").asText());
        assertEquals(a, json(s.get("/api/events/" + b + "/history")).at("/history/0/after/into").asText());
        List<String> kinds = new ArrayList<>();
        s.sitrep.store().changesSince(before, 100).forEach(ch -> kinds.add(ch.kind() + ":" + ch.eventId()));
        assertTrue(kinds.contains("deleted:" + b) && kinds.contains("deleted:" + c) && kinds.contains("updated:" + a), kinds.toString());

        joiningInto(b).submit(laterReport("after-merge"));
        assertEquals(4, json(s.get("/api/events/" + a)).at("/properties/reportCount").asInt(), "a report clustered to a merged-away id goes to the survivor");
        assertEquals(400, as(analyst, "POST", "/api/events/" + a + "/merge", "{\"otherIds\":[\"" + a + "\"]}").statusCode());
        assertEquals(400, as(analyst, "POST", "/api/events/" + a + "/merge", "{\"otherIds\":[\"missing\"]}").statusCode());
        assertEquals("event.merge", json(s.get("/api/events/" + a + "/history")).at("/history/0/action").asText());
    }

    @Test
    void splitMovesTheChosenReportsToANewEventAndKeepsTheStateOfTheOld() throws Exception {
        String a = submit("1", 35.86, 36.8), b = submit("22", 35.0, 37.5);
        as(analyst, "POST", "/api/events/" + a + "/merge", "{\"otherIds\":[\"" + b + "\"]}");
        as(analyst, "POST", "/api/events/" + a + "/state", "{\"state\":\"verified\"}");
        JsonNode detail = json(s.get("/api/events/" + a));
        String movedReport = detail.at("/properties/reports/1/report/id").asText();
        HttpResponse<String> split = as(analyst, "POST", "/api/events/" + a + "/split", "{\"reportIds\":[\"" + movedReport + "\"]}");
        assertEquals(201, split.statusCode(), split.body());
        JsonNode res = json(split);
        assertEquals(1, res.at("/event/properties/reportCount").asInt());
        assertEquals("verified", res.at("/event/properties/state").asText());
        String newId = res.at("/newEvent/id").asText();
        JsonNode created = json(s.get("/api/events/" + newId));
        assertEquals(movedReport, created.at("/properties/reports/0/report/id").asText());
        assertEquals(37.5, created.at("/geometry/coordinates/0").asDouble(), 1e-9, "the new event is placed from its own report");
        assertEquals(java.util.Optional.of(newId), s.sitrep.teams().moderation().pinnedEvent(movedReport), "the split report is pinned where the analyst put it");
        assertEquals(java.util.Set.of(a), s.sitrep.teams().moderation().separatedFrom(movedReport), "and kept out of the event it was split from");
        String remaining = detail.at("/properties/reports/0/report/id").asText();
        assertEquals(400, as(analyst, "POST", "/api/events/" + a + "/split", "{\"reportIds\":[\"" + remaining + "\"]}").statusCode(),
                "a split cannot empty the event");
        assertEquals(400, as(analyst, "POST", "/api/events/" + a + "/split", "{\"reportIds\":[\"rnotthere\"]}").statusCode());
    }
}
