package org.sitrep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.pipeline.CandidateQuery;
import org.sitrep.pipeline.EventCandidate;

class InMemoryEventIndexTest {
    static final Instant T = Instant.parse("2024-05-10T12:00:00Z");
    static final GeoPoint KHARKIV = new GeoPoint(49.9808, 36.2527);

    static EventCandidate event(String id, Instant start, Duration length, GeoPoint at) {
        EventLocation loc = at == null ? null : new EventLocation(at, LocationPrecision.DISTRICT, id, null, "UA", "test");
        Event e = new Event(id, id, "", loc, new TimeWindow(start, start.plus(length), TimePrecision.DAY), null, null,
                null, null, null, null, EventState.PENDING, 1, 6, "", start, start, 1);
        return new EventCandidate(e, List.of());
    }

    private static Set<String> ids(List<EventCandidate> cs) {
        return cs.stream().map(c -> c.event().id()).collect(Collectors.toSet());
    }

    @Test
    void findsEventsOverlappingTheWindowWithinTheRadiusOrUnlocated() {
        var index = new InMemoryEventIndex();
        index.put(event("near", T, Duration.ofHours(2), new GeoPoint(50.05, 36.30)));            // ~9 km
        index.put(event("far", T, Duration.ofHours(2), new GeoPoint(50.45, 30.52)));             // Kyiv, ~410 km
        index.put(event("unlocated", T, Duration.ofHours(2), null));
        index.put(event("old", T.minus(Duration.ofDays(10)), Duration.ofHours(2), KHARKIV));
        index.put(event("long", T.minus(Duration.ofDays(60)), Duration.ofDays(90), KHARKIV));   // a siege: 90 days
        index.put(event("edge", T.plus(Duration.ofDays(1)), Duration.ofHours(1), KHARKIV));      // starts at 'to'

        var q = new CandidateQuery(T.minus(Duration.ofDays(1)), T.plus(Duration.ofDays(1)), KHARKIV, 30, 100);
        assertEquals(Set.of("near", "unlocated", "long"), ids(index.find(q)));
        var everywhere = new CandidateQuery(q.from(), q.to(), null, 0, 100);
        assertEquals(Set.of("near", "far", "unlocated", "long"), ids(index.find(everywhere)));
    }

    static EventCandidate withReport(String id, GeoPoint at, String title, String text) {
        EventCandidate e = event(id, T, Duration.ofHours(2), at);
        var r = new org.sitrep.model.Report(id + "-r", "src", id, null, title, text, "en", T, T, null, null);
        return new EventCandidate(e.event(), List.of(new org.sitrep.pipeline.AnalyzedReport(r, null, null, List.of())));
    }

    @Test
    void theTextSearchAddsEventsAnywhereThatShareTwoOfTheTerms() {
        var index = new InMemoryEventIndex();
        index.put(withReport("far-same-story", new GeoPoint(50.45, 30.52), "Fuel depot fire", "Governor Oleh Synehubov spoke."));
        index.put(withReport("far-one-word", new GeoPoint(50.45, 30.52), "Depot news", "The governor is Synehubov."));
        index.put(withReport("near", new GeoPoint(50.05, 36.30), "Other story", "Nothing shared."));
        var q = new CandidateQuery(T.minus(Duration.ofDays(1)), T.plus(Duration.ofDays(1)), KHARKIV, 30, 100,
                List.of("synehubov", "oleh", "depot"), 5);
        assertEquals(List.of("near", "far-same-story", "far-one-word"), index.find(q).stream().map(c -> c.event().id()).toList(),
                "near events first, then text matches with the most terms first");
        var strict = new CandidateQuery(q.from(), q.to(), KHARKIV, 30, 100, List.of("synehubov", "oleh"), 5);
        assertEquals(Set.of("near", "far-same-story"), ids(index.find(strict)), "one of two terms is not enough");
        var none = new CandidateQuery(q.from(), q.to(), KHARKIV, 30, 100, List.of("synehubov", "oleh"), 0);
        assertEquals(Set.of("near"), ids(index.find(none)), "textLimit 0 turns the search off");
        index.remove("far-same-story");
        assertEquals(Set.of("near"), ids(index.find(strict)), "removed events leave the term index");
    }

    @Test
    void replacingAnEventMovesItAndTheLimitKeepsTheClosestInTime() {
        var index = new InMemoryEventIndex();
        for (int i = 0; i < 10; i++) index.put(event("e" + i, T.plus(Duration.ofHours(i * 6L)), Duration.ofHours(1), KHARKIV));
        index.put(event("e9", T.minus(Duration.ofDays(30)), Duration.ofHours(1), KHARKIV));     // moved away
        assertEquals(10, index.size());
        var q = new CandidateQuery(T.minus(Duration.ofDays(1)), T.plus(Duration.ofDays(1)), KHARKIV, 10, 3);
        assertEquals(Set.of("e0", "e1", "e2"), ids(index.find(q)));
        index.remove("e1");
        assertEquals(Set.of("e0", "e2", "e3"), ids(index.find(q)));
    }

