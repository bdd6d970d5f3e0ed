package org.sitrep.pipeline;

import org.sitrep.model.Report;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;

/** Stage 3: types the event and extracts actors, fatalities, means, time and location. Thread-safe. */
public interface Extractor {
    Extraction extract(Report report, Geoparse geoparse);

    /**
     * Classifies nothing: the event is "Unclassified", timed at publication with unknown precision,
     * located where the geoparser said.
     */
    Extractor UNCLASSIFIED = (report, geo) -> new Extraction(null, null, null, null, null, null,
            TimeWindow.at(report.publishedAt(), TimePrecision.UNKNOWN), geo.eventLocation(), 0);
}
