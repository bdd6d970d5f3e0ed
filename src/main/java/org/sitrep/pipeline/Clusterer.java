package org.sitrep.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * Stage 5: online clustering. For each incoming report the caller fetches the candidates that
 * {@link #candidateQuery} asks for and then asks {@link #assign}. Pure: it sees only what it is given.
 * Implementations must be thread-safe.
 */
public interface Clusterer {
    CandidateQuery candidateQuery(AnalyzedReport report);

    ClusterDecision assign(AnalyzedReport report, List<EventCandidate> candidates);

    /**
     * Like {@link #assign(AnalyzedReport, List)}, but obeying analysts' earlier decisions about this
     * report: it joins {@code mustJoin} when set, and never joins an event in {@code mustNotJoin}.
     */
    default ClusterDecision assign(AnalyzedReport report, List<EventCandidate> candidates, AnalystConstraints constraints) {
        if (constraints == null || constraints.isEmpty()) return assign(report, candidates);
        if (constraints.mustJoin() != null) {
            return new ClusterDecision(constraints.mustJoin(), 1.0,
                    List.of("an analyst placed this report in event " + constraints.mustJoin()), null);
        }
        List<EventCandidate> allowed = candidates.stream()
                .filter(c -> !constraints.mustNotJoin().contains(c.event().id())).toList();
        ClusterDecision d = assign(report, allowed);
        if (allowed.size() == candidates.size()) return d;
        var reasons = new java.util.ArrayList<>(d.reasons());
        reasons.add("analysts removed this report from " + String.join(", ", constraints.mustNotJoin())
                + "; not considered");
        return new ClusterDecision(d.eventId(), d.score(), reasons, d.copyOfReportId());
    }

    /** Every report is its own event. */
    Clusterer SINGLETONS = new Clusterer() {
        @Override public CandidateQuery candidateQuery(AnalyzedReport r) {
            var t = r.report().publishedAt();
            return new CandidateQuery(t, t.plus(Duration.ofMillis(1)), null, 0, 0);
        }
        @Override public ClusterDecision assign(AnalyzedReport r, List<EventCandidate> c) {
            return ClusterDecision.newEvent("clustering disabled: every report is its own event");
        }
    };
}
