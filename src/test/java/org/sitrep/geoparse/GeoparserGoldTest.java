package org.sitrep.geoparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.model.EventLocation;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Mention;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.pipeline.Geoparse;
import org.sitrep.pipeline.Geoparser;

/**
 * Gold sentences written for Sitrep, one test each, with the GeoNames ids they must resolve to,
 * run on the small gazetteer sample in test resources (see its README).
 */
class GeoparserGoldTest {
    // GeoNames ids (cities500) and Sitrep's own ids (negative) of the expected places.
    static final long SARAQIB = 164816, IDLIB = 169389, ALEPPO = 170063, MANBIJ = 167357, BEIRUT = 276781;
    static final long KHARKIV = 706483, KYIV = 703448, KUPIANSK = 703656, KRAMATORSK = 704508, MOSCOW = 524901;
    static final long ALEXANDRIA_EGYPT = 361058, ALEXANDRIA_VIRGINIA = 4744091;
    static final long PARIS_FRANCE = 2988507, PARIS_TEXAS = 4717560;
    static final long GEORGIA_COUNTRY = 614540, GEORGIA_STATE = 4197000, TBILISI = 611717, ATLANTA = 4180439;
    static final long RICHMOND_VIRGINIA = 4781708, RICHMOND_BC = 6122085;
    static final long READING_ENGLAND = 2639577;
    static final long SYRIA = 163843, UKRAINE = 690791, SIERRA_LEONE = 2403846;
    static final long JISR_ASH_SHUGHUR = 169023, ARIHA = 172994, FERGUSON_MISSOURI = 4386387, MOORE_OKLAHOMA = 4542975;
    static final long CHINA = 1814991, BLACK_SEA = -900106, NEW_JERSEY = 5101760, TENNESSEE = 4662168, SOUTH_CAROLINA = 4597040, IVORY_COAST = 2287781, DR_CONGO = 203312;
    // US counties carry Sitrep ids: -(2,000,000 + state FIPS * 1000 + county FIPS)
    static final long LAUREL_COUNTY_KY = -2021125, BOONE_COUNTY_MO = -2029019, LONDON_KENTUCKY = 4298960, COLUMBIA_MISSOURI = 4381982;
    // first-level divisions from the iso3166-2-db sample, with their GeoNames ids
    static final long ADJARA = 615929, TELEORMAN = 665283, JERUSALEM_DISTRICT = 293198, JERUSALEM = 281184, TBILISI_CITY = 611717;
    static final long ALEXANDRIA_GOVERNORATE = 361059, MAN_IVORY_COAST = 2284647, MONTAGNES = 11153058;
    static final long HMEIMIM_AIR_BASE = -1000001, BAB_AL_HAWA = -1000009;
    static final long UNITED_STATES = 6252001, MARIETTA_GEORGIA = 4207783, TEL_AVIV = 293397, RAOUL_GEORGIA = 4217931, DOUGLAS_ISLE_OF_MAN = 3042237;
    static final long DOWNING_STREET = -1000051, TAHRIR_SQUARE = -1000084, AL_AQSA = -1000088;

    static Geoparser geoparser;

    @BeforeAll
    static void load(@TempDir Path dir) {
        geoparser = Geoparsers.fromGazetteer(SampleGazetteer.build(dir));
    }

    static Geoparse parse(String text) {
        return parse(text, Source.named("test"));
    }

    static Geoparse parse(String text, Source source) {
        return geoparser.parse(new Report(null, source.id(), null, null, "", text, null, Instant.EPOCH, null, null, null), source);
    }

    static Optional<Mention> mention(Geoparse g, String surface) {
        return g.mentions().stream().filter(m -> m.text().equals(surface)).findFirst();
    }

    static long idOf(Geoparse g, String surface) {
        return mention(g, surface).orElseThrow(() -> new AssertionError("no mention '" + surface + "' in " + g.mentions())).place().geonameId();
    }

