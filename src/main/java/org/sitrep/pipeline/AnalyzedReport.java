package org.sitrep.pipeline;

import java.util.List;
import org.sitrep.model.Claim;
import org.sitrep.model.Report;

/** A report after the per-report stages: the input of clustering. Immutable. */
public record AnalyzedReport(Report report, Geoparse geoparse, Extraction extraction, List<Claim> claims) {
    public AnalyzedReport {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }
}
