package org.sitrep.geoparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sitrep.model.EventLocation;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;

/** A source's own coordinates keep their point and take the name of the town the text names beside them. */
class SourcePointTest {
    static final EventLocation MAARAT_MISRIN = new EventLocation(new GeoPoint(36.0138, 36.6778), LocationPrecision.EXACT,
            "Maarat Misrin", 168000L, "SY", "the most specific place the report keeps to");

    @Test
    void aPointInTheTownTheTextNamesTakesItsNameButNotItsId() {
        EventLocation l = GazetteerGeoparser.sourcePoint(new GeoPoint(36.012, 36.673), MAARAT_MISRIN);
        assertEquals(new GeoPoint(36.012, 36.673), l.point());
        assertEquals("Maarat Misrin", l.name());
        assertNull(l.geonameId(), "still the source's point, not the gazetteer entry");
        assertEquals("SY", l.countryCode());
        assertTrue(l.reason().contains("0.5 km from Maarat Misrin"), l.reason());
    }

    @Test
    void aPointFarFromTheNamedTownOrATextWithoutAPlaceStaysUnnamed() {
        assertNull(GazetteerGeoparser.sourcePoint(new GeoPoint(36.178, 36.715), MAARAT_MISRIN).name(), "Sarmada is 19 km off");
        assertNull(GazetteerGeoparser.sourcePoint(new GeoPoint(36.012, 36.673), null).name());
        EventLocation province = new EventLocation(new GeoPoint(35.9, 36.6), LocationPrecision.PROVINCE, "Idlib Governorate", 169388L, "SY", "");
        assertNull(GazetteerGeoparser.sourcePoint(new GeoPoint(35.93, 36.63), province).name(), "a province is no name for a point");
    }
}
