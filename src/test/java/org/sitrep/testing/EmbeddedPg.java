package org.sitrep.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.sitrep.store.postgres.PostgresStore;

/**
 * A real PostgreSQL server (zonky's embedded binaries, ~3 s to start) for one test class, with cheap
 * fresh databases: the schema is migrated once into a template and each {@link #newDatabase()} copies it.
 */
public final class EmbeddedPg implements AutoCloseable {
    private final EmbeddedPostgres pg;
    private final AtomicInteger counter = new AtomicInteger();
    private boolean templated;

    private EmbeddedPg(EmbeddedPostgres pg) { this.pg = pg; }

    public static EmbeddedPg start() {
        try {
            return new EmbeddedPg(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    public int port() { return pg.getPort(); }

    /** A libpq-style URL for database {@code db}, as a user would pass it to --db. */
    public String url(String db) { return "postgresql://postgres@localhost:" + pg.getPort() + "/" + db; }

    /** Creates an empty, migrated database and returns its URL. */
    public synchronized String newDatabase() {
        if (!templated) {
            sql("CREATE DATABASE sitrep_template");
            PostgresStore.open(url("sitrep_template"), 2).close();
            templated = true;
        }
        String name = "t" + counter.incrementAndGet();
        sql("CREATE DATABASE " + name + " TEMPLATE sitrep_template");
        return url(name);
    }

    /** Creates an empty database without the schema (for testing migrations) and returns its URL. */
    public String newEmptyDatabase() {
        String name = "empty" + counter.incrementAndGet();
        sql("CREATE DATABASE " + name);
        return url(name);
    }

    /** Empties every table of database {@code db} (created by {@link #newDatabase()}) except the migration history. */
    public void truncateAll(String url) {
        String db = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.getPort() + "/" + db, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DO $$ DECLARE t text; BEGIN "
                    + "SELECT string_agg(format('%I', tablename), ', ') INTO t FROM pg_tables "
                    + "WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'; "
                    + "IF t IS NOT NULL THEN EXECUTE 'TRUNCATE ' || t || ' RESTART IDENTITY'; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("truncating " + db + ": " + e.getMessage(), e);
        }
    }

    public void sql(String statement) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    @Override public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
