package org.sitrep.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An incident built from one or more reports. Immutable: updates produce a new Event with a higher
 * {@code version}.
 *
 * @param location     where it happened, or null while unlocated
 * @param type         ACLED event type (e.g. "Explosions/Remote violence"), or "Unclassified"
 * @param subType      ACLED sub-event type, or null
 * @param reportIds    the reports that make up the event, oldest first
 * @param sourceCount  number of independent sources (copies do not count)
 * @param credibility  Admiralty information credibility 1-6 (6: cannot be judged)
 * @param gradeReason  why it has that credibility, in words
 */
public record Event(String id, String title, String summary, EventLocation location, TimeWindow time,
                    String type, String subType, List<Actor> actors, Fatalities fatalities,
                    List<String> reportIds, List<Claim> claims, EventState state, int sourceCount,
                    int credibility, String gradeReason, Instant firstSeen, Instant updatedAt, long version) {
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(state, "state");
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        type = type == null ? UNCLASSIFIED : type;
        actors = actors == null ? List.of() : List.copyOf(actors);
        fatalities = fatalities == null ? Fatalities.UNKNOWN : fatalities;
        reportIds = reportIds == null ? List.of() : List.copyOf(reportIds);
        claims = claims == null ? List.of() : List.copyOf(claims);
        if (credibility < 1 || credibility > 6) credibility = 6;
    }

    public static final String UNCLASSIFIED = "Unclassified";

    public boolean located() { return location != null; }
}
