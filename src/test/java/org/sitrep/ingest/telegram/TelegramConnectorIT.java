package org.sitrep.ingest.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.LocalServer;
import org.sitrep.ingest.TestSources;
import org.sitrep.model.Report;

class TelegramConnectorIT {
    private final LocalServer server = new LocalServer();
    private final TelegramConnector connector = new TelegramConnector(TestSources.localFetcher());

    @AfterEach void stop() { server.close(); }

    @Test
    void readsPostsAndResumesAfterTheLastPostId() throws Exception {
        AtomicReference<String> query = new AtomicReference<>();
        server.route("/s/frontline_monitor", ex -> {
            query.set(ex.getRequestURI().getQuery());
            String file = ex.getRequestURI().getQuery() == null ? "telegram-channel.html" : "telegram-after.html";
            LocalServer.send(ex, 200, "text/html; charset=utf-8", LocalServer.readResource(file));
        });
        var source = TestSources.source("tg", "telegram", server.url("/s/frontline_monitor"));
        Batch b = connector.fetch(source, Cursor.START);
        assertEquals(3, b.reports().size(), b.reports().toString());
        Report first = b.reports().get(0);
        assertEquals("telegram:frontline_monitor/4810", first.externalId());
        assertEquals("https://t.me/frontline_monitor/4810", first.url());
        assertEquals("Frontline Monitor", first.author(), "an unsigned post is the channel's");
        assertEquals(Instant.parse("2026-11-24T06:52:11Z"), first.publishedAt());
        assertTrue(first.text().startsWith("Kharkiv, 24 November. Two missiles hit"), first.text());
        assertTrue(first.text().contains("\n\nEmergency services report three injured. Earlier update"), first.text());
        assertFalse(first.text().contains("views") || first.text().contains("06:52"), "footer is not text");
        assertEquals(List.of("https://cdn4.telesco.pe/file/a1b2c3-kharkiv-1.jpg"), first.media());
        Report reply = b.reports().get(1);
        assertEquals("Update: the number of injured in Kharkiv has risen to five, according to the regional governor.", reply.text(),
                "the quoted message is not part of the reply's text");
        Report video = b.reports().get(2);
        assertEquals(List.of("https://cdn4.telesco.pe/file/video-thumb-4812.jpg", "https://cdn4.telesco.pe/file/video-4812.mp4"), video.media());
        assertEquals(2, b.errors().size(), b.errors().toString());
        assertTrue(b.errors().stream().anyMatch(e -> e.position().endsWith("/4813") && e.reason().contains("neither text nor media")));
        assertTrue(b.errors().stream().anyMatch(e -> e.position().endsWith("/4814") && e.reason().contains("time")));
        assertEquals("4814", b.next().position());

        Batch next = connector.fetch(source, b.next());
        assertEquals("after=4814", query.get());
        assertEquals(1, next.reports().size());
        assertEquals("telegram:frontline_monitor/4815", next.reports().get(0).externalId());
        assertEquals("Морська піхота повідомляє про бої поблизу Кринок.", next.reports().get(0).text());
        assertEquals("4815", next.next().position());
    }

    @Test
    void channelNamesBecomePreviewUrlsAndNonPreviewsAreRefused() throws Exception {
        assertEquals("https://t.me/s/frontline_monitor", TelegramConnector.previewUrl("@frontline_monitor"));
        assertEquals("https://t.me/s/frontline_monitor", TelegramConnector.previewUrl("https://t.me/frontline_monitor"));
        assertEquals("https://t.me/s/frontline_monitor", TelegramConnector.previewUrl("t.me/s/frontline_monitor"));
        assertThrows(FetchException.class, () -> TelegramConnector.previewUrl("no spaces allowed"));
        server.route("/s/private", ex -> LocalServer.send(ex, 200, "text/html", "<html><body><div class=\"login\">Sign in</div></body></html>"));
        FetchException e = assertThrows(FetchException.class,
                () -> connector.fetch(TestSources.source("p", "telegram", server.url("/s/private")), Cursor.START));
        assertEquals(FetchException.Reason.BAD_CONTENT, e.reason());
    }
}
