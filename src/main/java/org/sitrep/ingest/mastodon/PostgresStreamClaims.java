package org.sitrep.ingest.mastodon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.sitrep.store.postgres.PostgresStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stream claims shared by the nodes on one PostgreSQL database, as session advisory locks held on one
 * connection of this node's own (outside the pool): a node that dies or loses its connection loses its
 * claims with it, and another node takes the sources at its next rescan; no lease table, no expiry to
 * tune. Two sources whose ids hash alike share a lock, which only means one node streams both (a
 * session may take the same advisory lock again). While the database is away, streams already running
 * keep running (at worst two nodes stream a source for a while; the store keeps each status once) and
 * no new one starts. Thread-safe.
 */
public final class PostgresStreamClaims implements StreamClaims {
    private static final Logger log = LoggerFactory.getLogger(PostgresStreamClaims.class);
    /** First key of the two-key advisory lock: keeps these locks apart from any other use of advisory locks. */
    private static final int NAMESPACE = 0x53_74_72_6d; // "Strm"

    private final PostgresStore store;
    private final Set<String> held = new HashSet<>();
    private Connection connection;

    public PostgresStreamClaims(PostgresStore store) {
        this.store = Objects.requireNonNull(store);
    }

    @Override
    public synchronized boolean claim(String sourceId) {
        boolean wasHeld = held.contains(sourceId);
        try {
            if (connection != null && !connection.isValid(2)) {
                // the session ended, and its locks with it: claim again from scratch
                closeConnection();
                held.clear();
            }
            if (held.contains(sourceId)) return true;
            if (connection == null) connection = store.dedicatedConnection();
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                ps.setInt(1, NAMESPACE);
                ps.setString(2, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    boolean got = rs.next() && rs.getBoolean(1);
                    if (got) held.add(sourceId);
                    return got;
                }
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("mastodon streams: cannot check the claim on {} in PostgreSQL ({}); {}", sourceId, e.getMessage(),
                    wasHeld ? "its stream goes on" : "not streaming it for now");
            closeConnection();
            held.clear();
            return wasHeld;
        }
    }

    @Override
    public synchronized void release(String sourceId) {
        if (!held.remove(sourceId) || connection == null) return;
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
            ps.setInt(1, NAMESPACE);
            ps.setString(2, sourceId);
            ps.executeQuery().close();
        } catch (SQLException e) {
            // the connection is gone, and the lock with it
            closeConnection();
            held.clear();
        }
    }

    @Override
    public synchronized void close() {
        held.clear();
        closeConnection();
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing the stream-claims connection: {}", e.getMessage());
        }
    }
}
