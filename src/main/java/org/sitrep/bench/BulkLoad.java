package org.sitrep.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.sitrep.internal.Json;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.store.Store;
import org.sitrep.store.postgres.PostgresStore;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * Writes many events straight into a store's tables, a batch per transaction, with the same index
 * entries the store writes itself (SQLite: R*Tree and FTS5 rows; PostgreSQL: point and tsvector
 * columns) but without members or change-log entries: benchmark data only, far faster than
 * {@link Store#commitEvent}, which also reads the event's reports for every update.
 */
final class BulkLoad {
    private BulkLoad() {}

    static void load(Store store, List<Event> batch) {
        if (store instanceof SqliteStore s) sqlite(s, batch);
        else if (store instanceof PostgresStore p) postgres(p, batch);
        else throw new IllegalArgumentException("no bulk loader for " + store);
    }

    /** What free text finds a synthetic event by (it has no reports): as the stores index an event's own fields. */
    static String text(Event e) {
        StringBuilder sb = new StringBuilder().append(e.summary()).append('\n').append(e.type()).append(' ').append(e.subType());
        if (e.located()) sb.append('\n').append(e.location().name());
        for (Actor a : e.actors()) sb.append('\n').append(a.name());
        return sb.toString();
    }

    private static String json(Event e) {
        try {
            return Json.MAPPER.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void sqlite(SqliteStore store, List<Event> batch) {
        store.withWriter(c -> {
            long seq;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM events")) {
                rs.next();
                seq = rs.getLong(1);
            }
            try (PreparedStatement ev = c.prepareStatement("INSERT INTO events(seq, id, version, state, type, sub_type, lat, lon, "
                    + "time_start, time_end, updated_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement geo = c.prepareStatement("INSERT INTO event_geo(id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)");
                 PreparedStatement fts = c.prepareStatement("INSERT INTO event_fts(rowid, title, body) VALUES (?, ?, ?)")) {
                for (Event e : batch) {
                    seq++;
                    ev.setLong(1, seq);
                    ev.setString(2, e.id());
                    ev.setLong(3, e.version());
                    ev.setString(4, e.state().wire());
                    ev.setString(5, e.type());
                    ev.setString(6, e.subType());
                    if (e.located()) {
                        ev.setDouble(7, e.location().point().lat());
                        ev.setDouble(8, e.location().point().lon());
                        geo.setLong(1, seq);
                        geo.setDouble(2, e.location().point().lat());
                        geo.setDouble(3, e.location().point().lat());
                        geo.setDouble(4, e.location().point().lon());
                        geo.setDouble(5, e.location().point().lon());
                        geo.executeUpdate();
                    } else {
                        ev.setNull(7, Types.REAL);
                        ev.setNull(8, Types.REAL);
                    }
                    ev.setLong(9, e.time().start().toEpochMilli());
                    ev.setLong(10, e.time().end().toEpochMilli());
                    ev.setLong(11, e.updatedAt().toEpochMilli());
                    ev.setString(12, json(e));
                    ev.executeUpdate();
                    fts.setLong(1, seq);
                    fts.setString(2, e.title());
                    fts.setString(3, text(e));
                    fts.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void postgres(PostgresStore store, List<Event> batch) {
        int n = batch.size();
        String[] ids = new String[n], states = new String[n], types = new String[n], subs = new String[n], bodies = new String[n], texts = new String[n];
        Double[] lats = new Double[n], lons = new Double[n];
        Long[] starts = new Long[n], ends = new Long[n];
        for (int i = 0; i < n; i++) {
            Event e = batch.get(i);
            ids[i] = e.id();
            states[i] = e.state().wire();
            types[i] = e.type();
            subs[i] = e.subType();
            lats[i] = e.located() ? e.location().point().lat() : null;
            lons[i] = e.located() ? e.location().point().lon() : null;
            starts[i] = e.time().start().toEpochMilli();
            ends[i] = e.time().end().toEpochMilli();
            bodies[i] = json(e);
            texts[i] = PostgresStore.foldForIndex(e.title() + "\n" + text(e));
        }
        store.withConnection(c -> {
            // One statement per batch: arrays unnested server-side are far faster than row-by-row inserts.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events(id, version, state, type, sub_type, lat, lon, time_start, "
                    + "time_end, updated_at, body, fts) SELECT id, 1, state, type, sub, lat, lon, ts, te, ts, body, to_tsvector('simple', txt) "
                    + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::float8[], ?::int8[], ?::int8[], ?::text[], ?::text[]) "
                    + "AS x(id, state, type, sub, lat, lon, ts, te, body, txt)")) {
                ps.setArray(1, c.createArrayOf("text", ids));
                ps.setArray(2, c.createArrayOf("text", states));
                ps.setArray(3, c.createArrayOf("text", types));
                ps.setArray(4, c.createArrayOf("text", subs));
                ps.setArray(5, c.createArrayOf("float8", lats));
                ps.setArray(6, c.createArrayOf("float8", lons));
                ps.setArray(7, c.createArrayOf("int8", starts));
                ps.setArray(8, c.createArrayOf("int8", ends));
                ps.setArray(9, c.createArrayOf("text", bodies));
                ps.setArray(10, c.createArrayOf("text", texts));
                ps.executeUpdate();
            }
            return null;
        });
    }
}
