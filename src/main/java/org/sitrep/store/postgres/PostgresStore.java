package org.sitrep.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.model.EventState;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Report;
import org.sitrep.pipeline.CandidateQuery;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.EventMember;
import org.sitrep.store.BoundingBox;
import org.sitrep.store.Cursors;
import org.sitrep.store.EventQuery;
import org.sitrep.store.Ids;
import org.sitrep.store.ReportQuery;
import org.sitrep.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server store on PostgreSQL, for several Sitrep nodes sharing one database. Same contract and
 * same semantics as the embedded SQLite store (the StoreContract tests run on both): space through a
 * GiST index on a point column, text through a tsvector column with a GIN index, cursors in the same
 * format. What several nodes need on top:
 * <ul>
 * <li>{@link #exclusive} takes a transaction-scoped advisory lock, so clustering is serialised across
 * nodes, not only threads;</li>
 * <li>change-log entries are numbered in commit order (a short advisory lock around the append), so a
 * reader that has seen change N never later finds a committed change below N;</li>
 * <li>every appended change sends a NOTIFY, delivered on commit, which {@link #onChange} listeners on
 * every node receive.</li>
 * </ul>
 * Text is folded (lower case, diacritics removed) in Java on both the indexed and the query side, so
 * results do not depend on the database's locale (a C-locale database lowercases only ASCII) and
 * Arabic and Cyrillic words match like Latin ones. Thread-safe; a transaction is bound to the thread
 * that opened it.
 */
public final class PostgresStore extends org.sitrep.store.JdbcStore {
    private static final Logger log = LoggerFactory.getLogger(PostgresStore.class);
    static final String CHANNEL = "sitrep_changes";
    private static final int TEXT_CAP = 20_000;
    /** Advisory lock name spaces (first key of the two-int form). */
    private static final int LOCK_CONTENT = 0x5173_0001, LOCK_EXCLUSIVE = 0x5173_0002, LOCK_CHANGES = 0x5173_0003;
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final ConnectionPool pool;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Thread listenerThread;
    private volatile boolean closed;

    private PostgresStore(ConnectionPool pool) {
        this.pool = pool;
    }

    /** Whether {@code db} names a PostgreSQL database (postgresql://, postgres:// or jdbc:postgresql:). */
    public static boolean accepts(String db) {
        return db != null && (db.startsWith("postgresql://") || db.startsWith("postgres://") || db.startsWith("jdbc:postgresql:"));
    }

    /** Opens (migrating when needed) the database at {@code db} with a pool of 16 connections. */
    public static PostgresStore open(String db) {
        return open(db, 16);
    }

    /**
     * Opens the database {@code db}: {@code postgresql://user:password@host:port/database?param=value}
     * (libpq style) or a JDBC URL {@code jdbc:postgresql://host:port/database?user=...&password=...}.
     */
    public static PostgresStore open(String db, int poolSize) {
        Jdbc jdbc = Jdbc.parse(db);
        try {
            Flyway.configure().dataSource(jdbc.url(), jdbc.props().getProperty("user"), jdbc.props().getProperty("password"))
                    .locations("classpath:db/migration/postgresql").loggers("slf4j")
                    // Version numbers are handed out per feature (V2 ingest, V3 api, V4 waves) and land
                    // in any order: a V2 arriving after V4 was applied must still run.
                    .outOfOrder(true).load().migrate();
        } catch (RuntimeException e) {
            throw new StoreException("cannot open PostgreSQL database " + jdbc.display() + ": " + rootMessage(e), e);
        }
        return new PostgresStore(new ConnectionPool(jdbc.url(), jdbc.props(), poolSize));
    }

    /** A JDBC URL with its connection properties; {@code display} hides the password. */
    record Jdbc(String url, Properties props, String display) {
        static Jdbc parse(String db) {
            Properties props = new Properties();
            props.setProperty("ApplicationName", "sitrep");
            props.setProperty("tcpKeepAlive", "true");
            if (db.startsWith("jdbc:postgresql:")) return new Jdbc(db, props, db.replaceAll("password=[^&]*", "password=***"));
            if (!accepts(db)) throw new IllegalArgumentException("not a PostgreSQL URL: " + db + " (expected postgresql://user:password@host:port/database)");
            URI uri;
            try {
                uri = new URI(db);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("malformed PostgreSQL URL (" + e.getReason() + "); expected postgresql://user:password@host:port/database");
            }
            if (uri.getHost() == null) throw new IllegalArgumentException("PostgreSQL URL has no host: expected postgresql://user:password@host:port/database");
            String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
            String url = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path
                    + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
            String info = uri.getRawUserInfo();
            if (info != null) {
                int colon = info.indexOf(':');
                props.setProperty("user", URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8));
                if (colon >= 0) props.setProperty("password", URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8));
            }
            String display = "postgresql://" + (props.getProperty("user") != null ? props.getProperty("user") + "@" : "")
                    + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + path;
            return new Jdbc(url, props, display);
        }
    }

    // ------------------------------------------------------------------ plumbing

    /** SQL work on a connection. */
    @FunctionalInterface
    public interface SqlWork<T> { T run(Connection c) throws SQLException; }

    /**
     * Runs {@code work} in a transaction on this thread's connection. A nested call joins the outer
     * transaction behind a savepoint, so a failed inner write (a rejected report in a batch) is undone
     * alone and the outer transaction can go on, as it can on SQLite.
     */
    private <T> T tx(SqlWork<T> work) {
        Connection c = current.get();
        if (c != null) {
            Savepoint sp;
            try {
                sp = c.setSavepoint();
            } catch (SQLException e) {
                throw new StoreException("database write failed: " + e.getMessage(), e);
            }
            try {
                T result = work.run(c);
                c.releaseSavepoint(sp);
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback(sp);
                } catch (SQLException e2) {
                    e.addSuppressed(e2);
                }
                if (e instanceof RuntimeException r) throw r;
                throw new StoreException("database write failed: " + e.getMessage(), e);
            }
        }
        c = pool.borrow();
        boolean broken = false;
        try {
            c.setAutoCommit(false);
            current.set(c);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            broken = e instanceof SQLException se && ConnectionPool.isBroken(se);
            try {
                c.rollback();
            } catch (SQLException e2) {
                broken = true;
                e.addSuppressed(e2);
            }
            if (e instanceof RuntimeException r) throw r;
            throw new StoreException("database write failed: " + e.getMessage(), e);
        } finally {
            current.remove();
            try {
                if (!broken) c.setAutoCommit(true);
            } catch (SQLException e) {
                broken = true;
            }
            pool.giveBack(c, broken);
        }
    }

    /** Runs {@code work} on this thread's transaction if there is one, else on a pooled connection in autocommit. */
    private <T> T read(SqlWork<T> work) {
        Connection c = current.get();
        if (c != null) {
            try {
                return work.run(c);
            } catch (SQLException e) {
                throw new StoreException("database read failed: " + e.getMessage(), e);
            }
        }
        c = pool.borrow();
        boolean broken = false;
        try {
            return work.run(c);
        } catch (SQLException e) {
            broken = ConnectionPool.isBroken(e);
            throw new StoreException("database read failed: " + e.getMessage(), e);
        } finally {
            pool.giveBack(c, broken);
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return tx(c -> work.get());
    }

    /**
     * A connection of its own, outside the pool, for session state that must outlive a transaction
     * (advisory locks held while this node streams a source). The caller closes it.
     */
    public java.sql.Connection dedicatedConnection() throws SQLException { return pool.connect(); }

    /** Runs SQL in this thread's transaction, or in a new one (for extensions of this store: ingest state, accounts). */
    public <T> T withConnection(SqlWork<T> work) { return tx(work); }

    @Override
    public <T> T withWriter(org.sitrep.store.JdbcDatabase.SqlWork<T> work) { return tx(work::run); }

    @Override
    public <T> T withReader(org.sitrep.store.JdbcDatabase.SqlWork<T> work) { return read(work::run); }

    /**
     * Transaction-scoped advisory lock: held until the surrounding transaction ends, by whichever node
     * took it, and released by PostgreSQL if that node dies. Reentrant on one connection.
     */
    @Override
    public <T> T exclusive(String key, Supplier<T> work) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, LOCK_EXCLUSIVE);
                ps.setInt(2, key.hashCode());
                ps.execute();
            }
            return work.get();
        });
    }



    // ------------------------------------------------------------------ text

    /**
     * Folds text for indexing and querying: lower case, diacritics and other combining marks removed
     * (é -> e, й -> и, Arabic short vowels dropped), every run of non-letters and non-digits one space.
     * Done here rather than with unaccent() so that the database's locale cannot change results.
     */
    static String fold(String s) {
        String nfd = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
        String bare = MARKS.matcher(nfd).replaceAll("");
        return NON_WORD.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Text as this store indexes it (folded, capped), for bulk loaders writing the fts column themselves. */
    public static String foldForIndex(String text) { return fold(cap(text)); }

    /** User text as a tsquery: every word must occur as a word prefix; no query syntax leaks through. Null: nothing can match. */
    static String tsQuery(String text) {
        String folded = fold(text);
        if (folded.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        for (String w : folded.split(" ")) {
            if (sb.length() > 0) sb.append(" & ");
            sb.append('\'').append(w).append("':*");
        }
        return sb.toString();
    }

    /** A tsquery matching documents with at least two of the words (the one word when only one is given); null when none is left after folding. */
    static String tsAnyTwo(List<String> words) {
        List<String> lexemes = new ArrayList<>();
        for (String w : words) {
            String f = fold(w);
            if (!f.isEmpty() && !f.contains(" ")) lexemes.add("'" + f.replace("'", "''") + "'");
        }
        if (lexemes.size() <= 1) return lexemes.isEmpty() ? null : lexemes.get(0);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < lexemes.size(); i++) {
            for (int j = i + 1; j < lexemes.size(); j++) pairs.add("(" + lexemes.get(i) + " & " + lexemes.get(j) + ")");
        }
        return String.join(" | ", pairs);
    }

    private static String cap(String s) { return s.length() > TEXT_CAP ? s.substring(0, TEXT_CAP) : s; }

    @Override
    protected String locatedCondition() { return "geo IS NOT NULL"; }

    @Override
    protected String byteOrder() { return " COLLATE \"C\""; }

    // ------------------------------------------------------------------ sources





    // ------------------------------------------------------------------ reports

    @Override
    public AddResult addReport(Report report) {
        String id = Ids.reportId(report);
        String hash = Ids.contentHash(report);
        Report stored = report.withId(id);
        String externalId = blankToNull(report.externalId()), url = blankToNull(report.url());
        return tx(c -> {
            // Same content from the same source has no unique index (different external ids may carry
            // it); this lock makes check-then-insert atomic across nodes for it. The unique indexes
            // cover the other two rules, through ON CONFLICT below.
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, LOCK_CONTENT);
                ps.setInt(2, (report.sourceId() + "\u0000" + hash).hashCode());
                ps.execute();
            }
            Optional<AddResult> existing = existing(c, report.sourceId(), externalId, url, hash, stored);
            if (existing.isPresent()) return existing.get();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO reports(id, source_id, external_id, url, content_hash, published_at, fetched_at, body, fts) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, to_tsvector('simple', ?)) ON CONFLICT DO NOTHING")) {
                ps.setString(1, id);
                ps.setString(2, report.sourceId());
                setNullable(ps, 3, externalId);
                setNullable(ps, 4, url);
                ps.setString(5, hash);
                ps.setLong(6, report.publishedAt().toEpochMilli());
                ps.setLong(7, report.fetchedAt().toEpochMilli());
                ps.setString(8, json(stored));
                ps.setString(9, fold(cap(report.title() + "\n" + report.text())));
                if (ps.executeUpdate() == 1) return new AddResult(stored, true, null);
            }
            // Another node inserted the same report between our check and our insert.
            return existing(c, report.sourceId(), externalId, url, hash, stored).orElseThrow(() ->
                    new StoreException("report " + id + " conflicted with a stored report that cannot be found", null));
        });
    }

    private Optional<AddResult> existing(Connection c, String sourceId, String externalId, String url, String hash, Report stored)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, body, CASE WHEN source_id = ? AND external_id = ? THEN 'same source and external id' "
                        + "WHEN url = ? THEN 'same URL' ELSE 'same content from the same source' END "
                        + "FROM reports WHERE (source_id = ? AND external_id = ?) OR url = ? "
                        + "OR (source_id = ? AND content_hash = ?) LIMIT 1")) {
            ps.setString(1, sourceId);
            setNullable(ps, 2, externalId);
            setNullable(ps, 3, url);
            ps.setString(4, sourceId);
            setNullable(ps, 5, externalId);
            setNullable(ps, 6, url);
            ps.setString(7, sourceId);
            ps.setString(8, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new AddResult(parse(rs.getString(2), Report.class), false, rs.getString(3) + " as report " + rs.getString(1)));
            }
        }
    }

    @Override
    public Optional<Report> report(String id) {
        return read(c -> one(c, "SELECT body FROM reports WHERE id = ?", id).map(b -> parse(b, Report.class)));
    }

    @Override
    public Optional<EventMember> member(String reportId) {
        return read(c -> one(c, "SELECT member FROM reports WHERE id = ?", reportId).map(b -> parse(b, EventMember.class)));
    }

    @Override
    public Page<Report> searchReports(ReportQuery q) {
        return read(c -> {
            StringBuilder sql = new StringBuilder("SELECT r.seq, r.published_at, r.body FROM reports r WHERE true");
            List<Object> args = new ArrayList<>();
            if (q.text() != null && !q.text().isBlank()) {
                String tsq = tsQuery(q.text());
                if (tsq == null) return new Page<>(List.of(), null);
                sql.append(" AND r.fts @@ to_tsquery('simple', ?)");
                args.add(tsq);
            }
            if (q.sourceId() != null) { sql.append(" AND r.source_id = ?"); args.add(q.sourceId()); }
            if (q.from() != null) { sql.append(" AND r.published_at >= ?"); args.add(q.from().toEpochMilli()); }
            if (q.to() != null) { sql.append(" AND r.published_at < ?"); args.add(q.to().toEpochMilli()); }
            long[] cur = Cursors.decode(q.cursor());
            if (cur != null) {
                sql.append(" AND (r.published_at, r.seq) < (?, ?)");
                args.add(cur[0]); args.add(cur[1]);
            }
            sql.append(" ORDER BY r.published_at DESC, r.seq DESC LIMIT ?");
            args.add(q.limit() + 1);
            return page(c, sql.toString(), args, q.limit(), Report.class);
        });
    }

    private static <T> Page<T> page(Connection c, String sql, List<Object> args, int limit, Class<T> type) throws SQLException {
        List<T> items = new ArrayList<>();
        long lastT = 0, lastSeq = 0;
        String next = null;
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (items.size() == limit) { next = Cursors.encode(lastT, lastSeq); break; }
                lastSeq = rs.getLong(1);
                lastT = rs.getLong(2);
                items.add(parse(rs.getString(3), type));
            }
        }
        return new Page<>(items, next);
    }


    // ------------------------------------------------------------------ events

    @Override
    public void commitEvent(Event event, List<EventMember> newMembers) {
        tx(c -> {
            Long seq = null;
            long storedVersion = 0;
            // FOR UPDATE: a second node updating the same event waits here, then sees the new version.
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, version FROM events WHERE id = ? FOR UPDATE")) {
                ps.setString(1, event.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) { seq = rs.getLong(1); storedVersion = rs.getLong(2); }
                }
            }
            if (seq != null && event.version() != storedVersion + 1) {
                throw new ConflictException("event " + event.id() + " is at version " + storedVersion
                        + "; an update to version " + event.version() + " was based on an older copy");
            }
            if (!newMembers.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE reports SET event_id = ?, member = ? WHERE id = ?")) {
                    for (EventMember m : newMembers) {
                        ps.setString(1, event.id());
                        ps.setString(2, json(m));
                        ps.setString(3, m.report().report().id());
                        if (ps.executeUpdate() == 0) {
                            throw new IllegalArgumentException("report " + m.report().report().id() + " is not stored; add it first");
                        }
                    }
                }
            }
            String sql = seq == null
                    ? "INSERT INTO events(id, version, state, type, sub_type, lat, lon, time_start, time_end, updated_at, body, fts) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, to_tsvector('simple', ?))"
                    : "UPDATE events SET id = ?, version = ?, state = ?, type = ?, sub_type = ?, lat = ?, lon = ?, time_start = ?, "
                            + "time_end = ?, updated_at = ?, body = ?, fts = to_tsvector('simple', ?) WHERE seq = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindEvent(ps, event);
                ps.setString(12, fold(searchableText(c, event)));
                if (seq != null) ps.setLong(13, seq);
                ps.executeUpdate();
            }
            appendChange(c, event.id(), storedVersion == 0 ? "created" : "updated", event.version(), System.currentTimeMillis());
            return null;
        });
    }

    static void bindEvent(PreparedStatement ps, Event e) throws SQLException {
        ps.setString(1, e.id());
        ps.setLong(2, e.version());
        ps.setString(3, e.state().wire());
        ps.setString(4, e.type());
        setNullable(ps, 5, e.subType());
        if (e.located()) {
            ps.setDouble(6, e.location().point().lat());
            ps.setDouble(7, e.location().point().lon());
        } else {
            ps.setNull(6, Types.DOUBLE);
            ps.setNull(7, Types.DOUBLE);
        }
        ps.setLong(8, e.time().start().toEpochMilli());
        ps.setLong(9, e.time().end().toEpochMilli());
        ps.setLong(10, e.updatedAt() == null ? System.currentTimeMillis() : e.updatedAt().toEpochMilli());
        ps.setString(11, json(e));
    }

    /** What free text finds an event by: its own fields (see {@link #eventText}) and the text of its reports (capped). */
    private static String searchableText(Connection c, Event e) throws SQLException {
        StringBuilder sb = new StringBuilder(eventText(e));
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM reports WHERE event_id = ? ORDER BY seq")) {
            ps.setString(1, e.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && sb.length() < TEXT_CAP) {
                    Report r = parse(rs.getString(1), Report.class);
                    sb.append('\n').append(r.title()).append('\n').append(r.text(), 0, Math.min(r.text().length(), 2000));
                }
            }
        }
        return cap(sb.toString());
    }

    /** An event's own searchable fields: title, summary, type, place name, actors. */
    static String eventText(Event e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.title()).append('\n').append(e.summary()).append('\n').append(e.type()).append(' ')
                .append(e.subType() == null ? "" : e.subType());
        if (e.located() && e.location().name() != null) sb.append('\n').append(e.location().name());
        for (Actor a : e.actors()) sb.append('\n').append(a.name());
        return sb.toString();
    }

    /**
     * Appends to the change log. The lock makes sequence order equal commit order across nodes: without
     * it, node A could take number 10, node B number 11 and commit first, and an SSE reader that
     * advanced to 11 would never see 10. It is held only from here to the end of the transaction.
     */
    private static void appendChange(Connection c, String eventId, String kind, long version, long at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, 0)")) {
            ps.setInt(1, LOCK_CHANGES);
            ps.execute();
        }
        long seq;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO changes(event_id, kind, version, at) VALUES (?, ?, ?, ?) RETURNING seq")) {
            ps.setString(1, eventId); ps.setString(2, kind); ps.setLong(3, version); ps.setLong(4, at);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        // Delivered to every listening node when (and only if) the transaction commits.
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
            ps.setString(1, Long.toString(seq));
            ps.execute();
        }
    }

    @Override
    public void deleteEvent(String eventId) {
        tx(c -> {
            Long seq = null;
            long version = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, version FROM events WHERE id = ? FOR UPDATE")) {
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
            exec(c, "DELETE FROM events WHERE seq = ?", seq);
            appendChange(c, eventId, "deleted", version + 1, System.currentTimeMillis());
            return null;
        });
    }

    @Override
    public Optional<Event> event(String id) {
        return read(c -> one(c, "SELECT body FROM events WHERE id = ?", id).map(b -> parse(b, Event.class)));
    }

    @Override
    public List<EventMember> members(String eventId) {
        return read(c -> loadMembers(c, List.of(eventId)).getOrDefault(eventId, List.of()));
    }

    private static Map<String, List<EventMember>> loadMembers(Connection c, List<String> eventIds) throws SQLException {
        Map<String, List<EventMember>> out = new LinkedHashMap<>();
        if (eventIds.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement("SELECT event_id, member FROM reports WHERE event_id = ANY(?) "
                + "AND member IS NOT NULL ORDER BY published_at, seq")) {
            ps.setArray(1, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(parse(rs.getString(2), EventMember.class));
            }
        }
        return out;
    }

    @Override
    public Page<Event> searchEvents(EventQuery q) {
        return read(c -> {
            StringBuilder sql = new StringBuilder("SELECT e.seq, e.time_start, e.body FROM events e WHERE true");
            List<Object> args = new ArrayList<>();
            if (!where(c, q, sql, args, q.bbox() != null && denseBox(c, q.bbox()))) return new Page<>(List.of(), null);
            long[] cur = Cursors.decode(q.cursor());
            if (cur != null) {
                sql.append(" AND (e.time_start, e.seq) < (?, ?)");
                args.add(cur[0]); args.add(cur[1]);
            }
            sql.append(" ORDER BY e.time_start DESC, e.seq DESC LIMIT ?");
            args.add(q.limit() + 1);
            return page(c, sql.toString(), args, q.limit(), Event.class);
        });
    }

    /** Above this many events in a map box, reading newest-first through the time index beats the spatial index. */
    static final int DENSE_BOX = 5_000;

    /**
     * Whether a box holds so many events that the newest page is best found by scanning the time index
     * and filtering, rather than fetching every event in the box through the GiST index and sorting.
     * PostgreSQL cannot tell: it estimates every box at 0.1% of the rows, so a country-sized box of
     * 150,000 events took seconds. Counting up to {@link #DENSE_BOX} entries of the index costs a few
     * milliseconds.
     */
    private static boolean denseBox(Connection c, BoundingBox b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM events e "
                + "WHERE e.geo <@ box(point(?, ?), point(?, ?)) LIMIT " + DENSE_BOX + ") x")) {
            ps.setDouble(1, b.west()); ps.setDouble(2, b.south()); ps.setDouble(3, b.east()); ps.setDouble(4, b.north());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) >= DENSE_BOX;
            }
        }
    }

    private static boolean where(Connection c, EventQuery q, StringBuilder sql, List<Object> args) throws SQLException {
        return where(c, q, sql, args, false);
    }

    /**
     * Appends the query's filters; false when nothing can match (a text query without a word). With
     * {@code denseBox} the box test is written so that the spatial index is not used (see {@link #denseBox}).
     */
    private static boolean where(Connection c, EventQuery q, StringBuilder sql, List<Object> args, boolean denseBox) throws SQLException {
        BoundingBox b = q.bbox();
        if (b != null) {
            sql.append(denseBox ? " AND (e.geo + point(0, 0)) <@ box(point(?, ?), point(?, ?))" : " AND e.geo <@ box(point(?, ?), point(?, ?))");
            args.add(b.west()); args.add(b.south()); args.add(b.east()); args.add(b.north());
        }
        if (q.from() != null) { sql.append(" AND e.time_end >= ?"); args.add(q.from().toEpochMilli()); }
        if (q.to() != null) { sql.append(" AND e.time_start < ?"); args.add(q.to().toEpochMilli()); }
        if (!q.types().isEmpty()) {
            Array types = c.createArrayOf("text", q.types().toArray());
            sql.append(" AND (e.type = ANY(?) OR e.sub_type = ANY(?))");
            args.add(types); args.add(types);
        }
        if (!q.states().isEmpty()) {
            sql.append(" AND e.state = ANY(?)");
            args.add(c.createArrayOf("text", q.states().stream().map(EventState::wire).toArray()));
        }
        if (q.located() != null) sql.append(q.located() ? " AND e.geo IS NOT NULL" : " AND e.geo IS NULL");
        if (q.text() != null && !q.text().isBlank()) {
            String tsq = tsQuery(q.text());
            if (tsq == null) return false;
            sql.append(" AND e.fts @@ to_tsquery('simple', ?)");
            args.add(tsq);
        }
        return true;
    }

    @Override
    public List<EventCandidate> candidates(CandidateQuery q) {
        return read(c -> {
            StringBuilder sql = new StringBuilder("SELECT e.id, e.body FROM events e WHERE e.time_end >= ? AND e.time_start < ?");
            List<Object> args = new ArrayList<>(List.of(q.from().toEpochMilli(), q.to().toEpochMilli()));
            GeoPoint p = q.near();
            if (p != null) {
                double dLat = q.radiusKm() / 111.0;
                double dLon = q.radiusKm() / (111.0 * Math.max(0.01, Math.cos(Math.toRadians(p.lat()))));
                // The index narrows to the lat/lon box; the flat-earth distance test then drops its corners
                // before ORDER BY ... LIMIT, so events beyond the radius cannot take the places of nearer ones.
                double kx = Math.max(0.01, Math.cos(Math.toRadians(p.lat())));
                sql.append(" AND (e.geo IS NULL OR (e.geo <@ box(point(?, ?), point(?, ?))"
                        + " AND (e.geo[1] - ?) * (e.geo[1] - ?) + (e.geo[0] - ?) * (e.geo[0] - ?) * ? <= ?))");
                args.add(p.lon() - dLon); args.add(p.lat() - dLat); args.add(p.lon() + dLon); args.add(p.lat() + dLat);
                args.add(p.lat()); args.add(p.lat()); args.add(p.lon()); args.add(p.lon()); args.add(kx * kx);
                args.add(dLat * dLat * RADIUS_SLACK);
            }
            // Located events first, then the closest in time to the middle of the window (as on SQLite): with
            // more candidates than the limit, unlocated events must not crowd out the event in the same town.
            sql.append(" ORDER BY e.geo IS NULL, abs((e.time_start / 2 + e.time_end / 2) - ?) LIMIT ?");
            args.add(q.from().toEpochMilli() / 2 + q.to().toEpochMilli() / 2);
            args.add(q.limit() <= 0 ? 200 : q.limit());
            Map<String, Event> events = new LinkedHashMap<>();
            try (PreparedStatement ps = prepare(c, sql.toString(), args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Event e = parse(rs.getString(2), Event.class);
                    // The index query is a lat/lon box; its corners lie beyond the radius.
                    if (p != null && e.located() && e.location().point().distanceKm(p) > q.radiusKm()) continue;
                    events.put(rs.getString(1), e);
                }
            }
            String tsq = q.searchesText() ? tsAnyTwo(q.terms()) : null;
            if (tsq != null) {
                // Events anywhere in the window whose text carries two of the report's search terms: a report
                // the geoparser placed elsewhere must still meet its event (see CandidateQuery).
                try (PreparedStatement ps = prepare(c, "SELECT e.id, e.body FROM events e WHERE e.fts @@ to_tsquery('simple', ?) "
                        + "AND e.time_end >= ? AND e.time_start < ? ORDER BY ts_rank(e.fts, to_tsquery('simple', ?)) DESC LIMIT ?",
                        new ArrayList<>(List.of(tsq, q.from().toEpochMilli(), q.to().toEpochMilli(), tsq, q.textLimit() + events.size())));
                     ResultSet rs = ps.executeQuery()) {
                    int added = 0;
                    while (rs.next() && added < q.textLimit()) {
                        if (events.containsKey(rs.getString(1))) continue;
                        events.put(rs.getString(1), parse(rs.getString(2), Event.class));
                        added++;
                    }
                }
            }
            Map<String, List<EventMember>> members = loadMembers(c, new ArrayList<>(events.keySet()));
            List<EventCandidate> out = new ArrayList<>();
            for (Event e : events.values()) {
                out.add(new EventCandidate(e, members.getOrDefault(e.id(), List.of()).stream().map(EventMember::report).toList()));
            }
            return out;
        });
    }

    @Override
    public List<TimelineBucket> timeline(EventQuery q, Granularity g) {
        long size = g == Granularity.HOUR ? 3_600_000L : 86_400_000L;
        return read(c -> {
            StringBuilder sql = new StringBuilder("SELECT (e.time_start / ?) * ? AS b, e.type, count(*) FROM events e WHERE true");
            List<Object> args = new ArrayList<>(List.of(size, size));
            if (!where(c, q, sql, args)) return List.of();
            sql.append(" GROUP BY b, e.type ORDER BY b, e.type COLLATE \"C\"");
            List<TimelineBucket> out = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql.toString(), args); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new TimelineBucket(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getLong(3)));
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ waves




    /**
     * Builds the missing text vectors (rows copied by {@link SqliteToPostgres} or loaded in bulk), a
     * thousand rows per transaction. Returns how many rows were indexed.
     */
    public int reindexText() {
        int total = 0, n;
        do {
            n = tx(c -> {
                int done = 0;
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT seq, body FROM reports WHERE fts IS NULL ORDER BY seq LIMIT 1000");
                     PreparedStatement up = c.prepareStatement("UPDATE reports SET fts = to_tsvector('simple', ?) WHERE seq = ?")) {
                    while (rs.next()) {
                        Report r = parse(rs.getString(2), Report.class);
                        up.setString(1, fold(cap(r.title() + "\n" + r.text())));
                        up.setLong(2, rs.getLong(1));
                        up.addBatch();
                        done++;
                    }
                    if (done > 0) up.executeBatch();
                }
                return done;
            });
            total += n;
        } while (n > 0);
        do {
            n = tx(c -> {
                Map<Long, Event> events = new LinkedHashMap<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT seq, body FROM events WHERE fts IS NULL ORDER BY seq LIMIT 1000")) {
                    while (rs.next()) events.put(rs.getLong(1), parse(rs.getString(2), Event.class));
                }
                try (PreparedStatement up = c.prepareStatement("UPDATE events SET fts = to_tsvector('simple', ?) WHERE seq = ?")) {
                    for (Map.Entry<Long, Event> e : events.entrySet()) {
                        up.setString(1, fold(searchableText(c, e.getValue())));
                        up.setLong(2, e.getKey());
                        up.addBatch();
                    }
                    if (!events.isEmpty()) up.executeBatch();
                }
                return events.size();
            });
            total += n;
        } while (n > 0);
        return total;
    }

    // ------------------------------------------------------------------ changes




    // ------------------------------------------------------------------ change notifications

    /**
     * Subscribes to committed changes from every node: one LISTEN connection per store, started on the
     * first subscription, reconnecting after a failure (and then waking listeners once, since
     * notifications sent meanwhile are lost).
     */
    @Override
    public synchronized AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        if (listenerThread == null) {
            listenerThread = Thread.ofPlatform().daemon().name("pg-listen").start(this::listen);
        }
        return () -> listeners.remove(listener);
    }

    private void listen() {
        long backoff = 500;
        while (!closed) {
            try (Connection c = pool.connect(); Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                backoff = 500;
                wakeListeners();
                while (!closed) {
                    PGNotification[] ns = pg.getNotifications(1000);
                    if (ns != null && ns.length > 0) wakeListeners();
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) return;
                log.warn("listening for changes on {} failed; reconnecting in {} ms: {}", pool.url(), backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }

    private void wakeListeners() {
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("change listener failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = listenerThread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.close();
    }

    // ------------------------------------------------------------------ helpers



    private static Optional<String> one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static int exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, List.of(args))) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Long l) ps.setLong(i + 1, l);
            else if (a instanceof Integer n) ps.setInt(i + 1, n);
            else if (a instanceof Double d) ps.setDouble(i + 1, d);
            else if (a instanceof Array arr) ps.setArray(i + 1, arr);
            else ps.setString(i + 1, a.toString());
        }
        return ps;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    @Override public String toString() { return "PostgresStore[" + pool.url() + "]"; }
}
