package org.sitrep.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Raw JDBC on a store's own connections, for the tables other features add beside the event store
 * (accounts, audit, moderation, alerts, polling state). Both stores implement it, so code written in
 * portable SQL (ON CONFLICT, LIMIT, no numbered parameters) runs on SQLite and PostgreSQL alike.
 */
public interface JdbcDatabase {
    /** Runs {@code work} in the current transaction of this thread, or in a new one that commits when it returns. */
    <T> T withWriter(SqlWork<T> work);

    /** Runs {@code work} for reading (inside this thread's transaction when there is one, so it sees its writes). */
    <T> T withReader(SqlWork<T> work);

    /** SQL work on a connection. */
    @FunctionalInterface
    interface SqlWork<T> { T run(Connection c) throws SQLException; }
}