    @Test
    void townInNamedProvinceIsTheEventLocation() {
        Geoparse g = parse("Shelling hit Saraqib in Idlib province on Tuesday, killing two civilians.");
        assertEquals(SARAQIB, idOf(g, "Saraqib"));
        assertEquals("Syria", mention(g, "Saraqib").orElseThrow().adminPath().split(" > ")[0]);
        EventLocation loc = g.eventLocation();
        assertEquals(SARAQIB, loc.geonameId());
        assertEquals(LocationPrecision.EXACT, loc.precision());
        assertFalse(loc.reason().isBlank());
    }

    @Test
    void arabicScriptWithProcliticAndArticle() {
        Geoparse g = parse("قصف مدفعي على سراقب وإدلب صباح اليوم");
        assertEquals(SARAQIB, idOf(g, "سراقب"));
        Mention idlib = g.mentions().stream().filter(m -> m.place().geonameId() == IDLIB).findFirst().orElseThrow();
        assertEquals("إدلب", idlib.text(), "the proclitic و is not part of the span");
    }

    @Test
    void russianLocativeMatchesTheBaseForm() {
        Geoparse g = parse("Ночью в Харькове прогремели взрывы.");
        assertEquals(KHARKIV, idOf(g, "Харькове"));
    }

    @Test
    void ukrainianInflectionsWithVowelAlternation() {
        Geoparse g = parse("Обстріл Харкова триває. У Києві оголосили тривогу.");
        assertEquals(KHARKIV, idOf(g, "Харкова"));
        assertEquals(KYIV, idOf(g, "Києві"));
    }

    @Test
    void transliterationVariantsMeetOnePlace() {
        assertEquals(KHARKIV, idOf(parse("Fighting near Kharkov continued."), "Kharkov"));
        assertEquals(KHARKIV, idOf(parse("Fighting near Kharkiv continued."), "Kharkiv"));
        assertEquals(IDLIB, idOf(parse("Aid convoys reached Idleb on Monday."), "Idleb"));
    }

    @Test
    void airBaseFromTheProjectSupplementInThreeSpellings() {
        assertEquals(HMEIMIM_AIR_BASE, idOf(parse("Drones were shot down near Hmeimim overnight."), "Hmeimim"));
        assertEquals(HMEIMIM_AIR_BASE, idOf(parse("Russian jets took off from Khmeimim on Friday."), "Khmeimim"));
        assertEquals(HMEIMIM_AIR_BASE, idOf(parse("An attack on Humaymim was repelled."), "Humaymim"));
        assertEquals(BAB_AL_HAWA, idOf(parse("Trucks crossed at Bab al-Hawa this morning."), "Bab al-Hawa"));
    }

    @Test
    void arabicArticleSpellingsMeetOnePlace() {
        // the gazetteer spells it "Jisr ash Shughur" and "Jisr Al-Shughour"; Jisr ez Zarqa (Israel) is also "Jisr"
        Geoparse g = parse("Government forces shelled Jisr al-Shughur and Ariha in Idlib province.");
        assertEquals(JISR_ASH_SHUGHUR, idOf(g, "Jisr al-Shughur"));
        assertEquals(ARIHA, idOf(g, "Ariha"));
        assertEquals(JISR_ASH_SHUGHUR, idOf(parse("Clashes near Jisr esh-Shughur overnight."), "Jisr esh-Shughur"));
    }

    @Test
    void partOfAnUnknownLongerNameDoesNotResolveAbroad() {
        // "Zawiya" is a Libyan city; "Jabal al-Zawiya" is a mountain area of Idlib that cities500 lacks
        Geoparse g = parse("Airstrikes hit villages in Jabal al-Zawiya, south of Idlib, and near Ariha.");
        assertEquals(IDLIB, idOf(g, "Idlib"));
        assertEquals(ARIHA, idOf(g, "Ariha"));
        assertTrue(g.mentions().stream().noneMatch(m -> m.place().countryCode().equals("LY")), () -> "resolved abroad: " + g.mentions());
        assertEquals("SY", g.eventLocation().countryCode());
    }

