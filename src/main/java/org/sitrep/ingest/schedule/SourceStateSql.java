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
}
