package org.sitrep.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.EventMember;

/**
 * Gathers the strays of a grown event's story: small events (one to three reports) that started on their own
 * because their reports scored under the join threshold against the event as it stood then (a story told with
 * other words, a report read before the story had its names), but whose reports, compared one by one with the
 * event's reports, match them across the board. An online clusterer decides on one report against an event's
 * profile; once the event has grown, many of its reports are evidence together, and a stray that matches a
 * little with most of them is part of the story rather than a second incident, which would match a few of them
 * well and the rest not at all (a conflict counts as no match).
 *
 * <p>Checked when an event reaches 5, 10, 15, ... reports, against the small events among the candidates of
 * the report that grew it: those whose best report fits the grown event as a whole at least
 * {@link #MIN_EVENT_FIT} (at most {@link #MAX_CANDIDATES}, best first) are merged when the average of their
 * reports' scores against each of the event's reports (both ways, each report as an event of its own, a
 * conflict or a negative score as 0; the first 20 and the latest 20 of the event's reports) is at least
 * {@link #MIN_MEAN}. Chosen on the odd topics of ECB+, see BENCHMARKS.md. Pure: it says what to merge, the caller
 * moves the reports (the stream in memory, the ingest service in the store).
 */
public final class FragmentMerger {
    /** The start of the reason given to each report the clusterer moved into a grown event. */
    public static final String MERGE_REASON = "merged by the clusterer";

    /** Events are checked when they hold this many reports and at every multiple of {@link #EVERY}. */
    public static final int MIN_REPORTS = 5;
    public static final int EVERY = 5;
    /** Only events of at most this many reports are gathered: a bigger one is a story of its own, for the analyst. */
    public static final int MAX_SMALL = 3;
    /** Small events compared per check, those whose best report fits the grown event best. */
    public static final int MAX_CANDIDATES = 3;
    /** A small event is compared only when one of its reports fits the grown event as a whole at least this well (half the join threshold). */
    public static final double MIN_EVENT_FIT = 0.15;
    /** The least average report-to-report score for a merge. */
    public static final double MIN_MEAN = 0.12;
    /** The most of the grown event's reports compared (the first ones and the latest ones). */
    public static final int MAX_REPORTS = 40;

    /** A merge: the small event, its reports, and the evidence. */
    public record Merge(String eventId, List<AnalyzedReport> reports, double mean, double eventFit, int compared, String reason) {
        /** The small event's members as members of the grown event {@code intoId}, each decision led by the move. */
        public List<EventMember> moves(List<EventMember> members, String intoId) {
            List<EventMember> out = new ArrayList<>(members.size());
            for (EventMember m : members) {
                List<String> reasons = new ArrayList<>();
                reasons.add(reason + ": moved from event " + eventId);
                reasons.addAll(m.decision().reasons());
                out.add(new EventMember(m.report(), new ClusterDecision(intoId, m.decision().score(), reasons, m.decision().copyOfReportId())));
            }
            return List.copyOf(out);
        }
    }

    private final OnlineClusterer clusterer;
    private final BiFunction<List<AnalyzedReport>, Instant, EventCandidate> eventOf;

    /** @param eventOf makes an event of the given reports alone, as the clusterer would have seen it */
    public FragmentMerger(OnlineClusterer clusterer, BiFunction<List<AnalyzedReport>, Instant, EventCandidate> eventOf) {
        this.clusterer = clusterer;
        this.eventOf = eventOf;
    }

    /** Whether an event of this many reports is due a check. */
    public static boolean due(int reports) {
        return reports >= MIN_REPORTS && reports % EVERY == 0;
    }

    /**
     * The small events to merge into {@code grown}, in the order found. {@code small} are candidate events of
     * at most {@link #MAX_SMALL} reports, not the grown one, that no analyst has touched (the caller's filter),
     * in the order the candidate search gave them.
     */
    public List<Merge> check(EventCandidate grown, List<EventCandidate> small, Instant now) {
        record Near(EventCandidate event, double fit) {}
        List<Near> near = new ArrayList<>();
        for (EventCandidate s : small) {
            if (s.reports().isEmpty() || s.reports().size() > MAX_SMALL || s.event().id().equals(grown.event().id())) continue;
            double best = Double.NEGATIVE_INFINITY;
            for (AnalyzedReport r : s.reports()) best = Math.max(best, clusterer.fit(r, grown));
            if (best >= MIN_EVENT_FIT) near.add(new Near(s, best));
        }
        if (near.isEmpty()) return List.of();
        near.sort(Comparator.comparingDouble(Near::fit).reversed()); // stable: search order among equals
        List<AnalyzedReport> bs = grown.reports();
        if (bs.size() > MAX_REPORTS) {
            bs = new ArrayList<>(grown.reports().subList(0, MAX_REPORTS / 2));
            bs.addAll(grown.reports().subList(grown.reports().size() - MAX_REPORTS / 2, grown.reports().size()));
        }
        List<EventCandidate> single = new ArrayList<>(bs.size());
        for (AnalyzedReport m : bs) single.add(eventOf.apply(List.of(m), now));
        List<Merge> out = new ArrayList<>();
        for (Near n : near.subList(0, Math.min(MAX_CANDIDATES, near.size()))) {
            double sum = 0;
            int pairs = 0;
            for (AnalyzedReport r : n.event().reports()) {
                EventCandidate alone = eventOf.apply(List.of(r), now);
                for (int j = 0; j < bs.size(); j++) {
                    sum += Math.max(0, (link(clusterer.fit(r, single.get(j))) + link(clusterer.fit(bs.get(j), alone))) / 2);
                    pairs++;
                }
            }
            double mean = sum / pairs;
            if (mean < MIN_MEAN) continue;
            String reason = String.format(Locale.ROOT,
                    "%s: its %d report(s) match the %d reports compared of event %s %.2f on average (>= %.2f), one by one,"
                            + " and fit that event as a whole %.2f",
                    MERGE_REASON, n.event().reports().size(), bs.size(), grown.event().id(), mean, MIN_MEAN, n.fit());
            out.add(new Merge(n.event().event().id(), n.event().reports(), mean, n.fit(), bs.size(), reason));
        }
        return out;
    }

    /** A score as a link weight: a conflict is -1, and nothing is below -1. */
    private static double link(double fit) {
        return Double.isInfinite(fit) ? -1 : Math.max(-1, fit);
    }
}
