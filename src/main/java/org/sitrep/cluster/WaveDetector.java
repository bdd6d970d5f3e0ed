package org.sitrep.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.Mention;
import org.sitrep.model.Wave;
import org.sitrep.pipeline.AnalyzedReport;

/**
 * Finds coordinated waves in the clustered stream, incrementally: feed each report with the event it
 * was put in ({@link #observe}) and get back the waves that report created or grew.
 *
 * <p>Two kinds. A <b>text</b> wave: reports with near-identical wording (shingle Jaccard at least
 * {@code textJaccard}) in at least {@code minPlaces} different places and events within
 * {@code window}: the same statement posted from a dozen towns. Near-identical reports of one
 * incident are copies and land in one event, so they never make a wave. A <b>type</b> wave: events
 * of one of {@code types} (by default protests and riots, where simultaneity suggests organisation;
 * daily shelling of many villages does not) in at least {@code minPlaces} places of one province
 * (same GeoNames admin1, or within {@code regionRadiusKm} when the province is unknown) within
 * {@code window}.
 *
 * <p>Memory is bounded by {@code window} and {@code maxRecent}. Time is the reports' publication
 * time, so replaying a stream gives the same waves. Thread-safe (synchronised).
 */
public final class WaveDetector {
    /**
     * @param window        longest span of one wave
     * @param minPlaces     distinct places (and events) that make a wave
     * @param textJaccard   shingle Jaccard for "near-identical"
     * @param regionRadiusKm for type waves when the province is unknown
     * @param types         event types that can form type waves; empty for none
     * @param maxRecent     reports kept for matching
     */
    public record Config(Duration window, int minPlaces, double textJaccard, double regionRadiusKm, Set<String> types,
                         int maxRecent) {
        public static final Config DEFAULTS = new Config(Duration.ofHours(6), 4, 0.5, 100,
                Set.of("Protests", "Riots"), 50_000);

        public Config {
            if (minPlaces < 2) throw new IllegalArgumentException("a wave needs at least 2 places");
            if (textJaccard <= 0 || textJaccard > 1) throw new IllegalArgumentException("textJaccard must be in (0, 1]");
            if (maxRecent < 1 || window.isNegative() || window.isZero()) throw new IllegalArgumentException("bad limits");
            types = Set.copyOf(types);
        }
    }

    private record Item(String reportId, String eventId, String sourceId, Instant time, String placeKey,
                        String placeName, EventLocation location, String region, String type, long[] sketch) {}

    private static final class State {
        final String id, kind, key;
        final Item seed;
        final List<Item> items = new ArrayList<>();
        final Set<String> reports = new HashSet<>();
        double similaritySum;
        Wave issued;

        State(String id, String kind, String key, Item seed) {
            this.id = id;
            this.kind = kind;
            this.key = key;
            this.seed = seed;
        }
    }

    /** Postings per sketch value: near-identical texts share some of their smallest shingle hashes. */
    private static final int POSTED_HASHES = 12;
    /** Members listed per wave; a bigger wave keeps its first members and stops listing new ones. */
    static final int MAX_WAVE_REPORTS = 1_000;

    private final Config config;
    private final Deque<Item> recent = new ArrayDeque<>();
    private final Map<Long, List<Item>> postings = new HashMap<>();
    /** Recent items of the wave-forming types, by type and province ("?" when the province is unknown). */
    private final Map<String, Deque<Item>> byTypeRegion = new HashMap<>();
    private final Map<String, State> waves = new LinkedHashMap<>();
    private Instant clock = Instant.EPOCH;

    public WaveDetector(Config config) { this.config = Objects.requireNonNull(config); }

    public WaveDetector() { this(Config.DEFAULTS); }

    /** The waves this report created or grew (each with all its members so far); usually none. */
    public synchronized List<Wave> observe(AnalyzedReport report, Event event) {
        var r = report.report();
        if (r.publishedAt().isAfter(clock)) clock = r.publishedAt();
        expire();
        EventLocation loc = event.location() != null ? event.location() : OnlineClusterer.locationOf(report);
        String placeKey = loc == null ? null : loc.geonameId() != null ? "g" + loc.geonameId()
                : String.format(Locale.ROOT, "p%.2f,%.2f", loc.point().lat(), loc.point().lon());
        String placeName = loc == null ? null : loc.name() != null ? loc.name()
                : String.format(Locale.ROOT, "%.3f,%.3f", loc.point().lat(), loc.point().lon());
        Item item = new Item(r.id(), event.id(), r.sourceId(), r.publishedAt(), placeKey, placeName, loc,
                region(report, loc), event.type(), TextProfile.sketch(r.title(), r.text()));

        List<Wave> out = new ArrayList<>();
        textWave(item, out);
        typeWave(item, out);
        remember(item);
        return combined(out);
    }

