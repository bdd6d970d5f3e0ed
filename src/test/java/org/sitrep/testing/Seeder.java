package org.sitrep.testing;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sitrep.internal.Json;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.Fatalities;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * Writes many synthetic events straight into the embedded store's tables (events and the spatial
 * index; not the text index or the change log), in one transaction: 100,000 events in seconds, for
 * tests of bulk reads. Events are spread over a 2x2 degree box and one event per minute.
 */
public final class Seeder {
    private Seeder() {}

    public static Event event(int i, Instant t0) {
        GeoPoint p = new GeoPoint(35 + (i % 1000) / 500.0, 36 + (i / 1000 % 1000) / 500.0);
        Instant t = t0.plus(Duration.ofMinutes(i));
        return new Event(String.format("eseed%08d", i), "Seeded event " + i + ", with a comma", "Summary \"" + i + "\" of a synthetic incident.",
                new EventLocation(p, LocationPrecision.DISTRICT, "Place " + (i % 97), null, "SY", "seeded"),
                TimeWindow.at(t, TimePrecision.EXACT), i % 2 == 0 ? "Explosions/Remote violence" : "Battles",
                i % 2 == 0 ? "Air/drone strike" : "Armed clash",
                List.of(new Actor("Force A" + (i % 5), "state_forces", "a", "actor1"), new Actor("Group B", "rebel_group", "b", "actor2")),
                Fatalities.killed(i % 7, i % 7 + " killed"), List.of("rseed" + i), List.of(), EventState.PENDING, 1, 6, "seeded", t, t, 1);
    }

    public static void seed(SqliteStore store, int n, Instant t0) {
        store.withWriter(c -> {
            try (PreparedStatement ev = c.prepareStatement("INSERT INTO events(seq, id, version, state, type, sub_type, lat, lon, time_start, time_end, updated_at, body) "
                    + "VALUES (?, ?, 1, 'pending', ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement geo = c.prepareStatement("INSERT INTO event_geo(id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    Event e = event(i, t0);
                    long seq = i + 1;
                    double lat = e.location().point().lat(), lon = e.location().point().lon();
                    ev.setLong(1, seq);
                    ev.setString(2, e.id());
                    ev.setString(3, e.type());
                    ev.setString(4, e.subType());
                    ev.setDouble(5, lat);
                    ev.setDouble(6, lon);
                    ev.setLong(7, e.time().start().toEpochMilli());
                    ev.setLong(8, e.time().end().toEpochMilli());
                    ev.setLong(9, e.updatedAt().toEpochMilli());
                    ev.setString(10, Json.MAPPER.writeValueAsString(e));
                    ev.addBatch();
                    geo.setLong(1, seq);
                    geo.setDouble(2, lat);
                    geo.setDouble(3, lat);
                    geo.setDouble(4, lon);
                    geo.setDouble(5, lon);
                    geo.addBatch();
                    if (i % 5000 == 4999) {
                        ev.executeBatch();
                        geo.executeBatch();
                    }
                }
                ev.executeBatch();
                geo.executeBatch();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }
}