    @Test
    void usCountyIsADivisionNotTheTownOfThatName() {
        Geoparse g = parse("Deputies in Laurel County, Ky., arrested two men after a chase that ended in London.");
        assertEquals(LAUREL_COUNTY_KY, idOf(g, "Laurel County"));
        assertEquals("ADM2", mention(g, "Laurel County").orElseThrow().place().featureCode());
        assertEquals(LONDON_KENTUCKY, idOf(g, "London"), "the county's state and the county itself pull London to Kentucky");
    }

    @Test
    void sameNamedCountiesByStateContext() {
        Geoparse g = parse("Boone County deputies arrested a man in Columbia, Mo., on Friday.");
        assertEquals(BOONE_COUNTY_MO, idOf(g, "Boone County"));
        assertEquals(COLUMBIA_MISSOURI, idOf(g, "Columbia"));
    }

    @Test
    void aLoneSurnameIsAPersonUnlessThePlaceIsInContext() {
        assertTrue(parse("\"We remain confident,\" said Moore. Ferguson agreed with him.").mentions().isEmpty());
        assertEquals(FERGUSON_MISSOURI, idOf(parse("Ferguson police fired tear gas at protesters."), "Ferguson"));
        assertEquals(FERGUSON_MISSOURI, idOf(parse("Marches again tonight #Ferguson"), "Ferguson"));
        assertEquals(MOORE_OKLAHOMA, idOf(parse("A tornado struck Moore, Oklahoma, on Monday."), "Moore"));
        assertEquals(MOORE_OKLAHOMA, idOf(parse("A tornado struck homes in Moore on Monday."), "Moore"));
    }

    @Test
    void formalCountryNameWithPossessiveAndSeas() {
        Geoparse g = parse("The People's Republic of China sent ships into the Black Sea.");
        assertEquals(CHINA, idOf(g, "People's Republic of China"));
        assertEquals(BLACK_SEA, idOf(g, "Black Sea"));
        assertEquals(LocationPrecision.PROVINCE, mention(g, "Black Sea").map(m -> EventLocator.precision(m.place())).orElseThrow());
    }

    @Test
    void postsWriteStateCodesAndLowerCaseNames() {
        Geoparse g = parse("flooding again in NJ and TN tonight, stuck in atlanta, stay safe ukraine");
        assertEquals(NEW_JERSEY, idOf(g, "NJ"));
        assertEquals(TENNESSEE, idOf(g, "TN"));
        assertEquals(ATLANTA, idOf(g, "atlanta"));
        assertEquals(UKRAINE, idOf(g, "ukraine"));
        // postal codes that are words are not taken alone: "OK", "IN", "ME"
        assertTrue(parse("OK so we are IN the car, call ME").mentions().isEmpty());
    }

    @Test
    void placesInsideCompoundHashtags() {
        Geoparse g = parse("Night of strikes #GazaUnderAttack #PrayForSyria #TalksSun");
        Mention gaza = mention(g, "Gaza").orElseThrow();
        assertEquals("PS", gaza.place().countryCode());
        assertEquals(g.mentions().getFirst().start(), "Night of strikes #".length());
        assertEquals(SYRIA, idOf(g, "Syria"));
        assertTrue(mention(g, "Sun").isEmpty() && mention(g, "Talks").isEmpty(), () -> "words are not places: " + g.mentions());
    }

    @Test
    void capitalisedCompassWordIsPartOfTheName() {
        Geoparse g = parse("Heavy rain hit Northern Georgia and Tbilisi overnight.");
        Mention m = mention(g, "Northern Georgia").orElseThrow();
        assertEquals(GEORGIA_COUNTRY, m.place().geonameId());
        assertTrue(mention(parse("Rain hit northern Georgia and Tbilisi."), "Georgia").isPresent(), "a lower-case one is not");
    }

