package org.sitrep.ingest.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.LocalServer;
import org.sitrep.ingest.TestSources;
import org.sitrep.model.Report;

class BlueskyConnectorIT {
    private final LocalServer server = new LocalServer();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final BlueskyConnector connector = new BlueskyConnector(TestSources.localFetcher(), server.url(""));

    @AfterEach void stop() { server.close(); }

    @Test
    void authorFeedWithRepostsImagesAndIndexedAtCursor() throws Exception {
        server.route("/xrpc/app.bsky.feed.getAuthorFeed", ex -> {
            seen.add(ex.getRequestURI().getRawQuery());
            LocalServer.send(ex, 200, "application/json; charset=utf-8", LocalServer.readResource("bluesky-author-feed.json"));
        });
        var source = TestSources.source("bs", "bluesky", "https://bsky.app/profile/conflictmonitor.example.com");
        Batch b = connector.fetch(source, Cursor.START);
        assertEquals("actor=conflictmonitor.example.com&filter=posts_with_replies&limit=100", seen.get(0));
        assertEquals(2, b.reports().size());
        Report repost = b.reports().get(0);
        assertEquals("ar", repost.language());
        assertEquals("https://bsky.app/profile/reporter.example.org/post/3lbpzzz1aa12k", repost.url());
        assertEquals("@reporter.example.org", repost.author());
        Report own = b.reports().get(1);
        assertEquals("at://did:plc:w4xbfzo7kqfes5zb7r6qv3rw/app.bsky.feed.post/3lbq2xk5ua22c", own.externalId());
        assertEquals(Instant.parse("2026-11-24T09:45:10.512Z"), own.publishedAt());
        assertTrue(own.text().startsWith("Sudan: RSF shelling reported in El Fasher"), own.text());
        assertEquals(List.of("https://cdn.bsky.app/img/feed_fullsize/plain/did:plc:w4xbfzo7kqfes5zb7r6qv3rw/bafkreia@jpeg"), own.media());
        assertEquals(1, b.errors().size(), "the empty post: " + b.errors());
        assertEquals("2026-11-24T09:45:12.100Z", b.next().position());

        Batch again = connector.fetch(source, b.next());
        assertTrue(again.reports().isEmpty(), "nothing indexed after the cursor");
        assertEquals(b.next().position(), again.next().position());
    }

    @Test
    void searchPostsAndAppViewErrors() throws Exception {
        server.route("/xrpc/app.bsky.feed.searchPosts", ex -> {
            seen.add(ex.getRequestURI().getRawQuery());
            if (ex.getRequestURI().getRawQuery().contains("forbidden")) {
                LocalServer.send(ex, 400, "application/json", "{\"error\":\"InvalidRequest\",\"message\":\"bad query\"}");
            } else {
                LocalServer.send(ex, 200, "application/json", LocalServer.readResource("bluesky-search.json"));
            }
        });
        Batch b = connector.fetch(TestSources.source("q", "bluesky", "https://bsky.app/search?q=Khan%20Younis"), Cursor.START);
        assertEquals("q=Khan+Younis&sort=latest&limit=100", seen.get(0));
        assertEquals(1, b.reports().size());
        assertEquals(List.of("https://cdn.bsky.app/img/feed_fullsize/plain/x/convoy@jpeg"), b.reports().get(0).media());
        assertEquals(1, b.errors().size());
        FetchException e = assertThrows(FetchException.class,
                () -> connector.fetch(TestSources.source("q2", "bluesky", "search:forbidden"), Cursor.START));
        assertEquals(400, e.status());
    }
}
