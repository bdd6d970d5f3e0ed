package org.sitrep.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.model.Actor;
import org.sitrep.model.Claim;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.Fatalities;
import org.sitrep.model.Source;
import org.sitrep.model.TimeWindow;
import org.sitrep.pipeline.EventMember;
import org.sitrep.pipeline.Extraction;
import org.sitrep.pipeline.Grade;
import org.sitrep.pipeline.Grader;

/**
 * Builds an event's fields from its member reports: the location most sources give, refined to a more
 * precise place inside it (with its precision and why), type by a vote weighted by source reliability
 * and extraction confidence, fatalities as a range with the sources of each figure, first seen (the
 * earliest fetch), last updated, actors, claims, number of independent sources (copies do not
 * count) and the grade. Pure and thread-safe.
 * Analyst decisions (VERIFIED, REJECTED) on the previous version are kept.
 */
public final class EventAssembler {
    private final Grader grader;

    public EventAssembler(Grader grader) { this.grader = grader; }

    public Event assemble(String id, Event previous, List<EventMember> members, Map<String, Source> sources, Instant now) {
        if (members.isEmpty()) throw new IllegalArgumentException("an event needs at least one report");
        List<EventMember> ordered = new ArrayList<>(members);
        ordered.sort(Comparator.comparing(m -> m.report().report().publishedAt()));

        EventLocation location = null;
        TimeWindow time = null;
        Map<String, Double> typeVotes = new LinkedHashMap<>();
        Map<String, Double> subVotes = new HashMap<>();
        Map<String, Actor> actors = new LinkedHashMap<>();
        Fatalities fatalities = Fatalities.UNKNOWN;
        List<Claim> claims = new ArrayList<>();
        List<String> reportIds = new ArrayList<>();
        Set<String> independent = new LinkedHashSet<>();
        String title = "", summary = "";
        List<LocationVote> locations = new ArrayList<>();
        Map<String, Set<String>> killed = new LinkedHashMap<>(), injured = new LinkedHashMap<>();
        Instant firstFetched = null;
        for (EventMember m : ordered) {
            var r = m.report().report();
            Extraction ex = m.report().extraction();
            reportIds.add(r.id());
            if (!m.isCopy()) independent.add(r.sourceId());
            if (title.isEmpty() && !r.title().isEmpty()) title = r.title();
            if (summary.isEmpty() && !r.text().isEmpty()) summary = abbreviate(r.text(), 280);
            double sw = m.isCopy() ? 0.25 : reliabilityWeight(sources.get(r.sourceId()));
            if (ex.location() != null) locations.add(new LocationVote(ex.location(), sw, r.sourceId(), m.isCopy()));
            if (!m.isCopy()) {
                if (ex.fatalities().killedMin() != null) killed.computeIfAbsent(range(ex.fatalities().killedMin(), ex.fatalities().killedMax()), k -> new LinkedHashSet<>()).add(r.sourceId());
                if (ex.fatalities().injuredMin() != null) injured.computeIfAbsent(range(ex.fatalities().injuredMin(), ex.fatalities().injuredMax()), k -> new LinkedHashSet<>()).add(r.sourceId());
            }
            if (firstFetched == null || r.fetchedAt().isBefore(firstFetched)) firstFetched = r.fetchedAt();
            if (ex.time() != null) {
                if (time == null || ex.time().precision().ordinal() < time.precision().ordinal()) time = ex.time();
                else if (ex.time().precision() == time.precision()) time = time.union(ex.time());
            }
            double w = (m.isCopy() ? 0.25 : reliabilityWeight(sources.get(r.sourceId()))) * Math.max(0.1, ex.confidence());
            if (!Event.UNCLASSIFIED.equals(ex.type())) {
                typeVotes.merge(ex.type(), w, Double::sum);
                if (ex.subType() != null) subVotes.merge(ex.type() + "\u0000" + ex.subType(), w, Double::sum);
            }
            for (Actor a : ex.actors()) actors.putIfAbsent(a.name().toLowerCase(java.util.Locale.ROOT), a);
            if (ex.fatalities().killedMin() != null || ex.fatalities().injuredMin() != null) fatalities = fatalities.merge(ex.fatalities());
            claims.addAll(m.report().claims());
        }
        if (title.isEmpty()) title = abbreviate(summary, 120);
        location = bestLocation(locations);
        if (fatalities != Fatalities.UNKNOWN) {
            fatalities = new Fatalities(fatalities.killedMin(), fatalities.killedMax(), fatalities.injuredMin(),
                    fatalities.injuredMax(), fatalitiesPhrase(killed, injured, fatalities.phrase()));
        }
        String type = argmax(typeVotes, Event.UNCLASSIFIED);
        String sub = null;
        String bestSub = argmax(subVotes, null);
        if (bestSub != null && bestSub.startsWith(type + "\u0000")) sub = bestSub.substring(type.length() + 1);
        Instant firstSeen = previous != null && previous.firstSeen() != null && previous.firstSeen().isBefore(firstFetched)
                ? previous.firstSeen() : firstFetched;
        if (time == null) time = TimeWindow.at(ordered.get(0).report().report().publishedAt(), org.sitrep.model.TimePrecision.UNKNOWN);

        Event draft = new Event(id, title, summary, location, time, type, sub, List.copyOf(actors.values()), fatalities,
                reportIds, claims, EventState.PENDING, independent.size(), 6, "", firstSeen, now,
                previous == null ? 1 : previous.version() + 1);
        Grade g = grader.grade(draft, ordered, sources);
        EventState state = g.state();
        if (previous != null && (previous.state() == EventState.VERIFIED || previous.state() == EventState.REJECTED)) {
            state = previous.state();
        }
        return new Event(id, title, summary, location, time, type, sub, draft.actors(), fatalities, reportIds, claims,
                state, independent.size(), g.credibility(), g.reason(), firstSeen, now, draft.version());
    }

