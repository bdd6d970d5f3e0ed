package org.sitrep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sitrep.cluster.Reports.AL_BAB;
import static org.sitrep.cluster.Reports.ALEPPO;
import static org.sitrep.cluster.Reports.DAY;
import static org.sitrep.cluster.Reports.KHARKIV;
import static org.sitrep.cluster.Reports.LVIV;
import static org.sitrep.cluster.Reports.ODESA;
import static org.sitrep.cluster.Reports.IDLIB_PROVINCE;
import static org.sitrep.cluster.Reports.IDLIB;
import static org.sitrep.cluster.Reports.SALTIVKA_MARKET;
import static org.sitrep.cluster.Reports.SARAQIB;
import static org.sitrep.cluster.Reports.SARMIN;
import static org.sitrep.cluster.Reports.TRACTOR_PLANT;
import static org.sitrep.cluster.Reports.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.pipeline.AnalystConstraints;
import org.sitrep.pipeline.AnalyzedReport;

class OnlineClustererTest {
    static final String STRIKE = "Explosions/Remote violence";
    static final String PROTEST = "Protests";

    private final EventStream stream = new EventStream(new OnlineClusterer(),
            new EventAssembler(new AdmiraltyGrader()), new InMemoryEventIndex(), Map.of());

    private EventStream.Step add(AnalyzedReport r) { return stream.accept(r, r.report().publishedAt()); }

    @Test
    void twoStrikesOnOneDayInOneCityAtDifferentNamedSitesStayTwoEvents() {
        var plant = add(report("r1").source("wire:a").type(STRIKE).onDay(DAY).at(TRACTOR_PLANT, LocationPrecision.EXACT)
                .mention(KHARKIV)
                .title("Missile strike hits Kharkiv Tractor Plant")
                .text("A Russian missile struck the Kharkiv Tractor Plant on Friday morning, the regional governor said. "
                        + "Two workers were injured and a workshop caught fire.").build());
        var market = add(report("r2").source("wire:b").type(STRIKE).onDay(DAY).at(SALTIVKA_MARKET, LocationPrecision.EXACT)
                .mention(KHARKIV)
                .title("Missile strike hits market in Kharkiv")
                .text("A Russian missile struck a market in the Saltivka district of Kharkiv on Friday, the regional governor said. "
                        + "Three people were killed and stalls caught fire.").build());
        var plantAgain = add(report("r3").source("tv:c").type(STRIKE).onDay(DAY).at(TRACTOR_PLANT, LocationPrecision.EXACT)
                .mention(KHARKIV)
                .title("Kharkiv Tractor Plant on fire after missile strike")
                .text("Firefighters are putting out a blaze at the Kharkiv Tractor Plant after a missile strike on Friday; "
                        + "the governor said two workers were hurt.").build());

        assertNotEquals(plant.event().id(), market.event().id(), "different named sites must not merge");
        assertTrue(market.decision().reasons().stream().anyMatch(s -> s.contains("different named sites")),
                market.decision().reasons().toString());
        assertEquals(plant.event().id(), plantAgain.event().id(), plantAgain.decision().reasons().toString());
        assertTrue(plantAgain.decision().reasons().stream().anyMatch(s -> s.startsWith("same event location")));
        assertEquals(2, plantAgain.event().sourceCount());
    }

    @Test
    void theStreamTellsTheEventEachReportBelongsToNow() {
        var plant = add(report("f1").source("wire:a").type(STRIKE).onDay(DAY).at(TRACTOR_PLANT, LocationPrecision.EXACT)
                .mention(KHARKIV)
                .title("Missile strike hits Kharkiv Tractor Plant")
                .text("A Russian missile struck the Kharkiv Tractor Plant on Friday morning, the regional governor said.").build());
        var market = add(report("f2").source("wire:b").type(STRIKE).onDay(DAY).at(SALTIVKA_MARKET, LocationPrecision.EXACT)
                .mention(KHARKIV)
                .title("Missile strike hits market in Kharkiv")
                .text("A Russian missile struck a market in the Saltivka district of Kharkiv on Friday.").build());
        assertEquals(plant.event().id(), stream.eventOf("f1"));
        assertEquals(market.event().id(), stream.eventOf("f2"));
        assertNotEquals(stream.eventOf("f1"), stream.eventOf("f2"));
        assertEquals(null, stream.eventOf("never-seen"));
    }

