package org.sitrep.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sitrep.internal.Json;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.model.Wave;

/**
 * What the SQLite and PostgreSQL stores do with the same SQL: sources, waves, the change log, stats and
 * the queue of unattached reports, over the tables both schemas share (JSON bodies, epoch-millisecond
 * integers). Each store keeps what its engine does differently: spatial and text indexes, locking,
 * candidate search.
 */
public abstract class JdbcStore implements Store, JdbcDatabase {
    /**
     * Squared-radius slack of the flat-earth distance test the candidate queries run in SQL: it keeps the
     * few events its approximation would wrongly drop at the edge; the exact distance test in Java follows.
     */
    protected static final double RADIUS_SLACK = 1.05;

    /** The SQL condition that an {@code events} row has a location (the engines index points differently). */
    protected abstract String locatedCondition();

    /** An ORDER BY suffix that sorts ids by their bytes on every engine (PostgreSQL's default collation does not). */
    protected String byteOrder() { return ""; }

    protected static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o.getClass().getSimpleName(), e);
        }
    }

    protected static <T> T parse(String s, Class<T> type) {
        try {
            return Json.MAPPER.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt " + type.getSimpleName() + " record in the database: " + e.getOriginalMessage(), e);
        }
    }

    protected static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }

    protected static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else ps.setString(i, v);
    }

    // ------------------------------------------------------------------ sources

    @Override
    public void saveSource(Source source) {
        withWriter(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sources(id, body, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body")) {
                ps.setString(1, source.id());
                ps.setString(2, json(source));
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Source> source(String id) {
        return withReader(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM sources WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(parse(rs.getString(1), Source.class)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Source> sources() {
        return withReader(c -> {
            List<Source> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT body FROM sources ORDER BY id" + byteOrder())) {
                while (rs.next()) out.add(parse(rs.getString(1), Source.class));
            }
            return out;
        });
    }

    @Override
    public boolean removeSource(String id) {
        return withWriter(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sources WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    // ------------------------------------------------------------------ reports

    @Override
    public List<Report> unattachedReports(int limit) {
        return withReader(c -> {
            List<Report> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM reports WHERE event_id IS NULL ORDER BY seq LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(parse(rs.getString(1), Report.class));
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ waves

    @Override
    public void saveWave(Wave wave) {
        withWriter(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO waves(id, kind, start_at, end_at, updated_at, body) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, start_at = excluded.start_at, "
                    + "end_at = excluded.end_at, updated_at = excluded.updated_at, body = excluded.body")) {
                ps.setString(1, wave.id());
                ps.setString(2, wave.kind());
                ps.setLong(3, wave.start().toEpochMilli());
                ps.setLong(4, wave.end().toEpochMilli());
                ps.setLong(5, System.currentTimeMillis());
                ps.setString(6, json(wave));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO wave_events(wave_id, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                for (String e : wave.eventIds()) {
                    ps.setString(1, wave.id());
                    ps.setString(2, e);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<Wave> waves(Instant from, Instant to, int limit) {
        return withReader(c -> {
            StringBuilder sql = new StringBuilder("SELECT body FROM waves WHERE 1 = 1");
            List<Long> args = new ArrayList<>();
            if (from != null) { sql.append(" AND end_at >= ?"); args.add(from.toEpochMilli()); }
            if (to != null) { sql.append(" AND start_at < ?"); args.add(to.toEpochMilli()); }
            sql.append(" ORDER BY end_at DESC LIMIT ?");
            args.add((long) limit);
            List<Wave> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setLong(i + 1, args.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(parse(rs.getString(1), Wave.class));
                }
            }
            return out;
        });
    }

    @Override
    public List<Wave> wavesOf(String eventId) {
        return withReader(c -> {
            List<Wave> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT w.body FROM waves w JOIN wave_events we ON we.wave_id = w.id "
                    + "WHERE we.event_id = ? ORDER BY w.end_at DESC")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(parse(rs.getString(1), Wave.class));
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ changes

    @Override
    public List<Change> changesSince(long sequence, int limit) {
        return withReader(c -> {
            List<Change> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, event_id, kind, version, at FROM changes WHERE seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, sequence);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
            return out;
        });
    }

    @Override
    public long lastChange() {
        return withReader(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM changes")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Stats stats() {
        return withReader(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM reports), (SELECT count(*) FROM events), "
                            + "(SELECT count(*) FROM events WHERE " + locatedCondition() + ")")) {
                rs.next();
                return new Stats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        });
    }
}
