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
