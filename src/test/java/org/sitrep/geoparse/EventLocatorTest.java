package org.sitrep.geoparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.model.EventLocation;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Mention;
import org.sitrep.model.Place;

/**
 * The event-location choice over mentions as the resolver returns them (places written here with their
 * GeoNames-style codes and approximate coordinates, so each case shows one rule without a gazetteer).
 * Sentences written for these tests.
 */
class EventLocatorTest {
    static final Place GELAN = new Place(1, "Gelan", new GeoPoint(32.70, 67.65), "P", "PPLA2", "AF", "08", "", 0);
    static final Place GHAZNI = new Place(2, "Ghazni", new GeoPoint(33.55, 68.42), "P", "PPLA", "AF", "08", "", 141_000);
    /** A village in Kazakhstan: what "Chardara" resolves to when the Afghan district is not in the gazetteer. */
    static final Place CHARDARA_KZ = new Place(3, "Chardara", new GeoPoint(41.25, 67.97), "P", "PPL", "KZ", "10", "", 1_500);
    static final Place KUNDUZ = new Place(4, "Kunduz", new GeoPoint(36.73, 68.86), "P", "PPLA", "AF", "24", "", 161_000);
    static final Place LAHORE = new Place(5, "Lahore", new GeoPoint(31.56, 74.35), "P", "PPLA", "PK", "04", "", 6_300_000);
    static final Place PUNJAB_IN = new Place(6, "Punjab", new GeoPoint(30.84, 75.42), "A", "ADM1", "IN", "23", "", 30_000_000);
    static final Place SAVAR_SE = new Place(7, "Sävar", new GeoPoint(63.90, 20.55), "P", "PPL", "SE", "14", "", 3_000);
    static final Place MORELIA = new Place(9, "Morelia", new GeoPoint(19.70, -101.18), "P", "PPLA", "MX", "16", "", 597_000);
    /** A village named like the state, 1,000 km away: how "Michoacan" resolves when the state is not in the gazetteer. */
    static final Place MICHOACAN_VILLAGE = new Place(10, "Michoacán", new GeoPoint(26.60, -108.90), "P", "PPL", "MX", "25", "", 0);
    static final Place TEGUCIGALPA = new Place(11, "Tegucigalpa", new GeoPoint(14.08, -87.21), "P", "PPLC", "HN", "08", "", 850_000);
    /** A Mexican village: what "El Diamante", a neighbourhood of Tegucigalpa, resolves to. */
    static final Place EL_DIAMANTE_MX = new Place(12, "El Diamante", new GeoPoint(16.90, -92.20), "P", "PPL", "MX", "05", "", 600);
    static final Place GARCIA = new Place(13, "García", new GeoPoint(25.81, -100.59), "P", "PPLA2", "MX", "19", "", 150_000);
    static final Place NUEVO_LEON_VILLAGE = new Place(14, "Nuevo León", new GeoPoint(27.50, -99.60), "P", "PPL", "MX", "28", "", 900);
    static final Place CAPELLANIA_PA = new Place(15, "Capellanía", new GeoPoint(8.30, -80.55), "P", "PPLA3", "PA", "02", "", 1_500);
    static final Place ALEPPO = new Place(26, "Aleppo", new GeoPoint(36.20, 37.16), "P", "PPLA", "SY", "09", "", 1_600_000);
    static final Place JISR = new Place(28, "Jisr ash-Shughur", new GeoPoint(35.81, 36.32), "P", "PPLA2", "SY", "12", "", 44_000);
    static final Place IDLIB = new Place(29, "Idlib", new GeoPoint(35.93, 36.63), "P", "PPLA", "SY", "12", "", 165_000);
    static final Place DARAT_IZZA = new Place(27, "Darat Izza", new GeoPoint(36.28, 36.85), "P", "PPLA3", "SY", "09", "", 10_000);
    /** A large Indonesian town: what "Tuban", a Yemeni district the gazetteer lacks, resolves to. */
    static final Place TUBAN_ID = new Place(16, "Tuban", new GeoPoint(-6.90, 112.05), "P", "PPLA2", "ID", "08", "", 150_000);
    static final Place LAHIJ = new Place(17, "Lahij", new GeoPoint(13.06, 44.88), "P", "PPLA", "YE", "24", "", 23_000);
    /** India's city, for "Ahmadabad district" of Afghanistan's Paktia. */
    static final Place AHMEDABAD_IN = new Place(18, "Ahmedabad", new GeoPoint(23.03, 72.58), "P", "PPLA2", "IN", "09", "", 6_000_000);
    static final Place PAKTIA = new Place(19, "Paktia", new GeoPoint(33.60, 69.38), "A", "ADM1", "AF", "35", "", 0);
    static final Place SARAQIB = new Place(30, "Saraqib", new GeoPoint(35.86, 36.80), "P", "PPLA2", "SY", "12", "", 32_000);
    static final Place ARIHA = new Place(31, "Ariha", new GeoPoint(35.81, 36.61), "P", "PPLA2", "SY", "12", "", 40_000);
    static final Place BINNISH = new Place(32, "Binnish", new GeoPoint(35.96, 36.71), "P", "PPLA3", "SY", "12", "", 21_000);
    static final Place IDLIB_PROVINCE = new Place(33, "Idlib Governorate", new GeoPoint(35.80, 36.60), "A", "ADM1", "SY", "12", "", 1_500_000);
    static final Place JABAL_AL_ZAWIYA = new Place(-1000139, "Jabal al-Zawiya", new GeoPoint(35.70, 36.56), "L", "AREA", "SY", "12", "", 0);
    static final Place DHAKA = new Place(8, "Dhaka", new GeoPoint(23.71, 90.41), "P", "PPLC", "BD", "81", "", 10_000_000);

