package org.sitrep.pipeline;

import java.time.Instant;
import java.util.List;
import org.sitrep.model.GeoPoint;

/**
 * Which existing events a clusterer wants to see for one report: those whose time window overlaps
 * [from, to), and, when {@code near} is set, those within {@code radiusKm} of it or unlocated (at
 * most {@code limit}). When {@code terms} are given, also up to {@code textLimit} more events in the
 * same time window whose text (titles, names, member reports) contains some of these words, best
 * match first, wherever they are located: a report whose place was resolved differently ("Lindsay"
 * read as a town in California, a suburb picked instead of the city) must still meet its event.
 *
 * @param terms     lower-case words without diacritics (the clusterer's tokens), at most
 *                  {@link #MAX_TERMS}; empty for no text search
 * @param textLimit most events added by the text search (0: none)
 */
public record CandidateQuery(Instant from, Instant to, GeoPoint near, double radiusKm, int limit, List<String> terms,
                             int textLimit) {
    public static final int MAX_TERMS = 16;

    public CandidateQuery {
        terms = terms == null ? List.of() : List.copyOf(terms.subList(0, Math.min(MAX_TERMS, terms.size())));
        if (textLimit < 0) throw new IllegalArgumentException("textLimit must not be negative");
    }

    /** Time and place only, no text search. */
    public CandidateQuery(Instant from, Instant to, GeoPoint near, double radiusKm, int limit) {
        this(from, to, near, radiusKm, limit, List.of(), 0);
    }

    public boolean searchesText() { return textLimit > 0 && !terms.isEmpty(); }
}
