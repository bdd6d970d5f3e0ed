package org.sitrep.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A coordinated wave: many near-identical reports, or events of one type, in several places within a
 * short time (protests starting at once in a dozen towns of one province with the same slogans). A
 * signal for analysts, not a verdict: {@code reason} says in words what made it a wave. Immutable;
 * a wave that grows is re-issued with the same id and more members.
 *
 * @param id         stable id (derived from its first member), so a store can upsert it
 * @param kind       "text" (near-identical wording), "type" (same event type in one region), or "text+type"
 *                   (both, over the same events: shown as one wave with both reasons)
 * @param eventIds   member events, in the order they joined
 * @param reportIds  member reports, in the order they joined
 * @param places     distinct place names, in the order they joined
 * @param start      earliest member report's publication time (UTC)
 * @param end        latest member report's publication time (UTC)
 * @param similarity mean text similarity of the members to the first one, 0..1 (shingle Jaccard)
 */
public record Wave(String id, String kind, List<String> eventIds, List<String> reportIds, List<String> places,
                   Instant start, Instant end, double similarity, String reason) {
    public Wave {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        eventIds = List.copyOf(eventIds);
        reportIds = List.copyOf(reportIds);
        places = List.copyOf(places);
    }
}