    @Test
    void diseasesAndWeaponModelsNamedAfterPlacesAreNotMentions() {
        Geoparse g = parse("Doctors in Atlanta confirmed West Nile virus; gunmen fired AK-47 rifles.");
        assertEquals(ATLANTA, idOf(g, "Atlanta"));
        assertEquals(1, g.mentions().size(), () -> "unexpected " + g.mentions());
    }

    @Test
    void dottedStateInitialismStandsAlone() {
        Geoparse g = parse("The S.C. Highway Patrol said the crash happened after midnight.");
        assertEquals(SOUTH_CAROLINA, idOf(g, "S.C."));
    }

    @Test
    void leadingArticleAndAWeekdayAfterAreOutsideTheName() {
        Geoparse g = parse("The Syrian Arab Republic said talks resume in Beirut Monday.");
        assertEquals(BEIRUT, idOf(g, "Beirut"));
        Geoparse h = parse("The Ukraine talks ended. Relief flights left for Georgia Sunday from Tbilisi.");
        assertEquals(GEORGIA_COUNTRY, idOf(h, "Georgia"));
    }

    @Test
    void frenchElisionAndOldCountryNames() {
        Geoparse g = parse("Cases were confirmed in Côte d'Ivoire and in the former Zaire.");
        assertEquals(IVORY_COAST, idOf(g, "Côte d'Ivoire"));
        assertEquals(DR_CONGO, idOf(g, "Zaire"));
    }

    @Test
    void aPlaceAfterALocativeBeforeSaidIsStillAPlace() {
        assertEquals(SARAQIB, idOf(parse("A volunteer working near Saraqib said the road was cut."), "Saraqib"));
        assertTrue(parse("\"We will stay,\" Saraqib said.").mentions().isEmpty(), "a town name as the speaker is a person");
    }

    @Test
    void countryRightAfterATownInAPost() {
        Geoparse g = parse("quake felt strongly in Kharkiv Ukraine tonight");
        assertEquals(KHARKIV, idOf(g, "Kharkiv"));
        assertEquals(UKRAINE, idOf(g, "Ukraine"));
    }

    @Test
    void alexandriaVirginiaByStateQualifier() {
        Geoparse g = parse("Police in Alexandria, Va., said the suspect fled on foot.");
        assertEquals(ALEXANDRIA_VIRGINIA, idOf(g, "Alexandria"));
        assertTrue(mention(g, "Va.").isPresent(), "the state abbreviation is a mention of its own");
    }

    @Test
    void alexandriaEgyptByDefaultAndCountryContext() {
        Geoparse g = parse("Protesters gathered in Alexandria, Egypt, on Friday.");
        assertEquals(ALEXANDRIA_EGYPT, idOf(g, "Alexandria"));
    }

    @Test
    void aBigCityIsNotPulledToASmallNamesakeInTheStateOfAnotherTownNamed() {
        // Denver, Pennsylvania (3,875 people) is in Pittsburgh's state; Denver, Colorado (715,522) is the one meant.
        Geoparse g = parse("The team flew from Denver to Pittsburgh on Sunday for the playoff game.");
        assertEquals(5419384L, idOf(g, "Denver"));
        assertEquals(5206379L, idOf(g, "Pittsburgh"));
    }

    @Test
    void parisTexasByQualifierAndParisFranceOtherwise() {
        assertEquals(PARIS_TEXAS, idOf(parse("The council of Paris, Texas, voted on the budget."), "Paris"));
        assertEquals(PARIS_FRANCE, idOf(parse("Talks resumed in Paris on Monday."), "Paris"));
    }

    @Test
    void georgiaTheCountryOrTheStateFromCooccurringPlaces() {
        assertEquals(GEORGIA_COUNTRY, idOf(parse("Tbilisi is the capital of Georgia."), "Georgia"));
        assertEquals(GEORGIA_STATE, idOf(parse("Atlanta is the largest city in Georgia."), "Georgia"));
    }

