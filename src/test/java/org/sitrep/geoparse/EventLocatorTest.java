package org.sitrep.geoparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    static final Place MAADAN = new Place(30, "Ma‘dān", new GeoPoint(35.75, 39.61), "P", "PPLA3", "SY", "04", "", 15_000);
    static final Place RAQQA = new Place(31, "Ar Raqqah", new GeoPoint(35.95, 39.01), "P", "PPLA", "SY", "04", "", 177_000);
    static final Place YAOUNDE = new Place(32, "Yaoundé", new GeoPoint(3.87, 11.52), "P", "PPLC", "CM", "11", "", 2_500_000);
    static final Place CENTRE_US = new Place(33, "Centre", new GeoPoint(34.15, -85.68), "P", "PPLA2", "US", "AL", "", 3_500);
    static final Place MAJZAR = new Place(34, "Majzar", new GeoPoint(15.82, 44.87), "P", "PPLA2", "YE", "26", "", 0);
    static final Place MARIB = new Place(35, "Ma'rib", new GeoPoint(15.46, 45.33), "P", "PPLA", "YE", "26", "", 16_000);
    static final Place KABUL = new Place(36, "Kabul", new GeoPoint(34.53, 69.17), "P", "PPLC", "AF", "13", "", 3_000_000);
    static final Place JALALABAD = new Place(37, "Jalālābād", new GeoPoint(34.43, 70.45), "P", "PPLA", "AF", "18", "", 200_000);
    static final Place SUROBI = new Place(38, "Sarōbī", new GeoPoint(34.59, 69.76), "P", "PPLA2", "AF", "13", "", 0);
    static final Place NANGARHAR = new Place(39, "Nangarhar", new GeoPoint(34.25, 70.50), "A", "ADM1", "AF", "18", "", 0);
    static final Place TALAS = new Place(40, "Talas", new GeoPoint(38.69, 35.55), "P", "PPLA2", "TR", "38", "", 100_000);
    static final Place KAYSERI = new Place(41, "Kayseri", new GeoPoint(38.73, 35.49), "P", "PPLA", "TR", "38", "", 1_000_000);
    static final Place ISTANBUL = new Place(42, "Istanbul", new GeoPoint(41.01, 28.95), "P", "PPLA", "TR", "34", "", 14_800_000);
    static final Place PUNO = new Place(43, "Puno", new GeoPoint(-15.84, -70.02), "P", "PPLA", "PE", "21", "", 116_000);
    static final Place LIMA = new Place(44, "Lima", new GeoPoint(-12.04, -77.03), "P", "PPLC", "PE", "15", "", 7_700_000);
    static final Place KANNIYAKUMARI = new Place(45, "Kanniyākumāri", new GeoPoint(8.08, 77.54), "P", "PPL", "IN", "25", "", 20_000);
    static final Place TENNESSEE = new Place(46, "Tennessee", new GeoPoint(35.75, -86.25), "A", "ADM1", "US", "TN", "", 6_000_000);
    static final Place HAYS = new Place(47, "Ḩays", new GeoPoint(13.93, 43.48), "P", "PPLA2", "YE", "08", "", 0);
    static final Place YEMEN = new Place(48, "Yemen", new GeoPoint(15.5, 47.5), "A", "PCLI", "YE", "00", "", 28_000_000);
    static final Place HUDAYDAH = new Place(49, "Al Ḩudaydah", new GeoPoint(14.80, 42.95), "P", "PPLA", "YE", "08", "", 617_000);

    static final Place LUCKNOW = new Place(50, "Lucknow", new GeoPoint(26.85, 80.92), "P", "PPLA", "IN", "36", "", 2_500_000);
    static final Place VIKASNAGAR = new Place(51, "Vikāsnagar", new GeoPoint(30.47, 77.77), "P", "PPL", "IN", "39", "", 13_000);
    static final Place SIDON = new Place(52, "Sidon", new GeoPoint(33.56, 35.37), "P", "PPLA", "LB", "06", "", 163_000);
    static final Place LIBAN_CZ = new Place(53, "Libáň", new GeoPoint(50.38, 15.22), "P", "PPL", "CZ", "82", "", 1_700);
    static final Place THOR_AT = new Place(54, "Thor", new GeoPoint(47.20, 14.90), "P", "PPL", "AT", "06", "", 600);
    static final Place THIES = new Place(55, "Thiès", new GeoPoint(14.79, -16.93), "P", "PPLA2", "SN", "15", "", 320_000);
    static final Place HINCHE = new Place(56, "Hinche", new GeoPoint(19.15, -72.02), "P", "PPLA", "HT", "02", "", 50_000);

    static final Place ISLAMABAD = new Place(57, "Islamabad", new GeoPoint(33.72, 73.04), "P", "PPLC", "PK", "08", "", 1_000_000);
    static final Place LAGHMAN = new Place(58, "Laghman", new GeoPoint(34.75, 70.25), "A", "ADM1", "AF", "35", "", 0);

    static final Place BRUS_LAGUNA = new Place(59, "Brus Laguna", new GeoPoint(15.75, -84.48), "P", "PPL", "HN", "06", "", 3_000);
    static final Place GRACIAS = new Place(60, "Gracias", new GeoPoint(14.59, -88.58), "P", "PPLA", "HN", "13", "", 15_000);

    static final Place DONETSK = new Place(61, "Donetsk", new GeoPoint(48.02, 37.80), "P", "PPLA", "UA", "05", "", 930_000);
    static final Place UKRAINE = new Place(62, "Ukraine", new GeoPoint(49.0, 32.0), "A", "PCLI", "UA", "00", "", 44_000_000);

    static Mention at(String text, String name, int from, Place place, double confidence) {
        int start = text.indexOf(name, from);
        return new Mention(start, start + name.length(), name, place, name, confidence);
    }

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
        // the town named again on its own later ("the crowd I saw in Binnish") is still one of the listed towns
        String again = "Protests started at once in Saraqib, Ariha and Binnish. The crowd I saw in Binnish was a few hundred.";
        EventLocation seen = locate(again, "Saraqib", SARAQIB, "Ariha", ARIHA, "Binnish", BINNISH, "Binnish", BINNISH);
        assertEquals(LocationPrecision.PROVINCE, seen.precision(), seen.reason());
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

    @Test
    void aTownInTheCountrysideOfAProvinceWrittenWithItsArticleIsNested() {
        // "Ar-Raqqa" is found as "Raqqa"; the town named first, found by its spelling with less confidence, still wins
        String text = "Military police brought reinforcements to the town of Maadan in the south-eastern countryside of Ar-Raqqa.";
        EventLocation loc = EventLocator.choose(text, 0, List.of(at(text, "Maadan", 0, MAADAN, 0.6), at(text, "Raqqa", 0, RAQQA, 1.0)));
        assertEquals(MAADAN.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void aCapitalCalledACityIsAPlaceNotAGovernment() {
        String text = "Prisoners demonstrated in the central prison of Yaounde city (Mfoundi, Centre) over the risk of infection.";
        EventLocation loc = EventLocator.choose(text, 0, List.of(at(text, "Yaounde", 0, YAOUNDE, 1.0), at(text, "Centre", 0, CENTRE_US, 0.92)));
        assertEquals(YAOUNDE.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void aDistrictPlacedRelativeToATownIsWhereItHappened() {
        String text = "Five air raids were reported on Majzar district west of Marib city (Marib) with no casualties.";
        EventLocation loc = locate(text, "Majzar", MAJZAR, "Marib", MARIB, "Marib", MARIB);
        assertEquals(MAJZAR.geonameId(), loc.geonameId(), loc.reason());
        assertEquals(LocationPrecision.DISTRICT, loc.precision());
    }

    @Test
    void theTownsARoadIsNamedAfterGiveWayToAPlaceOnIt() {
        EventLocation on = locate("Gunmen ambushed a fuel truck on the Kabul-Jalalabad highway near Surobi on Sunday.",
                "Kabul", KABUL, "Jalalabad", JALALABAD, "Surobi", SUROBI);
        assertEquals(SUROBI.geonameId(), on.geonameId(), on.reason());
        assertTrue(on.reason().contains("Surobi") || on.name().equals(SUROBI.name()));
        // the road's province is no better than the road's towns
        EventLocation province = locate("Gunmen ambushed a fuel truck on the Kabul - Jalalabad highway in Nangarhar on Sunday.",
                "Kabul", KABUL, "Jalalabad", JALALABAD, "Nangarhar", NANGARHAR);
        assertTrue(province.geonameId() == KABUL.geonameId() || province.geonameId() == JALALABAD.geonameId(), province.reason());
    }

    @Test
    void aTownOutsideTheProvinceTheReportNamesIsNotWhereItHappened() {
        String text = "On 8 May, residents of a neighbourhood of Talas, Kayseri protested against the burial of a singer whose body arrived from Istanbul.";
        EventLocation loc = EventLocator.choose(text, 0, List.of(at(text, "Talas", 0, TALAS, 0.95), at(text, "Kayseri", 0, KAYSERI, 1.0),
                at(text, "Istanbul", 0, ISTANBUL, 1.0)));
        assertEquals(TALAS.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void theFirstPlaceTheReportPutsTheEventInWinsATie() {
        String text = "On 29 April, in Puno city, residents banged pots against the return of workers stuck in Lima by the lockdown.";
        EventLocation loc = EventLocator.choose(text, 0, List.of(at(text, "Puno", 0, PUNO, 0.9), at(text, "Lima", 0, LIMA, 1.0)));
        assertEquals(PUNO.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void anAbbreviatedQualifierReadAbroadDoesNotOverruleTheNamedTown() {
        String text = "Members of the party held a protest in Kanyakumari district (Kanyakumari, TN) against the reopening of liquor shops.";
        EventLocation loc = locate(text, "Kanyakumari", KANNIYAKUMARI, "Kanyakumari", KANNIYAKUMARI, "TN", TENNESSEE);
        assertEquals(KANNIYAKUMARI.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void aBracketAfterTheCountryQualifiesTheDistrictBeforeIt() {
        String text = "Militiamen fired mortars at houses in Hays district in western Yemen (Al Hudaydah), residents said.";
        EventLocation loc = locate(text, "Hays", HAYS, "Yemen", YEMEN, "Al Hudaydah", HUDAYDAH);
        assertEquals(HAYS.geonameId(), loc.geonameId(), loc.reason());
        assertEquals(LocationPrecision.DISTRICT, loc.precision());
    }

    @Test
    void theFirstPlaceTheEventIsPutInWinsOverWhereItsPeopleCameFrom() {
        String text = "Residents of Vikasnagar staged a protest in Lucknow city against a quarantine centre near their school.";
        EventLocation loc = EventLocator.choose(text, 0, List.of(at(text, "Vikasnagar", 0, VIKASNAGAR, 1.0), at(text, "Lucknow", 0, LUCKNOW, 1.0)));
        assertEquals(LUCKNOW.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void aTownsNameInsideAStreetOrBuildingNameIsNotWhereItHappened() {
        String text = "Rioters threw stones at the Banque du Liban branch in Sidon on Tuesday night.";
        EventLocation loc = EventLocator.choose(text, 0, List.of(at(text, "Liban", 0, LIBAN_CZ, 1.0), at(text, "Sidon", 0, SIDON, 1.0)));
        assertEquals(SIDON.geonameId(), loc.geonameId(), loc.reason());
    }

    @Test
    void aVillageReadAbroadBesideItsQualifierGivesWayToIt() {
        String text = "Villagers threw stones at a health centre in Thor village, Thies department, over a quarantine order.";
        EventLocation loc = EventLocator.choose(text, 0, List.of(at(text, "Thor", 0, THOR_AT, 1.0), at(text, "Thies", 0, THIES, 1.0)));
        assertEquals(THIES.geonameId(), loc.geonameId(), loc.reason());
        assertTrue(loc.precision() != LocationPrecision.EXACT, "somewhere in the department, not at its seat");
        // not when the qualifier is the less certain reading: "Centre" read as a town in the US
        String hinche = "In Hinche, Centre, teachers occupied an office of the ministry over unpaid salaries.";
        EventLocation kept = EventLocator.choose(hinche, 0, List.of(at(hinche, "Hinche", 0, HINCHE, 1.0), at(hinche, "Centre", 0, CENTRE_US, 0.92)));
        assertEquals(HINCHE.geonameId(), kept.geonameId(), kept.reason());
    }

    @Test
    void whereAConvoyCameFromIsNotWhereItWasAttacked() {
        String text = "Militants attacked a convoy travelling from Kabul city near Surobi on Sunday.";
        EventLocation loc = EventLocator.choose(text, 0, List.of(at(text, "Kabul", 0, KABUL, 1.0), at(text, "Surobi", 0, SUROBI, 0.9)));
        assertEquals(SUROBI.geonameId(), loc.geonameId(), loc.reason());
        // a stretch from one town to another is not an origin
        String stretch = "Warplanes struck positions in the area stretching from Surobi to Jalalabad, Nangarhar.";
        EventLocation range = EventLocator.choose(stretch, 0, List.of(at(stretch, "Surobi", 0, SUROBI, 1.0), at(stretch, "Jalalabad", 0, JALALABAD, 1.0),
                at(stretch, "Nangarhar", 0, NANGARHAR, 1.0)));
        assertTrue(range.reason().indexOf("came from") < 0, range.reason());
    }

    @Test
    void anAreaOfADistrictTheGazetteerLacksStillNestsInTheProvince() {
        // the district between them is not in the gazetteer: the area named like a foreign capital is a homonym
        EventLocation loc = locate("Gunmen shot and killed a shopkeeper in the Islamabad area of Alishing district, Laghman.",
                "Islamabad", ISLAMABAD, "Laghman", LAGHMAN);
        assertEquals(LAGHMAN.geonameId(), loc.geonameId(), loc.reason());
        assertTrue(loc.reason().contains("Islamabad"), loc.reason());
    }

    @Test
    void aQualifierFoundAsTheStartOfALongerNameDoesNotOverruleThePlace() {
        // "Gracias a Dios" (a department) is found as the town Gracias, far from Brus Laguna
        EventLocation loc = locate("On Tuesday, in Brus Laguna, Gracias a Dios, soldiers destroyed a clandestine airstrip.",
                "Brus Laguna", BRUS_LAGUNA, "Gracias", GRACIAS);
        assertEquals(BRUS_LAGUNA.geonameId(), loc.geonameId(), loc.reason());
        // the whole name read as the town: the village cannot lie in it and gives way
        EventLocation whole = locate("On Tuesday, in Brus Laguna, Gracias, soldiers destroyed a clandestine airstrip.",
                "Brus Laguna", BRUS_LAGUNA, "Gracias", GRACIAS);
        assertEquals(GRACIAS.geonameId(), whole.geonameId(), whole.reason());
    }

    @Test
    void aPlaceNamedOnlyInsideAFacilitysNameSaysRoughlyWhere() {
        String text = "Monitors recorded 40 explosions near Donetsk Filtration Station overnight.";
        EventLocation loc = EventLocator.choose(text, 0, List.of(at(text, "Donetsk", 0, DONETSK, 0.1)));
        assertNotNull(loc, "named inside the station's name");
        assertEquals(DONETSK.geonameId(), loc.geonameId());
        assertEquals(LocationPrecision.DISTRICT, loc.precision(), loc.reason());
        assertTrue(loc.reason().contains("Filtration Station"), loc.reason());
        String office = "The Education Office of Donetsk closed two schools.";
        assertNotNull(EventLocator.choose(office, 0, List.of(at(office, "Donetsk", 0, DONETSK, 0.1))));
        // a news outlet's home town, a low-confidence name on its own, or a country: still unlocated
        String outlet = "The Donetsk News Agency reported shelling overnight.";
        assertNull(EventLocator.choose(outlet, 0, List.of(at(outlet, "Donetsk", 0, DONETSK, 0.1))));
        String alone = "Shelling was heard near Donetsk overnight.";
        assertNull(EventLocator.choose(alone, 0, List.of(at(alone, "Donetsk", 0, DONETSK, 0.1))));
        String country = "The Ukraine Crisis Media Center said shelling went on.";
        assertNull(EventLocator.choose(country, 0, List.of(at(country, "Ukraine", 0, UKRAINE, 0.1))));
    }
}
