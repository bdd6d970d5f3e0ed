package org.sitrep.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Raw JDBC on a store's own connections, for the team tables (accounts, audit, moderation, alerts)
 * that live beside the events. {@link #write} joins the store's current transaction when there is
 * one, so a decision and the event it changes commit together. The SQL in this package is plain
 * enough for SQLite and PostgreSQL (ON CONFLICT, generated keys, epoch-millisecond integers).
 */
public interface Jdbc {
    <T> T write(Work<T> work);

    <T> T read(Work<T> work);

    @FunctionalInterface
    interface Work<T> { T run(Connection c) throws SQLException; }
}
