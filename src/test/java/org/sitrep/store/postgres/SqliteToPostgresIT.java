package org.sitrep.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sitrep.store.StoreContract.IDLIB;
import static org.sitrep.store.StoreContract.KHARKIV;
import static org.sitrep.store.StoreContract.SARMADA;
import static org.sitrep.store.StoreContract.T0;
import static org.sitrep.store.StoreContract.at;
import static org.sitrep.store.StoreContract.event;
import static org.sitrep.store.StoreContract.member;
import static org.sitrep.store.StoreContract.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.store.BoundingBox;
import org.sitrep.store.EventQuery;
import org.sitrep.store.ReportQuery;
import org.sitrep.store.Store;
import org.sitrep.store.sqlite.SqliteStore;
import org.sitrep.testing.EmbeddedPg;

class SqliteToPostgresIT {
    static EmbeddedPg pg;
    @TempDir Path dir;

    @BeforeAll static void startServer() { pg = EmbeddedPg.start(); }

    @AfterAll static void stopServer() { if (pg != null) pg.close(); }

    /** A small but complete embedded deployment: sources, events with members, an update, a merge, a delete, an unattached report. */
    private Path embedded() {
        Path file = dir.resolve("sitrep.db");
        try (SqliteStore s = SqliteStore.open(file)) {
            s.saveSource(new Source("rss:a", "Agency A", "rss", "https://a.example/feed.xml", "ar", "SY", 'B', Duration.ofMinutes(5), false));
            s.saveSource(new Source("tg:b", "Channel B", "telegram", "b", "uk", "UA", 'C', Duration.ofMinutes(2), true));
            EventLocation sarmada = at(SARMADA, "Sarmada");
            Report r1 = s.addReport(report("rss:a", "1", "https://a.example/1", "قصف على سرمدا", "قصف مدفعي على سرمدا صباح اليوم", T0)).report();
            Report r2 = s.addReport(new Report(null, "tg:b", "77", null, "Обстріл Харкова", "Ракетний удар по Харкову", "uk",
                    T0.plusSeconds(3600), T0.plusSeconds(3700), List.of("https://t.me/b/77.jpg"), KHARKIV)).report();
            Report r3 = s.addReport(report("rss:a", "2", null, "Second report on Sarmada", "More shelling in Sarmada", T0.plusSeconds(600))).report();
            s.addReport(report("rss:a", "3", null, "Not yet clustered", "stored before a crash", T0.plusSeconds(900)));
            s.commitEvent(event("e1", 1, "Shelling of Sarmada", sarmada, T0, T0, "Explosions/Remote violence", null, EventState.PENDING,
                    List.of(r1.id())), List.of(member(r1, sarmada, "Explosions/Remote violence", null)));
            s.commitEvent(event("e2", 1, "Kharkiv strike", at(KHARKIV, "Kharkiv"), T0.plusSeconds(3600), T0.plusSeconds(3600),
                    "Explosions/Remote violence", null, EventState.VERIFIED, List.of(r2.id())), List.of(member(r2, at(KHARKIV, "Kharkiv"), "Explosions/Remote violence", null)));
            s.commitEvent(event("e3", 1, "Sarmada again", sarmada, T0.plusSeconds(600), T0.plusSeconds(600), "Battles", null, EventState.PENDING,
                    List.of(r3.id())), List.of(member(r3, sarmada, "Battles", null)));
            // e3 turns out to be e1: its report moves over and e3 is deleted
            s.commitEvent(event("e1", 2, "Shelling of Sarmada", sarmada, T0, T0.plusSeconds(600), "Explosions/Remote violence", null,
                    EventState.CORROBORATED, List.of(r1.id(), r3.id())), List.of(member(r3, sarmada, "Explosions/Remote violence", null)));
            s.deleteEvent("e3");
            s.saveWave(new org.sitrep.model.Wave("w1", "type", List.of("e1", "e2"), List.of(r1.id(), r2.id()), List.of("Sarmada", "Kharkiv"),
                    T0, T0.plusSeconds(3600), 0.4, "shelling in two places within an hour"));
        }
        return file;
    }

    @Test void movesEverythingAndASecondRunChangesNothing() throws Exception {
        Path file = embedded();
        String url = pg.newEmptyDatabase();
        List<SqliteToPostgres.TableResult> first = SqliteToPostgres.run(file, url, m -> { });
        Map<String, Long> inserted = new TreeMap<>();
        first.forEach(r -> { if (r.rows() > 0) inserted.put(r.table(), r.inserted()); });
        assertEquals(Map.of("changes", 5L, "events", 2L, "reports", 4L, "sources", 2L, "waves", 1L, "wave_events", 2L), inserted);

        try (SqliteStore s = SqliteStore.open(file); PostgresStore p = PostgresStore.open(url, 2)) {
            assertSame(s, p);
        }
        Map<String, List<String>> before = rowVersions(url);

        List<SqliteToPostgres.TableResult> second = SqliteToPostgres.run(file, url, m -> { });
        for (SqliteToPostgres.TableResult r : second) {
            assertEquals(0, r.inserted(), r.table());
            assertEquals(0, r.updated(), r.table());
            assertEquals(r.rows(), r.unchanged(), r.table());
        }
        assertEquals(before, rowVersions(url), "no row was rewritten (same xmin everywhere)");

        try (PostgresStore p = PostgresStore.open(url, 2)) {
            long last = p.lastChange();
            Report fresh = p.addReport(report("rss:a", "4", null, "After the move", "new text", T0.plusSeconds(7200))).report();
            p.commitEvent(event("e4", 1, "After the move", null, T0.plusSeconds(7200), T0.plusSeconds(7200), "Battles", null, EventState.PENDING,
                    List.of(fresh.id())), List.of(member(fresh, null, "Battles", null)));
            assertEquals(last + 1, p.lastChange(), "the server continues the copied sequences");
            assertEquals(List.of("e4"), p.searchEvents(new EventQuery(null, null, null, null, "after move", null, null, 10, null))
                    .items().stream().map(Event::id).toList());
        }
    }