    /**
     * Near-identical wording and same-type events usually cross their thresholds on the same report with
     * the same members: an analyst should see that as one wave with both grounds, not two.
     */
    private static List<Wave> combined(List<Wave> waves) {
        if (waves.size() != 2) return waves;
        Wave a = waves.get(0), b = waves.get(1);
        if (!new java.util.HashSet<>(a.eventIds()).equals(new java.util.HashSet<>(b.eventIds()))) return waves;
        Wave text = a.kind().equals("text") ? a : b, type = text == a ? b : a;
        return List.of(new Wave(text.id(), "text+type", text.eventIds(), text.reportIds(), text.places(), text.start(),
                text.end(), text.similarity(), text.reason() + "; and " + type.reason()));
    }

    /** Waves whose last member is within the window of the newest report seen. */
    public synchronized List<Wave> active() {
        expire();
        return waves.values().stream().map(s -> s.issued).filter(Objects::nonNull).toList();
    }

    private void textWave(Item item, List<Wave> out) {
        if (item.sketch.length < 8) return;   // a few words: too short to call "near-identical"
        // Grow a wave whose members this text matches.
        for (State s : waves.values()) {
            if (!s.kind.equals("text")) continue;
            if (matchesAny(item, s.items)) {
                grow(s, List.of(item), out);
                return;
            }
        }
        Map<String, Item> similar = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(POSTED_HASHES, item.sketch.length); i++) {
            for (Item o : postings.getOrDefault(item.sketch[i], List.of())) {
                if (!similar.containsKey(o.reportId) && TextProfile.jaccard(item.sketch, o.sketch) >= config.textJaccard()) {
                    similar.put(o.reportId, o);
                }
            }
        }
        List<Item> members = new ArrayList<>(similar.values());
        members.sort((a, b) -> a.time.compareTo(b.time));
        members.add(item);
        if (spots(members) >= config.minPlaces() && events(members) >= config.minPlaces()) {
            State s = new State("wave:text:" + members.get(0).reportId, "text", null, members.get(0));
            waves.put(s.id, s);
            grow(s, members, out);
        }
    }

    private void typeWave(Item item, List<Wave> out) {
        if (item.type == null || !config.types().contains(item.type) || item.location == null) return;
        for (State s : waves.values()) {
            if (s.kind.equals("type") && s.seed.type.equals(item.type) && sameRegion(s.seed, item)) {
                grow(s, List.of(item), out);
                return;
            }
        }
        List<Item> members = new ArrayList<>();
        for (Item o : byTypeRegion.getOrDefault(typeKey(item.type, item.region), EMPTY)) {
            if (sameRegion(item, o)) members.add(o);
        }
        if (item.region != null) {
            for (Item o : byTypeRegion.getOrDefault(typeKey(item.type, null), EMPTY)) {
                if (sameRegion(item, o)) members.add(o);
            }
        }
        members.sort((a, b) -> a.time.compareTo(b.time));
        members.add(item);
        if (spots(members) >= config.minPlaces() && events(members) >= config.minPlaces()) {
            State s = new State("wave:type:" + members.get(0).reportId, "type", item.type, members.get(0));
            waves.put(s.id, s);
            grow(s, members, out);
        }
    }

    private boolean matchesAny(Item item, List<Item> members) {
        int n = members.size();
        // The first member and the newest few: a wave's wording drifts slowly, if at all.
        for (int i = 0; i < n; i++) {
            if (i != 0 && i < n - 8) continue;
            if (TextProfile.jaccard(item.sketch, members.get(i).sketch) >= config.textJaccard()) return true;
        }
        return false;
    }

    private boolean sameRegion(Item a, Item b) {
        if (a.region != null && b.region != null) return a.region.equals(b.region);
        return a.location.point().distanceKm(b.location.point()) <= config.regionRadiusKm();
    }

    private void grow(State s, List<Item> items, List<Wave> out) {
        boolean changed = false;
        for (Item i : items) {
            if (s.items.size() >= MAX_WAVE_REPORTS) break;   // still a wave; its list stops growing
            if (s.reports.add(i.reportId)) {
                s.items.add(i);
                s.similaritySum += i == s.seed ? 1 : TextProfile.jaccard(s.seed.sketch, i.sketch);
                changed = true;
            }
        }
        if (!changed) return;
        s.issued = toWave(s);
        out.add(s.issued);
    }

    private Wave toWave(State s) {
        Set<String> events = new LinkedHashSet<>(), places = new LinkedHashSet<>(), sources = new HashSet<>();
        List<String> reports = new ArrayList<>();
        Instant start = null, end = null;
        double sim = 0;
        for (Item i : s.items) {
            events.add(i.eventId);
            reports.add(i.reportId);
            sources.add(i.sourceId);
            if (i.placeName != null) places.add(i.placeName);
            if (start == null || i.time.isBefore(start)) start = i.time;
            if (end == null || i.time.isAfter(end)) end = i.time;
        }
        sim = s.similaritySum / s.items.size();
        Duration span = Duration.between(start, end);
        String within = span.toHours() > 0 ? span.toHours() + " h " + span.toMinutesPart() + " min" : span.toMinutes() + " min";
        String placeList = String.join(", ", places.stream().limit(8).toList()) + (places.size() > 8 ? ", ..." : "");
        String reason = s.kind.equals("text")
                ? String.format(Locale.ROOT, "%d near-identical reports (mean shingle similarity %.2f to the first) from %d sources "
                        + "about %d places (%s) within %s", reports.size(), sim, sources.size(), places.size(), placeList, within)
                : String.format(Locale.ROOT, "%d %s events in %d places of %s (%s) within %s", events.size(), s.key,
                        places.size(), s.seed.region != null ? "province " + s.seed.region
                                : "a " + Math.round(config.regionRadiusKm()) + " km radius", placeList, within);
        return new Wave(s.id, s.kind, List.copyOf(events), reports, List.copyOf(places), start, end,
                Math.round(sim * 1000) / 1000.0, reason);
    }

    private static int spots(List<Item> items) {
        Set<String> s = new HashSet<>();
        for (Item i : items) s.add(i.placeKey != null ? i.placeKey : "event:" + i.eventId);
        return s.size();
    }

    private static int events(List<Item> items) {
        Set<String> s = new HashSet<>();
        for (Item i : items) s.add(i.eventId);
        return s.size();
    }

    private static final Deque<Item> EMPTY = new ArrayDeque<>();

    private static String typeKey(String type, String region) { return type + "\u0000" + (region == null ? "?" : region); }

    private void remember(Item item) {
        recent.addLast(item);
        if (item.type != null && config.types().contains(item.type) && item.location != null) {
            byTypeRegion.computeIfAbsent(typeKey(item.type, item.region), k -> new ArrayDeque<>()).addLast(item);
        }
        for (int i = 0; i < Math.min(POSTED_HASHES, item.sketch.length); i++) {
            postings.computeIfAbsent(item.sketch[i], k -> new ArrayList<>()).add(item);
        }
        while (recent.size() > config.maxRecent()) forget(recent.removeFirst());
    }

    private void expire() {
        Instant horizon = clock.minus(config.window());
        while (!recent.isEmpty() && recent.peekFirst().time.isBefore(horizon)) forget(recent.removeFirst());
        waves.values().removeIf(s -> s.items.get(s.items.size() - 1).time.isBefore(horizon)
                || Duration.between(s.items.get(0).time, clock).compareTo(config.window().multipliedBy(4)) > 0);
    }

    private void forget(Item item) {
        if (item.type != null && config.types().contains(item.type) && item.location != null) {
            String k = typeKey(item.type, item.region);
            Deque<Item> d = byTypeRegion.get(k);
            if (d != null) {
                d.remove(item);   // the oldest: at the head, so this is quick
                if (d.isEmpty()) byTypeRegion.remove(k);
            }
        }
        for (int i = 0; i < Math.min(POSTED_HASHES, item.sketch.length); i++) {
            List<Item> l = postings.get(item.sketch[i]);
            if (l == null) continue;
            l.remove(item);
            if (l.isEmpty()) postings.remove(item.sketch[i]);
        }
    }

    /** "CC.admin1" of the event location's place, from the geoparser's mention of it; null when unknown. */
    private static String region(AnalyzedReport r, EventLocation loc) {
        if (loc == null || r.geoparse() == null) return null;
        for (Mention m : r.geoparse().mentions()) {
            var p = m.place();
            if (p != null && loc.geonameId() != null && p.geonameId() == loc.geonameId() && !p.admin1().isEmpty()) {
                return p.countryCode() + "." + p.admin1();
            }
        }
        return null;
    }
}
