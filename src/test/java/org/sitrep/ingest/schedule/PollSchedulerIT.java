package org.sitrep.ingest.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.ingest.Connectors;
import org.sitrep.ingest.LocalServer;
import org.sitrep.ingest.MutableClock;
import org.sitrep.ingest.TestSources;
import org.sitrep.model.Source;
import org.sitrep.store.ReportQuery;
import org.sitrep.store.sqlite.SqliteStore;

class PollSchedulerIT {
    @TempDir Path dir;
    private final LocalServer server = new LocalServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final AtomicInteger feedRequests = new AtomicInteger();
    private SqliteStore store;
    private SqliteSourceStateStore state;
    private PollScheduler scheduler;

    @BeforeEach
    void setUp() {
        server.route("/rss", ex -> {
            feedRequests.incrementAndGet();
            ex.getResponseHeaders().set("ETag", "\"1\"");
            if ("\"1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) LocalServer.send(ex, 304, null, new byte[0]);
            else LocalServer.send(ex, 200, "application/rss+xml", LocalServer.readResource("rss-georss.xml"));
        });
        server.route("/down", ex -> LocalServer.send(ex, 503, "text/plain", "maintenance"));
        store = SqliteStore.open(dir.resolve("sitrep.db"));
        state = new SqliteSourceStateStore(store, ReportSink.STORE_ONLY);
        scheduler = new PollScheduler(state, Connectors.standard(TestSources.localFetcher(), clock),
                new PollPlanner(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(6), 0.1, new Random(7)),
                new PollScheduler.Config(8, Duration.ofMinutes(5), Duration.ofMillis(50)), clock);
    }

    @AfterEach
    void tearDown() {
        scheduler.close();
        store.close();
        server.close();
    }

    private void add(String id, String type, String url, boolean paused) {
        store.saveSource(new Source(id, id, type, url, null, null, 'C', Duration.ofMinutes(5), paused));
    }

    @Test
    void pollsDueSourcesCommitsReportsCursorAndHealthThenRevalidates() throws Exception {
        add("wire", "rss", server.url("/rss"), false);
        add("quiet", "rss", server.url("/rss"), true);
        add("pushed", "push", null, false);
        assertEquals(1, scheduler.runDue(), "only the active rss source; paused and push sources are not polled");
        assertEquals(4, store.searchReports(new ReportQuery(null, "wire", null, null, 100, null)).items().size());
        SourceHealth h = state.health("wire", clock.instant());
        assertEquals(clock.instant(), h.lastSuccessAt());
        assertEquals(4, h.itemsToday());
        assertEquals(2, h.recentItemErrors().size(), "the empty entry and the bad point");
        assertTrue(h.nextPollAt().isAfter(clock.instant().plus(Duration.ofMinutes(4))), "interval with jitter: " + h.nextPollAt());

        assertEquals(0, scheduler.runDue(), "not due yet");
        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, scheduler.runDue());
        assertEquals(2, feedRequests.get());
        assertEquals(4, state.health("wire", clock.instant()).itemsToday(), "304: nothing new, nothing twice");
        assertEquals(SourceHealth.NEW, state.health("quiet", clock.instant()));
    }

    @Test
    void failuresAreRecordedAndBackedOff() throws Exception {
        add("down", "rss", server.url("/down"), false);
        scheduler.runDue();
        SourceHealth first = state.health("down", clock.instant());
        assertNull(first.lastSuccessAt());
        assertEquals(1, first.consecutiveFailures());
        assertTrue(first.lastError().contains("503"), first.lastError());
        Duration wait1 = Duration.between(clock.instant(), first.nextPollAt());
        clock.advance(wait1.plusSeconds(1));
        scheduler.runDue();
        SourceHealth second = state.health("down", clock.instant());
        assertEquals(2, second.consecutiveFailures());
        Duration wait2 = Duration.between(clock.instant(), second.nextPollAt());
        assertTrue(wait2.compareTo(wait1.multipliedBy(3).dividedBy(2)) > 0, "backoff grows: " + wait1 + " then " + wait2);
    }

    @Test
    void largeFilesAreImportedInCommittedBatchesUntilDone() throws Exception {
        Path f = dir.resolve("big.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5_500; i++) {
            sb.append("{\"externalId\":\"n").append(i).append("\",\"title\":\"Report ").append(i)
                    .append("\",\"publishedAt\":\"2026-11-24T10:00:00Z\"}\n");
        }
        Files.writeString(f, sb);
        add("bulk", "file", f.toString(), false);
        assertEquals(2, scheduler.runDue(), "5000, then the remaining 500");
        assertEquals(5_500, state.health("bulk", clock.instant()).itemsToday());
        assertEquals(5_500, store.stats().reports());
    }

    @Test
    void backgroundLoopPollsNewSourcesAndLeasesKeepRoundsApart() throws Exception {
        scheduler.start();
        add("wire", "rss", server.url("/rss"), false);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (state.health("wire", clock.instant()).lastSuccessAt() == null && System.nanoTime() < deadline) Thread.sleep(20);
        assertNotNull(state.health("wire", clock.instant()).lastSuccessAt());
        Thread.sleep(200);
        assertEquals(1, feedRequests.get(), "polled once; the clock has not moved");
        assertEquals(1, scheduler.counters().polls());
    }
}
