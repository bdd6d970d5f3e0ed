package org.sitrep.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sitrep.internal.Json;
import org.sitrep.moderation.EventOverride;
import org.sitrep.moderation.ModerationStore;
import org.sitrep.store.StoreException;

/** Analyst decisions, pins, merge redirects and notes in the store's database (migration V3). Thread-safe. */
public final class JdbcModerationStore implements ModerationStore {
    private static final int MAX_REDIRECT_HOPS = 32;
    private final Jdbc db;

    public JdbcModerationStore(Jdbc db) { this.db = db; }

    @Override
    public Optional<EventOverride> override(String eventId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM event_overrides WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    try {
                        return Optional.of(Json.MAPPER.readValue(rs.getString(1), EventOverride.class));
                    } catch (JsonProcessingException e) {
                        throw new StoreException("corrupt override for event " + eventId + ": " + e.getOriginalMessage(), e);
                    }
                }
            }
        });
    }

    @Override
    public void saveOverride(String eventId, EventOverride o, String by, Instant at) {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an override", e);
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_overrides(event_id, body, updated_at, updated_by) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT(event_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
                ps.setString(1, eventId);
                ps.setString(2, body);
                ps.setLong(3, at.toEpochMilli());
                ps.setString(4, by);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void pin(Collection<String> reportIds, String eventId, String by, Instant at) {
        db.write(c -> {
            perReport(c, "INSERT INTO report_pins(report_id, event_id, pinned_at, pinned_by) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT(report_id) DO UPDATE SET event_id = excluded.event_id, pinned_at = excluded.pinned_at, pinned_by = excluded.pinned_by",
                    reportIds, eventId, at, by);
            // the latest decision wins: a report pinned to an event is no longer kept out of it
            perReport(c, "DELETE FROM report_separations WHERE report_id = ? AND event_id = ?", reportIds, eventId, null, null);
            return null;
        });
    }

    @Override
    public void separate(Collection<String> reportIds, String eventId, String by, Instant at) {
        db.write(c -> {
            perReport(c, "INSERT INTO report_separations(report_id, event_id, separated_at, separated_by) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT(report_id, event_id) DO UPDATE SET separated_at = excluded.separated_at, "
                    + "separated_by = excluded.separated_by", reportIds, eventId, at, by);
            return null;
        });
    }

    /** Runs {@code sql} once per report with (report, event[, at, by]) as its parameters, in one batch. */
    private static void perReport(java.sql.Connection c, String sql, Collection<String> reportIds, String eventId, Instant at, String by)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String r : reportIds) {
                ps.setString(1, r);
                ps.setString(2, eventId);
                if (at != null) {
                    ps.setLong(3, at.toEpochMilli());
                    ps.setString(4, by);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public java.util.Set<String> separatedFrom(String reportId) {
        return db.read(c -> {
            java.util.Set<String> out = new java.util.LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM report_separations WHERE report_id = ? ORDER BY separated_at, event_id")) {
                ps.setString(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<String> pinnedEvent(String reportId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM report_pins WHERE report_id = ?")) {
                ps.setString(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void redirect(String from, String to, Instant at) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_redirects(from_id, to_id, at) VALUES (?, ?, ?) "
                    + "ON CONFLICT(from_id) DO UPDATE SET to_id = excluded.to_id, at = excluded.at")) {
                ps.setString(1, from);
                ps.setString(2, to);
                ps.setLong(3, at.toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<String> mergedInto(String eventId) {
        return db.read(c -> {
            String current = eventId;
            boolean moved = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT to_id FROM event_redirects WHERE from_id = ?")) {
                for (int hop = 0; hop < MAX_REDIRECT_HOPS; hop++) {
                    ps.setString(1, current);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) break;
                        current = rs.getString(1);
                        moved = true;
                    }
                }
            }
            return moved ? Optional.of(current) : Optional.empty();
        });
    }

    @Override
    public Note addNote(String eventId, String author, String text, Instant at) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_notes(event_id, at, author, text) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, eventId);
                ps.setLong(2, at.toEpochMilli());
                ps.setString(3, author);
                ps.setString(4, text);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Note(keys.getLong(1), eventId, at, author, text);
                }
            }
        });
    }

    @Override
    public List<Note> notes(String eventId) {
        return db.read(c -> {
            List<Note> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, event_id, at, author, text FROM event_notes WHERE event_id = ? ORDER BY seq")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Note(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), rs.getString(5)));
                }
            }
            return out;
        });
    }
}
