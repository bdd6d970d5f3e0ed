package org.sitrep.store.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.sitrep.store.StoreException;

/**
 * A small bounded pool of PostgreSQL connections: at most {@code size} in use, idle ones reused,
 * broken ones (a restarted server, a dropped network) discarded and replaced on the next borrow.
 * Thread-safe. Small on purpose: a server pool (PgBouncer) belongs in front of the database when
 * many nodes share it.
 */
final class ConnectionPool implements AutoCloseable {
    private static final long BORROW_TIMEOUT_SECONDS = 30;

    private final String url;
    private final Properties props;
    private final int size;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(String url, Properties props, int size) {
        if (size < 1) throw new IllegalArgumentException("pool size must be at least 1");
        this.url = url;
        this.props = props;
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    Connection borrow() {
        if (closed) throw new IllegalStateException("the store is closed");
        try {
            if (!permits.tryAcquire(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new StoreException("all " + size + " database connections stayed busy for " + BORROW_TIMEOUT_SECONDS
                        + " s; a transaction is stuck or the pool is too small", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
        try {
            Connection c;
            while ((c = idle.pollFirst()) != null) {
                if (!c.isClosed()) return c;
            }
            return connect();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            if (e instanceof RuntimeException r) throw r;
            throw new StoreException("cannot connect to PostgreSQL at " + url + ": " + e.getMessage(), e);
        }
    }

    /** A connection outside the pool (for LISTEN), the caller closes it. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, props);
    }

    /** Returns a borrowed connection; a broken one is closed instead of reused. */
    void giveBack(Connection c, boolean broken) {
        try {
            if (broken || closed || c.isClosed()) closeQuietly(c);
            else idle.addFirst(c);
        } catch (SQLException e) {
            closeQuietly(c);
        } finally {
            permits.release();
        }
    }

    /** Whether an exception means the connection itself is unusable (SQL state class 08, or the server shut down). */
    static boolean isBroken(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P");
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the connection is being discarded; nothing to recover
        }
    }

    String url() { return url; }

    @Override public void close() {
        closed = true;
        Connection c;
        while ((c = idle.pollFirst()) != null) closeQuietly(c);
    }
}
