package org.sitrep.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.model.EventState;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Report;
import org.sitrep.pipeline.CandidateQuery;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.EventMember;
import org.sitrep.store.BoundingBox;
import org.sitrep.store.EventQuery;
import org.sitrep.store.Ids;
import org.sitrep.store.ReportQuery;
import org.sitrep.store.StoreException;

/**
 * The embedded store: one SQLite file in WAL mode, FTS5 for text, R*Tree for space. One writer
 * connection (SQLite allows one writer at a time) guarded by a lock, and a small pool of reader
 * connections that run concurrently with it. Thread-safe.
 */
public final class SqliteStore extends org.sitrep.store.JdbcStore {
    private static final int READERS = 4;
    private static final int FTS_TEXT_CAP = 20_000;

    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final CandidateCache cache = new CandidateCache(50_000);
    /** Striped locks for {@link #exclusive}: bounded however many keys callers use. */
    private final ReentrantLock[] keyLocks = new ReentrantLock[64];
    private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Set when the current write transaction appended to the change log (guarded by writeLock). */
    private boolean changeAppended;

    private SqliteStore(String url) throws SQLException {
        this.url = url;
        this.writer = connect();
        for (int i = 0; i < keyLocks.length; i++) keyLocks[i] = new ReentrantLock();
        for (int i = 0; i < READERS; i++) readers.add(connect());
    }

