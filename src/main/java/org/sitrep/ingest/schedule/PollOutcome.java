package org.sitrep.ingest.schedule;

import java.time.Instant;
import java.util.List;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.ItemError;
import org.sitrep.model.Report;

/**
 * Everything one poll changes, committed by {@link SourceStateStore#commit} in one transaction: the
 * new reports, the cursor after them, and the health update. A failed poll has no reports and keeps
 * the old cursor. Immutable.
 *
 * @param sourceId   the polled source
 * @param reports    reports to store (duplicates are dropped by the store)
 * @param cursor     the cursor to persist with them
 * @param itemErrors per-item diagnostics of this poll
 * @param startedAt  when the poll started
 * @param finishedAt when it ended
 * @param error      null on success, else the whole-source failure reason
 * @param nextPollAt when the source is due again (interval with jitter, or backoff)
 */
public record PollOutcome(String sourceId, List<Report> reports, Cursor cursor, List<ItemError> itemErrors,
                          Instant startedAt, Instant finishedAt, String error, Instant nextPollAt) {
    public PollOutcome {
        reports = List.copyOf(reports);
        itemErrors = List.copyOf(itemErrors);
    }

    public boolean succeeded() { return error == null; }
}
