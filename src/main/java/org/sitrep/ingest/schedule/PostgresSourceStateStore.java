package org.sitrep.ingest.schedule;

import static org.sitrep.ingest.schedule.SourceStateSql.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
    static final int RECENT_ERRORS = 20;

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
        return SourceStateSql.commit(store, sink, o, this::writeState);
    }

    private void writeState(Connection c, PollOutcome o, int created, List<ItemError> newErrors) throws SQLException {
        List<ItemError> recent = new ArrayList<>(newErrors);
        try (PreparedStatement ps = c.prepareStatement("SELECT recent_item_errors FROM ingest_state WHERE source_id = ?")) {
            ps.setString(1, o.sourceId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) recent.addAll(readErrors(rs.getString(1)));
            }
        }
        if (recent.size() > RECENT_ERRORS) recent = recent.subList(0, RECENT_ERRORS);
        boolean ok = o.succeeded();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ingest_state AS st (source_id, cursor, etag, last_modified, next_poll_at, lease_owner, lease_until, "
                        + "last_attempt_at, last_success_at, last_error_at, last_error, consecutive_failures, items_total, recent_item_errors) "
                        + "VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (source_id) DO UPDATE SET cursor = EXCLUDED.cursor, etag = EXCLUDED.etag, "
                        + "last_modified = EXCLUDED.last_modified, next_poll_at = EXCLUDED.next_poll_at, "
                        + "lease_owner = NULL, lease_until = NULL, last_attempt_at = EXCLUDED.last_attempt_at, "
                        + "last_success_at = coalesce(EXCLUDED.last_success_at, st.last_success_at), "
                        + "last_error_at = coalesce(EXCLUDED.last_error_at, st.last_error_at), "
                        + "last_error = coalesce(EXCLUDED.last_error, st.last_error), "
                        + "consecutive_failures = CASE WHEN EXCLUDED.last_success_at IS NOT NULL THEN 0 ELSE st.consecutive_failures + 1 END, "
                        + "items_total = st.items_total + EXCLUDED.items_total, recent_item_errors = EXCLUDED.recent_item_errors "
                        // only the lease holder moves the cursor (or anyone, when nobody holds it)
                        + "WHERE st.lease_owner IS NULL OR st.lease_owner = ?")) {
            ps.setString(1, o.sourceId());
            setText(ps, 2, o.cursor().position());
            setText(ps, 3, o.cursor().validators().etag());
            setText(ps, 4, o.cursor().validators().lastModified());
            ps.setLong(5, o.nextPollAt().toEpochMilli());
            ps.setLong(6, o.startedAt().toEpochMilli());
            setTime(ps, 7, ok ? o.finishedAt() : null);
            setTime(ps, 8, ok ? null : o.finishedAt());
            setText(ps, 9, ok ? null : truncate(o.error(), 1000));
            ps.setInt(10, ok ? 0 : 1);
            ps.setLong(11, created);
            ps.setString(12, writeErrors(recent));
            ps.setString(13, owner);
            if (ps.executeUpdate() == 0) {
                log.warn("the lease on source {} passed to another node during this poll; its reports are stored, the cursor is left to that node",
                        o.sourceId());
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ingest_daily AS d (source_id, day, items, item_errors, failures) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT(source_id, day) DO UPDATE SET items = d.items + excluded.items, "
                        + "item_errors = d.item_errors + excluded.item_errors, failures = d.failures + excluded.failures")) {
            ps.setString(1, o.sourceId());
            ps.setString(2, LocalDate.ofInstant(o.finishedAt(), ZoneOffset.UTC).toString());
            ps.setLong(3, created);
            ps.setLong(4, newErrors.size());
            ps.setLong(5, ok ? 0 : 1);
            ps.executeUpdate();
        }
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