    /** Opens (creating and migrating when needed) the store in {@code file}. */
    public static SqliteStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory for " + file, e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite")
                // Versions are assigned per capability (V2 ingestion, V3 teams, V4 waves), so a file made by a build
                // that had V4 before V2 and V3 existed must still take them.
                .outOfOrder(true)
                .loggers("slf4j").load().migrate();
        try {
            return new SqliteStore(url);
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA cache_size=-32000");
        }
        return c;
    }

    // ------------------------------------------------------------------ plumbing

    private <T> T read(SqlWork<T> work) {
        // Inside a transaction on this thread, read its own uncommitted writes (a fetch reading the
        // source it just saved) from the writer connection.
        if (writeLock.isHeldByCurrentThread()) return write(work);
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("database read failed: " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    /**
     * Runs {@code work} on the writer connection in a transaction. Nested calls on the same thread
     * (the lock is reentrant) join the outer transaction, so several writes can commit as one.
     */
    private <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try {
            if (!writer.getAutoCommit()) return work.run(writer);
            writer.setAutoCommit(false);
            boolean notify = false;
            try {
                T result = work.run(writer);
                writer.commit();
                notify = changeAppended;
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                throw e;
            } finally {
                changeAppended = false;
                writer.setAutoCommit(true);
                if (notify) changeListeners.forEach(Runnable::run);
            }
        } catch (SQLException e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs several writes in one transaction (for example a whole feed fetch and its cursor): this
     * store's write methods called from {@code work} on the same thread join it.
     */
    @Override
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return write(c -> work.get());
    }

    /**
     * Process-local: SQLite is embedded, so every writer of the file is in this process (a second
     * process on the same file is not a supported deployment).
     */
    @Override
    public <T> T exclusive(String key, java.util.function.Supplier<T> work) {
        ReentrantLock lock = keyLocks[Math.floorMod(key.hashCode(), keyLocks.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    /** Runs SQL on the writer connection, joining the current transaction if there is one (for extensions of this store). */
    @Override
    public <T> T withWriter(org.sitrep.store.JdbcDatabase.SqlWork<T> work) { return write(work::run); }

    /** Runs SQL on a reader connection (for extensions of this store). */
    @Override
    public <T> T withReader(org.sitrep.store.JdbcDatabase.SqlWork<T> work) { return read(work::run); }

    /** SQL work for {@link #withWriter} and {@link #withReader}. */
    @FunctionalInterface
    public interface SqlWork<T> extends org.sitrep.store.JdbcDatabase.SqlWork<T> { }



    @Override
    protected String locatedCondition() { return "lat IS NOT NULL"; }

    // ------------------------------------------------------------------ sources





    // ------------------------------------------------------------------ reports

    @Override
    public AddResult addReport(Report report) {
        return addReports(List.of(report)).get(0);
    }

    /**
     * One transaction, the three statements prepared once for the whole batch: preparing them per
     * report cost as much as running them (a bulk import spent ~40% of SQLite's time in prepare).
     */
    @Override
    public List<AddResult> addReports(List<Report> reports) {
        return write(c -> {
            try (PreparedStatement find = c.prepareStatement(
                    "SELECT id, CASE WHEN source_id = ?1 AND external_id = ?2 THEN 'same source and external id' "
                            + "WHEN url = ?3 THEN 'same URL' ELSE 'same content from the same source' END "
                            + "FROM reports WHERE (source_id = ?1 AND external_id = ?2) OR url = ?3 "
                            + "OR (source_id = ?1 AND content_hash = ?4) LIMIT 1");
                 PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO reports(id, source_id, external_id, url, content_hash, published_at, fetched_at, body) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 // the row just inserted on this connection (seq is the rowid)
                 PreparedStatement fts = c.prepareStatement("INSERT INTO report_fts(rowid, title, text) VALUES (last_insert_rowid(), ?, ?)")) {
                // sqlite-jdbc runs a "SELECT last_insert_rowid()" of its own (prepared anew) after every INSERT
                // while generated keys are on: off for these two inserts, which do not need it (we hold the
                // writer lock, so no other statement on this connection runs meanwhile)
                org.sqlite.SQLiteConnectionConfig config = c.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig();
                boolean keys = config.isGetGeneratedKeys();
                config.setGetGeneratedKeys(false);
                try {
                    List<AddResult> out = new ArrayList<>(reports.size());
                    for (Report r : reports) out.add(addReport(c, find, insert, fts, r));
                    return out;
                } finally {
                    config.setGetGeneratedKeys(keys);
                }
            }
        });
    }

    private AddResult addReport(Connection c, PreparedStatement find, PreparedStatement insert, PreparedStatement fts, Report report)
            throws SQLException {
        String id = Ids.reportId(report);
        String hash = Ids.contentHash(report);
        Report stored = report.withId(id);
        find.setString(1, report.sourceId());
        setNullable(find, 2, blankToNull(report.externalId()));
        setNullable(find, 3, blankToNull(report.url()));
        find.setString(4, hash);
        try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
                String existing = rs.getString(1), why = rs.getString(2);
                rs.close();
                return new AddResult(loadReport(c, existing).orElse(stored), false, why + " as report " + existing);
            }
        }
        insert.setString(1, id);
        insert.setString(2, report.sourceId());
        setNullable(insert, 3, blankToNull(report.externalId()));
        setNullable(insert, 4, blankToNull(report.url()));
        insert.setString(5, hash);
        insert.setLong(6, report.publishedAt().toEpochMilli());
        insert.setLong(7, report.fetchedAt().toEpochMilli());
        insert.setString(8, json(stored));
        insert.executeUpdate();
        fts.setString(1, report.title());
        fts.setString(2, report.text());
        fts.executeUpdate();
        return new AddResult(stored, true, null);
    }

    private Optional<Report> loadReport(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM reports WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(parse(rs.getString(1), Report.class)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Report> report(String id) {
        return read(c -> loadReport(c, id));
    }

    @Override
    public Optional<EventMember> member(String reportId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT member FROM reports WHERE id = ?")) {
                ps.setString(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null) return Optional.empty();
                    return Optional.of(parse(rs.getString(1), EventMember.class));
                }
            }
        });
    }

    @Override
    public Page<Report> searchReports(ReportQuery q) {
        return read(c -> {
            StringBuilder sql = new StringBuilder("SELECT r.seq, r.published_at, r.body FROM reports r WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            if (q.text() != null && !q.text().isBlank()) {
                sql.append(" AND r.seq IN (SELECT rowid FROM report_fts WHERE report_fts MATCH ?)");
                args.add(ftsQuery(q.text()));
            }
            if (q.sourceId() != null) { sql.append(" AND r.source_id = ?"); args.add(q.sourceId()); }
            if (q.from() != null) { sql.append(" AND r.published_at >= ?"); args.add(q.from().toEpochMilli()); }
            if (q.to() != null) { sql.append(" AND r.published_at < ?"); args.add(q.to().toEpochMilli()); }
            return newestFirst(c, sql, args, "r.published_at", "r.seq", q.cursor(), q.limit(), Report.class);
        });
    }


    // ------------------------------------------------------------------ events

    @Override
    public void commitEvent(Event event, List<EventMember> newMembers) {
        write(c -> {
            long now = System.currentTimeMillis();
            Long seq = null;
            long storedVersion = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, version FROM events WHERE id = ?")) {
                ps.setString(1, event.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) { seq = rs.getLong(1); storedVersion = rs.getLong(2); }
                }
            }
            if (seq != null && event.version() != storedVersion + 1) {
                throw new ConflictException("event " + event.id() + " is at version " + storedVersion
                        + "; an update to version " + event.version() + " was based on an older copy");
            }
            for (EventMember m : newMembers) {
                try (PreparedStatement ps = c.prepareStatement("SELECT event_id FROM reports WHERE id = ? AND event_id IS NOT NULL")) {
                    ps.setString(1, m.report().report().id());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) cache.invalidate(rs.getString(1));
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE reports SET event_id = ?, member = ? WHERE id = ?")) {
                    ps.setString(1, event.id());
                    ps.setString(2, json(m));
                    ps.setString(3, m.report().report().id());
                    if (ps.executeUpdate() == 0) {
                        throw new IllegalArgumentException("report " + m.report().report().id() + " is not stored; add it first");
                    }
                }
            }
            String body = json(event);
            Double lat = event.located() ? event.location().point().lat() : null;
            Double lon = event.located() ? event.location().point().lon() : null;
            if (seq == null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO events(id, version, state, type, sub_type, lat, lon, time_start, time_end, updated_at, body) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    bindEvent(ps, event, lat, lon, body);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) { keys.next(); seq = keys.getLong(1); }
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE events SET id = ?, version = ?, state = ?, type = ?, sub_type = ?, lat = ?, lon = ?, "
                                + "time_start = ?, time_end = ?, updated_at = ?, body = ? WHERE seq = ?")) {
                    bindEvent(ps, event, lat, lon, body);
                    ps.setLong(12, seq);
                    ps.executeUpdate();
                }
                exec(c, "DELETE FROM event_geo WHERE id = ?", seq);
                exec(c, "DELETE FROM event_fts WHERE rowid = ?", seq);
            }
            if (lat != null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_geo(id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setLong(1, seq); ps.setDouble(2, lat); ps.setDouble(3, lat); ps.setDouble(4, lon); ps.setDouble(5, lon);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO event_fts(rowid, title, body) VALUES (?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setString(2, event.title());
                ps.setString(3, searchableText(c, event));
                ps.executeUpdate();
            }
            appendChange(c, event.id(), storedVersion == 0 ? "created" : "updated", event.version(), now);
            cache.afterCommit(event, storedVersion, newMembers);
            return null;
        });
    }

    private static void bindEvent(PreparedStatement ps, Event e, Double lat, Double lon, String body) throws SQLException {
        ps.setString(1, e.id());
        ps.setLong(2, e.version());
        ps.setString(3, e.state().wire());
        ps.setString(4, e.type());
        setNullable(ps, 5, e.subType());
        if (lat == null) { ps.setNull(6, Types.REAL); ps.setNull(7, Types.REAL); } else { ps.setDouble(6, lat); ps.setDouble(7, lon); }
        ps.setLong(8, e.time().start().toEpochMilli());
        ps.setLong(9, e.time().end().toEpochMilli());
        ps.setLong(10, e.updatedAt() == null ? System.currentTimeMillis() : e.updatedAt().toEpochMilli());
        ps.setString(11, body);
    }

    /** What free text finds an event by: its own fields and the text of its reports (capped). */
    private String searchableText(Connection c, Event e) throws SQLException {
        StringBuilder sb = new StringBuilder();
        sb.append(e.summary()).append('\n').append(e.type()).append(' ').append(e.subType() == null ? "" : e.subType());
        if (e.located() && e.location().name() != null) sb.append('\n').append(e.location().name());
        for (Actor a : e.actors()) sb.append('\n').append(a.name());
        try (PreparedStatement ps = c.prepareStatement("SELECT f.title, substr(f.text, 1, 2000) FROM reports r "
                + "JOIN report_fts f ON f.rowid = r.seq WHERE r.event_id = ? ORDER BY r.seq")) {
            ps.setString(1, e.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && sb.length() < FTS_TEXT_CAP) sb.append('\n').append(rs.getString(1)).append('\n').append(rs.getString(2));
            }
        }
        return sb.length() > FTS_TEXT_CAP ? sb.substring(0, FTS_TEXT_CAP) : sb.toString();
    }

    private void appendChange(Connection c, String eventId, String kind, long version, long at) throws SQLException {
        changeAppended = true;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO changes(event_id, kind, version, at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, eventId); ps.setString(2, kind); ps.setLong(3, version); ps.setLong(4, at);
            ps.executeUpdate();
        }
    }

    private static void exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, List.of(args))) {
            ps.executeUpdate();
        }
    }

    @Override
    public void deleteEvent(String eventId) {
        write(c -> {
            Long seq = null;
            long version = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, version FROM events WHERE id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) { seq = rs.getLong(1); version = rs.getLong(2); }
                }
            }
            if (seq == null) return null;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM reports WHERE event_id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) throw new IllegalStateException("event " + eventId + " still has reports; move them first");
                }
            }
            cache.invalidate(eventId);
            exec(c, "DELETE FROM events WHERE seq = ?", seq);
            exec(c, "DELETE FROM event_geo WHERE id = ?", seq);
            exec(c, "DELETE FROM event_fts WHERE rowid = ?", seq);
            appendChange(c, eventId, "deleted", version + 1, System.currentTimeMillis());
            return null;
        });
    }

    @Override
    public Optional<Event> event(String id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM events WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(parse(rs.getString(1), Event.class)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<EventMember> members(String eventId) {
        return read(c -> {
            Long version = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM events WHERE id = ?")) {
                ps.setString(1, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) version = rs.getLong(1);
                }
            }
            if (version != null) {
                CandidateCache.Cached hit = cache.get(eventId, version);
                if (hit != null) return hit.members();
            }
            return loadMembers(c, List.of(eventId)).getOrDefault(eventId, List.of());
        });
    }

    private Map<String, List<EventMember>> loadMembers(Connection c, List<String> eventIds) throws SQLException {
        Map<String, List<EventMember>> out = new LinkedHashMap<>();
        if (eventIds.isEmpty()) return out;
        String marks = String.join(",", java.util.Collections.nCopies(eventIds.size(), "?"));
        try (PreparedStatement ps = prepare(c, "SELECT event_id, member FROM reports WHERE event_id IN (" + marks
                + ") AND member IS NOT NULL ORDER BY published_at, seq", new ArrayList<>(eventIds));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(parse(rs.getString(2), EventMember.class));
        }
        return out;
    }

    @Override
    public Page<Event> searchEvents(EventQuery q) {
        return read(c -> {
            StringBuilder sql = new StringBuilder("SELECT e.seq, e.time_start, e.body FROM events e WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            where(q, sql, args);
            return newestFirst(c, sql, args, "e.time_start", "e.seq", q.cursor(), q.limit(), Event.class);
        });
    }

    private static void where(EventQuery q, StringBuilder sql, List<Object> args) {
        BoundingBox b = q.bbox();
        if (b != null) {
            sql.append(" AND e.seq IN (SELECT id FROM event_geo WHERE min_lat <= ? AND max_lat >= ? AND min_lon <= ? AND max_lon >= ?)");
            args.add(b.north()); args.add(b.south()); args.add(b.east()); args.add(b.west());
        }
        if (q.from() != null) { sql.append(" AND e.time_end >= ?"); args.add(q.from().toEpochMilli()); }
        if (q.to() != null) { sql.append(" AND e.time_start < ?"); args.add(q.to().toEpochMilli()); }
        if (!q.types().isEmpty()) {
            String marks = String.join(",", java.util.Collections.nCopies(q.types().size(), "?"));
            sql.append(" AND (e.type IN (").append(marks).append(") OR e.sub_type IN (").append(marks).append("))");
            args.addAll(q.types());
            args.addAll(q.types());
        }
        if (!q.states().isEmpty()) {
            sql.append(" AND e.state IN (").append(String.join(",", java.util.Collections.nCopies(q.states().size(), "?"))).append(")");
            for (EventState s : q.states()) args.add(s.wire());
        }
        if (q.located() != null) sql.append(q.located() ? " AND e.lat IS NOT NULL" : " AND e.lat IS NULL");
        if (q.text() != null && !q.text().isBlank()) {
            sql.append(" AND e.seq IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)");
            args.add(ftsQuery(q.text()));
        }
    }

    /**
     * Keyset paging, newest first: appends the cursor condition and the order to {@code sql} (which selects
     * seq, time, body), runs it and returns the page with the cursor of the next one.
     */
    private static <T> Page<T> newestFirst(Connection c, StringBuilder sql, List<Object> args, String timeColumn,
                                           String seqColumn, String cursor, int limit, Class<T> type) throws SQLException {
        long[] cur = decodeCursor(cursor);
        if (cur != null) {
            sql.append(" AND (").append(timeColumn).append(" < ? OR (").append(timeColumn).append(" = ? AND ")
                    .append(seqColumn).append(" < ?))");
            args.add(cur[0]); args.add(cur[0]); args.add(cur[1]);
        }
        sql.append(" ORDER BY ").append(timeColumn).append(" DESC, ").append(seqColumn).append(" DESC LIMIT ?");
        args.add(limit + 1);
        List<T> items = new ArrayList<>();
        long lastT = 0, lastSeq = 0;
        String next = null;
        try (PreparedStatement ps = prepare(c, sql.toString(), args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (items.size() == limit) { next = encodeCursor(lastT, lastSeq); break; }
                lastSeq = rs.getLong(1);
                lastT = rs.getLong(2);
                items.add(parse(rs.getString(3), type));
            }
        }
        return new Page<>(items, next);
    }

    /** Turns user text into an FTS5 query: every word must occur (as a prefix), no FTS syntax leaks through. */
    static String ftsQuery(String text) {
        StringBuilder sb = new StringBuilder();
        for (String w : text.strip().split("[\\s\\p{Punct}&&[^\\-']]+")) {
            if (w.isBlank()) continue;
            if (sb.length() > 0) sb.append(' ');
            sb.append('"').append(w.replace("\"", "\"\"")).append("\"*");
        }
        return sb.length() == 0 ? "\"\"" : sb.toString();
    }

    /** An FTS5 query matching rows that contain at least two of the words (the one word when only one is given). */
    static String ftsAnyTwo(List<String> words) {
        List<String> quoted = words.stream().filter(w -> !w.isBlank()).map(w -> '"' + w.replace("\"", "\"\"") + '"').toList();
        if (quoted.size() <= 1) return quoted.isEmpty() ? "\"\"" : quoted.get(0);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < quoted.size(); i++) {
            for (int j = i + 1; j < quoted.size(); j++) pairs.add("(" + quoted.get(i) + " AND " + quoted.get(j) + ")");
        }
        return String.join(" OR ", pairs);
    }

    @Override
    public List<EventCandidate> candidates(CandidateQuery q) {
        return read(c -> {
            // Ids and versions first; bodies only for events the cache does not hold at that version. Online
            // clustering asks for the same recent events again and again, and parsing them dominated ingest.
            StringBuilder sql = new StringBuilder("SELECT e.id, e.version, e.lat, e.lon FROM events e WHERE e.time_end >= ? AND e.time_start < ?");
            List<Object> args = new ArrayList<>(List.of(q.from().toEpochMilli(), q.to().toEpochMilli()));
            if (q.near() != null) {
                GeoPoint p = q.near();
                double dLat = q.radiusKm() / 111.0;
                double dLon = q.radiusKm() / (111.0 * Math.max(0.01, Math.cos(Math.toRadians(p.lat()))));
                // The R*Tree narrows to the lat/lon box; the flat-earth distance test then drops its corners
                // before ORDER BY ... LIMIT, so events beyond the radius cannot take the places of nearer ones.
                double kx = Math.max(0.01, Math.cos(Math.toRadians(p.lat())));
                sql.append(" AND (e.lat IS NULL OR (e.seq IN (SELECT id FROM event_geo WHERE min_lat <= ? AND max_lat >= ? AND min_lon <= ? AND max_lon >= ?)"
                        + " AND (e.lat - ?) * (e.lat - ?) + (e.lon - ?) * (e.lon - ?) * ? <= ?))");
                args.add(p.lat() + dLat); args.add(p.lat() - dLat); args.add(p.lon() + dLon); args.add(p.lon() - dLon);
                args.add(p.lat()); args.add(p.lat()); args.add(p.lon()); args.add(p.lon()); args.add(kx * kx);
                args.add(dLat * dLat * RADIUS_SLACK);
            }
            // Located events first, then the closest in time to the middle of the window: with more candidates
            // than the limit, unlocated events must not crowd out the event in the same town.
            long mid = q.from().toEpochMilli() / 2 + q.to().toEpochMilli() / 2;
            sql.append(" ORDER BY e.lat IS NULL, abs((e.time_start / 2 + e.time_end / 2) - ?) LIMIT ?");
            args.add(mid);
            args.add(q.limit() <= 0 ? 200 : q.limit());
            Map<String, Long> versions = new LinkedHashMap<>();
            try (PreparedStatement ps = prepare(c, sql.toString(), args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // The R*Tree query is a lat/lon box; its corners lie beyond the radius.
                    if (q.near() != null && rs.getObject(3) != null
                            && new GeoPoint(rs.getDouble(3), rs.getDouble(4)).distanceKm(q.near()) > q.radiusKm()) continue;
                    versions.put(rs.getString(1), rs.getLong(2));
                }
            }
            if (q.searchesText()) {
                // Events anywhere in the window whose text carries two of the report's search terms: a report
                // the geoparser placed elsewhere must still meet its event (see CandidateQuery).
                String match = ftsAnyTwo(q.terms());
                try (PreparedStatement ps = prepare(c, "SELECT e.id, e.version FROM event_fts JOIN events e ON e.seq = event_fts.rowid "
                        + "WHERE event_fts MATCH ? AND e.time_end >= ? AND e.time_start < ? ORDER BY bm25(event_fts) LIMIT ?",
                        new ArrayList<>(List.of(match, q.from().toEpochMilli(), q.to().toEpochMilli(), q.textLimit() + versions.size())));
                     ResultSet rs = ps.executeQuery()) {
                    int added = 0;
                    while (rs.next() && added < q.textLimit()) {
                        if (versions.putIfAbsent(rs.getString(1), rs.getLong(2)) == null) added++;
                    }
                }
            }
            Map<String, EventCandidate> found = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, Long> v : versions.entrySet()) {
                CandidateCache.Cached hit = cache.get(v.getKey(), v.getValue());
                if (hit != null) found.put(v.getKey(), hit.candidate());
                else missing.add(v.getKey());
            }
            if (!missing.isEmpty()) {
                Map<String, Event> events = new LinkedHashMap<>();
                String marks = String.join(",", java.util.Collections.nCopies(missing.size(), "?"));
                try (PreparedStatement ps = prepare(c, "SELECT id, body FROM events WHERE id IN (" + marks + ")", new ArrayList<>(missing));
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) events.put(rs.getString(1), parse(rs.getString(2), Event.class));
                }
                Map<String, List<EventMember>> members = loadMembers(c, missing);
                for (Event e : events.values()) {
                    List<EventMember> ms = members.getOrDefault(e.id(), List.of());
                    cache.put(e, ms);
                    found.put(e.id(), new EventCandidate(e, ms.stream().map(EventMember::report).toList()));
                }
            }
            List<EventCandidate> out = new ArrayList<>();
            for (String id : versions.keySet()) if (found.containsKey(id)) out.add(found.get(id));
            return out;
        });
    }

    @Override
    public List<TimelineBucket> timeline(EventQuery q, Granularity g) {
        long size = g == Granularity.HOUR ? 3_600_000L : 86_400_000L;
        return read(c -> {
            StringBuilder sql = new StringBuilder("SELECT (e.time_start / ?) * ? AS b, e.type, count(*) FROM events e WHERE 1 = 1");
            List<Object> args = new ArrayList<>(List.of(size, size));
            where(q, sql, args);
            sql.append(" GROUP BY b, e.type ORDER BY b, e.type");
            List<TimelineBucket> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql.toString(), args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new TimelineBucket(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getLong(3)));
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ waves




    // ------------------------------------------------------------------ changes




    @Override
    public void close() {
        writeLock.lock();
        try {
            writer.close();
            for (Connection c : readers) c.close();
        } catch (SQLException e) {
            throw new StoreException("closing the database failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a == null) ps.setNull(i + 1, Types.NULL);
            else if (a instanceof Long l) ps.setLong(i + 1, l);
            else if (a instanceof Integer n) ps.setInt(i + 1, n);
            else if (a instanceof Double d) ps.setDouble(i + 1, d);
            else ps.setString(i + 1, a.toString());
        }
        return ps;
    }

    static String encodeCursor(long t, long seq) { return org.sitrep.store.Cursors.encode(t, seq); }

    static long[] decodeCursor(String cursor) { return org.sitrep.store.Cursors.decode(cursor); }

    @Override public String toString() { return "SqliteStore[" + url.toLowerCase(Locale.ROOT) + "]"; }
}
