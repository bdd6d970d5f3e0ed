package org.sitrep.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Report;
import org.sitrep.pipeline.Extraction;
import org.sitrep.pipeline.Geoparse;

/** Sentences written for these tests (not taken from any corpus), one per type family and language. */
class EventExtractorTest {
    static final Instant PUBLISHED = Instant.parse("2024-03-12T10:00:00Z"); // a Tuesday
    static EventExtractor extractor;

    @BeforeAll
    static void load() { extractor = EventExtractor.loadDefault(); }

    static Extraction extract(String text) {
        Report r = new Report("r1", "test", null, null, null, text, null, PUBLISHED, PUBLISHED, null, null);
        return extractor.extract(r, Geoparse.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Warplanes carried out several airstrikes on the outskirts of the town, destroying two houses.                 | Explosions/Remote violence | Air/drone strike
        Artillery units shelled residential districts of the city throughout the night.                                 | Explosions/Remote violence | Shelling/artillery/missile attack
        A roadside bomb exploded under a police vehicle on the highway.                                                 | Explosions/Remote violence | Remote explosive/landmine/IED
        Government troops and rebel fighters clashed for several hours near the border crossing.                        | Battles                    | Armed clash
        Hundreds of teachers held a peaceful protest outside parliament to demand higher wages.                          | Protests                   | Peaceful protest
        Police fired tear gas to disperse students protesting against the new fees.                                    | Protests                   | Protest with intervention
        Rioters threw stones at police and burned tyres on the main road during a violent demonstration.              | Riots                      | Violent demonstration
        Armed men abducted five farmers from their fields and took them to an unknown location.                        | Violence against civilians | Abduction/forced disappearance
        Gunmen shot dead a shopkeeper in front of his store.                                                            | Violence against civilians | Attack
        Air defence units intercepted and shot down two drones over the capital.                                        | Strategic developments     | Disrupted weapons use
        The two sides signed a ceasefire agreement after talks in the capital.                                           | Strategic developments     | Agreement
        """)
    void typesEnglishReports(String text, String type, String subType) {
        Extraction ex = extract(text);
        assertEquals(type, ex.type(), () -> "sub-type " + ex.subType() + " triggers " + ex.triggers());
        assertEquals(subType, ex.subType(), () -> "triggers " + ex.triggers());
        assertTrue(!ex.triggers().isEmpty(), "a decision carries its trigger words");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        The striker scored twice as the home side won the league match on Sunday.                  | Not a conflict event           | Sport           | scored
        Heavy rain and flooding are forecast across the north for the weekend.                     | Not a conflict event           | Weather/disaster | Heavy rain
        Shares fell sharply as inflation rose and the central bank kept interest rates unchanged.   | Not a conflict event           | Economy         | Shares
        The foreign minister condemned the decision and called for new talks.                       | Diplomatic/political statement | Statement       | condemned
        The government threatened to cut diplomatic relations unless the troops are withdrawn.       | Diplomatic/political statement | Statement       | threatened
        The ministry rejected the proposal for a new ceasefire agreement.                          | Diplomatic/political statement | Statement       | rejected
        The Islamic State group claimed responsibility for the attack on the checkpoint.            | Claim/denial of responsibility | Claim of responsibility  | claimed responsibility
        The army denied involvement in the killing of the journalist.                               | Claim/denial of responsibility | Denial of responsibility | denied involvement
        """)
    void typesNonAcledKinds(String text, String type, String subType, String trigger) {
        Extraction ex = extract(text);
        assertEquals(type, ex.type(), () -> "triggers " + ex.triggers());
        assertEquals(subType, ex.subType());
        assertTrue(ex.triggers().contains(trigger), () -> "triggers " + ex.triggers());
    }

    @Test
    void statementAboutViolenceIsTheViolence() {
        Extraction ex = extract("The foreign minister condemned the airstrike that killed 12 civilians in the market.");
        assertEquals("Explosions/Remote violence", ex.type(), () -> "triggers " + ex.triggers());
        assertEquals(12, ex.fatalities().killedMin());
    }

    @Test
    void civiliansHitByRemoteWeaponsAreRemoteViolence() {
        Extraction ex = extract("Warplanes struck the market, killing 12 civilians.");
        assertEquals("Explosions/Remote violence", ex.type(), () -> "triggers " + ex.triggers());
        assertEquals("Air/drone strike", ex.subType());
    }

    static Extraction extract(String title, String text) {
        Report r = new Report("r1", "test", null, null, title, text, null, PUBLISHED, PUBLISHED, null, null);
        return extractor.extract(r, Geoparse.NONE);
    }

    /** Regression: demo reports of a strike on a bakery and a pumping station were typed Battles/Armed clash. */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', textBlock = """
        Strike on a bakery kills five                      | Five people queuing for bread were killed and eleven wounded, medics said.
        Strike on a water pumping station, two injured     | Two guards were injured and the pumps were destroyed.
        Pumping station on the edge of the city hit        | The station was hit shortly after noon. One guard injured, no deaths reported.
        ''                                                  | The town was hit again this afternoon, this time the grain silo by the railway. One worker hurt.
        """)
    void strikeOnASiteIsRemoteViolence(String title, String text) {
        Extraction ex = extract(title, text);
        assertEquals("Explosions/Remote violence", ex.type(), () -> "sub " + ex.subType() + " triggers " + ex.triggers());
        assertTrue(ex.subType().equals("Air/drone strike") || ex.subType().equals("Shelling/artillery/missile attack"), ex.subType());
        assertTrue(!ex.triggers().isEmpty() && ex.triggers().stream().allMatch(w -> w.toLowerCase(java.util.Locale.ROOT).matches(".*(strike|hit).*")),
                () -> "the words that made it a strike: " + ex.triggers());
    }

    @Test
    void aLabourStrikeIsAProtest() {
        Extraction ex = extract("Workers began a strike on Monday over unpaid wages.");
        assertEquals("Protests", ex.type(), () -> ex.subType() + " " + ex.triggers());
    }

    @Test
    void aBulletHitIsNotAStrike() {
        Extraction ex = extract("A police officer was hit in the leg when gunmen opened fire on his patrol near the market.");
        assertTrue(!ex.type().equals("Explosions/Remote violence"), () -> ex.type() + " / " + ex.subType());
    }

    @Test
    void aCrowdsDemandIsAProtestNotAStatement() {
        Extraction ex = extract("Hundreds of workers gathered outside the factory gates and demanded their unpaid wages.");
        assertEquals("Protests", ex.type(), () -> ex.subType() + " " + ex.triggers());
        Extraction official = extract("The ministry demanded the immediate release of the detained diplomats.");
        assertEquals("Diplomatic/political statement", official.type(), () -> official.subType() + " " + official.triggers());
    }

    @Test
    void textWithoutAnySignalIsUnclassified() {
        Extraction ex = extract("The library will open a new reading room next month.");
        assertEquals(Event.UNCLASSIFIED, ex.type());
        assertNull(ex.subType());
        assertEquals(0, ex.confidence());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Российские войска обстреляли окраины Харькова из артиллерии, погибли 3 человека.                  | Explosions/Remote violence | artillery | 3
        Унаслідок обстрілу Херсона загинули 2 людини, ще 5 поранені.                                       | Explosions/Remote violence | artillery | 2
        غارة جوية على ريف إدلب أسفرت عن مقتل 4 مدنيين                                                       | Explosions/Remote violence | airstrike | 4
        Тысячи человек вышли на митинг протеста в центре города.                                           | Protests                   |           |
        Поліція затримала двох учасників акції протесту біля будівлі парламенту.                           | Protests                   |           |
        اندلعت اشتباكات عنيفة بين الجيش ومسلحين في ريف المدينة                                              | Battles                    |           |
        شنّ مسلحون هجوماً على حاجز لقوات الحكومة جنوب المدينة                                               | Battles                    |           |
        Боевики совершили нападение на блокпост армии к югу от города.                                     | Battles                    |           |
        Gunmen carried out an attack on an army checkpoint south of the town.                              | Battles                    |           |
        """)
    void typesRussianUkrainianArabic(String text, String type, String means, Integer killed) {
        Extraction ex = extract(text);
        assertEquals(type, ex.type(), () -> "sub " + ex.subType() + " triggers " + ex.triggers());
        assertTrue(!ex.triggers().isEmpty());
        if (means != null) assertTrue(ex.means().contains(means), () -> "means " + ex.means());
        if (killed != null) assertEquals(killed, ex.fatalities().killedMin(), () -> "phrase " + ex.fatalities().phrase());
    }