    @Test
    void twoStrikesInOneCityOnOneDayThatNameDifferentSitesStayTwoEvenWithCloseSourcePoints() {
        // the second reporter geotagged the city centre, 0.6 km from the bakery; the texts name the sites hit
        var bakery = add(report("b1").source("rss:a").type(STRIKE).onDay(DAY).atPoint(new GeoPoint(35.932, 36.628)).mention(IDLIB)
                .title("Strike on bakery in Idlib city")
                .text("An air strike hit a bakery in Idlib city on Thursday morning as people queued for bread, killing three.").build());
        var bakery2 = add(report("b2").source("rss:b").type(STRIKE).onDay(DAY).at(IDLIB, LocationPrecision.EXACT)
                .title("Idlib city: bakery strike kills 4")
                .text("Four civilians were killed in the air strike on the bakery in Idlib city on Thursday.").build());
        var water = add(report("w1").source("social:c").type(STRIKE).onDay(DAY).atPoint(new GeoPoint(35.930, 36.634)).mention(IDLIB)
                .published(DAY.plusSeconds(13 * 3600))
                .title("")
                .text("Idlib city hit again this afternoon, this time the water pumping station by the industrial zone. One guard hurt.").build());
        var water2 = add(report("w2").source("rss:d").type(STRIKE).onDay(DAY).atPoint(new GeoPoint(35.926, 36.652)).mention(IDLIB)
                .published(DAY.plusSeconds(16 * 3600))
                .title("Idlib city: strike on water pumping station, 1 injured")
                .text("An air strike hit the water pumping station in the eastern industrial zone of Idlib city, injuring a guard.").build());
        assertEquals(bakery.event().id(), bakery2.event().id(), bakery2.decision().reasons().toString());
        assertNotEquals(bakery.event().id(), water.event().id(), water.decision().reasons().toString());
        // the city-centre geotag and the station's own point, 1.7 km apart, both on the water pumping station: one site
        assertEquals(water.event().id(), water2.event().id(), water2.decision().reasons().toString());
        assertTrue(water2.decision().reasons().stream().anyMatch(r -> r.contains("both name the water station hit")),
                water2.decision().reasons().toString());
        assertTrue(water.decision().reasons().stream().anyMatch(r -> r.contains("different sites hit (water station vs bakery)")),
                water.decision().reasons().toString());
    }

    @Test
    void aTownNamedInPassingIsNotTheSamePlaceAsASourcePointFarFromIt() {
        String chant = " Hundreds took to the streets chanting 'Idlib will not kneel', waving the three-star flag.";
        var sarmada = add(report("s1").source("web:a").type("Protests").onDay(DAY).atPoint(new GeoPoint(36.178, 36.715)).mention(IDLIB)
                .title("Protests erupt in Sarmada").text("Protests erupted this afternoon in Sarmada, Idlib province." + chant).build());
        var idlib = add(report("s2").source("tg:b").type("Protests").onDay(DAY).at(IDLIB, LocationPrecision.EXACT)
                .published(DAY.plusSeconds(14 * 3600))
                .title("Idlib city joins the protests").text("Protests erupted this afternoon in Idlib city." + chant).build());
        assertNotEquals(sarmada.event().id(), idlib.event().id(), idlib.decision().reasons().toString());
    }

