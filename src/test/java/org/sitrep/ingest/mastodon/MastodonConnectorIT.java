package org.sitrep.ingest.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.LocalServer;
import org.sitrep.ingest.TestSources;
import org.sitrep.model.Report;

class MastodonConnectorIT {
    private final LocalServer server = new LocalServer();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final MastodonConnector connector = new MastodonConnector(TestSources.localFetcher());

    @AfterEach void stop() { server.close(); }

    @Test
    void hashtagTimelineWithMinIdCursor() throws Exception {
        server.route("/api/v1/timelines/tag/Kherson", ex -> {
            seen.add(ex.getRequestURI().toString());
            LocalServer.send(ex, 200, "application/json; charset=utf-8", LocalServer.readResource("mastodon-tag.json"));
        });
        var source = TestSources.source("m", "mastodon", server.url("/tags/Kherson"));
        Batch b = connector.fetch(source, Cursor.START);
        assertEquals("/api/v1/timelines/tag/Kherson?limit=40", seen.get(0));
        assertEquals(2, b.reports().size());
        Report reblogged = b.reports().get(0);
        assertEquals("https://other.example.net/users/reporter/statuses/776655", reblogged.externalId(), "a boost is stored as its original");
        assertEquals("https://other.example.net/@reporter/776655", reblogged.url());
        assertEquals("Casualties", reblogged.title(), "content warning as title");
        assertEquals("uk", reblogged.language());
        assertEquals("@reporter@other.example.net", reblogged.author(), "a boost's author is the original poster");
        Report own = b.reports().get(1);
        assertEquals(Instant.parse("2026-11-24T09:31:12Z"), own.publishedAt());
        assertTrue(own.text().startsWith("Geolocated: the strike on the fuel depot in #Kherson was at 46.6354, 32.6169."), own.text());
        assertFalse(own.text().contains("<"));
        assertEquals(List.of("https://files.social.example.org/media_attachments/files/113/530/original/depot.jpg"), own.media());
        assertEquals(2, b.errors().size(), b.errors().toString());
        assertEquals("113530000000000003", b.next().position());

        connector.fetch(source, b.next());
        assertEquals("/api/v1/timelines/tag/Kherson?limit=40&min_id=113530000000000003", seen.get(1));
    }

    @Test
    void accountTimelineResolvesTheHandleOnce() throws Exception {
        server.fixture("/api/v1/accounts/lookup", "mastodon-lookup.json", "application/json");
        server.route("/api/v1/accounts/10901/statuses", ex -> {
            seen.add(ex.getRequestURI().toString());
            LocalServer.send(ex, 200, "application/json", "[]");
        });
        var source = TestSources.source("acct", "mastodon", server.url("/@osint_desk"));
        connector.fetch(source, Cursor.START);
        Batch b = connector.fetch(source, new Cursor("5", null));
        assertTrue(b.reports().isEmpty());
        assertEquals("5", b.next().position(), "an empty page keeps the cursor");
        assertEquals(2, seen.size());
        assertEquals(3, server.requests.get(), "the account lookup is cached: one lookup, two timeline calls");
    }

    @Test
    void snowflakeIdsCompareAsNumbers() {
        assertTrue(MastodonConnector.newer("113530000000000010", "99999999999999999"));
        assertFalse(MastodonConnector.newer("5", "10"));
    }
}
