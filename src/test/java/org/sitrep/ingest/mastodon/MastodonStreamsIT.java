package org.sitrep.ingest.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.ingest.LocalServer;
import org.sitrep.ingest.TestSources;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.store.ReportQuery;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * The streaming supervisor against a real local HTTP server that plays recorded-format SSE fixtures,
 * storing into a real SQLite store: reconnects with backoff, exactly-once storage across
 * reconnects, the refusal backoff, the per-stream rate limit, and stopping when a source goes.
 */
class MastodonStreamsIT {
    @TempDir Path dir;
    private final LocalServer server = new LocalServer();
    private MastodonStreams streams;

    @AfterEach void stop() {
        if (streams != null) streams.close();
        server.close();
    }

    private static MastodonStreams.Config fast() {
        return new MastodonStreams.Config(10, Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofHours(1),
                600, Duration.ofMillis(100), Map.of());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            Thread.sleep(20);
        }
    }

    private static void serveStream(com.sun.net.httpserver.HttpExchange ex, String fixture) throws java.io.IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        ex.getResponseBody().write(LocalServer.readResource(fixture));
        ex.getResponseBody().flush();
    }

    @Test
    void reconnectsAfterTheStreamEndsStoresEachStatusOnceAndStopsWhenTheSourceGoes() throws Exception {
        AtomicInteger connection = new AtomicInteger();
        List<String> auth = new CopyOnWriteArrayList<>();
        server.route("/api/v1/streaming/hashtag", ex -> {
            auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            int n = connection.incrementAndGet();
            if (n == 1) serveStream(ex, "mastodon-stream-1.txt");
            else if (n == 2) serveStream(ex, "mastodon-stream-2.txt");
            else LocalServer.send(ex, 502, "text/plain", "bad gateway");
        });
        List<Source> sources = new CopyOnWriteArrayList<>(List.of(
                TestSources.source("kherson", "mastodon", server.url("/tags/Kherson")),
                TestSources.source("account", "mastodon", server.url("/@osint_desk")),   // accounts have no public stream: polled only
                TestSources.source("rss", "rss", server.url("/feed.xml"))));
        try (SqliteStore store = SqliteStore.open(dir.resolve("s.db"))) {
            streams = new MastodonStreams(() -> sources, TestSources.localFetcher(), r -> store.addReport(r).created(),
                    fast().withTokens(Map.of("localhost", "tok-1")), Clock.systemUTC()).start();
            await(() -> store.stats().reports() == 3, "three statuses stored");
            await(() -> connection.get() >= 4, "reconnects after the stream ended and after failures");
            List<MastodonStreams.Status> status = streams.status();
            assertEquals(1, status.size(), "only the hashtag source streams: " + status);
            MastodonStreams.Status s = status.get(0);
            assertEquals("kherson", s.sourceId());
            assertEquals(3, s.reports(), "the status sent on both connections counts once");
            assertTrue(s.failures() >= 1 && s.lastError().contains("502"), s.toString());
            assertEquals("Bearer tok-1", auth.get(0));

            List<Report> stored = store.searchReports(new ReportQuery(null, null, null, null, 10, null)).items();
            assertEquals(List.of("@reporter", "@osint_desk", "@osint_desk"), stored.stream().map(Report::author).toList());
            assertTrue(stored.stream().anyMatch(r -> r.text().startsWith("Air raid alert in #Kherson; explosions")), stored.toString());
            assertTrue(stored.stream().noneMatch(r -> r.text().contains("(edited)")), "status.update is not a new report");

            sources.remove(0); // removed (or paused): its stream stops
            await(() -> streams.status().isEmpty(), "the stream stops");
            int after = connection.get();
            Thread.sleep(600);
            assertEquals(after, connection.get(), "no reconnects for a removed source");
        }
    }

    @Test
    void aServerThatRefusesStreamingIsAskedAgainOnlyAfterTheLongBackoff() throws Exception {
        server.route("/api/v1/streaming/public", ex -> LocalServer.send(ex, 401, "application/json", "{\"error\":\"This method requires an authenticated user\"}"));
        streams = new MastodonStreams(() -> List.of(TestSources.source("pub", "mastodon", server.url("/public"))), TestSources.localFetcher(),
                r -> true, fast(), Clock.systemUTC()).start();
        await(() -> !streams.status().isEmpty() && streams.status().get(0).failures() == 1, "the refusal");
        Thread.sleep(600);
        assertEquals(1, server.requests.get(), "not hammered: the next try is an hour away");
        assertTrue(streams.status().get(0).lastError().contains("401"));
    }

    @Test
    void aFirehoseBeyondTheRateLimitIsLeftToThePoll() throws Exception {
        server.route("/api/v1/streaming/hashtag", ex -> {
            if (server.requests.get() == 1) serveStream(ex, "mastodon-stream-1.txt");
            else LocalServer.send(ex, 503, "text/plain", "later");
        });
        List<Report> got = new CopyOnWriteArrayList<>();
        MastodonStreams.Config oneAMinute = new MastodonStreams.Config(10, Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ofHours(1), 1, Duration.ofMillis(100), Map.of());
        streams = new MastodonStreams(() -> List.of(TestSources.source("k", "mastodon", server.url("/tags/Kherson"))), TestSources.localFetcher(),
                r -> got.add(r), oneAMinute, Clock.systemUTC()).start();
        await(() -> !streams.status().isEmpty() && streams.status().get(0).dropped() == 1, "the second status dropped");
        assertEquals(1, got.size());
        assertEquals(1, streams.status().get(0).reports());
    }

    @Test
    void tokensParseFromHostEqualsToken() {
        assertEquals(Map.of("social.example.org", "abc", "mastodon.example.net", "x=y"),
                MastodonStreams.Config.parseTokens(" Social.Example.org=abc , mastodon.example.net=x=y,"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MastodonStreams.Config.parseTokens("social.example.org"));
        assertTrue(e.getMessage().contains("HOST=TOKEN"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MastodonStreams.Config.parseTokens("=secret"));
    }
}