    @Test
    void fullExtractionOfOneReport() {
        Extraction ex = extract("Russian forces shelled the village of Dvorichna with artillery on Friday, killing three civilians"
                + " and injuring five others, the regional governor said.");
        assertEquals("Shelling/artillery/missile attack", ex.subType());
        assertTrue(ex.triggers().contains("shelled"), () -> "triggers " + ex.triggers());
        assertEquals(3, ex.fatalities().killedMin());
        assertEquals(5, ex.fatalities().injuredMin());
        assertTrue(ex.fatalities().phrase().contains("killing three"), ex.fatalities().phrase());
        assertEquals("artillery", ex.means().get(0));
        assertEquals(Instant.parse("2024-03-08T00:00:00Z"), ex.time().start());
        var actor1 = ex.actors().get(0);
        assertEquals("Russian forces", actor1.name());
        assertEquals("ru", actor1.side());
        assertEquals("actor1", actor1.role());
        assertTrue(ex.actors().stream().anyMatch(a -> a.kind().equals("civilians")));
        assertNull(ex.location(), "no geoparser location: the event stays unlocated");
    }

    @Test
    void locationIsTheGeoparsersChoice() {
        EventLocation loc = new EventLocation(new GeoPoint(49.99, 36.23), LocationPrecision.EXACT, "Kharkiv", 706483L, "UA", "test");
        Report r = new Report("r1", "test", null, null, null, "Shelling hit Kharkiv.", null, PUBLISHED, PUBLISHED, null, null);
        assertEquals(loc, extractor.extract(r, new Geoparse(java.util.List.of(), loc)).location());
    }

