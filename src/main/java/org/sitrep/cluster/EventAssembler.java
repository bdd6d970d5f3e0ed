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
 * Builds an event's fields from its member reports: best location, type by weighted vote, fatalities
 * as a range, actors, claims, number of independent sources, and the grade. Pure and thread-safe.
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
        for (EventMember m : ordered) {
            var r = m.report().report();
            Extraction ex = m.report().extraction();
            reportIds.add(r.id());
            if (!m.isCopy()) independent.add(r.sourceId());
            if (title.isEmpty() && !r.title().isEmpty()) title = r.title();
            if (summary.isEmpty() && !r.text().isEmpty()) summary = abbreviate(r.text(), 280);
            if (ex.location() != null && (location == null || ex.location().precision().ordinal() < location.precision().ordinal())) {
                location = ex.location();
            }
            if (ex.time() != null) {
                if (time == null || ex.time().precision().ordinal() < time.precision().ordinal()) time = ex.time();
                else if (ex.time().precision() == time.precision()) time = time.union(ex.time());
            }
            double w = m.isCopy() ? 0.25 : Math.max(0.1, ex.confidence());
            if (!Event.UNCLASSIFIED.equals(ex.type())) {
                typeVotes.merge(ex.type(), w, Double::sum);
                if (ex.subType() != null) subVotes.merge(ex.type() + "\u0000" + ex.subType(), w, Double::sum);
            }
            for (Actor a : ex.actors()) actors.putIfAbsent(a.name().toLowerCase(java.util.Locale.ROOT), a);
            if (ex.fatalities().killedMin() != null || ex.fatalities().injuredMin() != null) fatalities = fatalities.merge(ex.fatalities());
            claims.addAll(m.report().claims());
        }
        if (title.isEmpty()) title = abbreviate(summary, 120);
        String type = argmax(typeVotes, Event.UNCLASSIFIED);
        String sub = null;
        String bestSub = argmax(subVotes, null);
        if (bestSub != null && bestSub.startsWith(type + "\u0000")) sub = bestSub.substring(type.length() + 1);
        Instant firstSeen = previous != null ? previous.firstSeen() : ordered.get(0).report().report().fetchedAt();
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

    private static <K> K argmax(Map<K, Double> votes, K fallback) {
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(fallback);
    }

    static String abbreviate(String s, int max) {
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1) + "\u2026";
    }
}
