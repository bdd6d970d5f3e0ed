package org.sitrep.ingest.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.ingest.ItemError;
import org.sitrep.internal.Json;
import org.sitrep.model.Report;
import org.sitrep.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sitrep.store.JdbcDatabase;
import org.sitrep.store.JdbcStore;

/**
 * The parts of the polling state that read and write the same SQL on SQLite and PostgreSQL: asking for an
 * early poll, a source's health, and the column helpers. Stateless.
 */
final class SourceStateSql {
    private static final TypeReference<List<ItemError>> ERRORS = new TypeReference<>() {};

    private static final Logger log = LoggerFactory.getLogger(SourceStateSql.class);
    /** Item errors kept per source for its health display, newest first. */
    static final int RECENT_ERRORS = 20;

    private SourceStateSql() {}

    /** Writes a source's polling state after a poll: each store's own SQL (upsert, lease check). */
    @FunctionalInterface
    interface StateWriter {
        void write(Connection c, PollOutcome o, int created, List<ItemError> itemErrors) throws SQLException;
    }

    /**
     * Stores a poll's reports and the source's new state (cursor, validators, health) in one transaction,
     * so a kill at any moment loses nothing and stores nothing twice; then hands the new reports to
     * {@code sink}, outside it: a failed analysis leaves them stored, and Ingestor.resume() retries them.
     * Returns how many reports were new.
     */
    static int commit(JdbcStore store, ReportSink sink, PollOutcome o, StateWriter state) {
        List<Report> created = store.inTransaction(() -> {
            List<Report> fresh = store.addReports(o.reports()).stream()
                    .filter(Store.AddResult::created).map(Store.AddResult::report).toList();
            store.withWriter(c -> {
                state.write(c, o, fresh.size(), o.itemErrors());
                return null;
            });
            return fresh;
        });
        for (Report r : created) {
            try {
                sink.attach(r);
            } catch (RuntimeException e) {
                log.warn("report {} of source {} stored but not analysed: {}", r.id(), o.sourceId(), IngestSupport.describe(e));
            }
        }
        return created.size();
    }

    static void pollSoon(JdbcDatabase store, String sourceId, Instant now) {
        store.withWriter(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ingest_state(source_id, next_poll_at) VALUES (?, ?) ON CONFLICT(source_id) DO UPDATE SET next_poll_at = excluded.next_poll_at")) {
                ps.setString(1, sourceId);
                ps.setLong(2, now.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    static SourceHealth health(JdbcDatabase store, String sourceId, Instant now) {
        return store.withReader(c -> {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            long itemsToday = 0, week = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT day, items FROM ingest_daily WHERE source_id = ? AND day > ?")) {
                ps.setString(1, sourceId);
                ps.setString(2, today.minusDays(7).toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        week += rs.getLong(2);
                        if (rs.getString(1).equals(today.toString())) itemsToday = rs.getLong(2);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_attempt_at, last_success_at, last_error_at, last_error, consecutive_failures, next_poll_at, recent_item_errors "
                            + "FROM ingest_state WHERE source_id = ?")) {
                ps.setString(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return SourceHealth.NEW;
                    return new SourceHealth(time(rs, 1), time(rs, 2), time(rs, 3), rs.getString(4), rs.getInt(5), time(rs, 6),
                            itemsToday, week / 7.0, rs.getString(7) == null ? List.of() : readErrors(rs.getString(7)));
                }
            }
        });
    }

    static List<ItemError> readErrors(String json) {
        try {
            return Json.MAPPER.readValue(json, ERRORS);
        } catch (JsonProcessingException e) {
            return List.of(); // display-only data; a corrupt value is replaced on the next commit
        }
    }

    static String writeErrors(List<ItemError> errors) {
        try {
            return Json.MAPPER.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("item errors are plain records", e);
        }
    }

    static Instant time(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static void setText(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else ps.setString(i, v);
    }

    static void setTime(PreparedStatement ps, int i, Instant v) throws SQLException {
        if (v == null) ps.setNull(i, Types.BIGINT);
        else ps.setLong(i, v.toEpochMilli());
    }

    static String truncate(String s, int max) { return s == null || s.length() <= max ? s : s.substring(0, max) + "..."; }

    /**
     * A poll's new source state (cursor, validators, next poll, health, recent item errors) and its daily
     * counts, in the caller's transaction; the same SQL on SQLite and PostgreSQL. Only the lease holder
     * {@code owner} (or anyone, when nobody holds the lease) moves the cursor: when the lease passed to
     * another node or process during a long poll, the reports stay stored and the cursor is left to it.
     */
    static void writeState(Connection c, PollOutcome o, int created, List<ItemError> newErrors, String owner) throws SQLException {
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
}