    private record LocationVote(EventLocation location, double weight, String sourceId, boolean copy) {
        String key() {
            return location.geonameId() != null ? "g" + location.geonameId()
                    : String.format(java.util.Locale.ROOT, "p%.3f,%.3f", location.point().lat(), location.point().lon());
        }
    }

    /** Sources graded A count fully, F (cannot be judged) half: a vote, not a veto. */
    static double reliabilityWeight(Source s) {
        if (s == null) return 0.5;
        return switch (s.reliability()) {
            case 'A' -> 1.0;
            case 'B' -> 0.9;
            case 'C' -> 0.75;
            case 'D' -> 0.6;
            default -> 0.5;
        };
    }

    /**
     * The place most sources put the event, refined to a more precise place inside it when a source
     * names one: three reports saying "Kharkiv" and one naming the tractor plant in Kharkiv give the
     * plant; one report saying "Odesa" against three saying "Kharkiv" does not move the event.
     */
    static EventLocation bestLocation(List<LocationVote> votes) {
        if (votes.isEmpty()) return null;
        Map<String, Double> weight = new LinkedHashMap<>();
        Map<String, LocationVote> byKey = new LinkedHashMap<>();
        Map<String, Set<String>> sourcesByKey = new HashMap<>();
        for (LocationVote v : votes) {
            weight.merge(v.key(), v.weight, Double::sum);
            byKey.merge(v.key(), v, (a, b) -> a.location.precision().ordinal() <= b.location.precision().ordinal() ? a : b);
            if (!v.copy) sourcesByKey.computeIfAbsent(v.key(), k -> new LinkedHashSet<>()).add(v.sourceId);
        }
        Comparator<String> byVote = Comparator.<String>comparingDouble(weight::get)
                .thenComparing(k -> -byKey.get(k).location.precision().ordinal());
        String top = weight.keySet().stream().max(byVote).orElseThrow();
        EventLocation area = byKey.get(top).location;
        String best = top;
        for (String k : weight.keySet()) {
            EventLocation l = byKey.get(k).location;
            if (l.precision().ordinal() < byKey.get(best).location.precision().ordinal() && within(l, area)) {
                best = k;
            }
        }
        EventLocation chosen = byKey.get(best).location;
        int agree = sourcesByKey.getOrDefault(best, Set.of()).size();
        String why = (chosen.reason() == null || chosen.reason().isBlank() ? "" : chosen.reason() + "; ")
                + agree + " independent source" + (agree == 1 ? "" : "s") + " of " + votes.size() + " located reports give "
                + (chosen.name() != null ? chosen.name() : "this point")
                + (best.equals(top) ? "" : " (the most precise place inside " + (area.name() != null ? area.name() : "the area most reports give") + ")");
        return new EventLocation(chosen.point(), chosen.precision(), chosen.name(), chosen.geonameId(), chosen.countryCode(), why);
    }

    /**
     * Whether a more precise place can lie inside the area most reports give: near a town, within a
     * province's reach of a province ("protests across Idlib province" and one report from Maarat Misrin).
     */
    static boolean within(EventLocation precise, EventLocation area) {
        double km = precise.point().distanceKm(area.point());
        return switch (area.precision()) {
            case EXACT -> km <= 15;
            case DISTRICT -> km <= 40;
            case PROVINCE -> km <= 75 && (area.countryCode() == null || area.countryCode().equals(precise.countryCode())
                    || precise.countryCode() == null);
            case COUNTRY -> area.countryCode() != null && area.countryCode().equals(precise.countryCode());
        };
    }

    private static String range(Integer min, Integer max) {
        return max == null || max.equals(min) ? String.valueOf(min) : min + "-" + max;
    }

    /** "killed 3 (rss:en, rss:ar), 5 (tg:ru); injured 12 (rss:en)": each figure with who gave it. */
    static String fatalitiesPhrase(Map<String, Set<String>> killed, Map<String, Set<String>> injured, String fallback) {
        List<String> parts = new ArrayList<>();
        if (!killed.isEmpty()) parts.add("killed " + figures(killed));
        if (!injured.isEmpty()) parts.add("injured " + figures(injured));
        return parts.isEmpty() ? fallback : String.join("; ", parts);
    }

    private static String figures(Map<String, Set<String>> m) {
        List<String> out = new ArrayList<>();
        m.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey().split("-")[0])))
                .forEach(e -> out.add(e.getKey() + " (" + String.join(", ", e.getValue()) + ")"));
        return String.join(", ", out);
    }

    private static <K> K argmax(Map<K, Double> votes, K fallback) {
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(fallback);
    }

    static String abbreviate(String s, int max) {
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1) + "\u2026";
    }
}
