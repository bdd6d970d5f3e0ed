package org.sitrep.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitrep.ingest.LocalServer;
import org.sitrep.ingest.TestSources;
import org.sitrep.ingest.mastodon.MastodonStreams;
import org.sitrep.internal.Json;
import org.sitrep.testing.TestServer;

/**
 * A Mastodon source whose server refuses streaming without a token: /api/sources shows the refusal on
 * the source itself (real streams supervisor, real local HTTP server on both sides), so an operator
 * sees why it only arrives at the poll's pace without reading the server log.
 */
class SourceStreamHealthIT {
    private final LocalServer mastodon = new LocalServer();
    private final TestServer s = new TestServer();
    private MastodonStreams streams;

    @AfterEach void stop() {
        if (streams != null) streams.close();
        s.close();
        mastodon.close();
    }

    @Test
    void aRefusedStreamShowsOnItsSource() throws Exception {
        mastodon.route("/api/v1/streaming/hashtag", ex -> LocalServer.send(ex, 401, "application/json", "{\"error\":\"The access token is invalid\"}"));
        s.sitrep.store().saveSource(TestSources.source("kherson", "mastodon", mastodon.url("/tags/Kherson")));
        s.sitrep.store().saveSource(TestSources.source("rss", "rss", mastodon.url("/feed.xml")));
        streams = new MastodonStreams(s.sitrep.store()::sources, TestSources.localFetcher(), r -> true,
                new MastodonStreams.Config(10, Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofHours(1),
                        600, Duration.ofMillis(100), Map.of()), Clock.systemUTC()).start();
        s.server.streams(streams::status);
        JsonNode kherson = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonNode src : Json.MAPPER.readTree(s.get("/api/sources").body())) {
                if (src.get("id").asText().equals("kherson") && src.has("stream") && src.get("stream").get("failures").asInt() > 0) kherson = src;
            }
            if (kherson != null) break;
            Thread.sleep(50);
        }
        assertTrue(kherson != null, "the refused stream's failure reaches /api/sources");
        JsonNode stream = kherson.get("stream");
        assertTrue(stream.get("lastError").asText().contains("401"), stream.toString());
        assertEquals(0, stream.get("reports").asInt());
        assertFalse(stream.get("nextAttempt").isNull(), "says when it tries again: " + stream);
        for (JsonNode src : Json.MAPPER.readTree(s.get("/api/sources").body())) {
            if (src.get("id").asText().equals("rss")) assertFalse(src.has("stream"), "a feed has no stream: " + src);
        }
    }
}
