package org.sitrep.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.app.Ingestor;
import org.sitrep.cluster.EventAssembler;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.http.ApiServer;
import org.sitrep.internal.Json;
import org.sitrep.model.Event;
import org.sitrep.model.Report;
import org.sitrep.normalize.Normalizer;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.CandidateQuery;
import org.sitrep.pipeline.ClaimExtractor;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.Clusterer;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.Extractor;
import org.sitrep.pipeline.Geoparser;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.store.EventQuery;
import org.sitrep.testing.EmbeddedPg;
import org.sitrep.testing.Sse;

/**
 * Several Sitrep nodes on one PostgreSQL database, each with its own store (connection pool), ingest
 * service and HTTP server, as separate machines would run them.
 */
class MultiNodeIT {
    static EmbeddedPg pg;

    @BeforeAll static void startServer() { pg = EmbeddedPg.start(); }

    @AfterAll static void stopServer() { if (pg != null) pg.close(); }

    /** One node: its own pool on the shared database, ingest service and HTTP server. */
    static final class Node implements AutoCloseable {
        final PostgresStore store;
        final Ingestor ingestor;
        final ApiServer server;

        Node(String url, Clusterer clusterer) {
            store = PostgresStore.open(url, 8);
            Pipeline pipeline = new Pipeline(new Normalizer(), Geoparser.SOURCE_COORDINATES_ONLY, Extractor.UNCLASSIFIED, ClaimExtractor.NONE);
            ingestor = new Ingestor(store, pipeline, clusterer, new EventAssembler(new AdmiraltyGrader()), Clock.systemUTC());
            server = new ApiServer(store, ingestor, ApiServer.Limits.DEFAULT, Clock.systemUTC()).start("127.0.0.1", 0);
        }

        String url(String path) { return "http://127.0.0.1:" + server.port() + path; }

        @Override public void close() {
            server.close();
            store.close();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test void aReportIngestedOnOneNodeReachesStreamClientsOfTheOther() throws Exception {
        String url = pg.newDatabase();
        try (Node a = new Node(url, Clusterer.SINGLETONS); Node b = new Node(url, Clusterer.SINGLETONS)) {
            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(b.url("/api/stream")))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, stream.statusCode());
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> Sse.readEvent(lines));
            Thread.sleep(300);
            var n = Json.MAPPER.createObjectNode();
            n.put("source", "tg:a").put("externalId", "1").put("title", "Drone strike near Saraqib")
                    .put("text", "A drone hit a car on the M4 road.").put("publishedAt", "2026-11-22T01:00:00Z")
                    .put("latitude", 35.86).put("longitude", 36.80);
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(a.url("/api/reports")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(n.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, posted.statusCode(), posted.body());
            List<String> event = first.get(10, TimeUnit.SECONDS);
            assertTrue(event.contains("event: created"), event.toString());
            assertTrue(event.stream().anyMatch(l -> l.startsWith("data: ") && l.contains("Drone strike near Saraqib")), event.toString());
            stream.body().close();

            HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(b.url("/api/events?q=saraqib"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(1, Json.MAPPER.readTree(listed.body()).get("features").size(), "the other node's API finds it too");
        }
    }

    /** Joins the first candidate, else starts an event; slow, to widen the window in which two nodes could race. */
    static final Clusterer SAME_HOUR = new Clusterer() {
        @Override public CandidateQuery candidateQuery(AnalyzedReport r) {
            Instant t = r.report().publishedAt();
            return new CandidateQuery(t.minusSeconds(3600), t.plusSeconds(3600), null, 0, 50);
        }

        @Override public ClusterDecision assign(AnalyzedReport r, List<EventCandidate> candidates) {
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (candidates.isEmpty()) return ClusterDecision.newEvent("no event within the hour");
            return new ClusterDecision(candidates.get(0).event().id(), 1, List.of("same hour"), null);
        }
    };

    @Test void twoNodesIngestingOneIncidentAtOnceBuildOneEvent() throws Exception {
        String url = pg.newDatabase();
        int perNode = 12;
        try (Node a = new Node(url, SAME_HOUR); Node b = new Node(url, SAME_HOUR)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Ingestor.Outcome>> outcomes = new ArrayList<>();
            Instant t = Instant.parse("2026-11-22T01:00:00Z");
            try {
                for (int i = 0; i < 2 * perNode; i++) {
                    Ingestor target = i % 2 == 0 ? a.ingestor : b.ingestor;
                    Report r = new Report(null, "src:" + i, "p" + i, null, "Shelling of Ariha, report " + i, "Report number " + i,
                            null, t.plusSeconds(i), null, List.of(), null);
                    outcomes.add(pool.submit(() -> {
                        go.await();
                        return target.submit(r);
                    }));
                }
                go.countDown();
                Set<String> eventIds = new HashSet<>();
                for (Future<Ingestor.Outcome> f : outcomes) eventIds.add(f.get(60, TimeUnit.SECONDS).eventId());
                assertEquals(1, eventIds.size(), "every report joined the one event: " + eventIds);
            } finally {
                pool.shutdownNow();
            }
            List<Event> events = a.store.searchEvents(EventQuery.all(100)).items();
            assertEquals(1, events.size(), "one incident, one event, whichever node took each report");
            assertEquals(2 * perNode, a.store.members(events.get(0).id()).size());
            assertEquals(2 * perNode, events.get(0).reportIds().size());
            assertEquals(2 * perNode, events.get(0).version(), "each report was one update, none lost to a conflict");
            assertTrue(a.store.unattachedReports(10).isEmpty());
        }
    }

    @Test void resumingOnTwoNodesAttachesEachReportOnce() {
        String url = pg.newDatabase();
        try (PostgresStore seed = PostgresStore.open(url, 2)) {
            for (int i = 0; i < 20; i++) {
                seed.addReport(new Report(null, "src:" + i, "r" + i, null, "Stored before a crash " + i, "text " + i, null,
                        Instant.parse("2026-11-22T01:00:00Z").plusSeconds(i * 7200L), null, List.of(), null));
            }
        }
        try (Node a = new Node(url, Clusterer.SINGLETONS); Node b = new Node(url, Clusterer.SINGLETONS)) {
            CompletableFuture<Integer> ra = CompletableFuture.supplyAsync(a.ingestor::resume);
            CompletableFuture<Integer> rb = CompletableFuture.supplyAsync(b.ingestor::resume);
            ra.join();
            rb.join();
            assertEquals(20, a.store.stats().events(), "each stored report became exactly one event");
            assertTrue(a.store.unattachedReports(10).isEmpty());
        }
    }
}
