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
import org.sitrep.store.sqlite.SqliteStore;

/**
 * {@link SourceStateStore} on the embedded SQLite store (tables from migration V2). The commit runs in
 * {@link SqliteStore#inTransaction}, so the new reports, the cursor and the health land in one SQLite
 * transaction; the reports are then handed to the {@link ReportSink} for analysis. Single node: leases only guard against this node's own overlapping rounds,
 * and {@link #releaseStaleLeases} clears them all at start. Thread-safe.
 */
public final class SqliteSourceStateStore implements SourceStateStore {
    /** Per-item diagnostics kept per source for display. */

    private final SqliteStore store;
    private final ReportSink sink;
    private final String owner = "node-" + UUID.randomUUID();

    /** @param sink what analyses each new report after its poll committed ({@link ReportSink#STORE_ONLY}: nothing) */
    public SqliteSourceStateStore(SqliteStore store, ReportSink sink) {
        this.store = store;
        this.sink = sink;
    }

    @Override
    public List<DueSource> claimDue(Set<String> types, Instant now, Duration lease, int limit) {
        if (types.isEmpty() || limit <= 0) return List.of();
        long t = now.toEpochMilli();
        String in = String.join(",", java.util.Collections.nCopies(types.size(), "?"));
        return store.withWriter(c -> {
            List<DueSource> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT s.body, st.cursor, st.etag, st.last_modified, st.consecutive_failures, st.last_attempt_at, "
                            + "st.last_success_at, st.last_error_at, st.last_error, st.next_poll_at "
                            + "FROM sources s LEFT JOIN ingest_state st ON st.source_id = s.id "
                            + "WHERE json_extract(s.body, '$.type') IN (" + in + ") "
                            + "AND COALESCE(json_extract(s.body, '$.paused'), 0) = 0 "
                            + "AND COALESCE(st.next_poll_at, 0) <= ? AND COALESCE(st.lease_until, 0) <= ? "
                            + "ORDER BY COALESCE(st.next_poll_at, 0), s.id LIMIT ?")) {
                int i = 1;
                for (String type : types) ps.setString(i++, type);
                ps.setLong(i++, t);
                ps.setLong(i++, t);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Source s = Json.MAPPER.readValue(rs.getString(1), Source.class);
                        Cursor cur = new Cursor(rs.getString(2), new Validators(rs.getString(3), rs.getString(4)));
                        SourceHealth h = new SourceHealth(time(rs, 6), time(rs, 7), time(rs, 8), rs.getString(9), rs.getInt(5),
                                time(rs, 10), 0, 0, List.of());
                        out.add(new DueSource(s, cur, h));
                    }
                }
            } catch (JsonProcessingException e) {
                throw new StoreException("corrupt source record: " + e.getOriginalMessage(), e);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ingest_state(source_id, lease_owner, lease_until) VALUES (?, ?, ?) "
                            + "ON CONFLICT(source_id) DO UPDATE SET lease_owner = excluded.lease_owner, lease_until = excluded.lease_until")) {
                for (DueSource d : out) {
                    ps.setString(1, d.source().id());
                    ps.setString(2, owner);
                    ps.setLong(3, now.plus(lease).toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return out;
        });
    }

    @Override
    public int commit(PollOutcome o) {
        return SourceStateSql.commit(store, sink, o, (c, out, created, errors) -> writeState(c, out, created, errors, owner));
    }

    @Override
    public void releaseStaleLeases(Instant now) {
        store.withWriter(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ingest_state SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL")) {
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