    @Test
    void hugeInputIsCutAndStillAnswered() {
        String text = "Protesters marched through the capital. ".repeat(100_000); // 4 MB
        long t0 = System.nanoTime();
        Extraction ex = extract(text);
        assertEquals("Protests", ex.type());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "a huge report must not stall the pipeline");
    }

    /** Regression (demo): drones destroying a convoy were "property destruction", and a denial naming the strike a "protest". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Defence ministry: weapons shipment destroyed near the crossing | The Ministry of Defence said on Saturday that army drones destroyed a convoy of trucks carrying weapons and ammunition shortly after it crossed the border.
        Neighbour rejects claim that strike near the crossing hit arms convoy | The foreign ministry on Saturday called false a defence ministry statement that drones had destroyed an arms convoy near the crossing; the trucks hit were carrying flour and medical supplies.
        """)
    void aRemoteWeaponActingOnATargetIsRemoteViolence(String title, String text) {
        Extraction ex = extract(title, text);
        assertEquals("Explosions/Remote violence", ex.type(), ex.triggers().toString());
        assertEquals("Air/drone strike", ex.subType());
    }

    @Test
    void dronesShotDownStayDisruptedWeaponsUse() {
        Extraction ex = extract("Air defences shot down five drones over the air base overnight, the ministry said; no damage was reported.");
        assertEquals("Strategic developments / Disrupted weapons use", ex.type() + " / " + ex.subType());
    }
}
