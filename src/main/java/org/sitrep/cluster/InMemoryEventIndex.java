package org.sitrep.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.model.Event;
import org.sitrep.model.GeoPoint;
import org.sitrep.pipeline.CandidateQuery;
import org.sitrep.pipeline.EventCandidate;

/**
 * Events in memory, found by the semantics every store must implement for {@link CandidateQuery}:
 * events whose time window overlaps [from, to), and, when {@code near} is set, those within
 * {@code radiusKm} of it or unlocated. When more than {@code limit} match, events from the days
 * nearest the middle of the query window are kept, closest in time first.
 *
 * <p>Events are bucketed by UTC day and by a half-degree grid cell, so a query touches only the
 * days of its window and the cells around its point. Used by {@code sitrep eval cluster} and the
 * clustering benchmark; also a reference for the store's query. Thread-safe (one lock).
 */
public final class InMemoryEventIndex {
    private static final double CELL_DEG = 0.5;
    /** Events longer than this many days are kept in one list checked by every query. */
    private static final int MAX_INDEXED_DAYS = 31;
    private static final long UNLOCATED = Long.MIN_VALUE;

    private record Entry(EventCandidate candidate, List<Long> dayKeys, long cell) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<Long, Map<Long, Set<String>>> byDay = new HashMap<>();
    private final Set<String> longEvents = new LinkedHashSet<>();

    /** Adds the event or replaces the earlier version with the same id. */
    public synchronized void put(EventCandidate candidate) {
        Event e = candidate.event();
        remove(e.id());
        long cell = e.location() == null ? UNLOCATED : cell(e.location().point());
        long first = day(e.time().start()), last = day(e.time().end());
        List<Long> days = new ArrayList<>();
        if (last - first + 1 > MAX_INDEXED_DAYS) {
            longEvents.add(e.id());
        } else {
            for (long d = first; d <= last; d++) {
                days.add(d);
                byDay.computeIfAbsent(d, k -> new HashMap<>()).computeIfAbsent(cell, k -> new LinkedHashSet<>()).add(e.id());
            }
        }
        entries.put(e.id(), new Entry(candidate, days, cell));
    }

    public synchronized void remove(String eventId) {
        Entry old = entries.remove(eventId);
        if (old == null) return;
        longEvents.remove(eventId);
        for (long d : old.dayKeys) {
            Map<Long, Set<String>> cells = byDay.get(d);
            Set<String> ids = cells.get(old.cell);
            ids.remove(eventId);
            if (ids.isEmpty()) cells.remove(old.cell);
            if (cells.isEmpty()) byDay.remove(d);
        }
    }

    public synchronized EventCandidate get(String eventId) {
        Entry e = entries.get(eventId);
        return e == null ? null : e.candidate;
    }

    public synchronized int size() { return entries.size(); }

    public synchronized List<EventCandidate> find(CandidateQuery q) {
        long firstDay = day(q.from()), lastDay = day(q.to().minusMillis(1));
        long mid = q.from().toEpochMilli() / 2 + q.to().toEpochMilli() / 2;
        long midDay = Math.floorDiv(mid, 86_400_000L);
        List<EventCandidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // Days nearest the middle of the window first, so a query with a limit can stop early
        // instead of reading every event of a busy week (unlocated reports see all of them).
        for (long k = 0; k <= Math.max(midDay - firstDay, lastDay - midDay); k++) {
            if (q.limit() > 0 && out.size() >= q.limit()) break;
            for (long d : k == 0 ? new long[] {midDay} : new long[] {midDay - k, midDay + k}) {
                if (d < firstDay || d > lastDay) continue;
                Map<Long, Set<String>> cells = byDay.get(d);
                if (cells == null) continue;
                if (q.near() == null) {
                    for (Set<String> ids : cells.values()) collect(ids, q, seen, out);
                } else {
                    Set<String> un = cells.get(UNLOCATED);
                    if (un != null) collect(un, q, seen, out);
                    for (long c : cellsAround(q.near(), q.radiusKm())) {
                        Set<String> ids = cells.get(c);
                        if (ids != null) collect(ids, q, seen, out);
                    }
                }
            }
        }
        collect(longEvents, q, seen, out);
        if (q.limit() > 0 && out.size() > q.limit()) {
            out.sort(Comparator.comparingLong(c -> Math.abs(center(c.event()) - mid)));
            return List.copyOf(out.subList(0, q.limit()));
        }
        return out;
    }

    private void collect(Set<String> ids, CandidateQuery q, Set<String> seen, List<EventCandidate> out) {
        for (String id : ids) {
            if (!seen.add(id)) continue;
            EventCandidate c = entries.get(id).candidate;
            if (matches(c.event(), q)) out.add(c);
        }
    }

    /** The candidate semantics: time overlap, and within the radius or unlocated. */
    public static boolean matches(Event e, CandidateQuery q) {
        boolean overlaps = e.time().start().isBefore(q.to()) && !e.time().end().isBefore(q.from());
        if (!overlaps) return false;
        if (q.near() == null || e.location() == null) return true;
        return e.location().point().distanceKm(q.near()) <= q.radiusKm();
    }

    private static long center(Event e) {
        return e.time().start().toEpochMilli() / 2 + e.time().end().toEpochMilli() / 2;
    }

    private static long day(Instant t) { return Math.floorDiv(t.getEpochSecond(), 86_400L); }

    private static long cell(GeoPoint p) {
        long row = (long) Math.floor((p.lat() + 90) / CELL_DEG), col = (long) Math.floor((p.lon() + 180) / CELL_DEG);
        return row * 10_000 + col;
    }

    private static List<Long> cellsAround(GeoPoint p, double radiusKm) {
        double dLat = radiusKm / 111.0;
        double cos = Math.max(0.01, Math.cos(Math.toRadians(p.lat())));
        double dLon = Math.min(180, radiusKm / (111.0 * cos));
        long r0 = (long) Math.floor((Math.max(-90, p.lat() - dLat) + 90) / CELL_DEG);
        long r1 = (long) Math.floor((Math.min(90, p.lat() + dLat) + 90) / CELL_DEG);
        long maxCol = (long) (360 / CELL_DEG) - 1;
        long c0 = (long) Math.floor((p.lon() - dLon + 180) / CELL_DEG), c1 = (long) Math.floor((p.lon() + dLon + 180) / CELL_DEG);
        List<Long> out = new ArrayList<>();
        for (long r = r0; r <= r1; r++) {
            for (long c = c0; c <= c1; c++) {
                long col = Math.floorMod(c, maxCol + 1);   // wraps at the antimeridian
                out.add(r * 10_000 + col);
            }
        }
        return out;
    }

}
