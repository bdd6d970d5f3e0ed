package org.sitrep.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.sitrep.model.Source;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.EventMember;

/**
 * Re-checks a grown event: do its reports fall into two groups that each hang together but match each
 * other poorly? That is what two incidents of one kind look like once the first report of the second
 * joined the first (an online clusterer decides on one report's evidence; ten reports later the two
 * stories are plain). Every member is scored against every other alone, with the clusterer's own
 * evidence ({@link OnlineClusterer#fit}); the event is cut in two along the second eigenvector of the
 * normalised graph Laplacian (Shi and Malik's normalised cut), and split when the cut is cheap and both
 * sides are big enough to be stories of their own. Pure: it says where to cut, the caller moves reports.
 *
 * <p>An event is checked when it reaches 10, 15, 20, ... reports, until it has been split once (a second
 * cut of a story that was already cut finds sub-plots, not incidents). Chosen on the odd topics of ECB+
 * (cut below 0.75, at least 5 reports a side), see BENCHMARKS.md.
 */
public final class EventSplitter {
    /** The start of the reason given to each report moved out of an event the clusterer split. */
    public static final String SPLIT_REASON = "split by the clusterer";
    /** The start of the reason given to each report that stayed in an event the clusterer split. */
    public static final String SPLIT_KEPT = "the clusterer split this event";

    /** A split: the reports that stay (with the event's first report), those that leave, and why. */
    public record Split(List<AnalyzedReport> stay, List<AnalyzedReport> leave, double ncut, double within, double across,
                        String reason) {
        /**
         * The event's members after the split, each decision led by what happened: the leaving ones "moved from
         * event {@code fromId}", the staying ones told where the others went ({@code toId}).
         */
        public Moves moves(List<EventMember> members, String fromId, String toId) {
            Set<String> leaving = new HashSet<>();
            for (AnalyzedReport r : leave) leaving.add(r.report().id());
            List<EventMember> staying = new ArrayList<>(), moving = new ArrayList<>();
            for (EventMember m : members) {
                boolean goes = leaving.contains(m.report().report().id());
                List<String> reasons = new ArrayList<>();
                reasons.add(goes ? reason + ": moved from event " + fromId
                        : String.format(Locale.ROOT, "%s: %d of its reports form another story and went to event %s (normalised cut %.2f)",
                                SPLIT_KEPT, leave.size(), toId, ncut));
                reasons.addAll(m.decision().reasons());
                ClusterDecision d = new ClusterDecision(goes ? null : fromId, m.decision().score(), reasons, m.decision().copyOfReportId());
                (goes ? moving : staying).add(new EventMember(m.report(), d));
            }
            return new Moves(List.copyOf(staying), List.copyOf(moving));
        }
    }

    /** An event's members after a split: those that stay and those that go to the new event. */
    public record Moves(List<EventMember> stay, List<EventMember> leave) {}

    /** Whether the clusterer split this event before (its members' decisions say so): an event is split at most once. */
    public static boolean splitBefore(List<EventMember> members) {
        for (EventMember m : members) {
            List<String> reasons = m.decision().reasons();
            if (!reasons.isEmpty() && (reasons.get(0).startsWith(SPLIT_REASON) || reasons.get(0).startsWith(SPLIT_KEPT))) return true;
        }
        return false;
    }

    /** An event of these reports alone, as the clusterer would have seen it had they arrived first: to compare reports one by one. */
    public static EventCandidate alone(EventAssembler assembler, List<AnalyzedReport> reports, Map<String, Source> sources, Instant now) {
        List<EventMember> ms = new ArrayList<>(reports.size());
        StringBuilder id = new StringBuilder("alone:");
        for (AnalyzedReport r : reports) {
            ms.add(new EventMember(r, ClusterDecision.newEvent("alone")));
            id.append(r.report().id()).append(',');
        }
        return new EventCandidate(assembler.assemble(id.toString(), null, ms, sources, now), List.copyOf(reports));
    }

    /** Events are checked once they hold this many reports, and again at every multiple of {@link #EVERY}. */
    public static final int MIN_REPORTS = 10;
    public static final int EVERY = 5;
    /** Each side of a split holds at least this many reports: fewer is an odd report, not a second story. */
    public static final int MIN_SIDE = 5;
    /** A split needs a normalised cut below this (0: the sides share nothing; 1 and more: no structure). */
    public static final double MAX_NCUT = 0.75;
    /** The most reports compared (the first ones, which decided what the event is, and the latest ones). */
    public static final int MAX_REPORTS = 40;

    private final OnlineClusterer clusterer;
    private final BiFunction<List<AnalyzedReport>, Instant, EventCandidate> eventOf;

    /** @param eventOf makes an event of the given reports alone, as the clusterer would have seen it */
    public EventSplitter(OnlineClusterer clusterer, BiFunction<List<AnalyzedReport>, Instant, EventCandidate> eventOf) {
        this.clusterer = clusterer;
        this.eventOf = eventOf;
    }

