package org.sitrep.store.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Feed polling shared by several nodes on one PostgreSQL database, without fetching a source twice:
 * a node leases due sources before polling them, renews while a poll runs long, and releases each with
 * its next due time when done. Claiming uses {@code SELECT ... FOR UPDATE SKIP LOCKED}, so nodes
 * claiming at the same moment take disjoint sources without waiting for each other; a lease has an
 * expiry, so the sources of a node that died mid-poll are taken over by the others once it passes.
 *
 * <p>Works on the {@code ingest_state} table (migration V2, shared with the embedded scheduler's
 * state); a source gets its row on first claim. Times come from the caller ({@code now}), so every
 * node must run with a synchronised clock (NTP); leases should be several times longer than the clock
 * skew. Thread-safe.
 */
public final class SourceLeases {
    private final PostgresStore store;

    public SourceLeases(PostgresStore store) {
        this.store = Objects.requireNonNull(store);
    }

    /** A source this node now holds until {@code until}. */
    public record Lease(String sourceId, String nodeId, Instant until) {}

    /**
     * Leases up to {@code n} sources that are due at {@code now} (never polled, or next_poll_at
     * reached), not paused, of one of {@code types} (empty: any), and not leased by a live lease.
     * Oldest due first.
     */
    public List<Lease> acquire(String nodeId, Set<String> types, int n, Duration lease, Instant now) {
        Instant until = now.plus(lease);
        return store.withConnection(c -> {
            // Sources added since the last claim get their state row; concurrent nodes insert the same rows harmlessly.
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ingest_state(source_id) SELECT id FROM sources ON CONFLICT (source_id) DO NOTHING")) {
                ps.executeUpdate();
            }
            List<Lease> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "WITH due AS (SELECT st.source_id FROM ingest_state st JOIN sources s ON s.id = st.source_id "
                            + "WHERE st.next_poll_at <= ? AND (st.lease_until IS NULL OR st.lease_until <= ?) "
                            + "AND coalesce((s.body::jsonb ->> 'paused')::boolean, false) = false "
                            + "AND (cardinality(?::text[]) = 0 OR s.body::jsonb ->> 'type' = ANY(?::text[])) "
                            + "ORDER BY st.next_poll_at, st.source_id LIMIT ? FOR UPDATE OF st SKIP LOCKED) "
                            + "UPDATE ingest_state st SET lease_owner = ?, lease_until = ?, last_attempt_at = ? "
                            + "FROM due WHERE st.source_id = due.source_id RETURNING st.source_id")) {
                java.sql.Array typeArray = c.createArrayOf("text", types.toArray());
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, now.toEpochMilli());
                ps.setArray(3, typeArray);
                ps.setArray(4, typeArray);
                ps.setInt(5, n);
                ps.setString(6, nodeId);
                ps.setLong(7, until.toEpochMilli());
                ps.setLong(8, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Lease(rs.getString(1), nodeId, until));
                }
            }
            out.sort(java.util.Comparator.comparing(Lease::sourceId));
            return out;
        });
    }

    /**
     * Extends a lease this node still holds. False when it has expired and may belong to another node
     * now: the poll must then be abandoned without committing its cursor (its reports, already
     * stored idempotently, do no harm).
     */
    public boolean renew(String nodeId, String sourceId, Duration lease, Instant now) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ingest_state SET lease_until = ? "
                    + "WHERE source_id = ? AND lease_owner = ? AND lease_until > ?")) {
                ps.setLong(1, now.plus(lease).toEpochMilli());
                ps.setString(2, sourceId);
                ps.setString(3, nodeId);
                ps.setLong(4, now.toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Releases a lease after a poll and schedules the source's next poll. False (and nothing changed)
     * when this node no longer held it. Call it in the transaction that commits the poll's reports and
     * cursor, so a cursor is only ever written by the lease holder.
     */
    public boolean release(String nodeId, String sourceId, Instant nextPollAt) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ingest_state SET lease_owner = NULL, lease_until = NULL, next_poll_at = ? "
                    + "WHERE source_id = ? AND lease_owner = ?")) {
                ps.setLong(1, nextPollAt.toEpochMilli());
                ps.setString(2, sourceId);
                ps.setString(3, nodeId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Releases every lease of {@code nodeId} (the same node restarting after a crash), so its sources are due at once. */
    public int releaseAll(String nodeId) {
        return store.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ingest_state SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?")) {
                ps.setString(1, nodeId);
                return ps.executeUpdate();
            }
        });
    }
}
