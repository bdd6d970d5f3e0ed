package org.sitrep.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.LocalServer;
import org.sitrep.ingest.TestSources;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Report;

class FeedConnectorIT {
    private final LocalServer server = new LocalServer();
    private final FeedConnector connector = new FeedConnector(TestSources.localFetcher());

    @AfterEach void stop() { server.close(); }

    @Test
    void rssWithGeoRssMediaAndBrokenItems() throws Exception {
        server.route("/rss", ex -> {
            ex.getResponseHeaders().set("ETag", "W/\"feed-1\"");
            if ("W/\"feed-1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) LocalServer.send(ex, 304, null, new byte[0]);
            else LocalServer.send(ex, 200, "application/rss+xml; charset=utf-8", LocalServer.readResource("rss-georss.xml"));
        });
        Batch b = connector.fetch(TestSources.source("wire", "rss", server.url("/rss")), Cursor.START);
        Map<String, Report> byId = b.reports().stream().collect(Collectors.toMap(Report::externalId, Function.identity()));
        assertEquals(4, b.reports().size(), "five items, one empty");
        Report kup = byId.get("wire-2026-11-24-0012");
        assertEquals("https://wire.example.net/2026/11/24/kupiansk-substation", kup.url());
        assertEquals(new GeoPoint(49.7106, 37.6156), kup.point());
        assertEquals(Instant.parse("2026-11-24T08:55:00Z"), kup.publishedAt());
        assertEquals("en", kup.language());
        assertFalse(kup.text().contains("<") || kup.text().contains("alert"), kup.text());
        assertTrue(kup.text().contains("Kupiansk early on Tuesday") && kup.text().contains("\n\nPower was cut"), kup.text());
        assertTrue(kup.media().contains("https://cdn.wire.example.net/photos/substation-large.jpg"), kup.media().toString());
        assertTrue(kup.media().contains("https://wire.example.net/img/substation.jpg"), "relative img resolved: " + kup.media());
        Report nik = byId.get("https://wire.example.net/2026/11/24/nikopol-shelling");
        assertEquals(new GeoPoint(47.5712, 34.3964), nik.point(), "W3C geo:lat/geo:long");
        assertTrue(nik.text().contains("Shevchenko street"), "content:encoded preferred as the longer body");
        assertEquals(List.of("https://cdn.wire.example.net/photos/nikopol.jpg"), nik.media());
        Report convoy = byId.get("wire-2026-11-24-0009");
        assertNull(convoy.point(), "an impossible point is dropped, the item kept");
        Report summary = b.reports().stream().filter(r -> r.title().startsWith("Evening")).findFirst().orElseThrow();
        assertEquals("https://wire.example.net/2026/11/23/summary", summary.url());
        assertEquals("Summary of the day's reports from the front line & the rear.", summary.text());
        assertEquals(2, b.errors().size(), b.errors().toString());
        assertTrue(b.errors().stream().anyMatch(e -> e.skipped() && e.position().equals("entry 4")));
        assertTrue(b.errors().stream().anyMatch(e -> !e.skipped() && e.reason().contains("out of range")));
        assertEquals("2026-11-24T08:55:00Z", b.next().position());

        Batch again = connector.fetch(TestSources.source("wire", "rss", server.url("/rss")), b.next());
        assertTrue(again.reports().isEmpty(), "304 Not Modified");
        assertEquals(b.next(), again.next());
    }

    @Test
    void atomWithGeoRssAndTrackingParameters() throws Exception {
        server.fixture("/atom", "atom-georss.xml", "application/atom+xml");
        Batch b = connector.fetch(TestSources.source("sahel", "atom", server.url("/atom")), Cursor.START);
        assertEquals(2, b.reports().size());
        Report djibo = b.reports().get(0);
        assertEquals("tag:sahel.example.org,2026:post-4411", djibo.externalId());
        assertEquals("Attaque contre un poste militaire près de Djibo", djibo.title());
        assertEquals("https://sahel.example.org/fr/2026/11/djibo-poste", djibo.url());
        assertEquals(Instant.parse("2026-11-24T04:20:00Z"), djibo.publishedAt());
        assertEquals(new GeoPoint(14.1021, -1.6279), djibo.point());
        assertEquals("Rédaction", djibo.author());
        Report gao = b.reports().get(1);
        assertEquals(Instant.parse("2026-11-23T16:45:00Z"), gao.publishedAt(), "updated when published is missing");
        assertTrue(gao.text().startsWith("Les commerçants"), gao.text());
    }

    @Test
    void charsetDeclaredOnlyInTheXmlDeclaration() throws Exception {
        server.fixture("/cp1251", "rss-cp1251.xml", "text/xml");
        Batch b = connector.fetch(TestSources.source("nr", "rss", server.url("/cp1251")), Cursor.START);
        assertEquals("Обстрел Белгорода: повреждены два дома", b.reports().get(0).title());
        assertEquals("ru", b.reports().get(0).language());
    }

    @Test
    void notWellFormedFeedIsRecoveredEntryByEntry() throws Exception {
        server.fixture("/amp", "rss-bare-ampersand.xml", "application/rss+xml");
        Batch b = connector.fetch(TestSources.source("cm", "rss", server.url("/amp")), Cursor.START);
        assertEquals(List.of("cm-301", "cm-302", "cm-303"), b.reports().stream().map(Report::externalId).toList());
        Report roads = b.reports().get(1);
        assertEquals("Roads & bridges: Zaporizhzhia highway closed", roads.title());
        assertEquals("https://coastal.example.org/2026/11/24/highway?src=rss&id=302", roads.url());
        assertTrue(roads.text().startsWith("Traffic was diverted"), roads.text());
        assertEquals(new GeoPoint(46.7569, 36.7986), b.reports().get(0).point());
        assertEquals(Instant.parse("2026-11-24T18:00:00Z"), b.reports().get(2).publishedAt());
        assertEquals("en", roads.language());
        assertTrue(b.errors().get(0).reason().contains("recovered leniently"), b.errors().toString());
    }

    @Test
    void malformedXmlDoctypeAndServerErrorsFailTheFeedWithAReason() {
        server.fixture("/bad", "malformed.xml", "application/rss+xml");
        server.fixture("/xxe", "doctype-entity.xml", "application/rss+xml");
        server.route("/500", ex -> LocalServer.send(ex, 500, "text/html", "<h1>Internal Server Error</h1>"));
        server.route("/html", ex -> LocalServer.send(ex, 200, "text/html", "<html><body>Not a feed</body></html>"));
        FetchException bad = assertThrows(FetchException.class, () -> connector.fetch(TestSources.source("b", "rss", server.url("/bad")), Cursor.START));
        assertEquals(FetchException.Reason.BAD_CONTENT, bad.reason());
        FetchException xxe = assertThrows(FetchException.class, () -> connector.fetch(TestSources.source("x", "rss", server.url("/xxe")), Cursor.START));
        assertEquals(FetchException.Reason.BAD_CONTENT, xxe.reason());
        assertFalse(xxe.getMessage().contains("root:"), "no file content leaked");
        FetchException e500 = assertThrows(FetchException.class, () -> connector.fetch(TestSources.source("e", "rss", server.url("/500")), Cursor.START));
        assertEquals(500, e500.status());
        FetchException html = assertThrows(FetchException.class, () -> connector.fetch(TestSources.source("h", "rss", server.url("/html")), Cursor.START));
        assertEquals(FetchException.Reason.BAD_CONTENT, html.reason());
    }
}