    static EventLocation locate(String text, Object... spans) {
        List<Mention> ms = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < spans.length; i += 2) {
            String name = (String) spans[i];
            int start = text.indexOf(name, from);
            ms.add(new Mention(start, start + name.length(), name, (Place) spans[i + 1], name, 1.0));
            from = start + name.length();
        }
        return EventLocator.choose(text, 0, ms);
    }

    @Test
    void theDistrictNamedFirstWinsOverTheProvinceThatQualifiesIt() {
        EventLocation loc = locate("On 17 March, a soldier was killed in an attack on a check point in Gelan district, Ghazni.",
                "Gelan", GELAN, "Ghazni", GHAZNI);
        assertEquals(GELAN.geonameId(), loc.geonameId(), loc.reason());
        assertEquals(LocationPrecision.DISTRICT, loc.precision(), "'Gelan district' is the district, pinned at its seat");
    }

    @Test
    void aHomonymAbroadFallsBackToTheQualifierWithCoarserPrecision() {
        EventLocation loc = locate("On 12 March, a soldier was killed in an attack in Chardara district, Kunduz.",
                "Chardara", CHARDARA_KZ, "Kunduz", KUNDUZ);
        assertEquals(KUNDUZ.geonameId(), loc.geonameId(), loc.reason());
        assertEquals(LocationPrecision.DISTRICT, loc.precision());
        assertTrue(loc.reason().contains("Chardara"), loc.reason());
    }

    @Test
    void theSameFallbackInsideBrackets() {
        EventLocation loc = locate("Transport workers blocked the highway in Savar city (Savar, Dhaka) demanding food relief.",
                "Savar", SAVAR_SE, "Savar", SAVAR_SE, "Dhaka", DHAKA);
        assertEquals(DHAKA.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void aLargeCityIsTrustedOverAQualifierResolvedElsewhere() {
        EventLocation loc = locate("Journalists protested outside the press club in Lahore, Punjab.", "Lahore", LAHORE, "Punjab", PUNJAB_IN);
        assertEquals(LAHORE.geonameId(), loc.geonameId(), loc.reason());
        assertEquals(LocationPrecision.EXACT, loc.precision());
    }

    @Test
    void aLargeForeignCityIsNotTrustedBesideATownOfAnotherCountry() {
        EventLocation loc = locate("Gunmen shot a security officer on the main road of the area (Tuban, Lahij).", "Tuban", TUBAN_ID, "Lahij", LAHIJ);
        assertEquals(LAHIJ.geonameId(), loc.geonameId(), loc.reason());
        assertEquals(LocationPrecision.DISTRICT, loc.precision());
    }

    @Test
    void aLargeForeignCityCalledADistrictOfAProvinceIsNotTrusted() {
        EventLocation loc = locate("An IED hit a police vehicle in Ahmadabad district, Paktia.", "Ahmadabad", AHMEDABAD_IN, "Paktia", PAKTIA);
        assertEquals(PAKTIA.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void aQualifierReadAsAFarVillageDoesNotWin() {
        EventLocation loc = locate("On 4 May, in Morelia, Michoacan, musicians demonstrated for food support.",
                "Morelia", MORELIA, "Michoacan", MICHOACAN_VILLAGE);
        assertEquals(MORELIA.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void aCapitalWhereItHappenedIsNotACapitalSpeaking() {
        EventLocation loc = locate("On 3 May, in Tegucigalpa, residents of El Diamante village beat a man accused of land invasion.",
                "Tegucigalpa", TEGUCIGALPA, "El Diamante", EL_DIAMANTE_MX);
        assertEquals(TEGUCIGALPA.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void aPlaceAloneInItsCountryAmongPlacesInAnotherIsAHomonym() {
        // named twice, Capellania would win on repetition alone
        EventLocation loc = locate("On 2 May, in Garcia, Nuevo Leon, armed men shot three men in Colonia Paseo de Capellania."
                        + " Residents of Capellania blocked the road.",
                "Garcia", GARCIA, "Nuevo Leon", NUEVO_LEON_VILLAGE, "Capellania", CAPELLANIA_PA, "Capellania", CAPELLANIA_PA);
        assertEquals(GARCIA.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void placesInAListAreNotNested() {
        // "Gelan, Ghazni" nests; "Ghazni and Gelan" is a list: the first-named, better-known place keeps its score
        EventLocation listed = locate("Fighting was reported in Ghazni and Gelan.", "Ghazni", GHAZNI, "Gelan", GELAN);
        EventLocation nested = locate("Fighting was reported in Gelan, Ghazni.", "Gelan", GELAN, "Ghazni", GHAZNI);
        assertEquals(GELAN.geonameId(), nested.geonameId(), nested.reason());
        assertEquals(LocationPrecision.EXACT, nested.precision());
        assertEquals(GHAZNI.geonameId(), listed.geonameId(), listed.reason());
    }

    @Test
    void aTownNamedOnlyToSayWhereTheEventIsRelativeToItIsNotTheEventLocation() {
        String text = "Two kids killed in blast west of Aleppo\n\nTwo children were killed by an explosion in Darat Izza, west of Aleppo, local media say.";
        EventLocation loc = locate(text, "Aleppo", ALEPPO, "Darat Izza", DARAT_IZZA, "Aleppo", ALEPPO);
        assertEquals(DARAT_IZZA.geonameId(), loc.geonameId(), loc.reason());
        assertEquals(LocationPrecision.EXACT, loc.precision());
        // with no other place, the reference town is the best there is, but not an exact point
        EventLocation only = locate("A roadside bomb exploded 20 km north of Aleppo on Tuesday.", "Aleppo", ALEPPO);
        assertEquals(ALEPPO.geonameId(), only.geonameId());
        assertEquals(LocationPrecision.DISTRICT, only.precision(), only.reason());
        assertTrue(only.reason().contains("north of"), only.reason());
        // a place named elsewhere in the text is not where the event is relative to the town
        EventLocation elsewhere = locate("Army units repelled an attack on a post south of Jisr al-Shughur; the attackers withdrew toward Idlib.",
                "Jisr al-Shughur", JISR, "Idlib", IDLIB);
        assertEquals(JISR.geonameId(), elsewhere.geonameId(), elsewhere.reason());
    }

    @Test
    void aReportAboutEveryTownItListsIsPlacedAtTheirProvince() {
        String text = "Protests broke out at once in Idlib city, Saraqib, Ariha and Binnish, across Idlib province, with the same chants.";
        EventLocation loc = locate(text, "Idlib", IDLIB, "Saraqib", SARAQIB, "Ariha", ARIHA, "Binnish", BINNISH, "Idlib", IDLIB_PROVINCE);
        assertEquals(IDLIB_PROVINCE.geonameId(), loc.geonameId(), loc.reason());
        assertEquals(LocationPrecision.PROVINCE, loc.precision());
        assertTrue(loc.reason().contains("4 towns"), loc.reason());
        // the province not named: the first town's point, but only province precision
        EventLocation unnamed = locate("Protests broke out in Saraqib, Ariha and Binnish on Friday.", "Saraqib", SARAQIB, "Ariha", ARIHA, "Binnish", BINNISH);
        assertEquals(LocationPrecision.PROVINCE, unnamed.precision(), unnamed.reason());
        // the same list in Arabic ("و" joined to the next word) and in Russian
        String ar = "خرجت مظاهرات في سراقب، أريحا وبنش";
        EventLocation arabic = EventLocator.choose(ar, 0, List.of(
                new Mention(ar.indexOf("سراقب"), ar.indexOf("سراقب") + 5, "سراقب", SARAQIB, "", 1.0),
                new Mention(ar.indexOf("أريحا"), ar.indexOf("أريحا") + 5, "أريحا", ARIHA, "", 1.0),
                new Mention(ar.indexOf("بنش"), ar.indexOf("بنش") + 3, "بنش", BINNISH, "", 1.0)));
        assertEquals(LocationPrecision.PROVINCE, arabic.precision(), arabic.reason());
        EventLocation russian = locate("Протесты прошли в Саракибе, Арихе и Биннише.", "Саракибе", SARAQIB, "Арихе", ARIHA, "Биннише", BINNISH);
        assertEquals(LocationPrecision.PROVINCE, russian.precision(), russian.reason());
    }

    @Test
    void twoTownsOrTownsOfDifferentProvincesAreNotAProvinceWideList() {
        EventLocation two = locate("Shelling hit Saraqib and Binnish overnight.", "Saraqib", SARAQIB, "Binnish", BINNISH);
        assertEquals(LocationPrecision.EXACT, two.precision(), two.reason());
        EventLocation apart = locate("Shelling hit Saraqib, Binnish and Darat Izza overnight.",
                "Saraqib", SARAQIB, "Binnish", BINNISH, "Darat Izza", DARAT_IZZA);
        assertEquals(LocationPrecision.EXACT, apart.precision(), apart.reason());
        // three towns in separate sentences are no list
        EventLocation sentences = locate("Shelling hit Saraqib. Later Binnish. Ariha was calm.", "Saraqib", SARAQIB, "Binnish", BINNISH, "Ariha", ARIHA);
        assertEquals(LocationPrecision.EXACT, sentences.precision(), sentences.reason());
    }

    @Test
    void aCityNamedForItsFrontOrCountrysideIsAsVagueAsItsProvince() {
        EventLocation loc = locate("Army units on the southern Idlib front responded on Friday to sources of fire in the Jabal al-Zawiya area.",
                "Idlib", IDLIB, "Jabal al-Zawiya", JABAL_AL_ZAWIYA);
        assertEquals(JABAL_AL_ZAWIYA.geonameId(), loc.geonameId(), loc.reason());
        assertEquals(LocationPrecision.DISTRICT, loc.precision(), "an area of the front");
        EventLocation countryside = locate("Shelling hit villages in the Idlib countryside.", "Idlib", IDLIB);
        assertEquals(LocationPrecision.PROVINCE, countryside.precision(), countryside.reason());
    }
}
