package org.sitrep.model;

/**
 * A gazetteer entry (GeoNames or the project's supplement).
 *
 * @param geonameId   GeoNames id; supplement entries use negative ids
 * @param name        preferred (English/ASCII) name
 * @param point       WGS84 coordinate
 * @param featureClass GeoNames feature class (P populated place, A admin area, S spot, ...)
 * @param featureCode  GeoNames feature code (PPLA, ADM1, AIRB, ...)
 * @param countryCode ISO 3166-1 alpha-2
 * @param admin1      admin1 code (GeoNames), may be empty
 * @param admin2      admin2 code, may be empty
 * @param population  population, 0 when unknown
 */
public record Place(long geonameId, String name, GeoPoint point, String featureClass, String featureCode,
                    String countryCode, String admin1, String admin2, long population) {
    public Place {
        featureClass = featureClass == null ? "" : featureClass;
        featureCode = featureCode == null ? "" : featureCode;
        countryCode = countryCode == null ? "" : countryCode;
        admin1 = admin1 == null ? "" : admin1;
        admin2 = admin2 == null ? "" : admin2;
    }
}
