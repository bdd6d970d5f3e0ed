package org.sitrep.ingest.schedule;

import org.sitrep.model.Report;

/**
 * Where a poll's reports go inside the commit transaction: the application's ingest path (store,
 * analyse, cluster) or just the store. Returns true when the report was new, false for a duplicate.
 */
@FunctionalInterface
public interface ReportSink {
    boolean add(Report report);
}