    /** The PostgreSQL store answers like the SQLite store it came from, on every read of the contract. */
    private static void assertSame(Store s, Store p) {
        assertEquals(s.stats(), p.stats());
        assertEquals(s.sources(), p.sources());
        List<Report> reports = s.searchReports(new ReportQuery(null, null, null, null, 1000, null)).items();
        assertEquals(4, reports.size());
        for (Report r : reports) {
            assertEquals(r, p.report(r.id()).orElseThrow());
            assertEquals(s.member(r.id()), p.member(r.id()));
        }
        assertEquals(s.unattachedReports(10), p.unattachedReports(10));
        List<Event> events = s.searchEvents(EventQuery.all(100)).items();
        assertEquals(events, p.searchEvents(EventQuery.all(100)).items());
        for (Event e : events) assertEquals(s.members(e.id()), p.members(e.id()));
        assertEquals(s.changesSince(0, 100), p.changesSince(0, 100));
        assertEquals(s.lastChange(), p.lastChange());
        assertEquals(s.waves(null, null, 10), p.waves(null, null, 10));
        assertEquals(1, p.wavesOf("e2").size());
        for (String q : List.of("سرمدا", "харкову", "sarmada shelling", "kharkiv")) {
            EventQuery eq = new EventQuery(null, null, null, null, q, null, null, 10, null);
            assertEquals(ids(s.searchEvents(eq).items()), ids(p.searchEvents(eq).items()), q);
            assertTrue(!p.searchEvents(eq).items().isEmpty(), "text index rebuilt: " + q);
        }
        EventQuery box = new EventQuery(new BoundingBox(36, 35, 37, 37), null, null, null, null, null, null, 10, null);
        assertEquals(List.of("e1"), ids(p.searchEvents(box).items()));
        Store.Page<Event> page1 = s.searchEvents(EventQuery.all(1));
        assertEquals(s.searchEvents(EventQuery.all(1).withCursor(page1.nextCursor())).items(),
                p.searchEvents(EventQuery.all(1).withCursor(page1.nextCursor())).items(), "cursors handed out before the move still work");
    }

    private static List<String> ids(List<Event> events) { return events.stream().map(Event::id).toList(); }

    /** Every row's transaction id: changes when a row is rewritten, even with equal values. */
    private static Map<String, List<String>> rowVersions(String url) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        String jdbc = "jdbc:postgresql://localhost:" + pg.port() + url.substring(url.lastIndexOf('/'));
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement()) {
            for (String t : List.of("sources", "reports", "events", "changes", "waves", "wave_events")) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT ctid::text || '/' || xmin::text FROM " + t + " ORDER BY 1")) {
                    while (rs.next()) rows.add(rs.getString(1));
                }
                out.put(t, rows);
            }
        }
        return out;
    }

    @Test void refusesToDropATableItCannotPlaceAndCopiesItOnceItExists() throws Exception {
        Path file = embedded();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id TEXT PRIMARY KEY, event_id TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL)");
            s.execute("INSERT INTO notes VALUES ('n1', 'e1', 'Checked with a second source', 1773129600000)");
        }
        String url = pg.newEmptyDatabase();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SqliteToPostgres.run(file, url, m -> { }));
        assertTrue(e.getMessage().contains("notes"), e.getMessage());
        try (PostgresStore p = PostgresStore.open(url, 2)) {
            assertEquals(0, p.stats().reports(), "nothing was copied");
            p.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE notes (id text PRIMARY KEY, event_id text NOT NULL, body text NOT NULL, created_at bigint NOT NULL)");
                }
                return null;
            });
        }
        List<SqliteToPostgres.TableResult> results = SqliteToPostgres.run(file, url, m -> { });
        assertTrue(results.stream().anyMatch(r -> r.table().equals("notes") && r.inserted() == 1), results.toString());
    }

    @Test void refusesATargetWrittenToSince() {
        Path file = embedded();
        String url = pg.newEmptyDatabase();
        SqliteToPostgres.run(file, url, m -> { });
        try (PostgresStore p = PostgresStore.open(url, 2)) {
            p.addReport(report("rss:a", "server-only", null, "Written on the server", "x", T0));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SqliteToPostgres.run(file, url, m -> { }));
        assertTrue(e.getMessage().contains("fresh database"), e.getMessage());
    }
}