    @Test
    void oneIncidentReportedInEnglishArabicAndRussianIsOneEvent() {
        var en = add(report("en").source("rss:en").type(STRIKE).onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT)
                .title("Drone attack on Kharkiv kills 3")
                .text("Three people were killed and 12 wounded when drones hit a residential area of Kharkiv overnight.").build());
        var ar = add(report("ar").source("rss:ar").type(STRIKE).onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT)
                .published(DAY.plusSeconds(11 * 3600))
                .title("مقتل ٣ أشخاص في هجوم بطائرات مسيرة على خاركيف")
                .text("قتل ٣ أشخاص وأصيب ١٢ آخرون في هجوم بطائرات مسيرة على حي سكني في مدينة خاركيف.").build());
        var ru = add(report("ru").source("tg:ru").type(STRIKE).onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT)
                .published(DAY.plusSeconds(12 * 3600))
                .title("Атака дронов на Харьков: 3 погибших")
                .text("В результате ночной атаки беспилотников на жилой район Харькова погибли 3 человека, 12 ранены.").build());

        assertEquals(en.event().id(), ar.event().id(), ar.decision().reasons().toString());
        assertEquals(en.event().id(), ru.event().id(), ru.decision().reasons().toString());
        assertTrue(ar.decision().reasons().stream().anyMatch(s -> s.contains("GeoNames 706483")),
                "the join is explained by the shared gazetteer id: " + ar.decision().reasons());
        assertTrue(ar.decision().reasons().stream().anyMatch(s -> s.contains("shared numbers: 12, 3")),
                "Arabic-Indic digits match ASCII ones: " + ar.decision().reasons());
        assertEquals(3, ru.event().sourceCount());
    }

    /**
     * The demo's rocket attack on a neighbourhood of Aleppo: the English wire gives its own coordinates
     * (no gazetteer entry), the Russian bulletin only the city. No word is shared; the point lies in the
     * city both name, on the same day, with the same type. A car bomb in al-Bab the same day, whose
     * report names "Aleppo province" in passing, stays apart.
     */
    @Test
    void aSourcePointInTheTownAnotherLanguageNamesIsOneEvent() {
        var bab = add(report("bab").source("rss:lw").type(STRIKE).onDay(DAY).at(AL_BAB, LocationPrecision.EXACT).mention(ALEPPO)
                .title("Car bomb kills two in al-Bab")
                .text("A car bomb exploded near a roundabout in the town of al-Bab in northern Aleppo province on Friday, killing two people.").build());
        var en = add(report("en").source("rss:state").type(STRIKE).onDay(DAY).atPoint(new GeoPoint(36.202, 37.134)).mention(ALEPPO)
                .published(DAY.plusSeconds(19 * 3600))
                .title("Terrorist rockets hit residential neighbourhood of Aleppo")
                .text("Two civilians were injured when rockets fired by terrorist groups fell on the al-Hamdaniya neighbourhood "
                        + "of Aleppo city on Friday evening, a police source said.").build());
        var ru = add(report("ru").source("rss:ru").type(STRIKE).onDay(DAY).at(ALEPPO, LocationPrecision.EXACT)
                .published(DAY.plusSeconds(20 * 3600))
                .title("Алеппо: жилой квартал обстрелян ракетами")
                .text("Вечером в пятницу боевики обстреляли ракетами квартал Хамдания на юго-западе Алеппо. Ранены двое мирных жителей.").build());

        assertNotEquals(bab.event().id(), en.event().id(), en.decision().reasons().toString());
        assertEquals(en.event().id(), ru.event().id(), ru.decision().reasons().toString());
        assertTrue(ru.decision().reasons().stream().anyMatch(s -> s.contains("coordinates lie in Aleppo (GeoNames 170063")),
                ru.decision().reasons().toString());

        // In one language the point-in-town bonus does not apply: shared words must carry the join. A
        // blast two days later "west of Aleppo" is another incident.
        var later = add(report("later").source("web:buzz").type(STRIKE).at(ALEPPO, LocationPrecision.EXACT)
                .published(DAY.plus(Duration.ofDays(2)).plusSeconds(11 * 3600))
                .title("Two kids killed in blast west of Aleppo")
                .text("Two children were killed by an explosion in a village west of Aleppo, local media say. The cause is unclear.").build());
        assertNotEquals(en.event().id(), later.event().id(), later.decision().reasons().toString());

        // The other order: the city-level report first, the geotagged one joins it.
        var ru2 = add(report("ru2").source("rss:ru").type(STRIKE).onDay(DAY.plus(Duration.ofDays(10))).at(ALEPPO, LocationPrecision.EXACT)
                .published(DAY.plus(Duration.ofDays(10)).plusSeconds(3600))
                .title("Алеппо: обстрел жилого квартала").text("Боевики обстреляли ракетами жилой квартал Алеппо.").build());
        var en2 = add(report("en2").source("rss:state").type(STRIKE).onDay(DAY.plus(Duration.ofDays(10)))
                .atPoint(new GeoPoint(36.21, 37.15)).mention(ALEPPO).published(DAY.plus(Duration.ofDays(10)).plusSeconds(7200))
                .title("Rockets hit Aleppo").text("Rockets fell on a residential neighbourhood of Aleppo city, a police source said.").build());
        assertEquals(ru2.event().id(), en2.event().id(), en2.decision().reasons().toString());
    }

    /**
     * Two pages with no date of their own (the publication time is unknown), about the same kind of
     * incident in the same words, whose datelines are years apart: the written dates keep them apart.
     */
    @Test
    void datelinesYearsApartKeepTwoIncidentsOfOneKindApart() {
        String story = "Indian Navy warship foiled a pirate attack on a merchant vessel in the Gulf of Aden and captured pirates, "
                + "the navy said. The pirates' skiffs were seized with weapons.";
        var first = add(report("d1").source("web:a").title("Indian Navy foils pirate attack in Gulf of Aden")
                .text("December 13, 2008 - " + story + " 23 pirates were taken into custody.").build());
        var again = add(report("d2").source("web:b").title("Navy foils pirate attack in Gulf of Aden")
                .text("December 14, 2008 - " + story).build());
        var later = add(report("d3").source("web:c").title("Indian Navy foils pirate attack in Gulf of Aden")
                .text("Updated: November 11, 2011 - The Indian Navy thwarted a pirate attack on merchant vessels in the Gulf of Aden "
                        + "on Thursday and arrested 26 pirates, a navy spokesman said.").build());
        assertEquals(first.event().id(), again.event().id(), again.decision().reasons().toString());
        assertTrue(again.decision().reasons().stream().anyMatch(s -> s.startsWith("dates written agree")), again.decision().reasons().toString());
        assertNotEquals(first.event().id(), later.event().id(), later.decision().reasons().toString());
        assertTrue(later.decision().reasons().stream().anyMatch(s -> s.contains("dates written differ: 2011-11-11 vs 2008-12-13")),
                later.decision().reasons().toString());
    }

    /**
     * Two incidents of one kind in one place, undated (a re-fetched page, no dateline): how many and
     * which year tell them apart, not the event words they share.
     */
    @Test
    void differentCountsAndYearsKeepTwoIncidentsOfOneKindApart() {
        var first = add(report("n1").source("web:a").title("Indian Navy foils pirate attack in Gulf of Aden")
                .text("The Indian Navy warship INS Mysore foiled a pirate attack on the merchant vessel MV Gibe in the Gulf of Aden "
                        + "and captured 23 pirates, the navy said. INS Mysore sent its helicopter after a distress call from MV Gibe. "
                        + "It was the navy's busiest month of 2008.").build());
        var again = add(report("n2").source("web:b").title("INS Mysore captures pirates")
                .text("Pirates who tried to board MV Gibe in the Gulf of Aden were captured by INS Mysore on Saturday; "
                        + "23 pirates are held on the warship, the Indian Navy said, in its busiest year since 2008.").build());
        var other = add(report("n3").source("web:c").title("Indian Navy foils pirate attack in Gulf of Aden")
                .text("The Indian Navy warship INS Sukanya foiled a pirate attack on merchant vessels in the Gulf of Aden and "
                        + "captured 26 pirates, the navy said. INS Sukanya was escorting five ships in the transit corridor, "
                        + "the navy said in its 2011 report.").build());
        assertEquals(first.event().id(), again.event().id(), again.decision().reasons().toString());
        assertTrue(again.decision().reasons().stream().anyMatch(s -> s.startsWith("same count: 23 pirate")), again.decision().reasons().toString());
        assertTrue(again.decision().reasons().stream().anyMatch(s -> s.startsWith("main names agree")), again.decision().reasons().toString());
        assertNotEquals(first.event().id(), other.event().id(), other.decision().reasons().toString());
        var why = other.decision().reasons();
        assertTrue(why.stream().anyMatch(s -> s.startsWith("counts differ: 26 vs 23 pirate")), why.toString());
        assertTrue(why.stream().anyMatch(s -> s.startsWith("years written differ: latest 2011 vs 2008")), why.toString());
    }

    /** Two stars entering rehab: the event words agree, the people do not. */
    @Test
    void differentMainNamesLowerTheScoreOfOneKindOfStory() {
        var reid = add(report("m1").source("web:a").title("Another star in rehab")
                .text("The actress Tara Reid has entered the Promises Treatment Center in Malibu, her representative confirmed. "
                        + "Reid, who starred in comedies, asked for privacy while Reid is in treatment at Promises.").build());
        var lohan = add(report("m2").source("web:b").title("Another star in rehab")
                .text("The actress Lindsay Lohan has entered the Betty Ford Center in Rancho Mirage, her representative confirmed. "
                        + "Lohan, who starred in comedies, asked for privacy while Lohan is in treatment at Betty Ford.").build());
        assertNotEquals(reid.event().id(), lohan.event().id(), lohan.decision().reasons().toString());
        assertTrue(lohan.decision().reasons().stream().anyMatch(s -> s.startsWith("main names differ") && s.contains("lohan") && s.contains("reid")), lohan.decision().reasons().toString());
    }

    /** Two reports placed in the same town by the geoparser, in one language, with almost no words in common. */
    @Test
    void reportsInOneLanguageThatShareNoWordsDoNotJoinOnPlaceAndTypeAlone() {
        var a = add(report("f1").source("web:a").type(STRIKE).onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT)
                .title("Drone hits power station").text("A drone hit a power station overnight and cut electricity to thousands.").build());
        var b = add(report("f2").source("web:b").type(STRIKE).onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT)
                .title("Football club sells stadium naming rights").text("Metalist announced a sponsor deal worth millions.").build());
        assertNotEquals(a.event().id(), b.event().id(), b.decision().reasons().toString());
        assertTrue(b.decision().reasons().stream().anyMatch(s -> s.contains("does not join on other evidence")), b.decision().reasons().toString());
    }

    /**
     * The geoparser placed one report of a story in another country (a surname or a company's home
     * town read as the place); the texts agree and name the same people first: the place is doubted.
     */
    @Test
    void textThatAgreesOnWhoOverrulesATownConflictFromTheGeoparse() {
        String story = "Lindsay Lohan checked into the Betty Ford Center on Thursday to begin a 90-day rehab stay ordered by "
                + "the court, her lawyer said. Lohan arrived at the Betty Ford Center before the deadline set by the judge.";
        var first = add(report("o1").source("web:a").onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT)
                .title("Lohan enters rehab").text(story).build());
        var second = add(report("o2").source("web:b").onDay(DAY).at(ODESA, LocationPrecision.DISTRICT)
                .title("Lohan checks into Betty Ford")
                .text("Lindsay Lohan has checked into the Betty Ford Center for court-ordered rehab, her lawyer said on Thursday. "
                        + "Lohan must stay at the Betty Ford Center for 90 days.").build());
        assertEquals(first.event().id(), second.event().id(), second.decision().reasons().toString());
        assertTrue(second.decision().reasons().stream().anyMatch(s -> s.contains("the places read from them are doubted")),
                second.decision().reasons().toString());
    }

    /** A town whose name is also a company's: the geoparser reads "Antonov said" as the town. */
    static final org.sitrep.model.Place ANTONOV = new org.sitrep.model.Place(-302, "Antonov", new org.sitrep.model.GeoPoint(48.30, 25.93),
            "P", "PPL", "UA", "03", "", 2_000);

    @Test
    void aTownReadFromANameNeverWrittenAsAPlaceDoesNotRuleTheEventOut() {
        String story = "A drone hit the aircraft plant in Kharkiv overnight and two hangars burned, the regional governor said. "
                + "Antonov engineers said the An-74 assembly line was damaged and production would stop for weeks.";
        var first = add(report("n1").source("wire:a").type(STRIKE).onDay(DAY).title("Drone hits Kharkiv aircraft plant").text(story)
                .atWritten(KHARKIV, LocationPrecision.DISTRICT, "Kharkiv").build());
        var secondReport = report("n2").source("wire:b").type(STRIKE).onDay(DAY).title("Antonov says drone hit its aircraft plant")
                .text("Antonov said a drone hit its aircraft plant overnight and two hangars burned. The An-74 assembly line was damaged, "
                        + "Antonov engineers said, and production would stop for weeks.")
                .atWritten(ANTONOV, LocationPrecision.DISTRICT, "Antonov").build();
        var second = add(secondReport);
        assertEquals(first.event().id(), second.event().id(), second.decision().reasons().toString());
        assertTrue(second.decision().reasons().stream().anyMatch(s -> s.contains("Antonov is never written as where something happened")),
                second.decision().reasons().toString());
    }

    /** Parts of Kharkiv (GeoNames feature code PPLX), as the gazetteer has city districts. */
    static final org.sitrep.model.Place SALTIVKA = new org.sitrep.model.Place(-303, "Saltivka", new org.sitrep.model.GeoPoint(50.0150, 36.3250),
            "P", "PPLX", "UA", "07", "", 400_000);
    static final org.sitrep.model.Place KHOLODNA_HORA = new org.sitrep.model.Place(-304, "Kholodna Hora", new org.sitrep.model.GeoPoint(49.9900, 36.1950),
            "P", "PPLX", "UA", "07", "", 100_000);

    @Test
    void aPartOfACityAndTheCityAreOnePlaceButTwoPartsAreTwo() {
        String story = "Russian missiles struck apartment blocks overnight, killing four people and wounding eleven, the regional "
                + "governor said. Rescuers searched the rubble of a nine-storey building until morning.";
        var city = add(report("x1").source("wire:a").type(STRIKE).onDay(DAY).at(KHARKIV, LocationPrecision.EXACT)
                .title("Missiles hit Kharkiv apartment blocks").text(story).build());
        var district = add(report("x2").source("wire:b").type(STRIKE).onDay(DAY).at(SALTIVKA, LocationPrecision.EXACT)
                .title("Missiles hit Saltivka apartment blocks").text(story).build());
        assertEquals(city.event().id(), district.event().id(), district.decision().reasons().toString());
        assertTrue(district.decision().reasons().stream().anyMatch(s -> s.contains("Saltivka is a part of a city")),
                district.decision().reasons().toString());
        // the event of Kharkiv now names Saltivka: a report from another part of the city is another place
        var other = add(report("x3").source("wire:c").type(STRIKE).onDay(DAY).at(KHOLODNA_HORA, LocationPrecision.EXACT)
                .title("Missiles hit Kholodna Hora apartment blocks").text(story).build());
        assertNotEquals(district.event().id(), other.event().id(), other.decision().reasons().toString());
    }

    @Test
    void aNameIsFoundWrittenWithCapitalsInsideIt() {
        assertTrue(OnlineClusterer.writesName("The chipmaker SeaMicro said on Monday", "seamicro"));
        assertTrue(OnlineClusterer.writesName("a patch from McAfee.", "mcafee"));
        assertTrue(OnlineClusterer.writesName("IBM shares fell", "ibm"));
        assertFalse(OnlineClusterer.writesName("a seamicro server", "seamicro"), "not a name when written in lower case");
        assertFalse(OnlineClusterer.writesName("Seamicrosystems said", "seamicro"), "part of a longer word");
        assertFalse(OnlineClusterer.writesName("the NewSeaMicro line", "seamicro"), "inside another word");
    }

    @Test
    void theSameWordsWrittenAboutAnotherTownStayApart() {
        String text = "A drone hit the aircraft plant overnight and two hangars burned, the regional governor said. "
                + "Engineers said the assembly line was damaged and production would stop for weeks.";
        var kharkiv = add(report("w1").source("wire:a").type(STRIKE).onDay(DAY).title("Drone hits aircraft plant in Kharkiv").text(text)
                .atWritten(KHARKIV, LocationPrecision.DISTRICT, "Kharkiv").build());
        var odesa = add(report("w2").source("wire:b").type(STRIKE).onDay(DAY).title("Drone hits aircraft plant in Odesa").text(text)
                .atWritten(ODESA, LocationPrecision.DISTRICT, "Odesa").build());
        assertNotEquals(kharkiv.event().id(), odesa.event().id(), odesa.decision().reasons().toString());
    }

    @Test
    void theSameKindOfEventInAnotherCityOrAnotherWeekStaysApart() {
        String text = "Hundreds of people rallied in the city centre on Saturday demanding the release of prisoners of war. "
                + "Protesters carried flags and chanted slogans.";
        var lviv = add(report("p1").source("rss:a").type(PROTEST).onDay(DAY).at(LVIV, LocationPrecision.DISTRICT)
                .title("Rally in Lviv for prisoners of war").text(text).build());
        var odesa = add(report("p2").source("rss:b").type(PROTEST).onDay(DAY).at(ODESA, LocationPrecision.DISTRICT)
                .title("Rally in Odesa for prisoners of war").text(text).build());
        var nextWeek = DAY.plus(Duration.ofDays(8));
        var lvivLater = add(report("p3").source("rss:a").type(PROTEST).onDay(nextWeek).at(LVIV, LocationPrecision.DISTRICT)
                .published(nextWeek.plusSeconds(3600)).title("Rally in Lviv for prisoners of war").text(text).build());

        assertNotEquals(lviv.event().id(), odesa.event().id(), odesa.decision().reasons().toString());
        assertNull(odesa.decision().copyOfReportId(), "same template in another city is not a copy");
        assertNotEquals(lviv.event().id(), lvivLater.event().id(), lvivLater.decision().reasons().toString());
    }

    /** A surname the geoparser read as a town: the report names the event's real town too. */
    static final org.sitrep.model.Place BROVARY = new org.sitrep.model.Place(-301, "Brovary", new org.sitrep.model.GeoPoint(50.5110, 30.7909),
            "P", "PPL", "UA", "13", "", 100_000);

    @Test
    void aReportPlacedInAnotherTownByTheGeoparserStillJoinsWhenItNamesTheEventsTown() {
        String story = "Firefighters battled a blaze at a fuel depot in Kharkiv after a drone strike overnight, regional governor "
                + "Oleh Synehubov said; mayor Ihor Terekhov said two warehouses burned down.";
        var first = add(report("g1").source("wire:a").type(STRIKE).onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT)
                .title("Drone strike sets Kharkiv fuel depot ablaze").text(story).build());
        // The second report was placed at a town 400 km away (a name in the text read as a place), but it
        // names Kharkiv too, in words: it meets the event through the text search and is not ruled out.
        var second = add(report("g2").source("wire:b").type(STRIKE).onDay(DAY).at(BROVARY, LocationPrecision.DISTRICT)
                .title("Kharkiv fuel depot burns after drone strike, Synehubov says")
                .text("A drone strike overnight set a fuel depot in Kharkiv on fire, governor Oleh Synehubov said. Mayor Ihor Terekhov "
                        + "said two warehouses burned down; Brovary firefighters were not needed.").build());
        assertEquals(first.event().id(), second.event().id(), second.decision().reasons().toString());
        assertTrue(second.decision().reasons().stream().anyMatch(s -> s.contains("one side names the other's place")),
                second.decision().reasons().toString());
    }

    @Test
    void differentTypesFromTheClassifierLowerTheScoreButDoNotRuleTheEventOut() {
        String story = "Police detained 40 people after clashes outside the regional parliament in Tbilisi on Thursday evening, "
                + "the interior ministry said; protesters threw stones and officers used water cannon.";
        var first = add(report("t1").source("wire:a").type(PROTEST).onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT)
                .title("Clashes outside the parliament, 40 detained").text(story).build());
        var second = add(report("t2").source("wire:b").type("Violence against civilians").onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT)
                .title("40 detained after clashes at parliament").text(story + " Several officers were hurt.").build());
        assertEquals(first.event().id(), second.event().id(), second.decision().reasons().toString());
        assertTrue(second.decision().reasons().stream().anyMatch(s -> s.startsWith("types differ")), second.decision().reasons().toString());
    }

    @Test
    void theSameProtestTemplateInTwoNeighbouringTownsIsTwoEventsNotACopy() {
        // Saraqib and Sarmin are 8 km apart: closer than a city's own districts can be, yet two towns,
        // each named as where its protest happened, and neither report names the other town.
        String template = "Hundreds of people took to the streets of %s in Idlib province on Friday, waving the green "
                + "three-star flag and chanting \"the people want the fall of the regime\". Protesters sang the songs of "
                + "the 2011 uprising.";
        var saraqib = add(report("t1").source("tg:one").type(PROTEST).onDay(DAY).at(SARAQIB, LocationPrecision.EXACT)
                .mention(IDLIB_PROVINCE).title("Protest in Saraqib").text(template.formatted("Saraqib")).build());
        var sarmin = add(report("t2").source("tg:two").type(PROTEST).onDay(DAY).at(SARMIN, LocationPrecision.EXACT)
                .mention(IDLIB_PROVINCE).published(DAY.plusSeconds(9 * 3600 + 600)).title("Protest in Sarmin")
                .text(template.formatted("Sarmin")).build());

        assertNotEquals(saraqib.event().id(), sarmin.event().id(), sarmin.decision().reasons().toString());
        assertNull(sarmin.decision().copyOfReportId(), "the same wording about another town is not a copy");
    }

    @Test
    void aSyndicatedWireCopyIsMarkedAndDoesNotCountAsAnIndependentSource() {
        String wire = "KYIV (Wire) - Ukrainian forces shot down 14 of 16 drones launched overnight, the air force said on Friday, "
                + "adding that debris fell on two districts of Kharkiv without causing casualties. "
                + "Russia did not comment on the attack, the latest in a series of overnight raids on the city.";
        var original = add(report("w1").source("wire:agency").title("Ukraine says it downed 14 of 16 drones").text(wire).build());
        var copy = add(report("w2").source("rss:newspaper").published(original.event().firstSeen().plusSeconds(1800))
                .title("Ukraine says it downed 14 of 16 drones").text(wire + " (Reporting by the agency's Kyiv bureau.)").build());

        assertEquals(original.event().id(), copy.event().id());
        assertEquals("w1", copy.decision().copyOfReportId(), copy.decision().reasons().toString());
        assertTrue(copy.decision().reasons().get(0).startsWith("copy:"));
        assertEquals(1, copy.event().sourceCount(), "a syndicated copy is not an independent source");
        assertEquals(2, copy.event().reportIds().size());
    }

    @Test
    void aRepostOfTheSameUrlIsACopy() {
        var a = add(report("u1").source("tg:one").url("https://example.org/news/123?utm=x#top").title("Blast in port").text("Explosion reported.").build());
        var b = add(report("u2").source("tg:two").url("http://www.example.org/news/123?utm=x").title("Repost").text("see link").build());
        assertEquals(a.event().id(), b.event().id());
        assertEquals("u1", b.decision().copyOfReportId());
    }

    @Test
    void analystsSplitIsRespectedAndAMoveIsObeyed() {
        String text = "Shelling damaged a school in Kharkiv on Friday, officials said; no one was hurt.";
        var first = add(report("a1").type(STRIKE).onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT).title("School shelled in Kharkiv").text(text).build());
        var again = report("a2").source("other").type(STRIKE).onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT)
                .title("School in Kharkiv hit by shelling").text(text).build();
        var split = stream.accept(again, new AnalystConstraints(null, Set.of(first.event().id())), DAY);
        assertNotEquals(first.event().id(), split.event().id());
        assertTrue(split.decision().reasons().stream().anyMatch(s -> s.contains("analysts removed")));

        var moved = stream.accept(report("a3").title("Unrelated text").text("nothing in common").build(),
                new AnalystConstraints(first.event().id(), Set.of()), DAY);
        assertEquals(first.event().id(), moved.event().id());
    }

    @Test
    void candidateQueryUsesTheEventTimeAndASiteRadius() {
        var clusterer = new OnlineClusterer();
        var q = clusterer.candidateQuery(report("q").onDay(DAY).at(KHARKIV, LocationPrecision.DISTRICT).build());
        assertEquals(DAY.minus(Duration.ofDays(3)), q.from());
        assertTrue(q.to().isAfter(DAY.plus(Duration.ofDays(2))));
        assertEquals(KHARKIV.point(), q.near());
        assertEquals(2 * ClusterConfig.DEFAULTS.siteRadiusKm(), q.radiusKm(), "scored candidates reach past the same-place radius");
        var unlocated = clusterer.candidateQuery(report("q2").build());
        assertNull(unlocated.near());
        assertFalse(clusterer.assign(report("q3").build(), List.of()).joinsExisting());
    }
}
