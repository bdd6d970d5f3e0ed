package org.sitrep.ingest.schedule;

import org.sitrep.model.Report;

/**
 * What happens to each new report after its poll committed (report, cursor and health are durable by
 * then): the application's analysis and clustering ({@code sitrep.ingestor()::attach}). Kept outside
 * the commit transaction, the same two steps as {@code Ingestor.submitAll}: the commit that makes a
 * poll durable stays short, and the slow analysis never holds the store's single writer (nor takes the
 * clustering lock while holding it). A report stored but not yet attached when the process dies is
 * attached by {@code Ingestor.resume()} at the next start.
 */
@FunctionalInterface
public interface ReportSink {
    /** Stores only; nothing is analysed (tests, benchmarks, source management commands). */
    ReportSink STORE_ONLY = r -> { };

    void attach(Report stored);
}
