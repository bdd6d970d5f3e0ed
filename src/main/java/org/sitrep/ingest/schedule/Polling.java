package org.sitrep.ingest.schedule;

import java.time.Clock;
import java.util.random.RandomGenerator;
import org.sitrep.ingest.Connectors;
import org.sitrep.ingest.FetchConfig;
import org.sitrep.ingest.SafeFetcher;
import org.sitrep.store.Store;
import org.sitrep.store.sqlite.SqliteStore;
import org.slf4j.LoggerFactory;

/**
 * Assembles feed polling over a store: the state port for that store, every standard connector on
 * one {@link SafeFetcher}, and a scheduler. {@code serve} starts it; the CLI runs single rounds.
 */
public final class Polling {
    private Polling() {}

    /** The state port for {@code store}; reports go through {@code sink} (the ingest path). */
    public static SourceStateStore stateStore(Store store, ReportSink sink) {
        if (store instanceof SqliteStore s) return new SqliteSourceStateStore(s, sink);
        if (store instanceof org.sitrep.store.postgres.PostgresStore p) return new PostgresSourceStateStore(p, sink);
        throw new IllegalArgumentException("feed polling is not available on " + store + " yet (needs a SourceStateStore for it)");
    }

    /**
     * Starts background polling when the store has a state port (SQLite; PostgreSQL, shared by every
     * node on the database through leases); otherwise says why
     * on the log and returns empty, so a server on another store still runs and takes pushed reports.
     */
    public static java.util.Optional<PollScheduler> startIfSupported(Store store, ReportSink sink, FetchConfig fetch,
                                                                    PollScheduler.Config config, Clock clock) {
        if (!(store instanceof SqliteStore) && !(store instanceof org.sitrep.store.postgres.PostgresStore)) {
            LoggerFactory.getLogger(Polling.class).warn("feed polling is off: not yet available on {}; pushed reports are still accepted", store);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(scheduler(store, sink, fetch, config, clock).start());
    }

    /** A scheduler, not yet started: call {@link PollScheduler#start()} to poll in the background, close to stop. */
    public static PollScheduler scheduler(Store store, ReportSink sink, FetchConfig fetch, PollScheduler.Config config, Clock clock) {
        return new PollScheduler(stateStore(store, sink), Connectors.standard(new SafeFetcher(fetch, clock), clock),
                PollPlanner.defaults(RandomGenerator.getDefault()), config, clock);
    }
}
