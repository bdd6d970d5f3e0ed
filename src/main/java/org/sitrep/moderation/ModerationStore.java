package org.sitrep.moderation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sitrep.model.Event;

/**
 * Where analyst decisions and notes are kept. Writes join the caller's store transaction, so a
 * decision and the event it changes commit together. Implementations are thread-safe.
 */
public interface ModerationStore extends AnalystDecisions {
    record Note(long seq, String eventId, Instant at, String author, String text) {}

    Optional<EventOverride> override(String eventId);

    void saveOverride(String eventId, EventOverride override, String by, Instant at);

    /** Puts reports in an event for good; also clears any earlier separation of them from that event. */
    void pin(Collection<String> reportIds, String eventId, String by, Instant at);

    /** Records that analysts took these reports out of {@code eventId}: clustering never puts them back. */
    void separate(Collection<String> reportIds, String eventId, String by, Instant at);

    void redirect(String fromEventId, String toEventId, Instant at);

    Note addNote(String eventId, String author, String text, Instant at);

    List<Note> notes(String eventId);

    @Override
    default Event apply(Event assembled) {
        return override(assembled.id()).map(o -> o.applyTo(assembled)).orElse(assembled);
    }
}
