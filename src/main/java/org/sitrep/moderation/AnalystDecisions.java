package org.sitrep.moderation;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.sitrep.model.Event;
import org.sitrep.pipeline.AnalystConstraints;

/**
 * The analyst decisions the ingest path must respect when it re-assembles an event: overrides of
 * fields and state, and events merged away. Reports an analyst moved (merge, split) are pinned; the
 * current ingest path never moves an attached report, and a re-clustering pass must skip pinned ones
 * ({@link #pinnedEvent}). Reports an analyst split out of an event must never be clustered into it
 * again ({@link #separatedFrom}); {@link #constraints} turns both into what the clusterer obeys.
 * Implementations are thread-safe.
 */
public interface AnalystDecisions {
    /** The event with analyst overrides applied (itself when there are none). */
    Event apply(Event assembled);

    /** The event that absorbed {@code eventId} in a merge, following chains; empty when not merged. */
    Optional<String> mergedInto(String eventId);

    /** The event an analyst placed this report in, if any. */
    Optional<String> pinnedEvent(String reportId);

    /** The events an analyst took this report out of (split), as they were then; empty when none. */
    default Set<String> separatedFrom(String reportId) { return Set.of(); }

    /**
     * What clustering must obey for this report: the event it is pinned to (followed through merges)
     * and the events it was split out of, together with the events those were merged into since: a
     * split-off report must not come back through the survivor of a merge. A pin to an event the
     * report is also separated from is dropped (only possible if the two decisions were stored out of
     * order: a pin clears the separation).
     */
    default AnalystConstraints constraints(String reportId) {
        Set<String> forbidden = new LinkedHashSet<>();
        for (String e : separatedFrom(reportId)) {
            forbidden.add(e);
            mergedInto(e).ifPresent(forbidden::add);
        }
        String pinned = pinnedEvent(reportId).map(e -> mergedInto(e).orElse(e)).orElse(null);
        if (pinned != null && forbidden.contains(pinned)) pinned = null;
        return pinned == null && forbidden.isEmpty() ? AnalystConstraints.NONE : new AnalystConstraints(pinned, forbidden);
    }

    AnalystDecisions NONE = new AnalystDecisions() {
        @Override public Event apply(Event assembled) { return assembled; }
        @Override public Optional<String> mergedInto(String eventId) { return Optional.empty(); }
        @Override public Optional<String> pinnedEvent(String reportId) { return Optional.empty(); }
    };
}
