package org.sitrep.pipeline;

import java.util.List;
import org.sitrep.model.Event;

/** An existing event offered to the clusterer, with the analysed reports it is made of. */
public record EventCandidate(Event event, List<AnalyzedReport> reports) {
    public EventCandidate {
        reports = reports == null ? List.of() : List.copyOf(reports);
    }
}
