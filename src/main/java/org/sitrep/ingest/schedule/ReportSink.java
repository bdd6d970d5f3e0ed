package org.sitrep.ingest.schedule;

import org.sitrep.model.Report;

/**
 * What happens to each new report after its poll committed (report, cursor and health are durable by
 * then): the application's analysis and clustering ({@code sitrep.ingestor()::attach}). Kept outside
 * the commit transaction on purpose: clustering takes its own lock and then writes, and holding the
 * store's writer while waiting for that lock would deadlock against POST /api/reports, which takes
 * them in the other order. A report stored but not yet attached when the process dies is attached by
 * {@code Ingestor.resume()} at the next start.
 */
@FunctionalInterface
public interface ReportSink {
    /** Stores only; nothing is analysed (tests, benchmarks, source management commands). */
    ReportSink STORE_ONLY = r -> { };

    void attach(Report stored);
}
