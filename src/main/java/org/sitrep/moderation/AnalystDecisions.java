package org.sitrep.moderation;

import java.util.Optional;
import org.sitrep.model.Event;

/**
 * The analyst decisions the ingest path must respect when it re-assembles an event: overrides of
 * fields and state, and events merged away. Reports an analyst moved (merge, split) are pinned; the
 * current ingest path never moves an attached report, and a re-clustering pass must skip pinned ones
 * ({@link #pinnedEvent}). Implementations are thread-safe.
 */
public interface AnalystDecisions {
    /** The event with analyst overrides applied (itself when there are none). */
    Event apply(Event assembled);

    /** The event that absorbed {@code eventId} in a merge, following chains; empty when not merged. */
    Optional<String> mergedInto(String eventId);

    /** The event an analyst placed this report in, if any. */
    Optional<String> pinnedEvent(String reportId);

    AnalystDecisions NONE = new AnalystDecisions() {
        @Override public Event apply(Event assembled) { return assembled; }
        @Override public Optional<String> mergedInto(String eventId) { return Optional.empty(); }
        @Override public Optional<String> pinnedEvent(String reportId) { return Optional.empty(); }
    };
}
