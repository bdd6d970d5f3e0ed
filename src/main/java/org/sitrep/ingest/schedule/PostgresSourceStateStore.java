package org.sitrep.ingest.schedule;

import static org.sitrep.ingest.schedule.SourceStateSql.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.ItemError;
import org.sitrep.ingest.Validators;
import org.sitrep.internal.Json;
import org.sitrep.model.Source;
import org.sitrep.store.StoreException;
import org.sitrep.store.postgres.PostgresStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SourceStateStore} on PostgreSQL, for several nodes sharing one database (tables from
 * migration V2, as on SQLite). Claims lease due sources with {@code SELECT ... FOR UPDATE SKIP LOCKED},
 * so nodes claiming at once take disjoint sources; a lease expires, so the sources of a node that died
 * mid-poll are claimed by the others once it passes (PollScheduler.Config.lease; keep it a few times
 * longer than the slowest poll). A commit writes the cursor only while this node still holds the lease:
 * a node that lost it (paused too long) keeps its stored reports (idempotent) but leaves the cursor to
 * the new holder. Thread-safe.
 */
public final class PostgresSourceStateStore implements SourceStateStore {
    private static final Logger log = LoggerFactory.getLogger(PostgresSourceStateStore.class);
    /** Per-item diagnostics kept per source for display. */

    private final PostgresStore store;
    private final ReportSink sink;
    private final String owner = "node-" + UUID.randomUUID();

    /** @param sink what analyses each new report after its poll committed ({@link ReportSink#STORE_ONLY}: nothing) */
    public PostgresSourceStateStore(PostgresStore store, ReportSink sink) {
        this.store = store;
        this.sink = sink;
    }

    @Override
    public List<DueSource> claimDue(Set<String> types, Instant now, Duration lease, int limit) {
        if (types.isEmpty() || limit <= 0) return List.of();
        long t = now.toEpochMilli();
        return store.withWriter(c -> {
            // Sources added since the last claim get their state row; concurrent nodes insert the same rows harmlessly.
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ingest_state(source_id) SELECT id FROM sources ON CONFLICT (source_id) DO NOTHING")) {
                ps.executeUpdate();
            }
            List<DueSource> out = new ArrayList<>();
            List<Long> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "WITH due AS (SELECT st.source_id FROM ingest_state st JOIN sources s ON s.id = st.source_id "
                            + "WHERE s.body::jsonb ->> 'type' = ANY(?) "
                            + "AND coalesce((s.body::jsonb ->> 'paused')::boolean, false) = false "
                            + "AND st.next_poll_at <= ? AND coalesce(st.lease_until, 0) <= ? "
                            + "ORDER BY st.next_poll_at, st.source_id LIMIT ? FOR UPDATE OF st SKIP LOCKED) "
                            + "UPDATE ingest_state st SET lease_owner = ?, lease_until = ? FROM due WHERE st.source_id = due.source_id "
                            + "RETURNING (SELECT body FROM sources WHERE id = st.source_id), st.cursor, st.etag, st.last_modified, "
                            + "st.consecutive_failures, st.last_attempt_at, st.last_success_at, st.last_error_at, st.last_error, st.next_poll_at")) {
                ps.setArray(1, c.createArrayOf("text", types.toArray()));
                ps.setLong(2, t);
                ps.setLong(3, t);
                ps.setInt(4, limit);
                ps.setString(5, owner);
                ps.setLong(6, now.plus(lease).toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Source s = Json.MAPPER.readValue(rs.getString(1), Source.class);
                        Cursor cur = new Cursor(rs.getString(2), new Validators(rs.getString(3), rs.getString(4)));
                        SourceHealth h = new SourceHealth(time(rs, 6), time(rs, 7), time(rs, 8), rs.getString(9), rs.getInt(5),
                                time(rs, 10), 0, 0, List.of());
                        out.add(new DueSource(s, cur, h));
                        due.add(rs.getLong(10));
                    }
                }
            } catch (JsonProcessingException e) {
                throw new StoreException("corrupt source record: " + e.getOriginalMessage(), e);
            }
            // oldest due first, as the contract says (UPDATE ... RETURNING has no order)
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < out.size(); i++) order.add(i);
            order.sort(java.util.Comparator.<Integer>comparingLong(due::get).thenComparing(i -> out.get(i).source().id()));
            return order.stream().map(out::get).toList();
        });
    }

    @Override
    public int commit(PollOutcome o) {
        return SourceStateSql.commit(store, sink, o, (c, out, created, errors) -> writeState(c, out, created, errors, owner));
    }

    @Override
    public void releaseStaleLeases(Instant now) {
        store.withWriter(c -> {
            // Other nodes' leases are live: release only this process's own (none after a restart, since
            // owners are per process); a dead process's leases expire and are claimed by any node.
            try (PreparedStatement ps = c.prepareStatement("UPDATE ingest_state SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?")) {
                ps.setString(1, owner);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void pollSoon(String sourceId, Instant now) { SourceStateSql.pollSoon(store, sourceId, now); }

    @Override
    public SourceHealth health(String sourceId, Instant now) { return SourceStateSql.health(store, sourceId, now); }
}
