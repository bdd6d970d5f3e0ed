package org.sitrep.app;

import org.sitrep.alert.AlertStore;
import org.sitrep.auth.AccountStore;
import org.sitrep.auth.AuditLog;
import org.sitrep.export.EventSources;
import org.sitrep.moderation.ModerationStore;
import org.sitrep.store.Store;
import org.sitrep.store.sqlite.SqliteAccountStore;
import org.sitrep.store.sqlite.SqliteAlertStore;
import org.sitrep.store.sqlite.SqliteAuditLog;
import org.sitrep.store.sqlite.SqliteEventSources;
import org.sitrep.store.sqlite.SqliteModerationStore;

/**
 * The stores for working as a team, beside the event store and in the same database: accounts and
 * keys, the audit trail, analyst decisions. Each is a small interface a PostgreSQL store implements too.
 */
public record TeamStores(AccountStore accounts, AuditLog audit, ModerationStore moderation, EventSources eventSources,
                         AlertStore alerts) {

    /** The implementations that live in {@code store}'s database. */
    public static TeamStores of(Store store) {
        // The implementations are portable SQL over JdbcDatabase (named after the store they were
        // written for first); PostgreSQL has the same tables through its V3 migration.
        if (store instanceof org.sitrep.store.JdbcDatabase s) {
            return new TeamStores(new SqliteAccountStore(s), new SqliteAuditLog(s), new SqliteModerationStore(s), new SqliteEventSources(s),
                    new SqliteAlertStore(s));
        }
        throw new IllegalArgumentException("accounts, audit and moderation are not implemented for " + store.getClass().getSimpleName()
                + " yet; implement AccountStore, AuditLog, ModerationStore, EventSources and AlertStore for it and add it to TeamStores.of");
    }
}
