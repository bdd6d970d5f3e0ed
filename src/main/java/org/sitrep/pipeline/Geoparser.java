package org.sitrep.pipeline;

import org.sitrep.model.EventLocation;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Report;
import org.sitrep.model.Source;

/**
 * Stage 2: finds the places in a report and chooses its event location. Implementations must be
 * thread-safe and do no I/O per call (the gazetteer is loaded before).
 */
public interface Geoparser {
    Geoparse parse(Report report, Source source);

    /**
     * Uses only coordinates that the source attached to the report (GeoRSS, a pushed lat/lon); a
     * report without them stays unlocated. The fallback when no gazetteer is installed.
     */
    Geoparser SOURCE_COORDINATES_ONLY = (report, source) -> report.point() == null ? Geoparse.NONE
            : new Geoparse(java.util.List.of(), new EventLocation(report.point(), LocationPrecision.EXACT,
                    null, null, null, "coordinates given by the source"));
}
