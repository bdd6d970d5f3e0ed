package org.sitrep.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the poll scheduler needs from storage. The embedded implementation is
 * {@link SqliteSourceStateStore}; a PostgreSQL one implements {@link #claimDue} with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} so several nodes share the sources without polling one
 * twice, and a dead node's leases simply expire. Implementations are thread-safe.
 */
public interface SourceStateStore {
    /**
     * Leases up to {@code limit} sources of the given types that are not paused, are due at
     * {@code now} and not leased by anyone (or whose lease expired), until {@code now + lease}.
     * Oldest due first.
     */
    List<DueSource> claimDue(Set<String> types, Instant now, Duration lease, int limit);

    /**
     * In ONE transaction: stores the outcome's reports (duplicates dropped), persists its cursor,
     * updates health, schedules the next poll and releases the lease; then hands the new reports to
     * the report sink (analysis), outside the transaction. Either all of it is durable or
     * none of it, so a process killed at any moment re-polls from the last committed cursor and the
     * store's idempotent add absorbs the overlap. Returns how many reports were new.
     */
    int commit(PollOutcome outcome);

    /**
     * Releases leases a previous run of this node left behind (it was killed mid-poll), so its
     * sources are polled at once rather than when the lease expires. Single-node stores release all.
     */
    void releaseStaleLeases(Instant now);

    /** Health of one source ({@link SourceHealth#NEW} when never polled). */
    SourceHealth health(String sourceId, Instant now);

    /** Makes a source due at once (after {@code sitrep sources add} or resume). */
    void pollSoon(String sourceId, Instant now);
}
