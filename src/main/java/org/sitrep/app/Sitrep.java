package org.sitrep.app;

import java.nio.file.Path;
import java.time.Clock;
import org.sitrep.claims.StanceClassifier;
import org.sitrep.cluster.EventAssembler;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.normalize.Normalizer;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.store.Store;
import org.sitrep.store.postgres.PostgresStore;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * The assembled application: a store and the ingest path over it, with the configured stages. One
 * place decides which stage implementations run, so serve, ingest and demo behave alike.
 */
public final class Sitrep implements AutoCloseable {
    private final Store store;
    private final Pipeline pipeline;
    private final Ingestor ingestor;
    private final TeamStores teams;

    private Sitrep(Store store, Stages stages, Clock clock) {
        this.store = store;
        this.pipeline = new Pipeline(new Normalizer(), stages.geoparser(), stages.extractor(), stages.claims());
        this.teams = TeamStores.of(store);
        this.ingestor = new Ingestor(store, pipeline, stages.clusterer(), new EventAssembler(new AdmiraltyGrader(StanceClassifier.load())), clock, teams.moderation());
    }

    /**
     * Opens the store named by {@code db}: "sqlite:FILE", a file path, null for DATA_DIR/sitrep.db, or a
     * PostgreSQL server ("postgresql://user:password@host:port/database" or "jdbc:postgresql:..."),
     * with the standard stages (installing the gazetteer on first use).
     */
    public static Sitrep open(String db, Path dataDir, Clock clock) {
        return open(db, dataDir, clock, Stages.standard());
    }

    public static Sitrep open(String db, Path dataDir, Clock clock, Stages stages) {
        return new Sitrep(openStore(db, dataDir), stages, clock);
    }

    public static Store openStore(String db, Path dataDir) {
        if (db == null || db.isBlank()) return SqliteStore.open(dataDir.resolve("sitrep.db"));
        if (db.startsWith("sqlite:")) return SqliteStore.open(Path.of(db.substring("sqlite:".length())));
        if (PostgresStore.accepts(db)) return PostgresStore.open(db);
        if (db.startsWith("postgresql:") || db.startsWith("postgres:")) {
            throw new IllegalArgumentException("PostgreSQL URLs look like postgresql://user:password@host:5432/database (got '" + db + "')");
        }
        return SqliteStore.open(Path.of(db));
    }

    public Store store() { return store; }

    public Ingestor ingestor() { return ingestor; }

    /** Accounts, audit trail and analyst decisions, in the same database as the events. */
    public TeamStores teams() { return teams; }

    public Pipeline pipeline() { return pipeline; }

    @Override public void close() { store.close(); }
}
