package org.sitrep.ingest.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.Validators;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.store.postgres.PostgresStore;
import org.sitrep.testing.EmbeddedPg;

/** The poll scheduler's state port on PostgreSQL, with two nodes (two stores, two ports) on one database. */
class PostgresSourceStateStoreIT {
    static EmbeddedPg pg;
    static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    static final Duration LEASE = Duration.ofMinutes(2);

    @BeforeAll static void startServer() { pg = EmbeddedPg.start(); }

    @AfterAll static void stopServer() { if (pg != null) pg.close(); }

    private static PollOutcome outcome(String source, String cursor, Instant at, Report... reports) {
        return new PollOutcome(source, List.of(reports), new Cursor(cursor, new Validators("\"etag-" + cursor + "\"", null)), List.of(),
                at, at.plusSeconds(1), null, at.plus(Duration.ofMinutes(5)));
    }

    private static String cursorOf(PostgresStore store, String source) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cursor FROM ingest_state WHERE source_id = ?")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    @Test void twoNodesShareSourcesAndOnlyTheLeaseHolderMovesACursor() {
        String url = pg.newDatabase();
        try (PostgresStore a = PostgresStore.open(url, 4); PostgresStore b = PostgresStore.open(url, 4)) {
            for (int i = 0; i < 10; i++) {
                a.saveSource(new Source("rss:" + i, null, "rss", "https://example.org/" + i + ".xml", null, null, 'F', Duration.ofMinutes(5), false));
            }
            a.saveSource(new Source("rss:paused", null, "rss", "https://example.org/p.xml", null, null, 'F', Duration.ofMinutes(5), true));
            PostgresSourceStateStore nodeA = new PostgresSourceStateStore(a, ReportSink.STORE_ONLY);
            PostgresSourceStateStore nodeB = new PostgresSourceStateStore(b, ReportSink.STORE_ONLY);
            CompletableFuture<List<DueSource>> ca = CompletableFuture.supplyAsync(() -> nodeA.claimDue(Set.of("rss"), T0, LEASE, 6));
            CompletableFuture<List<DueSource>> cb = CompletableFuture.supplyAsync(() -> nodeB.claimDue(Set.of("rss"), T0, LEASE, 6));
            Set<String> claimed = new HashSet<>();
            int total = 0;
            for (DueSource d : ca.join()) { claimed.add(d.source().id()); total++; }
            for (DueSource d : cb.join()) { claimed.add(d.source().id()); total++; }
            assertEquals(10, total, "ten due sources, none claimed twice");
            assertEquals(10, claimed.size());
            assertTrue(nodeA.claimDue(Set.of("rss"), T0.plusSeconds(60), LEASE, 10).isEmpty(), "all leased, the paused one never due");

            // rss:0's holder commits a poll: reports stored, cursor and health written, lease released, next poll in 5 min
            String holder0 = ca.join().stream().anyMatch(d -> d.source().id().equals("rss:0")) ? "a" : "b";
            PostgresSourceStateStore h = holder0.equals("a") ? nodeA : nodeB, other = holder0.equals("a") ? nodeB : nodeA;
            Report r = new Report(null, "rss:0", "guid-1", "https://example.org/0/1", "Title", "Text", null, T0, T0, List.of(), null);
            assertEquals(1, h.commit(outcome("rss:0", "c1", T0.plusSeconds(10), r)));
            assertEquals("c1", cursorOf(a, "rss:0"));
            assertNotNull(h.health("rss:0", T0.plusSeconds(20)).lastSuccessAt());
            assertEquals(1, a.stats().reports());
            assertTrue(other.claimDue(Set.of("rss"), T0.plusSeconds(60), LEASE, 10).isEmpty(), "not due again before its next poll");

            // after the leases expire, the other node takes rss:1 over; the old holder's late commit leaves the cursor alone
            PostgresSourceStateStore h1 = ca.join().stream().anyMatch(d -> d.source().id().equals("rss:1")) ? nodeA : nodeB;
            PostgresSourceStateStore o1 = h1 == nodeA ? nodeB : nodeA;
            Instant later = T0.plus(LEASE).plusSeconds(1);
            List<DueSource> takenOver = o1.claimDue(Set.of("rss"), later, LEASE, 20);
            assertTrue(takenOver.stream().anyMatch(d -> d.source().id().equals("rss:1")), "expired leases are claimed by the other node");
            Report late = new Report(null, "rss:1", "guid-9", null, "Late", "late text", null, T0, T0, List.of(), null);
            h1.commit(outcome("rss:1", "stale", later.plusSeconds(5), late));
            assertEquals(null, cursorOf(a, "rss:1"), "the node that lost the lease did not move the cursor");
            assertTrue(a.report(org.sitrep.store.Ids.reportId(late)).isPresent(), "its reports are kept (stored idempotently)");
            o1.commit(outcome("rss:1", "fresh", later.plusSeconds(6)));
            assertEquals("fresh", cursorOf(a, "rss:1"));
        }
    }
}
