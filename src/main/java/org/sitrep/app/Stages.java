package org.sitrep.app;

import org.sitrep.claims.AttributedClaimExtractor;
import org.sitrep.cluster.OnlineClusterer;
import org.sitrep.extract.EventExtractor;
import org.sitrep.geoparse.Geoparsers;
import org.sitrep.pipeline.ClaimExtractor;
import org.sitrep.pipeline.Clusterer;
import org.sitrep.pipeline.Extractor;
import org.sitrep.pipeline.Geoparser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Which implementation runs at each pipeline stage. Decided here once for serve, ingest, demo and tests. */
public record Stages(Geoparser geoparser, Extractor extractor, ClaimExtractor claims, Clusterer clusterer) {
    private static final Logger log = LoggerFactory.getLogger(Stages.class);

    /** The shipped stages with the given geoparser. */
    public static Stages standard(Geoparser geoparser) {
        return new Stages(geoparser, EventExtractor.loadDefault(), new AttributedClaimExtractor(), new OnlineClusterer());
    }

    /**
     * The shipped stages with the default gazetteer, installed on first use. Without it (offline, no
     * disk) Sitrep still runs: events are then located only where the source gave coordinates, and the
     * warning says how to install the gazetteer.
     */
    public static Stages standard() {
        return standard(defaultGeoparser());
    }

    static Geoparser defaultGeoparser() {
        try {
            return Geoparsers.loadDefault();
        } catch (Geoparsers.GazetteerUnavailableException e) {
            log.warn("place names will not be recognised: {}. Until then, events are located only where the source "
                    + "gave coordinates.", e.getMessage());
            return Geoparser.SOURCE_COORDINATES_ONLY;
        }
    }
}
