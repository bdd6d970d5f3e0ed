package org.sitrep.ingest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.LocalServer;
import org.sitrep.ingest.TestSources;
import org.sitrep.model.Report;

class WebPageConnectorIT {
    private final LocalServer server = new LocalServer();

    @AfterEach void stop() { server.close(); }

    @Test
    void extractsTheArticleAndAddsOnlyChangedText() throws Exception {
        server.fixture("/world/talks", "article.html", "text/html; charset=utf-8");
        WebPageConnector connector = new WebPageConnector(TestSources.localFetcher());
        var source = TestSources.source("hp", "web", server.url("/world/talks"));
        Batch b = connector.fetch(source, Cursor.START);
        assertEquals(1, b.reports().size());
        Report r = b.reports().get(0);
        assertEquals("Ceasefire talks stall as shelling resumes in the south", r.title());
        assertEquals("https://harbourpost.example/world/2026/11/24/ceasefire-talks-stall", r.url());
        assertEquals(Instant.parse("2026-11-24T05:15:00Z"), r.publishedAt());
        assertEquals("en", r.language());
        assertEquals("Marta Kowalczyk", r.author(), "the byline reaches the report");
        assertEquals(List.of("https://img.harbourpost.example/2026/11/24/talks-hero.jpg"), r.media());
        assertTrue(r.text().startsWith("Negotiators left the second round"), r.text());
        assertTrue(r.text().contains("Mediators said a third round"), r.text());
        for (String noise : List.of("cookies", "Related", "All rights reserved", "Sport", "tracking")) {
            assertFalse(r.text().contains(noise), "no '" + noise + "' in: " + r.text());
        }
        Batch again = connector.fetch(source, b.next());
        assertTrue(again.reports().isEmpty(), "same text, nothing new");
    }

    @Test
    void authorAndLeadImageFromMetadata() {
        Article a = new ArticleExtractor().extract(new String(LocalServer.readResource("article.html"), java.nio.charset.StandardCharsets.UTF_8),
                "https://harbourpost.example/world/talks");
        assertEquals("Marta Kowalczyk", a.author());
        assertEquals("https://img.harbourpost.example/2026/11/24/talks-hero.jpg", a.leadImage());
    }
}