    @Test
    void unlocatedEventsDoNotCrowdOutTheEventInTheSameTown() {
        var index = new InMemoryEventIndex();
        for (int i = 0; i < 50; i++) index.put(event("u" + i, T.plusSeconds(i), Duration.ofMinutes(5), null));
        index.put(event("town", T.minus(Duration.ofHours(20)), Duration.ofMinutes(5), KHARKIV));
        var q = new CandidateQuery(T.minus(Duration.ofDays(1)), T.plus(Duration.ofDays(1)), KHARKIV, 30, 10);
        var found = index.find(q);
        assertEquals(10, found.size());
        assertEquals("town", found.get(0).event().id(), "located events come first");
    }

    /**
     * Random events (some over several days, some unlocated, some longer than a month), put, replaced and
     * removed at random, then searched: the index must give the events the candidate semantics
     * ({@link InMemoryEventIndex#matches}) admit, each once, located before unlocated, and under a limit
     * the ones nearest the middle of the window in time.
     */
    @Test
    void randomEventsAreFoundOnceAndExactlyAsTheCandidateSemanticsSay() {
        var rnd = new java.util.SplittableRandom(7);
        var index = new InMemoryEventIndex();
        java.util.Map<String, EventCandidate> live = new java.util.HashMap<>();
        Instant t0 = Instant.parse("2024-05-01T00:00:00Z");
        for (int step = 0; step < 6_000; step++) {
            String id = "e" + rnd.nextInt(1_500);
            if (rnd.nextInt(10) == 0) {
                index.remove(id);
                live.remove(id);
                continue;
            }
            Instant start = t0.plus(Duration.ofMinutes(rnd.nextInt(30 * 24 * 60)));
            int kind = rnd.nextInt(10);
            Duration length = kind < 6 ? Duration.ofHours(1 + rnd.nextInt(23)) : kind < 9 ? Duration.ofDays(1 + rnd.nextInt(4))
                    : Duration.ofDays(32 + rnd.nextInt(20));
            GeoPoint at = rnd.nextInt(8) == 0 ? null : new GeoPoint(49 + rnd.nextDouble() * 2, 35 + rnd.nextDouble() * 3);
            EventCandidate c = event(id, start, length, at);
            index.put(c);
            live.put(id, c);
        }
        assertEquals(live.size(), index.size());
        for (int k = 0; k < 300; k++) {
            Instant from = t0.plus(Duration.ofMinutes(rnd.nextInt(30 * 24 * 60)));
            Instant to = from.plus(Duration.ofHours(1 + rnd.nextInt(6 * 24)));
            GeoPoint near = rnd.nextInt(5) == 0 ? null : new GeoPoint(49 + rnd.nextDouble() * 2, 35 + rnd.nextDouble() * 3);
            int limit = rnd.nextBoolean() ? 100_000 : 1 + rnd.nextInt(60);
            var q = new CandidateQuery(from, to, near, near == null ? 0 : 10 + rnd.nextInt(60), limit);
            List<EventCandidate> found = index.find(q);
            List<EventCandidate> admitted = live.values().stream().filter(c -> InMemoryEventIndex.matches(c.event(), q)).toList();
            assertEquals(found.size(), ids(found).size(), "an event found twice");
            if (admitted.size() <= limit) {
                assertEquals(ids(admitted), ids(found));
                continue;
            }
            assertEquals(limit, found.size());
            long mid = from.toEpochMilli() / 2 + to.toEpochMilli() / 2;
            java.util.function.ToLongFunction<EventCandidate> off = c -> Math.abs(c.event().time().start().toEpochMilli() / 2
                    + c.event().time().end().toEpochMilli() / 2 - mid);
            Set<String> in = ids(found);
            for (EventCandidate c : found) assertEquals(true, InMemoryEventIndex.matches(c.event(), q));
            // events located near the point come first, and with them events longer than a month (kept in one list)
            java.util.function.Predicate<EventCandidate> early = c -> c.event().location() != null || Math.floorDiv(
                    c.event().time().end().toEpochMilli(), 86_400_000L) - Math.floorDiv(c.event().time().start().toEpochMilli(), 86_400_000L) + 1 > 31;
            long located = admitted.stream().filter(early).count();
            if (near != null && located >= limit) {
                // only those, and none left out nearer in time than one taken
                long worst = found.stream().mapToLong(off).max().orElseThrow();
                for (EventCandidate c : found) assertEquals(true, early.test(c));
                for (EventCandidate c : admitted) {
                    if (early.test(c) && !in.contains(c.event().id())) assertEquals(true, off.applyAsLong(c) >= worst);
                }
            } else if (near != null) {
                // every one of those, then unlocated ones
                for (EventCandidate c : admitted) if (early.test(c)) assertEquals(true, in.contains(c.event().id()));
            } else {
                // without a point the search stops after the day that fills the limit (days nearest the middle
                // first): every event on the middle day of the window is weighed, the nearest in time taken
                long midDay = Math.floorDiv(mid, 86_400_000L);
                long worst = found.stream().mapToLong(off).max().orElseThrow();
                for (EventCandidate c : admitted) {
                    var tw = c.event().time();
                    long first = Math.floorDiv(tw.start().toEpochMilli(), 86_400_000L), last = Math.floorDiv(tw.end().toEpochMilli(), 86_400_000L);
                    boolean weighed = (first <= midDay && last >= midDay) || last - first + 1 > 31;   // long events: always read
                    if (weighed && !in.contains(c.event().id())) assertEquals(true, off.applyAsLong(c) >= worst);
                }
            }
        }
    }
}