    @Test
    void sourcePriorPicksTheSourcesCountry() {
        Source canadian = new Source("rss:vancouver", "Vancouver paper", "rss", null, "en", "CA", 'B', null, false);
        assertEquals(RICHMOND_BC, idOf(parse("A fire broke out in Richmond overnight.", canadian), "Richmond"));
        assertEquals(RICHMOND_VIRGINIA, idOf(parse("A fire broke out in Richmond overnight."), "Richmond"));
    }

    @Test
    void demonymsAreNotPlaces() {
        Geoparse g = parse("Russian forces shelled Kupiansk as Ukrainian troops held the line.");
        assertEquals(KUPIANSK, idOf(g, "Kupiansk"));
        assertTrue(mention(g, "Russian").isEmpty());
        assertTrue(mention(g, "Ukrainian").isEmpty());
    }

    @Test
    void outletNamedAfterAPlaceIsNotTheEventLocation() {
        Geoparse g = parse("The Aleppo Media Center reported airstrikes on Manbij.");
        assertEquals(MANBIJ, g.eventLocation().geonameId());
        mention(g, "Aleppo").ifPresent(m -> assertTrue(m.confidence() < EventLocator.MIN_CONFIDENCE,
                "a place inside an outlet's name is at most a weak mention"));
    }

    @Test
    void peoplesNamesAreNotPlaces() {
        Geoparse g = parse("Jesse Jackson spoke to reporters. Jackson said the vote mattered.");
        assertTrue(g.mentions().isEmpty(), () -> "unexpected " + g.mentions());
    }

    @Test
    void datelineIsNotTheEventLocation() {
        Geoparse g = parse("BEIRUT (Reuters) - Air strikes hit Saraqib in northwest Syria on Sunday, a monitor said.");
        assertEquals(BEIRUT, idOf(g, "BEIRUT"));
        assertEquals(SARAQIB, g.eventLocation().geonameId());
    }

    @Test
    void capitalNamedInPassingIsNotTheEventLocation() {
        Geoparse g = parse("Moscow said its forces struck Kramatorsk overnight.");
        assertEquals(MOSCOW, idOf(g, "Moscow"));
        assertEquals(KRAMATORSK, g.eventLocation().geonameId());
    }

    @Test
    void countryOnlyGivesCountryPrecision() {
        Geoparse g = parse("Ukraine reported a wave of drone attacks.");
        assertEquals(UKRAINE, g.eventLocation().geonameId());
        assertEquals(LocationPrecision.COUNTRY, g.eventLocation().precision());
    }

    @Test
    void possessiveIsOutsideTheSpan() {
        Geoparse g = parse("Syria's northwest saw heavy fighting.");
        Mention m = mention(g, "Syria").orElseThrow();
        assertEquals(SYRIA, m.place().geonameId());
        assertEquals(0, m.start());
        assertEquals(5, m.end());
    }

    @Test
    void commonWordIsAPlaceOnlyWithLocationCues() {
        assertTrue(parse("Reading the statement, the minister paused.").mentions().isEmpty());
        assertEquals(READING_ENGLAND, idOf(parse("Flooding closed roads in Reading on Monday."), "Reading"));
    }

    @Test
    void coordinatesFromTheSourceWinButMentionsAreStillFound() {
        GeoPoint given = new GeoPoint(35.93, 36.63);
        Report r = new Report(null, "test", null, null, "", "Shelling hit Saraqib on Tuesday.", null, Instant.EPOCH, null, null, given);
        Geoparse g = geoparser.parse(r, Source.named("test"));
        assertEquals(given, g.eventLocation().point());
        assertEquals(LocationPrecision.EXACT, g.eventLocation().precision());
        assertNull(g.eventLocation().geonameId());
        assertTrue(g.eventLocation().reason().contains("source"));
        assertEquals(SARAQIB, idOf(g, "Saraqib"));
    }

