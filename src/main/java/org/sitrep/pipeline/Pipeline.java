package org.sitrep.pipeline;

import java.util.Objects;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.normalize.Normalizer;

/**
 * The per-report stages joined: normalise, geoparse, extract, claims. Pure: no I/O, thread-safe when
 * its stages are. Clustering and grading need the other events and run after this, in
 * {@code org.sitrep.cluster}.
 */
public final class Pipeline {
    private final Normalizer normalizer;
    private final Geoparser geoparser;
    private final Extractor extractor;
    private final ClaimExtractor claimExtractor;

    public Pipeline(Normalizer normalizer, Geoparser geoparser, Extractor extractor, ClaimExtractor claimExtractor) {
        this.normalizer = Objects.requireNonNull(normalizer);
        this.geoparser = Objects.requireNonNull(geoparser);
        this.extractor = Objects.requireNonNull(extractor);
        this.claimExtractor = Objects.requireNonNull(claimExtractor);
    }

    public AnalyzedReport analyze(Report raw, Source source) {
        Report report = normalizer.normalize(raw);
        Geoparse geo = geoparser.parse(report, source);
        Extraction ex = extractor.extract(report, geo);
        return new AnalyzedReport(report, geo, ex, claimExtractor.claims(report, ex));
    }

    public Geoparser geoparser() { return geoparser; }
}
