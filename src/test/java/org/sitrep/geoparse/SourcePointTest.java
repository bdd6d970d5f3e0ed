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
        EventLocation l = GazetteerGeoparser.sourcePoint(new GeoPoint(36.012, 36.673), MAARAT_MISRIN, java.util.List.of());
        assertEquals(new GeoPoint(36.012, 36.673), l.point());
        assertEquals("Maarat Misrin", l.name());
        assertNull(l.geonameId(), "still the source's point, not the gazetteer entry");
        assertEquals("SY", l.countryCode());
        assertTrue(l.reason().contains("0.5 km from Maarat Misrin"), l.reason());
    }

    @Test
    void aPointFarFromTheNamedTownOrATextWithoutAPlaceStaysUnnamed() {
        assertNull(GazetteerGeoparser.sourcePoint(new GeoPoint(36.178, 36.715), MAARAT_MISRIN, java.util.List.of()).name(), "Sarmada is 19 km off");
        assertNull(GazetteerGeoparser.sourcePoint(new GeoPoint(36.012, 36.673), null, java.util.List.of()).name());
        EventLocation province = new EventLocation(new GeoPoint(35.9, 36.6), LocationPrecision.PROVINCE, "Idlib Governorate", 169388L, "SY", "");
        assertNull(GazetteerGeoparser.sourcePoint(new GeoPoint(35.93, 36.63), province, java.util.List.of()).name(), "a province is no name for a point");
    }

    static final org.sitrep.model.Place ALEPPO = new org.sitrep.model.Place(170063, "Aleppo", new GeoPoint(36.20124, 37.16117), "P", "PPLA", "SY", "09", "", 1_602_264);
    static final org.sitrep.model.Place HAMDANIYA_IRAQ = new org.sitrep.model.Place(1, "Al-Hamdaniya", new GeoPoint(36.27, 43.37), "P", "PPL", "IQ", "", "", 50_000);

    @Test
    void whenTheTextPlacesTheEventElsewhereThePointTakesTheNameOfATownTheTextNamesBesideIt() {
        // "rockets fell on the al-Hamdaniya neighbourhood of Aleppo city": the neighbourhood read as Iraq's town
        var mentions = java.util.List.of(
                new org.sitrep.model.Mention(21, 33, "al-Hamdaniya", HAMDANIYA_IRAQ, "Iraq", 1.0),
                new org.sitrep.model.Mention(50, 56, "Aleppo", ALEPPO, "Syria", 1.0));
        EventLocation fromText = new EventLocation(HAMDANIYA_IRAQ.point(), LocationPrecision.EXACT, "Al-Hamdaniya", 1L, "IQ", "");
        EventLocation l = GazetteerGeoparser.sourcePoint(new GeoPoint(36.202, 37.134), fromText, mentions);
        assertEquals("Aleppo", l.name(), l.reason());
        assertEquals("SY", l.countryCode());
        assertNull(l.geonameId());
        assertTrue(l.reason().contains("which the report names"), l.reason());
        // a point 30 km from every town the text names stays unnamed
        assertNull(GazetteerGeoparser.sourcePoint(new GeoPoint(36.45, 37.0), fromText, mentions).name());
    }

    static org.sitrep.pipeline.Geoparse parseAt(java.nio.file.Path dir, String title, String text, double lat, double lon) {
        var geoparser = Geoparsers.fromGazetteer(SampleGazetteer.build(dir));
        var source = org.sitrep.model.Source.named("test");
        return geoparser.parse(new org.sitrep.model.Report(null, source.id(), null, null, title, text, null, java.time.Instant.EPOCH,
                null, null, new GeoPoint(lat, lon), null), source);
    }

    @Test
    void aPointTheGazetteerHasNoTownForTakesTheNameTheLeadGivesItInAPlaceAroundIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var g = parseAt(dir, "Protests in Qasr Nabi", "Protests erupted this afternoon in Qasr Nabi, Idlib province. Hundreds marched.", 36.05, 36.70);
        assertEquals("Qasr Nabi", g.eventLocation().name(), g.eventLocation().reason());
        assertNull(g.eventLocation().geonameId(), "a name, not a gazetteer place");
        assertEquals("SY", g.eventLocation().countryCode());
        assertTrue(g.eventLocation().reason().contains("not in the gazetteer"), g.eventLocation().reason());
    }

    @Test
    void theLeadsNameIsNotTakenForAFarPointACommonWordOrABodySentence(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // the point is 300 km from Idlib: the name is somewhere else
        assertNull(parseAt(dir, "", "Protests erupted in Qasr Nabi, Idlib province.", 33.5, 36.3).eventLocation().name());
        // a season or an ordinary word before the comma is not a town
        assertNull(parseAt(dir, "", "Shelling continued in Winter, Idlib officials said.", 36.05, 36.70).eventLocation().name());
        // only the headline and the first sentence name the event's place
        assertNull(parseAt(dir, "Protests", "Hundreds marched. Last year a rally was held in Qasr Nabi, Idlib province.", 36.05, 36.70)
                .eventLocation().name());
    }
}
