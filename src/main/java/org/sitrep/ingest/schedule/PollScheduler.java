package org.sitrep.ingest.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Connector;
import org.sitrep.ingest.Connectors;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.model.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every due source with its connector and commits each poll's reports, cursor and health in
 * one transaction through {@link SourceStateStore}. Polls run on virtual threads, at most
 * {@link Config#maxConcurrent} at once (hosts are further limited by the fetcher). A source's lease
 * keeps other nodes (and this node's next round) off it while a poll is in flight.
 *
 * <p>Thread-safe. {@link #start} runs the loop on its own thread until {@link #close}; tests and the
 * CLI call {@link #runDue} to run one round synchronously.
 */
public final class PollScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    /**
     * @param maxConcurrent polls in flight at once
     * @param lease         how long a claimed source stays off-limits to others; longer than any poll
     * @param tick          how often the loop looks for due sources when idle
     */
    public record Config(int maxConcurrent, Duration lease, Duration tick) {
        public static Config defaults() { return new Config(64, Duration.ofMinutes(10), Duration.ofSeconds(1)); }
    }

    /** Totals since start, for metrics and benchmarks. */
    public record Counters(long polls, long failures, long reportsNew) {}

    private final SourceStateStore store;
    private final Connectors connectors;
    private final PollPlanner planner;
    private final Config config;
    private final Clock clock;
    private final ExecutorService pollers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("poll-", 0).factory());
    private final Semaphore slots;
    private final AtomicLong polls = new AtomicLong(), failures = new AtomicLong(), created = new AtomicLong();
    private volatile Thread loop;
    private volatile boolean stopped;

    public PollScheduler(SourceStateStore store, Connectors connectors, PollPlanner planner, Config config, Clock clock) {
        this.store = store;
        this.connectors = connectors;
        this.planner = planner;
        this.config = config;
        this.clock = clock;
        this.slots = new Semaphore(config.maxConcurrent());
    }

    /** Starts polling in the background: releases leases of a killed previous run, then loops. */
    public synchronized PollScheduler start() {
        if (loop != null) return this;
        store.releaseStaleLeases(clock.instant());
        loop = Thread.ofPlatform().name("poll-scheduler").daemon(true).start(this::loop);
        return this;
    }

    private void loop() {
        while (!stopped) {
            try {
                int started = claimAndStart();
                if (started == 0) Thread.sleep(config.tick().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a database hiccup must not end polling for good; the next tick retries
                log.warn("poll scheduler: {}", IngestSupport.describe(e));
                sleepQuietly(config.tick());
            }
        }
    }

    /** Claims as many due sources as there are free slots and starts a poll for each. */
    private int claimAndStart() throws InterruptedException {
        slots.acquire();
        int free = 1 + slots.drainPermits();
        List<DueSource> due;
        try {
            due = store.claimDue(types(), clock.instant(), config.lease(), free);
        } catch (RuntimeException e) {
            slots.release(free);
            throw e;
        }
        slots.release(free - due.size());
        for (DueSource d : due) {
            pollers.submit(() -> {
                try {
                    poll(d);
                } finally {
                    slots.release();
                }
            });
        }
        return due.size();
    }

    /**
     * Polls every source due now, including those that report more waiting, until none is due; returns
     * when all those polls are committed. For the CLI ({@code sitrep sources poll}) and tests.
     */
    public int runDue() throws InterruptedException {
        int total = 0;
        while (true) {
            List<DueSource> due = store.claimDue(types(), clock.instant(), config.lease(), config.maxConcurrent());
            if (due.isEmpty()) return total;
            List<Future<?>> running = new ArrayList<>();
            for (DueSource d : due) running.add(pollers.submit(() -> poll(d)));
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn("poll failed: {}", IngestSupport.describe(e.getCause()));
                }
            }
            total += due.size();
        }
    }

    private Set<String> types() { return connectors.types(); }

    /** One poll: fetch, then commit reports + cursor + health together. Never throws. */
    void poll(DueSource due) {
        Source s = due.source();
        Instant started = clock.instant();
        polls.incrementAndGet();
        Connector connector = connectors.forType(s.type()).orElse(null);
        PollOutcome outcome;
        if (connector == null) {
            outcome = failure(due, started, "no connector for type '" + s.type() + "'", null);
        } else {
            try {
                Batch b = connector.fetch(s, due.cursor());
                Instant done = clock.instant();
                Instant next = b.more() ? done : planner.afterSuccess(done, s.pollInterval());
                outcome = new PollOutcome(s.id(), b.reports(), b.next(), b.errors(), started, done, null, next);
            } catch (FetchException e) {
                outcome = failure(due, started, e.getMessage(), e.retryAfter());
            } catch (RuntimeException e) {
                // a connector bug on odd input: recorded on the source like any failure, and logged for us
                log.warn("connector {} failed on source {}", s.type(), s.id(), e);
                outcome = failure(due, started, "internal error: " + IngestSupport.describe(e), null);
            }
        }
        if (!outcome.succeeded()) failures.incrementAndGet();
        try {
            created.addAndGet(store.commit(outcome));
        } catch (RuntimeException e) {
            // nothing was committed; the lease expires and the source is polled again from its old cursor
            log.warn("could not commit poll of source {}: {}", s.id(), IngestSupport.describe(e));
        }
    }

    private PollOutcome failure(DueSource due, Instant started, String reason, Duration retryAfter) {
        Instant now = clock.instant();
        int n = due.health().consecutiveFailures() + 1;
        return new PollOutcome(due.source().id(), List.of(), due.cursor(), List.of(), started, now, reason,
                planner.afterFailure(now, due.source().pollInterval(), n, retryAfter));
    }

    public Counters counters() { return new Counters(polls.get(), failures.get(), created.get()); }

    /** Stops the loop and waits (briefly) for polls in flight; an interrupted poll commits nothing. */
    @Override
    public void close() {
        stopped = true;
        Thread t = loop;
        if (t != null) t.interrupt();
        pollers.shutdown();
        try {
            if (!pollers.awaitTermination(10, TimeUnit.SECONDS)) pollers.shutdownNow();
        } catch (InterruptedException e) {
            pollers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
