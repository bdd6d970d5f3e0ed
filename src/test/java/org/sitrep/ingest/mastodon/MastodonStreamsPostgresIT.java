package org.sitrep.ingest.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.ingest.LocalServer;
import org.sitrep.ingest.TestSources;
import org.sitrep.store.postgres.PostgresStore;
import org.sitrep.testing.EmbeddedPg;

/**
 * Two nodes on one real PostgreSQL database, each with its own store and streams supervisor, against a
 * local Mastodon server that tells the nodes apart by their access tokens: only one node streams the
 * source, and when it stops, the other takes the source over.
 */
class MastodonStreamsPostgresIT {
    static EmbeddedPg pg;

    @BeforeAll static void startServer() { pg = EmbeddedPg.start(); }

    @AfterAll static void stopServer() { if (pg != null) pg.close(); }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            Thread.sleep(20);
        }
    }

    private static MastodonStreams.Config config(String token) {
        return new MastodonStreams.Config(10, Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofHours(1),
                600, Duration.ofMillis(100), Map.of("localhost", token));
    }

    @Test
    void oneNodeStreamsASourceAndAnotherTakesItOverWhenItStops() throws Exception {
        List<String> tokens = new CopyOnWriteArrayList<>();
        try (LocalServer mastodon = new LocalServer()) {
            mastodon.route("/api/v1/streaming/hashtag", ex -> {
                tokens.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                ex.getResponseHeaders().set("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                ex.getResponseBody().write(":thump\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                ex.getResponseBody().flush();
                ex.close(); // the stream ends: the node holding the source reconnects after its short backoff
            });
            var source = TestSources.source("kherson", "mastodon", mastodon.url("/tags/Kherson"));
            String url = pg.newDatabase();
            try (PostgresStore a = PostgresStore.open(url, 4); PostgresStore b = PostgresStore.open(url, 4);
                 PostgresStreamClaims claimsA = new PostgresStreamClaims(a); PostgresStreamClaims claimsB = new PostgresStreamClaims(b)) {
                MastodonStreams nodeA = new MastodonStreams(() -> List.of(source), TestSources.localFetcher(), r -> true, config("node-a"),
                        Clock.systemUTC(), claimsA).start();
                await(() -> tokens.size() >= 2, "node a streams");
                MastodonStreams nodeB = new MastodonStreams(() -> List.of(source), TestSources.localFetcher(), r -> true, config("node-b"),
                        Clock.systemUTC(), claimsB).start();
                try {
                    int seen = tokens.size();
                    await(() -> tokens.size() >= seen + 8, "more reconnects");
                    Thread.sleep(300); // several rescans of node b
                    assertEquals(Set.of("Bearer node-a"), Set.copyOf(tokens), "only the claim holder connects");
                    assertTrue(nodeB.status().isEmpty(), "node b runs no stream: " + nodeB.status());

                    nodeA.close(); // releases its claim (a dying node's session would release it too)
                    await(() -> tokens.contains("Bearer node-b"), "node b takes the source over");
                    assertEquals(1, nodeB.status().size());
                } finally {
                    nodeA.close();
                    nodeB.close();
                }
            }
        }
    }
}