    @Test
    void spansAreOffsetsIntoFullTextIncludingTheTitle() {
        Report r = new Report(null, "test", null, null, "Strikes on Kharkiv", "Explosions were heard in Kyiv.", null, Instant.EPOCH, null, null, null);
        Geoparse g = geoparser.parse(r, Source.named("test"));
        for (Mention m : g.mentions()) assertEquals(m.text(), r.fullText().substring(m.start(), m.end()));
        assertEquals(List.of(KHARKIV, KYIV), g.mentions().stream().map(m -> m.place().geonameId()).toList());
        assertEquals(KHARKIV, g.eventLocation().geonameId(), "the headline's place");
    }

    @Test
    void camelCaseHashtagAndLowerCaseCountryInAPost() {
        Geoparse g = parse("Ebola cases rising again #SierraLeone, aid still stuck outside ukraine");
        assertEquals(SIERRA_LEONE, idOf(g, "SierraLeone"));
        assertEquals(UKRAINE, idOf(g, "ukraine"));
    }

    @Test
    void textWithoutPlacesHasNoEventLocation() {
        Geoparse g = parse("The committee will meet again next week to discuss the budget.");
        assertTrue(g.mentions().isEmpty());
        assertNull(g.eventLocation());
    }

    @Test
    void mentionCarriesCoordinatesFeatureCodeAndConfidence() {
        Mention m = mention(parse("Clashes were reported in Aleppo."), "Aleppo").orElseThrow();
        assertEquals(ALEPPO, m.place().geonameId());
        assertEquals("PPLA", m.place().featureCode());
        assertEquals(36.2, m.place().point().lat(), 0.1);
        assertTrue(m.confidence() > 0.5 && m.confidence() <= 1);
        assertNotNull(m.adminPath());
    }

    @Test
    void divisionOutsideSitrepsOwnTableResolvesToItsGeoNamesEntry() {
        Geoparse g = parse("Heavy rain flooded roads across Adjara on Sunday, officials in Batumi said.");
        assertEquals(ADJARA, idOf(g, "Adjara"));
        Mention adjara = mention(g, "Adjara").orElseThrow();
        assertEquals("GE", adjara.place().countryCode());
        assertTrue(Math.abs(adjara.place().point().lat() - 41.64) < 0.1, "placed among its towns (Batumi): " + adjara.place().point());
        assertEquals(TELEORMAN, idOf(parse("Farmers in Teleorman protested against the drought."), "Teleorman"));
    }

    @Test
    void divisionNamedAfterItsSeatLeavesTheBareNameToTheTown() {
        assertEquals(JERUSALEM, idOf(parse("Clashes broke out in Jerusalem on Friday."), "Jerusalem"));
        assertEquals(TBILISI_CITY, idOf(parse("Thousands marched in Tbilisi against the law."), "Tbilisi"));
        assertEquals(ALEXANDRIA_EGYPT, idOf(parse("Protesters gathered in Alexandria, Egypt, on Friday."), "Alexandria"));
        Geoparse g = parse("Floods hit the Alexandria Governorate after the storm.");
        assertTrue(g.mentions().stream().anyMatch(m -> m.place().geonameId() == ALEXANDRIA_GOVERNORATE),
                () -> "Sitrep's own row now carries the real GeoNames id: " + g.mentions());
    }

    @Test
    void divisionWhoseNameIsAnEnglishWordIsNotTakenForTheWord() {
        Geoparse g = parse("Centre forward Smith scored twice. The Central District court adjourned.");
        assertTrue(g.mentions().stream().noneMatch(m -> m.text().equals("Centre")), () -> "'Centre' is a word: " + g.mentions());
        assertEquals(MONTAGNES, idOf(parse("Fighting was reported in the Montagnes region of Ivory Coast."), "Montagnes"));
    }

    @Test
    void wordsInsideAnAccountHandleAreNotPlaces() {
        Geoparse g = parse("RT @Quad_Kharkiv: we won the game tonight, said @news_Idlib_24");
        assertTrue(g.mentions().isEmpty(), () -> "handles are accounts: " + g.mentions());
        assertEquals(KHARKIV, idOf(parse("RT @quad: shelling in Kharkiv tonight"), "Kharkiv"));
    }

