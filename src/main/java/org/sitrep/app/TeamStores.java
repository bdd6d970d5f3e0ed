package org.sitrep.app;

import org.sitrep.alert.AlertStore;
import org.sitrep.auth.AccountStore;
import org.sitrep.auth.AuditLog;
import org.sitrep.export.EventSources;
import org.sitrep.moderation.ModerationStore;
import org.sitrep.store.Store;
import org.sitrep.store.jdbc.Jdbc;
import org.sitrep.store.jdbc.JdbcAccountStore;
import org.sitrep.store.jdbc.JdbcAlertStore;
import org.sitrep.store.jdbc.JdbcAuditLog;
import org.sitrep.store.jdbc.JdbcEventSources;
import org.sitrep.store.jdbc.JdbcModerationStore;
import org.sitrep.store.postgres.PostgresStore;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * The stores for working as a team, beside the event store and in the same database: accounts and
 * keys, the audit trail, analyst decisions, export lookups and alerts. Each is a small interface; the
 * JDBC implementations serve SQLite and PostgreSQL alike (migration V3 in each dialect).
 */
public record TeamStores(AccountStore accounts, AuditLog audit, ModerationStore moderation, EventSources eventSources,
                         AlertStore alerts) {

    /** The implementations that live in {@code store}'s database. */
    public static TeamStores of(Store store) {
        if (store instanceof SqliteStore s) {
            return over(new Jdbc() {
                @Override public <T> T write(Work<T> work) { return s.withWriter(work::run); }
                @Override public <T> T read(Work<T> work) { return s.withReader(work::run); }
            });
        }
        if (store instanceof PostgresStore p) {
            // One transactional method: withConnection joins the store's current transaction, reads included.
            return over(new Jdbc() {
                @Override public <T> T write(Work<T> work) { return p.withConnection(work::run); }
                @Override public <T> T read(Work<T> work) { return p.withConnection(work::run); }
            });
        }
        throw new IllegalArgumentException("accounts, audit, moderation and alerts need JDBC access to " + store.getClass().getSimpleName()
                + "'s connections: add a branch to TeamStores.of that calls TeamStores.over(jdbc) (the SQL is portable; see migration V3)");
    }

    /** The JDBC implementations over a store's connections ({@code write} must join the store's transaction). */
    public static TeamStores over(Jdbc jdbc) {
        return new TeamStores(new JdbcAccountStore(jdbc), new JdbcAuditLog(jdbc), new JdbcModerationStore(jdbc), new JdbcEventSources(jdbc),
                new JdbcAlertStore(jdbc));
    }
}
