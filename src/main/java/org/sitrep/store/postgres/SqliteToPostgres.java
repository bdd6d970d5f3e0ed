package org.sitrep.store.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.sitrep.store.StoreException;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * Moves an embedded deployment to a server: copies every table of a SQLite store into a PostgreSQL
 * store, row for row, keeping ids and sequence numbers (so page cursors, SSE Last-Event-IDs and event
 * ids stay valid), then builds what PostgreSQL keeps in columns instead of SQLite's virtual tables
 * (text vectors; points are generated columns).
 *
 * <p>Generic over tables, so tables added by later migrations (ingest state, accounts, notes) move
 * too, as long as the PostgreSQL migrations mirror them with the same column names: a SQLite table or
 * column without a counterpart stops the run before anything is written, since copying it would lose
 * it. Rows are upserted on their primary key and only rewritten when they differ, so a second run
 * changes nothing. The target must be a fresh database or one this file was migrated into before and
 * that nothing else has written to since (checked: a target sequence beyond the source's refuses).
 */
public final class SqliteToPostgres {
    private static final int BATCH = 1000;

    /** What happened to one table. */
    public record TableResult(String table, long rows, long inserted, long updated) {
        public long unchanged() { return rows - inserted - updated; }
    }

    private SqliteToPostgres() {}

    public static List<TableResult> run(Path sqliteFile, String postgresUrl, Consumer<String> progress) {
        if (!Files.isRegularFile(sqliteFile)) throw new IllegalArgumentException("no SQLite database at " + sqliteFile);
        // Opening migrates the file to the current schema, so both sides have the same tables.
        SqliteStore.open(sqliteFile).close();
        try (PostgresStore target = PostgresStore.open(postgresUrl, 2);
             Connection src = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile.toAbsolutePath() + "?open_mode=1")) {
            List<String> tables = sqliteTables(src);
            List<TableResult> results = target.withConnection(dst -> {
                Map<String, Table> plan = plan(src, dst, tables);
                List<TableResult> out = new ArrayList<>();
                for (Table t : plan.values()) {
                    progress.accept("copying " + t.name);
                    out.add(copy(src, dst, t));
                }
                for (Table t : plan.values()) {
                    for (String col : t.identity) {
                        try (Statement s = dst.createStatement()) {
                            s.execute("SELECT setval(pg_get_serial_sequence('" + t.name + "', '" + col + "'), m) FROM (SELECT max("
                                    + quote(col) + ") AS m FROM " + quote(t.name) + ") x WHERE m IS NOT NULL");
                        }
                    }
                }
                return out;
            });
            progress.accept("indexing text");
            int indexed = target.reindexText();
            if (indexed > 0) progress.accept("indexed the text of " + indexed + " reports and events");
            return results;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + sqliteFile + ": " + e.getMessage(), e);
        }
    }

    /** A table to copy: its columns, PostgreSQL types, key, and the derived columns to reset on change. */
    private record Table(String name, List<String> columns, Map<String, String> pgTypes, List<String> key,
                         List<String> derived, List<String> identity) {}

    private static List<String> sqliteTables(Connection src) throws SQLException {
        List<String> virtual = new ArrayList<>(), all = new ArrayList<>();
        try (Statement s = src.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (rs.getString(2).toUpperCase(Locale.ROOT).startsWith("CREATE VIRTUAL")) virtual.add(name);
                all.add(name);
            }
        }
        List<String> out = new ArrayList<>();
        for (String name : all) {
            if (name.startsWith("sqlite_") || name.equals("flyway_schema_history") || virtual.contains(name)) continue;
            // FTS5 and R*Tree keep their data in shadow tables named after them; PostgreSQL rebuilds it.
            if (virtual.stream().anyMatch(v -> name.startsWith(v + "_"))) continue;
            out.add(name);
        }
        return out;
    }

    /** Checks every table and column has a home in PostgreSQL, and orders tables so referenced ones come first. */
    private static Map<String, Table> plan(Connection src, Connection dst, List<String> tables) throws SQLException {
        Map<String, Table> plan = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String name : tables) {
            List<String> srcCols = new ArrayList<>();
            try (Statement s = src.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(name) + ")")) {
                while (rs.next()) srcCols.add(rs.getString("name"));
            }
            Map<String, String> pgTypes = new LinkedHashMap<>();
            Set<String> generated = new LinkedHashSet<>(), identity = new LinkedHashSet<>(), nullable = new LinkedHashSet<>();
            try (PreparedStatement ps = dst.prepareStatement("SELECT column_name, data_type, is_generated, is_identity, is_nullable "
                    + "FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String col = rs.getString(1);
                        pgTypes.put(col, rs.getString(2));
                        if ("ALWAYS".equals(rs.getString(3))) generated.add(col);
                        if ("YES".equals(rs.getString(4))) identity.add(col);
                        if ("YES".equals(rs.getString(5))) nullable.add(col);
                    }
                }
            }
            if (pgTypes.isEmpty()) {
                problems.add("table " + name + " has no counterpart in PostgreSQL (a db/migration/postgresql script is missing)");
                continue;
            }
            for (String c : srcCols) {
                if (!pgTypes.containsKey(c) || generated.contains(c)) problems.add("column " + name + "." + c + " has no counterpart in PostgreSQL");
            }
            List<String> key = new ArrayList<>();
            try (ResultSet rs = dst.getMetaData().getPrimaryKeys(null, null, name)) {
                Map<Integer, String> ordered = new java.util.TreeMap<>();
                while (rs.next()) ordered.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                key.addAll(ordered.values());
            }
            if (key.isEmpty()) problems.add("table " + name + " has no primary key in PostgreSQL, so a second run could not recognise its rows");
            // PostgreSQL-only columns the store derives from the others (text vectors): reset when a row changes.
            List<String> derived = pgTypes.keySet().stream()
                    .filter(c -> !srcCols.contains(c) && !generated.contains(c) && nullable.contains(c)).toList();
            plan.put(name, new Table(name, srcCols, pgTypes, key, derived,
                    identity.stream().filter(srcCols::contains).toList()));
        }
        if (!problems.isEmpty()) throw new IllegalStateException("cannot migrate without losing data: " + String.join("; ", problems));
        for (Table t : plan.values()) checkNotWrittenSince(src, dst, t);
        return orderByReferences(dst.getMetaData(), plan);
    }

    /** Refuses a target whose sequences ran past the source's: rows there came from somewhere else and could be overwritten. */
    private static void checkNotWrittenSince(Connection src, Connection dst, Table t) throws SQLException {
        for (String col : t.identity) {
            long srcMax = maxOf(src, t.name, col), dstMax = maxOf(dst, t.name, col);
            if (dstMax > srcMax) {
                throw new IllegalStateException("the PostgreSQL database already has " + t.name + " rows beyond this SQLite file ("
                        + col + " " + dstMax + " > " + srcMax + "): it has been written to since. Migrate into a fresh database.");
            }
        }
    }

    private static long maxOf(Connection c, String table, String col) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(" + quote(col) + "), 0) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Table> orderByReferences(DatabaseMetaData meta, Map<String, Table> plan) throws SQLException {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        for (String t : plan.keySet()) {
            Set<String> refs = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, null, t)) {
                while (rs.next()) {
                    String ref = rs.getString("PKTABLE_NAME");
                    if (plan.containsKey(ref) && !ref.equals(t)) refs.add(ref);
                }
            }
            needs.put(t, refs);
        }
        Map<String, Table> ordered = new LinkedHashMap<>();
        while (ordered.size() < plan.size()) {
            boolean progressed = false;
            for (Map.Entry<String, Set<String>> e : needs.entrySet()) {
                if (!ordered.containsKey(e.getKey()) && ordered.keySet().containsAll(e.getValue())) {
                    ordered.put(e.getKey(), plan.get(e.getKey()));
                    progressed = true;
                }
            }
            if (!progressed) throw new IllegalStateException("tables reference each other in a cycle: " + needs);
        }
        return ordered;
    }

    private static TableResult copy(Connection src, Connection dst, Table t) throws SQLException {
        String cols = String.join(", ", t.columns.stream().map(SqliteToPostgres::quote).toList());
        String marks = String.join(", ", t.columns.stream().map(c -> "?").toList());
        List<String> nonKey = t.columns.stream().filter(c -> !t.key.contains(c)).toList();
        StringBuilder sql = new StringBuilder("INSERT INTO " + quote(t.name) + " AS t (" + cols + ") VALUES (" + marks + ") ON CONFLICT ("
                + String.join(", ", t.key.stream().map(SqliteToPostgres::quote).toList()) + ")");
        if (nonKey.isEmpty()) {
            sql.append(" DO NOTHING");
        } else {
            List<String> sets = new ArrayList<>(nonKey.stream().map(c -> quote(c) + " = EXCLUDED." + quote(c)).toList());
            t.derived.forEach(c -> sets.add(quote(c) + " = NULL"));
            String mine = String.join(", ", nonKey.stream().map(c -> "t." + quote(c)).toList());
            String theirs = String.join(", ", nonKey.stream().map(c -> "EXCLUDED." + quote(c)).toList());
            sql.append(" DO UPDATE SET ").append(String.join(", ", sets))
                    .append(" WHERE ROW(").append(mine).append(") IS DISTINCT FROM ROW(").append(theirs).append(")");
        }
        long before = count(dst, t.name), rows = 0, changed = 0;
        try (Statement s = src.createStatement(); ResultSet rs = s.executeQuery("SELECT " + cols + " FROM " + quote(t.name));
             PreparedStatement ps = dst.prepareStatement(sql.toString())) {
            int pending = 0;
            while (rs.next()) {
                for (int i = 0; i < t.columns.size(); i++) bind(ps, i + 1, rs, t.pgTypes.get(t.columns.get(i)), t.name + "." + t.columns.get(i));
                ps.addBatch();
                rows++;
                if (++pending == BATCH) {
                    changed += sum(ps.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) changed += sum(ps.executeBatch());
        }
        long inserted = count(dst, t.name) - before;
        return new TableResult(t.name, rows, inserted, changed - inserted);
    }

    /** Binds a SQLite value to a PostgreSQL column of {@code pgType} (SQLite is loosely typed; PostgreSQL is not). */
    private static void bind(PreparedStatement ps, int i, ResultSet rs, String pgType, String where) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) {
            ps.setNull(i, Types.NULL);
            return;
        }
        switch (pgType) {
            case "bigint", "integer", "smallint" -> ps.setLong(i, rs.getLong(i));
            case "double precision", "real", "numeric" -> ps.setDouble(i, rs.getDouble(i));
            case "boolean" -> ps.setBoolean(i, v instanceof Number n ? n.longValue() != 0 : Boolean.parseBoolean(v.toString()));
            case "bytea" -> ps.setBytes(i, rs.getBytes(i));
            case "text", "character varying", "character" -> ps.setString(i, rs.getString(i));
            case "timestamp with time zone", "timestamp without time zone" -> {
                if (v instanceof Number n) ps.setTimestamp(i, new java.sql.Timestamp(n.longValue()));
                else ps.setObject(i, v.toString(), Types.OTHER);
            }
            default -> ps.setObject(i, rs.getString(i), Types.OTHER); // json, jsonb, uuid, ...: PostgreSQL parses the text
        }
    }

    private static long sum(int[] counts) {
        long n = 0;
        for (int c : counts) if (c > 0) n += c;
        return n;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quote(String identifier) { return "\"" + identifier.replace("\"", "\"\"") + "\""; }
}
