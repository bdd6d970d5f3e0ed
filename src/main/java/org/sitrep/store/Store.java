package org.sitrep.store;

import java.util.List;
import java.util.Optional;
import org.sitrep.model.Event;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.CandidateQuery;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.EventMember;

/**
 * The store contract. Implemented on embedded SQLite ({@code store.sqlite}) and, behind the same
 * contract tests, on PostgreSQL. Implementations are thread-safe.
 *
 * <p>Reports are stored idempotently: the same source + external id, the same canonical URL, or the
 * same content from the same source is stored once. A report is first stored raw, then attached to
 * an event together with its analysis in one transaction ({@link #commitEvent}); reports stored but
 * never attached (a crash in between) are returned by {@link #unattachedReports} so that ingestion
 * resumes without loss.
 */
public interface Store extends AutoCloseable {

    /**
     * Runs {@code work} as one transaction: the store's write methods called from it on the same
     * thread commit together or not at all (a feed fetch and its cursor; a batch of imported lines).
     */
    <T> T inTransaction(java.util.function.Supplier<T> work);

    /**
     * Runs {@code work} while holding the lock named {@code key}, so that no other holder of the same
     * key runs at the same time: in this process, and on a server store in every process sharing the
     * database. Clustering uses it: two nodes receiving reports of the same incident at the same moment
     * must not both create a new event. Locks are reentrant on the calling thread; on a server store the
     * work also runs as one transaction. Keep the work short: it blocks every other holder.
     */
    default <T> T exclusive(String key, java.util.function.Supplier<T> work) {
        // Process-local fallback for stores that have no better lock; implementations override it.
        synchronized (this) {
            return work.get();
        }
    }

    /**
     * Calls {@code listener} soon after a change has been committed by this or (on a server store)
     * another process, so change-log readers need not poll often. A hint only: readers still read the
     * change log, and a store may call it spuriously or not at all. Returns a handle that unsubscribes.
     */
    default AutoCloseable onChange(Runnable listener) {
        return () -> { };
    }

    // --- sources
    void saveSource(Source source);

    Optional<Source> source(String id);

    List<Source> sources();

    boolean removeSource(String id);

    // --- reports
    AddResult addReport(Report report);

    /**
     * Adds several reports in one transaction, as {@link #addReport} each, in order (a report may be a
     * duplicate of one earlier in the same list). For bulk imports; stores may do it faster than one by one.
     */
    default List<AddResult> addReports(List<Report> reports) {
        return inTransaction(() -> reports.stream().map(this::addReport).toList());
    }

    Optional<Report> report(String id);

    /** The analysis stored with a report when it was attached to an event. */
    Optional<EventMember> member(String reportId);

    Page<Report> searchReports(ReportQuery query);

    List<Report> unattachedReports(int limit);

    // --- events
    /**
     * Creates or updates an event and attaches the given new members (their analysis and clustering
     * decision) to it, in one transaction, and appends a change. Updating requires
     * {@code event.version() == stored version + 1}; otherwise a {@link ConflictException}.
     */
    void commitEvent(Event event, List<EventMember> newMembers);

    /** Deletes an event (for example merged into another); its reports must have been moved first. */
    void deleteEvent(String eventId);

    Optional<Event> event(String id);

    /** The members of an event, oldest first. */
    List<EventMember> members(String eventId);

    Page<Event> searchEvents(EventQuery query);

    List<EventCandidate> candidates(CandidateQuery query);

    List<TimelineBucket> timeline(EventQuery query, Granularity granularity);

    // --- waves
    /** Creates or replaces a wave (a wave that grows is saved again under the same id). */
    void saveWave(org.sitrep.model.Wave wave);

    /** Waves whose time span overlaps [from, to) (either may be null), newest first. */
    List<org.sitrep.model.Wave> waves(java.time.Instant from, java.time.Instant to, int limit);

    /** The waves an event belongs to. */
    List<org.sitrep.model.Wave> wavesOf(String eventId);

    // --- changes (SSE, sync)
    List<Change> changesSince(long sequence, int limit);

    long lastChange();

    /** Counts for health and metrics. */
    Stats stats();

    @Override void close();

    record AddResult(Report report, boolean created, String duplicateReason) {}

    record Stats(long sources, long reports, long events, long locatedEvents) {}

    enum Granularity { HOUR, DAY }

    record TimelineBucket(java.time.Instant start, String type, long count) {}

    /** A created, updated or deleted event, in commit order. */
    record Change(long sequence, String eventId, String kind, long version, java.time.Instant at) {}

    record Page<T>(List<T> items, String nextCursor) {}

    /** A concurrent update changed the event first; reload and retry. */
    final class ConflictException extends RuntimeException {
        public ConflictException(String message) { super(message); }
    }

    /** Report analysis as stored: used to rebuild candidates. */
    static AnalyzedReport analysisOf(EventMember m) { return m.report(); }
}
