package org.sitrep.model;

import java.util.Objects;

/**
 * Where an event happened, how precisely, and why this place was chosen.
 *
 * @param geonameId the gazetteer entry, or null when the point came from the source's own coordinates
 * @param reason    a sentence for the analyst, e.g. "first place named in the lead, in the province the text names"
 */
public record EventLocation(GeoPoint point, LocationPrecision precision, String name, Long geonameId,
                            String countryCode, String reason) {
    public EventLocation {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(precision, "precision");
    }
}