    @Test
    void abbreviationWithoutItsLastDotIsStillTheCountry() {
        assertEquals(6252001, idOf(parse("Africans that will attempt 2 come 2 the U.S\u2026"), "U.S"));
    }

    @Test
    void postalCodeAfterAClockTimeIsATimeZone() {
        Geoparse g = parse("The game will be on ESPN at 6 p.m. CT from Oxford. New warnings at 10:22pm CT tonight.");
        assertTrue(g.mentions().stream().noneMatch(m -> m.text().equals("CT")), () -> "a time zone: " + g.mentions());
        assertTrue(mention(parse("Flooding closed roads in CT overnight."), "CT").isPresent(), "Connecticut without a clock time");
    }

    @Test
    void placesSideBySideAreAListNotAPersonsName() {
        Geoparse g = parse("the whole region is on fire Idlib Aleppo Beirut ..who is lighting them?");
        for (String name : List.of("Idlib", "Aleppo", "Beirut")) {
            assertTrue(mention(g, name).isPresent(), () -> name + " missing: " + g.mentions());
        }
        Geoparse person = parse("Fans cheered as Paris Hilton arrived late.");
        assertTrue(person.mentions().stream().noneMatch(m -> m.text().equals("Paris")), () -> "a person: " + person.mentions());
    }

    @Test
    void hashtagBeforeAPlaceIsNotTheFirstNameOfAPerson() {
        assertEquals(MOSCOW, idOf(parse("#TopNews Moscow police detained dozens of protesters"), "Moscow"));
    }

    @Test
    void lowerCaseTownAfterALocativeInAPost() {
        Geoparse g = parse("omg a tornado just touched down in marietta, everyone ok?");
        assertEquals(MARIETTA_GEORGIA, idOf(g, "marietta"));
        // a surname written in lower case is the town after a locative, not after "to"
        assertEquals(FERGUSON_MISSOURI, idOf(parse("still riots in ferguson tonight"), "ferguson"));
        assertTrue(parse("in response to moore's comment on friday").mentions().isEmpty());
    }

    @Test
    void lowerCaseNameOfSeveralWords() {
        assertEquals(TEL_AVIV, idOf(parse("sirens again over tel aviv, stay safe"), "tel aviv"));
        // a lower-case compass word describes the place, it is not part of its name
        Geoparse g = parse("heavy shelling in east kharkiv tonight");
        assertTrue(mention(g, "kharkiv").isPresent() && mention(g, "east kharkiv").isEmpty(), () -> "the city alone: " + g.mentions());
    }

    @Test
    void lowerCaseHashtagOpeningAPostIsNotACommonWord() {
        // its own lower-case spelling is no evidence that "atlanta" is a common word at the start of a sentence
        assertEquals(ATLANTA, idOf(parse("#atlanta What a night, the storm knocked out power everywhere"), "atlanta"));
    }

    @Test
    void seatsOfGovernmentAndLandmarksFromTheProjectSupplement() {
        assertEquals(DOWNING_STREET, idOf(parse("Protesters gathered outside Downing Street on Sunday."), "Downing Street"));
        assertEquals(TAHRIR_SQUARE, idOf(parse("Thousands filled Tahrir Square after Friday prayers."), "Tahrir Square"));
        assertEquals(AL_AQSA, idOf(parse("Police entered the Al-Aqsa Mosque compound in Jerusalem at dawn."), "Al-Aqsa Mosque"));
    }

    @Test
    void cityOfBeforeASurnameMakesItThePlace() {
        assertEquals(FERGUSON_MISSOURI, idOf(parse("The mayor of the city of Ferguson met reporters."), "Ferguson"));
    }

