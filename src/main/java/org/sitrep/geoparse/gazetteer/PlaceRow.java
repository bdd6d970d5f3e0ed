package org.sitrep.geoparse.gazetteer;

import java.util.List;

/** One gazetteer entry while an index is being built (mutable admin codes: the supplement fills them in). */
final class PlaceRow {
    final long id;
    final String name;
    final double lat, lon;
    final String featureClass, featureCode, countryCode;
    String admin1, admin2;
    final long population;
    final List<String> names;

    PlaceRow(long id, String name, double lat, double lon, String featureClass, String featureCode,
             String countryCode, String admin1, String admin2, long population, List<String> names) {
        this.id = id;
        this.name = name;
        this.lat = lat;
        this.lon = lon;
        this.featureClass = featureClass;
        this.featureCode = featureCode;
        this.countryCode = countryCode;
        this.admin1 = admin1;
        this.admin2 = admin2;
        this.population = population;
        this.names = names;
    }
}
