package org.sitrep.app;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses queued reports in the background while the server runs: those a {@code sitrep ingest
 * --defer-analysis} stored, and those a killed process stored but never put into an event. It runs
 * at start and then every {@code every}, so the server listens at once instead of first working
 * through a large import (a 100,000-report file takes far longer to analyse than to store).
 *
 * <p>Racing the live path is safe: {@link Ingestor} never attaches a report twice; at worst a report
 * that arrives as the backlog is read is analysed twice and attached once. Thread-safe.
 */
public final class AnalysisBacklog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AnalysisBacklog.class);
    private static final int BATCH = 200;

    private final Ingestor ingestor;
    private final Duration every;
    private final AtomicLong attached = new AtomicLong(), failed = new AtomicLong();
    private volatile Thread thread;

    public AnalysisBacklog(Ingestor ingestor, Duration every) {
        this.ingestor = ingestor;
        this.every = every;
    }

    public synchronized AnalysisBacklog start() {
        if (thread == null) thread = Thread.ofPlatform().name("analysis-backlog").daemon(true).start(this::loop);
        return this;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long before = attached.get();
                long[] lastLog = {System.nanoTime()};
                int n = ingestor.analysePending(BATCH, (done, bad) -> {
                    failed.set(bad);
                    attached.set(before + done);
                    if (System.nanoTime() - lastLog[0] > 30_000_000_000L) {
                        lastLog[0] = System.nanoTime();
                        log.info("analysis backlog: {} queued reports put into events so far", done);
                    }
                });
                if (n > 0) log.info("analysis backlog: {} queued reports put into events; none left", n);
            } catch (RuntimeException e) {
                // the store was unavailable for a moment; the next round tries again
                log.warn("analysis backlog: {}", e.toString());
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reports this backlog has put into events since start. */
    public long attached() { return attached.get(); }

    /** Reports of the last round whose analysis failed (they stay queued). */
    public long failed() { return failed.get(); }

    /** Stops after the batch in hand (waits up to 30 s for it), so the store can be closed behind it. */
    @Override
    public void close() {
        Thread t = thread;
        if (t == null) return;
        t.interrupt();
        try {
            t.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