    /** Whether an event of this many reports is due a check. */
    public static boolean due(int reports) {
        return reports >= MIN_REPORTS && (reports - MIN_REPORTS) % EVERY == 0;
    }

    /** The split of these reports (in arrival order), or null when they are one story. */
    public Split check(List<AnalyzedReport> reports, Instant now) {
        if (reports.size() < 2 * MIN_SIDE) return null;
        List<AnalyzedReport> rs = reports;
        if (rs.size() > MAX_REPORTS) {
            rs = new ArrayList<>(reports.subList(0, MAX_REPORTS / 2));
            rs.addAll(reports.subList(reports.size() - MAX_REPORTS / 2, reports.size()));
        }
        int n = rs.size();
        List<EventCandidate> single = new ArrayList<>(n);
        for (AnalyzedReport r : rs) single.add(eventOf.apply(List.of(r), now));
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double f = clusterer.fit(rs.get(i), single.get(j));
                s[i][j] = Double.isInfinite(f) ? -1 : Math.max(-1, f);
            }
        }
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) w[i][j] = w[j][i] = Math.max(0, (s[i][j] + s[j][i]) / 2);
        boolean[] side = bisect(w);
        if (side == null) return null;
        double ncut = ncut(w, side);
        int a = 0;
        for (boolean b : side) if (b) a++;
        if (ncut >= MAX_NCUT || Math.min(a, n - a) < MIN_SIDE) return null;

        // The side of the event's first report keeps the event; reports beyond the compared ones stay.
        boolean firstSide = side[0];
        List<AnalyzedReport> stay = new ArrayList<>(), leave = new ArrayList<>();
        Set<String> leaving = new HashSet<>();
        for (int i = 0; i < n; i++) if (side[i] != firstSide) leaving.add(rs.get(i).report().id());
        for (AnalyzedReport r : reports) (leaving.contains(r.report().id()) ? leave : stay).add(r);
        double within = 0, across = 0;
        int nw = 0, na = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = (s[i][j] + s[j][i]) / 2;
                if (side[i] == side[j]) { within += v; nw++; } else { across += v; na++; }
            }
        }
        within /= Math.max(1, nw);
        across /= Math.max(1, na);
        String reason = String.format(Locale.ROOT,
                "%s: its %d reports form two stories (%d and %d reports; normalised cut %.2f < %.2f;"
                        + " reports match %.2f within a story and %.2f across)",
                SPLIT_REASON, reports.size(), stay.size(), leave.size(), ncut, MAX_NCUT, within, across);
        return new Split(List.copyOf(stay), List.copyOf(leave), ncut, within, across, reason);
    }

    /** The sign of the Fiedler vector of the normalised Laplacian, cut where the normalised cut is least. */
    static boolean[] bisect(double[][] w) {
        int n = w.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) d[i] += w[i][j];
        for (int i = 0; i < n; i++) if (d[i] <= 1e-12) d[i] = 1e-12;
        // M = D^-1/2 W D^-1/2: the Laplacian's second smallest eigenvector is M's second largest.
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i][j] = w[i][j] / Math.sqrt(d[i] * d[j]);
        double[][] vec = new double[n][n];
        double[] val = jacobi(m, vec);
        Integer[] byValue = new Integer[n];
        for (int i = 0; i < n; i++) byValue[i] = i;
        Arrays.sort(byValue, (x, y) -> Double.compare(val[y], val[x]));
        int k = byValue[1];
        double[] f = new double[n];
        for (int i = 0; i < n; i++) f[i] = vec[i][k] / Math.sqrt(d[i]);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> f[x] != f[y] ? Double.compare(f[x], f[y]) : Integer.compare(x, y));
        boolean[] best = null;
        double bestCut = Double.POSITIVE_INFINITY;
        boolean[] side = new boolean[n];
        for (int c = 0; c < n - 1; c++) {
            side[order[c]] = true;
            double v = ncut(w, side);
            if (v < bestCut) {
                bestCut = v;
                best = side.clone();
            }
        }
        return best;
    }

    static double ncut(double[][] w, boolean[] side) {
        double cut = 0, volA = 0, volB = 0;
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                if (side[i]) volA += w[i][j]; else volB += w[i][j];
                if (side[i] && !side[j]) cut += w[i][j];
            }
        }
        if (volA <= 0 || volB <= 0) return Double.POSITIVE_INFINITY;
        return cut / volA + cut / volB;
    }

    /** Eigenvalues of a symmetric matrix by cyclic Jacobi rotations; eigenvectors in the columns of {@code v}. */
    static double[] jacobi(double[][] input, double[][] v) {
        int n = input.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) a[i] = input[i].clone();
        for (int i = 0; i < n; i++) { Arrays.fill(v[i], 0); v[i][i] = 1; }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p][q] * a[p][q];
            if (off < 1e-22) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) continue;
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i][i];
        return values;
    }
}
