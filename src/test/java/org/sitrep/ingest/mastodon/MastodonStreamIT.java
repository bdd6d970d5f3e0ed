package org.sitrep.ingest.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.ItemError;
import org.sitrep.ingest.LocalServer;
import org.sitrep.ingest.TestSources;
import org.sitrep.model.Report;

class MastodonStreamIT {
    private final LocalServer server = new LocalServer();

    @AfterEach void stop() { server.close(); }

    private static final String STATUS = "{\"id\":\"113530000000000100\",\"created_at\":\"2026-11-24T10:00:00.000Z\",\"language\":\"en\","
            + "\"uri\":\"https://social.example.org/users/a/statuses/113530000000000100\",\"url\":\"https://social.example.org/@a/113530000000000100\","
            + "\"content\":\"<p>Explosions heard in <b>Odesa</b> port area.</p>\",\"spoiler_text\":\"\",\"media_attachments\":[]}";

    @Test
    void updatesBecomeReportsHeartbeatsAndOtherEventsAreIgnored() throws Exception {
        AtomicReference<String> auth = new AtomicReference<>();
        AtomicReference<String> query = new AtomicReference<>();
        server.route("/api/v1/streaming/hashtag", ex -> {
            auth.set(ex.getRequestHeaders().getFirst("Authorization"));
            query.set(ex.getRequestURI().getRawQuery());
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            String events = ":thump\n\n"
                    + "event: update\ndata: " + STATUS + "\n\n"
                    + "event: delete\ndata: 113530000000000050\n\n"
                    + "event: update\ndata: {not json\n\n"
                    + "event: update\ndata: " + STATUS.replace("100\"", "101\"").replace("Odesa", "Mykolaiv") + "\n\n";
            out.write(events.getBytes(StandardCharsets.UTF_8));
            out.flush();
        });
        List<Report> reports = new CopyOnWriteArrayList<>();
        List<String> ids = new CopyOnWriteArrayList<>();
        List<ItemError> errors = new CopyOnWriteArrayList<>();
        var source = TestSources.source("ms", "mastodon", server.url("/tags/Odesa"));
        try (MastodonStream stream = new MastodonStream(TestSources.localFetcher(), source, "token-123", Duration.ofSeconds(5), Clock.systemUTC())) {
            stream.run(new MastodonStream.Listener() {
                @Override public void report(Report r, String statusId) { reports.add(r); ids.add(statusId); }

                @Override public void skipped(ItemError e) { errors.add(e); }
            });
        }
        assertEquals("Bearer token-123", auth.get());
        assertEquals("tag=Odesa", query.get());
        assertEquals(List.of("113530000000000100", "113530000000000101"), ids);
        assertEquals("Explosions heard in Odesa port area.", reports.get(0).text());
        assertTrue(reports.get(1).text().contains("Mykolaiv"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).reason().contains("not valid JSON"));
    }

    @Test
    void silentStreamIsClosedAfterTheIdleTimeoutAndErrorsAreReported() throws Exception {
        server.route("/api/v1/streaming/public", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(":thump\n".getBytes(StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.route("/api/v1/streaming/public/local", ex -> LocalServer.send(ex, 401, "application/json", "{\"error\":\"auth required\"}"));
        long t0 = System.nanoTime();
        try (MastodonStream s = new MastodonStream(TestSources.localFetcher(), TestSources.source("p", "mastodon", server.url("/public")),
                null, Duration.ofMillis(400), Clock.systemUTC())) {
            s.run(new MastodonStream.Listener() {
                @Override public void report(Report r, String id) {}

                @Override public void skipped(ItemError e) {}
            });
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5_000, "closed after the idle timeout, not after the server gave up: " + ms + " ms");
        FetchException e = assertThrows(FetchException.class, () -> new MastodonStream(TestSources.localFetcher(),
                TestSources.source("l", "mastodon", server.url("/public/local")), null, Duration.ofSeconds(1), Clock.systemUTC())
                .run(null));
        assertEquals(401, e.status(), e.getMessage());
        assertThrows(FetchException.class, () -> MastodonStream.streamUrl("https://social.example.org/@someone"));
    }
}
