package org.sitrep.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * {@code radiusKm} of it or unlocated. When more than {@code limit} match, located events come
 * before unlocated ones, and events closer in time to the middle of the window before later or
 * earlier ones (a store should order the same way: {@code ORDER BY lat IS NULL, |time - mid|}).
 *
 * <p>Events are bucketed by UTC day and by a half-degree grid cell, so a query touches only the
 * days of its window and the cells around its point. For the text part of a query
 * ({@link CandidateQuery#terms}) each day also maps the {@link SearchTerms} of its events' reports
 * to the events; events matching at least two of the terms (one when only one is given) are added,
 * most terms matched first. A term carried by more than {@link #MAX_POSTINGS} events of one day says
 * nothing about which incident it is: its postings for that day are dropped and it is skipped. Used by {@code sitrep eval cluster} and the
 * clustering benchmark; also a reference for the store's query. Thread-safe (one lock).
 */
public final class InMemoryEventIndex {
    private static final double CELL_DEG = 0.5;
    /** Events longer than this many days are kept in one list checked by every query. */
    private static final int MAX_INDEXED_DAYS = 31;
    private static final long UNLOCATED = Long.MIN_VALUE;
    static final int MAX_POSTINGS = 200;
    /** Most search terms kept per event (the first reports' words come first). */
    private static final int MAX_EVENT_TERMS = 256;

    /** Identity-compared on purpose: buckets hold entries themselves, not ids to look up again. */
    private static final class Entry {
        // Mutable under the index's lock: an event that grew in place keeps its entry and postings.
        EventCandidate candidate;
        final List<Long> dayKeys;
        final long cell;
        String[] terms;
        /** The terms' hash codes, compared before the strings (reading each term string was a cache miss). */
        int[] termHashes;
        /** How many of the candidate's reports (a prefix) {@code terms} was read from. */
        int termsFrom;
        /** The last text search that met this entry (see {@link #findText}); read and written under the index's lock. */
        long mark;

        Entry(EventCandidate candidate, List<Long> dayKeys, long cell, String[] terms, int termsFrom) {
            this.candidate = candidate;
            this.dayKeys = dayKeys;
            this.cell = cell;
            setTerms(terms);
            this.termsFrom = termsFrom;
        }

        void setTerms(String[] terms) {
            this.terms = terms;
            termHashes = new int[terms.length];
            for (int i = 0; i < terms.length; i++) termHashes[i] = terms[i].hashCode();
        }
    }

    /**
     * The events of one day and grid cell, with their times, points and days copied into one array, one
     * run of {@link #STRIDE} longs per event: a query reads a few hundred of these per report, and with a
     * million events in memory, following each entry to its event, time window and point (several objects
     * scattered over the heap), or even reading seven arrays per bucket, cost more than the checks
     * themselves. Insertion order is kept.
     */
    private static final class Bucket {
        /** Slots of an event's run: start and end (epoch ms), point (double bits; NaN when unlocated), cos(lat), first and last day. */
        static final int START = 0, END = 1, LAT = 2, LON = 3, COS_LAT = 4, FIRST_DAY = 5, LAST_DAY = 6, STRIDE = 7;
        Entry[] entries = new Entry[4];
        long[] data = new long[4 * STRIDE];
        int size;

        void add(Entry e) {
            if (size == entries.length) {
                entries = java.util.Arrays.copyOf(entries, size * 2);
                data = java.util.Arrays.copyOf(data, size * 2 * STRIDE);
            }
            set(size++, e);
        }

        /** Copies the entry's current event time, point and days into slot i. */
        void set(int i, Entry e) {
            Event ev = e.candidate.event();
            entries[i] = e;
            int o = i * STRIDE;
            data[o + START] = ev.time().start().toEpochMilli();
            data[o + END] = ev.time().end().toEpochMilli();
            double lat, lon, cosLat;
            if (ev.location() == null) {
                lat = lon = cosLat = Double.NaN;
            } else {
                lat = ev.location().point().lat();
                lon = ev.location().point().lon();
                cosLat = Math.cos(Math.toRadians(lat));
            }
            data[o + LAT] = Double.doubleToRawLongBits(lat);
            data[o + LON] = Double.doubleToRawLongBits(lon);
            data[o + COS_LAT] = Double.doubleToRawLongBits(cosLat);
            data[o + FIRST_DAY] = e.dayKeys.get(0);
            data[o + LAST_DAY] = e.dayKeys.get(e.dayKeys.size() - 1);
        }

        int indexOf(Entry e) {
            for (int i = 0; i < size; i++) if (entries[i] == e) return i;
            return -1;
        }

        void remove(Entry e) {
            int i = indexOf(e);
            if (i < 0) return;
            int tail = size - i - 1;
            System.arraycopy(entries, i + 1, entries, i, tail);
            System.arraycopy(data, (i + 1) * STRIDE, data, i * STRIDE, tail * STRIDE);
            entries[--size] = null;
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<Long, Map<Long, Bucket>> byDay = new HashMap<>();
    private final Grid grid = new Grid();
    private final Set<Entry> longEvents = new LinkedHashSet<>();
    /** Per day: term -> events carrying it, or {@link #SATURATED} once more than {@link #MAX_POSTINGS} do. */
    private final Map<Long, Map<String, List<Entry>>> termsByDay = new HashMap<>();
    /** A term too common on that day to find an incident by; its postings are dropped (bounded memory). */
    private static final List<Entry> SATURATED = List.of();

    /** Adds the event or replaces the earlier version with the same id. */
    public synchronized void put(EventCandidate candidate) {
        Event e = candidate.event();
        Entry previous = entries.get(e.id());
        long cell = e.location() == null ? UNLOCATED : cell(e.location().point());
        long first = day(e.time().start()), last = day(e.time().end());
        List<Long> days = new ArrayList<>();
        boolean isLong = last - first + 1 > MAX_INDEXED_DAYS;
        if (!isLong) for (long d = first; d <= last; d++) days.add(d);
        // Events grow by appending reports: read only the new ones' words.
        var reports = candidate.reports();
        String[] terms;
        int from;
        boolean extended = false;   // terms start with previous.terms
        if (previous != null && previous.termsFrom <= reports.size() && (previous.termsFrom == 0
                || sameReport(previous.candidate.reports(), reports, previous.termsFrom - 1))) {
            terms = previous.terms;
            from = previous.termsFrom;
            extended = true;
        } else {
            terms = new String[0];
            from = 0;
        }
        if (from < reports.size() && terms.length < MAX_EVENT_TERMS) {
            Set<String> more = new LinkedHashSet<>(java.util.Arrays.asList(terms));
            for (int i = from; i < reports.size() && more.size() < MAX_EVENT_TERMS; i++) {
                for (String t : SearchTerms.of(reports.get(i).report())) {
                    if (more.size() >= MAX_EVENT_TERMS) break;
                    more.add(t);
                }
            }
            if (more.size() > terms.length) terms = more.toArray(new String[0]);
        }
        // The usual case: a report joined, the event stays in the same cell and days. Keep the entry and
        // its postings, add only new terms (re-filing every term of a big event was most of a put).
        if (extended && previous.cell == cell && previous.dayKeys.equals(days) && isLong == longEvents.contains(previous)) {
            for (long d : days) {
                Map<String, List<Entry>> byTerm = termsByDay.computeIfAbsent(d, k -> new HashMap<>());
                for (int i = previous.terms.length; i < terms.length; i++) post(byTerm, terms[i], previous);
            }
            previous.candidate = candidate;
            if (previous.terms != terms) previous.setTerms(terms);
            previous.termsFrom = reports.size();
            // The event's time and point may have moved within its days and cell: refresh the copies.
            for (long d : days) {
                Bucket b = grid.get(d, cell);
                b.set(b.indexOf(previous), previous);
            }
            return;
        }
        remove(e.id());
        Entry entry = new Entry(candidate, days, cell, terms, reports.size());
        if (isLong) longEvents.add(entry);
        for (long d : days) {
            Bucket b = grid.get(d, cell);
            if (b == null) {
                b = new Bucket();
                byDay.computeIfAbsent(d, k -> new HashMap<>()).put(cell, b);
                grid.put(d, cell, b);
            }
            b.add(entry);
            Map<String, List<Entry>> byTerm = termsByDay.computeIfAbsent(d, k -> new HashMap<>());
            for (String t : terms) post(byTerm, t, entry);
        }
        entries.put(e.id(), entry);
    }

    private static void post(Map<String, List<Entry>> byTerm, String t, Entry entry) {
        List<Entry> es = byTerm.get(t);
        if (es == SATURATED) return;
        if (es == null) byTerm.put(t, es = new ArrayList<>(2));
        es.add(entry);
        if (es.size() > MAX_POSTINGS) byTerm.put(t, SATURATED);
    }

    private static boolean sameReport(List<org.sitrep.pipeline.AnalyzedReport> a, List<org.sitrep.pipeline.AnalyzedReport> b, int i) {
        return i < a.size() && i < b.size() && java.util.Objects.equals(a.get(i).report().id(), b.get(i).report().id())
                && a.get(i).report().id() != null;
    }

    public synchronized void remove(String eventId) {
        Entry old = entries.remove(eventId);
        if (old == null) return;
        longEvents.remove(old);
        for (long d : old.dayKeys) {
            Map<Long, Bucket> cells = byDay.get(d);
            Bucket ids = cells.get(old.cell);
            ids.remove(old);
            if (ids.size == 0) {
                cells.remove(old.cell);
                grid.remove(d, old.cell);
            }
            if (cells.isEmpty()) byDay.remove(d);
            Map<String, List<Entry>> byTerm = termsByDay.get(d);
            if (byTerm == null) continue;
            for (String t : old.terms) {
                List<Entry> es = byTerm.get(t);
                // A saturated term stays saturated for its day: the term is common there either way.
                if (es == null || es == SATURATED) continue;
                es.remove(old);
                if (es.isEmpty()) byTerm.remove(t);
            }
            if (byTerm.isEmpty()) termsByDay.remove(d);
        }
    }

    public synchronized EventCandidate get(String eventId) {
        Entry e = entries.get(eventId);
        return e == null ? null : e.candidate;
    }

    public synchronized int size() { return entries.size(); }

    public synchronized List<EventCandidate> find(CandidateQuery q) {
        List<Entry> near = findNear(q);
        List<EventCandidate> out = new ArrayList<>(near.size() + (q.searchesText() ? q.textLimit() : 0));
        for (Entry e : near) out.add(e.candidate);
        if (!q.searchesText()) return out;
        out.addAll(findText(q, near));
        return out;
    }

    /** Stamps for {@link Entry#mark}: each text search takes two new ones. */
    private long marks;

    /** Events in the window matching the query's terms, not already in {@code found}: most terms first, then nearest in time. */
    private List<EventCandidate> findText(CandidateQuery q, List<Entry> found) {
        // Marks instead of sets of events: one stamp for the events found already, one for those met here.
        long already = ++marks, met = ++marks;
        for (Entry e : found) e.mark = already;
        List<Entry> hits = new ArrayList<>();
        long firstDay = day(q.from()), lastDay = day(q.to().minusMillis(1));
        for (long d = firstDay; d <= lastDay; d++) {
            Map<String, List<Entry>> byTerm = termsByDay.get(d);
            if (byTerm == null) continue;
            for (String t : q.terms()) {
                List<Entry> es = byTerm.get(t);
                if (es == null || es == SATURATED) continue;
                for (Entry e : es) {
                    if (e.mark == already || e.mark == met) continue;
                    e.mark = met;
                    hits.add(e);
                }
            }
        }
        for (Entry e : longEvents) {
            if (e.mark != already) hits.add(e);   // long events have no postings: never met above
        }
        // Count each term once per event, however many days the event spans.
        int need = Math.min(2, q.terms().size());
        long mid = q.from().toEpochMilli() / 2 + q.to().toEpochMilli() / 2;
        String[] terms = q.terms().toArray(new String[0]);
        int[] hashes = new int[terms.length];
        for (int i = 0; i < terms.length; i++) hashes[i] = terms[i].hashCode();
        List<Ranked> ranked = new ArrayList<>();
        for (Entry e : hits) {
            int n = matches(e, terms, hashes);
            if (n == 0 || n < need) continue;
            Event ev = e.candidate.event();
            if (!(ev.time().start().isBefore(q.to()) && !ev.time().end().isBefore(q.from()))) continue;
            ranked.add(new Ranked(e.candidate, n, Math.abs(center(ev) - mid)));
        }
        ranked.sort(Comparator.comparingInt((Ranked r) -> -r.terms).thenComparingLong(r -> r.fromMid)
                .thenComparing(r -> r.candidate.event().id()));
        List<EventCandidate> out = new ArrayList<>();
        for (int i = 0; i < Math.min(q.textLimit(), ranked.size()); i++) out.add(ranked.get(i).candidate);
        return out;
    }

    private record Ranked(EventCandidate candidate, int terms, long fromMid) {}

    /** How many of the terms the entry carries. */
    private static int matches(Entry e, String[] terms, int[] hashes) {
        int n = 0;
        String[] mine = e.terms;
        int[] myHashes = e.termHashes;
        for (int i = 0; i < terms.length; i++) {
            for (int j = 0; j < mine.length; j++) {
                if (myHashes[j] == hashes[i] && mine[j].equals(terms[i])) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private List<Entry> findNear(CandidateQuery q) {
        long firstDay = day(q.from()), lastDay = day(q.to().minusMillis(1));
        long mid = q.from().toEpochMilli() / 2 + q.to().toEpochMilli() / 2;
        long midDay = Math.floorDiv(mid, 86_400_000L);
        int limit = q.limit() > 0 ? q.limit() : Integer.MAX_VALUE;
        // Days nearest the middle of the window first, so a query with a limit can stop early
        // instead of reading every event of a busy week.
        long[] days = new long[(int) Math.max(0, Math.min(Integer.MAX_VALUE - 8, lastDay - firstDay + 1))];
        int nDays = 0;
        for (long k = 0; k <= Math.max(midDay - firstDay, lastDay - midDay) && nDays < days.length; k++) {
            if (midDay - k >= firstDay && midDay - k <= lastDay) days[nDays++] = midDay - k;
            if (k > 0 && midDay + k >= firstDay && midDay + k <= lastDay) days[nDays++] = midDay + k;
        }
        Hits out = new Hits();
        Window w = new Window(q, midDay);
        if (q.near() == null) {
            for (int i = 0; i < nDays; i++) {
                if (out.size >= limit) break;
                Map<Long, Bucket> cells = byDay.get(days[i]);
                if (cells != null) for (Bucket b : cells.values()) collect(b, days[i], w, out, Integer.MAX_VALUE);
            }
            collect(longEvents, q, out, Integer.MAX_VALUE);
        } else {
            // Events located near the point first; unlocated events fill what the limit leaves.
            // Without this order a busy day of unlocated items would crowd out the event in the
            // same town.
            long[] around = cellsAround(q.near(), q.radiusKm());
            for (int i = 0; i < nDays; i++) {
                long d = days[i];
                for (long c : around) {
                    Bucket b = grid.get(d, c);
                    if (b != null) collect(b, d, w, out, Integer.MAX_VALUE);
                }
            }
            collect(longEvents, q, out, Integer.MAX_VALUE);
            int located = out.size;
            if (located > limit) return out.closest(mid, limit);
            for (int i = 0; i < nDays; i++) {
                if (out.size >= limit) break;
                Bucket un = grid.get(days[i], UNLOCATED);
                if (un != null) collect(un, days[i], w, out, limit);
            }
            return out.all();
        }
        return out.size > limit ? out.closest(mid, limit) : out.all();
    }

    /**
     * The events a query found so far, each with the middle of its time window, kept as arrays: an
     * unlocated report's query reads every event of a day (thousands in the benchmark) to keep the 100
     * nearest in time, and sorting primitive keys is much cheaper than sorting candidates by their events.
     */
    private static final class Hits {
        Entry[] entries = new Entry[128];
        long[] centers = new long[128];
        int size;

        /** Adds a hit; the caller makes sure each entry is added once (see {@link #collect(Bucket, long, Window, Hits, int)}). */
        void add(Entry e, long center) {
            if (size == entries.length) {
                entries = java.util.Arrays.copyOf(entries, size * 2);
                centers = java.util.Arrays.copyOf(centers, size * 2);
            }
            entries[size] = e;
            centers[size++] = center;
        }

        List<Entry> all() {
            return java.util.Arrays.asList(java.util.Arrays.copyOf(entries, size));
        }

        private static final int INDEX_BITS = 22;
        private static final long MAX_KEY = (1L << (63 - INDEX_BITS)) - 1;

        /** The {@code limit} hits nearest {@code mid} in time, ties in the order found (a stable sort's order). */
        List<Entry> closest(long mid, int limit) {
            if (size >= 1 << INDEX_BITS) {
                List<Entry> out = new ArrayList<>(all());
                out.sort(Comparator.comparingLong(e -> Math.abs(center(e.candidate.event()) - mid)));
                return out.subList(0, limit);
            }
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) keys[i] = (Math.min(MAX_KEY, Math.abs(centers[i] - mid)) << INDEX_BITS) | i;
            java.util.Arrays.sort(keys);
            Entry[] out = new Entry[limit];
            for (int i = 0; i < limit; i++) out[i] = entries[(int) (keys[i] & ((1 << INDEX_BITS) - 1))];
            return java.util.Arrays.asList(out);
        }
    }

    /**
     * The buckets by (day, cell), in one open-addressing table of primitive keys: a located search looks up
     * some 70 of them per report, and a map of days to maps of boxed cells cost several cache misses each.
     * Holds the same buckets as {@link #byDay} (which keeps a day's cells in the order a search without a
     * point reads them).
     */
    private static final class Grid {
        /** Cell numbers are below 2^22 (row * 10,000 + column); the unlocated "cell" gets the top one. */
        private static final int CELL_BITS = 22;
        private long[] keys = new long[1 << 10];
        private Bucket[] buckets = new Bucket[1 << 10];
        private int size;

        private static long key(long day, long cell) {
            long c = cell == UNLOCATED ? (1L << CELL_BITS) - 1 : cell;
            return (day << CELL_BITS) | c;
        }

        private int slot(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29)) & (keys.length - 1);
        }

        Bucket get(long day, long cell) {
            long k = key(day, cell);
            for (int i = slot(k); ; i = (i + 1) & (keys.length - 1)) {
                Bucket b = buckets[i];
                if (b == null) return null;
                if (keys[i] == k) return b;
            }
        }

        void put(long day, long cell, Bucket b) {
            if (2 * (size + 1) > keys.length) grow();
            long k = key(day, cell);
            for (int i = slot(k); ; i = (i + 1) & (keys.length - 1)) {
                if (buckets[i] == null) {
                    keys[i] = k;
                    buckets[i] = b;
                    size++;
                    return;
                }
                if (keys[i] == k) {
                    buckets[i] = b;
                    return;
                }
            }
        }

        void remove(long day, long cell) {
            long k = key(day, cell);
            int mask = keys.length - 1;
            int i = slot(k);
            while (true) {
                if (buckets[i] == null) return;
                if (keys[i] == k) break;
                i = (i + 1) & mask;
            }
            // Backward-shift deletion: later keys of the probe run move up so every lookup still finds them.
            buckets[i] = null;
            size--;
            for (int j = (i + 1) & mask; buckets[j] != null; j = (j + 1) & mask) {
                int home = slot(keys[j]);
                // moves to the hole when its home slot is not cyclically in (i, j]
                if (i <= j ? (home <= i || home > j) : (home <= i && home > j)) {
                    keys[i] = keys[j];
                    buckets[i] = buckets[j];
                    buckets[j] = null;
                    i = j;
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            Bucket[] oldBuckets = buckets;
            keys = new long[oldKeys.length * 2];
            buckets = new Bucket[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldBuckets[i] == null) continue;
                int j = slot(oldKeys[i]);
                while (buckets[j] != null) j = (j + 1) & (keys.length - 1);
                keys[j] = oldKeys[i];
                buckets[j] = oldBuckets[i];
                size++;
            }
        }
    }

    /** The radius {@link GeoPoint#distanceKm} uses (private there). */
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private static final class Window {
        final CandidateQuery q;
        final long fromMs, toMs;
        /** The day the search starts from (see {@link #findNear}). */
        final long midDay;
        final boolean near;
        final double lat, lon, cosLat, radiusKm;
        /** Latitude difference (radians) beyond which no point can be within the radius: a great circle is never shorter than the meridian arc. */
        final double maxDLat;
        /**
         * Haversine terms {@code a} below which a point is surely within the radius, and above which surely not:
         * the radius's own term with a margin of a millionth either way, far above the rounding of the distance.
         * Only between the two is the arcsine taken (it was the costliest step of a search).
         */
        final double surelyIn, surelyOut;

        Window(CandidateQuery q, long midDay) {
            this.q = q;
            this.midDay = midDay;
            fromMs = q.from().toEpochMilli();
            toMs = q.to().toEpochMilli();
            near = q.near() != null;
            lat = near ? q.near().lat() : 0;
            lon = near ? q.near().lon() : 0;
            cosLat = Math.cos(Math.toRadians(lat));
            radiusKm = q.radiusKm();
            maxDLat = radiusKm / EARTH_RADIUS_KM + 1e-9;
            double half = radiusKm / (2 * EARTH_RADIUS_KM);
            if (half > 0 && half < 1.5) {   // the arcsine is increasing there (up to pi/2), so a and distance are in the same order
                double h = Math.sin(half);
                surelyIn = h * h * (1 - 1e-6);
                surelyOut = h * h * (1 + 1e-6);
            } else {
                surelyIn = Double.NEGATIVE_INFINITY;
                surelyOut = Double.POSITIVE_INFINITY;
            }
        }

        /** {@link #matches(Event, CandidateQuery)} on the bucket's copies (run o); the exact Instants decide ties within a millisecond. */
        boolean matches(Bucket b, long[] data, int o, int i) {
            long s = data[o + Bucket.START], e = data[o + Bucket.END];
            if (s > toMs || e < fromMs) return false;
            if (s == toMs || e == fromMs) {
                Event ev = b.entries[i].candidate.event();
                if (!(ev.time().start().isBefore(q.to()) && !ev.time().end().isBefore(q.from()))) return false;
            }
            if (!near) return true;
            double elat = Double.longBitsToDouble(data[o + Bucket.LAT]);
            if (Double.isNaN(elat)) return true;
            // GeoPoint.distanceKm from the event's point to the query's, operation for operation.
            double dLat = Math.toRadians(lat - elat);
            if (Math.abs(dLat) > maxDLat) return false;
            double dLon = Math.toRadians(lon - Double.longBitsToDouble(data[o + Bucket.LON]));
            double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                    + Double.longBitsToDouble(data[o + Bucket.COS_LAT]) * cosLat * Math.sin(dLon / 2) * Math.sin(dLon / 2);
            if (a < surelyIn) return true;
            if (a > surelyOut) return false;
            return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a))) <= radiusKm;
        }
    }

    /**
     * Adds the bucket's events that match, the bucket being of day {@code day}. An event of several days sits
     * in a bucket of each; a search visits days nearest its middle first, so it meets such an event first on
     * the day of the event's nearest the middle: the event is taken there only (no set of events seen).
     */
    private static void collect(Bucket b, long day, Window w, Hits out, int limit) {
        long[] data = b.data;
        for (int i = 0, o = 0; i < b.size; i++, o += Bucket.STRIDE) {
            if (out.size >= limit) return;
            long first = data[o + Bucket.FIRST_DAY], last = data[o + Bucket.LAST_DAY];
            if (first != last && day != Math.max(first, Math.min(last, w.midDay))) continue;
            if (w.matches(b, data, o, i)) out.add(b.entries[i], data[o + Bucket.START] / 2 + data[o + Bucket.END] / 2);
        }
    }

    private static void collect(Set<Entry> entries, CandidateQuery q, Hits out, int limit) {
        for (Entry e : entries) {
            if (out.size >= limit) return;
            Event ev = e.candidate.event();
            // Long events are in no bucket: each is met once.
            if (matches(ev, q)) out.add(e, center(ev));
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

    private static long[] cellsAround(GeoPoint p, double radiusKm) {
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
                // a circle wider than the globe at this latitude wraps onto its first column: each cell once
                if (c - c0 <= maxCol) out.add(r * 10_000 + col);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

}
