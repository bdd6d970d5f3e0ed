package org.sitrep.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sitrep.alert.AlertStore;
import org.sitrep.app.TeamStores;
import org.sitrep.auth.AuditLog;
import org.sitrep.internal.Json;
import org.sitrep.moderation.ModerationStore;
import org.sitrep.testing.EmbeddedPg;

/**
 * The team stores (written in portable SQL over JdbcDatabase) on PostgreSQL, through the V3
 * migration: the parts where SQLite and PostgreSQL differ most (generated sequence numbers, upserts,
 * paging by sequence).
 */
class TeamStoresOnPostgresIT {
    static EmbeddedPg pg;

    @BeforeAll static void startServer() { pg = EmbeddedPg.start(); }

    @AfterAll static void stopServer() { if (pg != null) pg.close(); }

    @Test void auditNotesAlertsAndFollowerPositionsWork() {
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        try (PostgresStore store = PostgresStore.open(pg.newDatabase(), 4)) {
            TeamStores teams = TeamStores.of(store);
            long a = teams.audit().record(new AuditLog.Entry(0, t, "user:alice", "127.0.0.1", "event.state", "event:e1",
                    Json.MAPPER.createObjectNode().put("state", "pending"), Json.MAPPER.createObjectNode().put("state", "verified")));
            long b = teams.audit().record(new AuditLog.Entry(0, t.plusSeconds(1), "cli", null, "user.add", "event:e1", null, null));
            assertTrue(b > a, "sequence numbers come from the database");
            List<AuditLog.Entry> entries = teams.audit().entries("event:e1", Long.MAX_VALUE, 10);
            assertEquals(List.of(b, a), entries.stream().map(AuditLog.Entry::seq).toList());
            assertEquals("verified", entries.get(1).after().get("state").asText());

            ModerationStore.Note n = teams.moderation().addNote("e1", "alice", "Checked against a second source", t);
            assertEquals(List.of(n), teams.moderation().notes("e1"));
            teams.moderation().pin(List.of("r1", "r2"), "e1", "alice", t);
            teams.moderation().pin(List.of("r1"), "e2", "bob", t);
            teams.moderation().redirect("e3", "e1", t);
            teams.moderation().redirect("e3", "e1", t);

            AlertStore.Alert alert = teams.alerts().addAlert("sub1", t, "{\"id\":\"e1\"}", "https://hooks.example/x", "s3cret", t);
            assertTrue(alert.seq() > 0);
            List<AlertStore.Delivery> due = teams.alerts().dueDeliveries(t.plusSeconds(1), 10);
            assertEquals(1, due.size());
            teams.alerts().deliveryFailed(due.get(0).seq(), 1, t.plusSeconds(60), "timeout");
            assertTrue(teams.alerts().dueDeliveries(t.plusSeconds(2), 10).isEmpty(), "retried later");
            teams.alerts().deliveryDone(due.get(0).seq(), 2, t.plusSeconds(61));
            assertEquals("delivered", teams.alerts().deliveries(alert.seq()).get(0).status());
            assertTrue(teams.alerts().markMatched("sub1", "e1", t));
            assertFalse(teams.alerts().markMatched("sub1", "e1", t), "each event triggers a subscription once");
            assertEquals(5, teams.alerts().position("alerts", 5));
            teams.alerts().savePosition("alerts", 42);
            assertEquals(42, teams.alerts().position("alerts", 5));
            assertFalse(teams.accounts().anyCredentials());
        }
    }
}
