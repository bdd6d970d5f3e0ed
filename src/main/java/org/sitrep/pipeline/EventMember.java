package org.sitrep.pipeline;

/** A report inside an event, with the clustering decision that put it there. */
public record EventMember(AnalyzedReport report, ClusterDecision decision) {
    public boolean isCopy() { return decision != null && decision.copyOfReportId() != null; }
}