    @Test
    void countryBeforeAHyphenatedNameStaysAPlace() {
        assertEquals(UKRAINE, idOf(parse("Ukraine-NATO talks resumed in Brussels."), "Ukraine"));
        assertTrue(parse("Shoppers queued at Moore-Whitfield stores.").mentions().isEmpty(), "a compound name is still not a place");
    }

    @Test
    void disasterAfterASurnameMakesItTheTown() {
        assertEquals(MOORE_OKLAHOMA, idOf(parse("Survivors of the Moore tornado rebuilt their homes."), "Moore"));
        assertTrue(parse("Survivors thanked Moore for the help.").mentions().isEmpty());
    }

    @Test
    void britishSpellingOfACommonWordBeforeAPlaceIsNotAFirstName() {
        assertEquals(SYRIA, idOf(parse("Neighbouring Syria closed its border crossings on Monday."), "Syria"));
    }

    @Test
    void aLoneCommonGivenNameIsAPersonUnlessAfterALocative() {
        assertTrue(parse("Raoul missed the flight, his sister told us.").mentions().isEmpty());
        assertEquals(RAOUL_GEORGIA, idOf(parse("A tornado damaged homes in Raoul overnight."), "Raoul"));
    }

    @Test
    void givenNameNextToAPlaceNameIsAPersonOnATitleCaseLineToo() {
        Geoparse g = parse("Fans Cheer As Gwen Marietta Performs In Atlanta Tonight");
        assertTrue(mention(g, "Marietta").isEmpty(), () -> "a singer's surname: " + g.mentions());
        assertEquals(ATLANTA, idOf(g, "Atlanta"));
        assertTrue(parse("Interview: Douglas Booth and the cast talk about the film").mentions().isEmpty());
        assertEquals(DOUGLAS_ISLE_OF_MAN, idOf(parse("Ferries to Douglas were cancelled in the storm."), "Douglas"));
    }

    @Test
    void placesInsideALowerCaseHashtagRunTogether() {
        Geoparse g = parse("stay safe everyone #prayforsyria #atlantastrong #newjersey #nofilter #throwbackthursday");
        assertEquals(SYRIA, idOf(g, "syria"));
        assertEquals(ATLANTA, idOf(g, "atlanta"));
        assertEquals(NEW_JERSEY, idOf(g, "newjersey"));
        assertEquals(3, g.mentions().size(), () -> "tags without a place name have none: " + g.mentions());
        assertEquals("stay safe everyone #prayfor".length(), mention(g, "syria").orElseThrow().start());
    }

    @Test
    void shortLowerCaseNamesOfCountriesAndStates() {
        assertEquals(UNITED_STATES, idOf(parse("measles aint even common in the us"), "us"));
        assertEquals(UNITED_STATES, idOf(parse("praying for everyone #usa"), "usa"));
        assertEquals(NEW_JERSEY, idOf(parse("im from nj and we never get tornados"), "nj"));
        assertTrue(parse("she left us the keys, I left them in the car").mentions().isEmpty());
    }

    @Test
    void twoLetterCompassAbbreviationIsPartOfTheName() {
        Geoparse g = parse("Tornado watch for SW Georgia until 7am, storms already in Atlanta");
        assertEquals(GEORGIA_STATE, idOf(g, "SW Georgia"));
        assertTrue(mention(parse("Fire damages N.W. Atlanta house"), "Atlanta").isPresent(), "a dotted one stays outside");
    }

    @Test
    void fourLetterCityInALowerCaseHashtag() {
        assertEquals("PS", mention(parse("thousands marched today #gaza"), "gaza").orElseThrow().place().countryCode());
    }

    @Test
    void ampersandInsideANameIsItsAnd() {
        Geoparse g = parse("Floods cut roads across Jammu & Kashmir on Sunday.");
        assertEquals(1, g.mentions().size(), () -> "one name: " + g.mentions());
        assertEquals("Jammu & Kashmir", g.mentions().getFirst().text());
        assertEquals("Kashmir", g.mentions().getFirst().place().name());
    }
}
