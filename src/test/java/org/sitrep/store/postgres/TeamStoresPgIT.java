package org.sitrep.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitrep.alert.Subscription;
import org.sitrep.app.TeamStores;
import org.sitrep.auth.Accounts;
import org.sitrep.auth.AuditLog;
import org.sitrep.auth.PasswordHasher;
import org.sitrep.auth.Role;
import org.sitrep.model.EventState;
import org.sitrep.moderation.EventOverride;
import org.sitrep.testing.EmbeddedPg;

/** The JDBC team stores and migration V3 on embedded PostgreSQL: the same SQL as on SQLite. */
class TeamStoresPgIT {
    @Test
    void accountsAuditModerationAndAlertsWorkOnPostgres() throws Exception {
        try (EmbeddedPg pg = EmbeddedPg.start(); PostgresStore store = PostgresStore.open(pg.newDatabase())) {
            TeamStores t = TeamStores.of(store);
            assertFalse(t.accounts().anyCredentials());
            Accounts a = new Accounts(t.accounts(), new PasswordHasher(1000), Clock.systemUTC(), Duration.ofHours(1));
            a.addUser("alice", "long password".toCharArray(), Role.ANALYST);
            assertTrue(t.accounts().anyCredentials());
            assertThrows(IllegalArgumentException.class, () -> a.addUser("alice", "long password".toCharArray(), Role.ANALYST));
            assertTrue(a.authenticate("alice", "long password".toCharArray()).isPresent());
            var k = a.createKey("k", Role.ADMIN, null);
            assertTrue(a.resolveKey(k.secret()).isPresent());
            assertTrue(t.accounts().revokeKey(k.key().id(), Instant.now()));
            assertFalse(a.resolveKey(k.secret()).isPresent());
            var s = a.startSession("alice");
            assertTrue(a.resolveSession(s.token()).isPresent());
            long seq = t.audit().record(new AuditLog.Entry(0, Instant.now(), "cli", null, "x", "event:e1", null,
                    org.sitrep.internal.Json.MAPPER.readTree("{\"a\":1}")));
            assertTrue(seq > 0);
            assertEquals(1, t.audit().entries("event:e1", 0, 10).get(0).after().get("a").asInt());
            t.moderation().saveOverride("e1", EventOverride.NONE.withState(EventState.VERIFIED), "cli", Instant.now());
            t.moderation().saveOverride("e1", EventOverride.NONE.withState(EventState.REJECTED), "cli", Instant.now());
            assertEquals(EventState.REJECTED, t.moderation().override("e1").orElseThrow().state());
            t.moderation().pin(List.of("r1", "r2"), "e1", "cli", Instant.now());
            assertEquals("e1", t.moderation().pinnedEvent("r2").orElseThrow());
            t.moderation().redirect("e2", "e1", Instant.now());
            t.moderation().redirect("e3", "e2", Instant.now());
            assertEquals("e1", t.moderation().mergedInto("e3").orElseThrow());
            assertTrue(t.moderation().addNote("e1", "cli", "hi", Instant.now()).seq() > 0);
            assertEquals(1, t.moderation().notes("e1").size());
            Subscription sub = new Subscription("s1", "n", "cli", null, Set.of(), Set.of(), 1, 25, 60, "https://example.org/h", "secretsecretsecret", Instant.now());
            t.alerts().saveSubscription(sub);
            assertEquals(1, t.alerts().subscriptions().size());
            assertTrue(t.alerts().markMatched("s1", "e1", Instant.now()));
            assertFalse(t.alerts().markMatched("s1", "e1", Instant.now()));
            var al = t.alerts().addAlert("s1", Instant.now(), "{}", sub.webhookUrl(), sub.webhookSecret(), Instant.now());
            assertTrue(t.alerts().lastAlertEventTime("s1").isPresent());
            var due = t.alerts().dueDeliveries(Instant.now().plusSeconds(1), 10);
            assertEquals(1, due.size());
            t.alerts().deliveryFailed(due.get(0).seq(), 1, null, "boom");
            assertEquals("failed", t.alerts().deliveries(al.seq()).get(0).status());
            assertEquals(7, t.alerts().position("f", 7));
            t.alerts().savePosition("f", 9);
            assertEquals(9, t.alerts().position("f", 7));
            assertTrue(t.eventSources().sourceIds(List.of("nothing")).isEmpty());
            assertTrue(t.alerts().removeSubscription("s1"));
        }
    }
}
