package org.sitrep.geoparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.geoparse.gazetteer.Gazetteer;
import org.sitrep.model.EventLocation;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.pipeline.Geoparse;
import org.sitrep.pipeline.Geoparser;

/**
 * Names the gazetteer holds under another transliteration, on the gazetteer sample (sentences written
 * for these tests; the places are the sample's GeoNames rows, whose own alternate names do not include
 * the spellings used here).
 */
class SpellingVariantsTest {
    static final long KAFRANBEL = 168661, SALQIN = 164898;
    static final long SARAQIB = 164816, MANBIJ = 167357;

    static Gazetteer gazetteer;
    static Geoparser geoparser;

    @BeforeAll
    static void load(@TempDir Path dir) {
        gazetteer = SampleGazetteer.build(dir);
        geoparser = Geoparsers.fromGazetteer(gazetteer);
    }

    static Geoparse parse(String text) {
        Source source = Source.named("test");
        return geoparser.parse(new Report(null, source.id(), null, null, "", text, null, Instant.EPOCH, null, null, null), source);
    }

    @Test
    void transliterationsOfOneNameShareASkeleton() {
        assertEquals(SpellingVariants.skeleton("Al Qamishli"), SpellingVariants.skeleton("Quamishli"));
        assertEquals(SpellingVariants.skeleton("Ash Shaddadah"), SpellingVariants.skeleton("Shadadah"));
        assertEquals(SpellingVariants.skeleton("Shughnan"), SpellingVariants.skeleton("Shighnan"));
        assertEquals(SpellingVariants.skeleton("Kunduz"), SpellingVariants.skeleton("Qunduz"));
        assertEquals(SpellingVariants.skeleton("Oruzgan"), SpellingVariants.skeleton("Uruzgan"));
        assertEquals(SpellingVariants.skeleton("Sarāqib"), SpellingVariants.skeleton("Sarakeb"));
        assertNotEquals(SpellingVariants.skeleton("Aleppo"), SpellingVariants.skeleton("Idlib"));
        assertEquals("", SpellingVariants.skeleton("حلب"), "only Latin-script names have a skeleton");
    }

    @Test
    void closeSpellingsAreCloseAndUnrelatedNamesAreNot() {
        assertTrue(SpellingVariants.distance("tal tamer", "tall tamr") <= SpellingVariants.QUALIFIED_ONLY_DISTANCE);
        assertTrue(SpellingVariants.distance("chimiquito", "camucuato") > SpellingVariants.QUALIFIED_ONLY_DISTANCE);
    }

    @Test
    void aSpellingWithASettlementWordIsFoundInTheReportsProvince() {
        Geoparse g = parse("Protesters gathered in Kafrnabil town in the southern countryside of Idlib on Friday.");
        var m = g.mentions().stream().filter(x -> x.text().equals("Kafrnabil")).findFirst();
        assertTrue(m.isPresent(), g.mentions().toString());
        assertEquals(KAFRANBEL, m.get().place().geonameId());
        EventLocation loc = g.eventLocation();
        assertNotNull(loc);
        assertEquals(KAFRANBEL, loc.geonameId(), loc.reason());
    }

    static Geoparse parseAt(String text, double lat, double lon) {
        Source source = Source.named("test");
        return geoparser.parse(new Report(null, source.id(), null, null, "", text, null, Instant.EPOCH, null, null,
                new org.sitrep.model.GeoPoint(lat, lon), null), source);
    }

    @Test
    void theSourcesOwnCoordinatesAreContextForASpellingOfTheTownTheyLieIn() {
        String text = "A leftover shell exploded in a field on the edge of Kafrnabil this morning.";
        Geoparse at = parseAt(text, 35.617, 36.560);
        assertTrue(at.mentions().stream().anyMatch(x -> x.text().equals("Kafrnabil") && x.place().geonameId() == KAFRANBEL), at.mentions().toString());
        assertEquals("Kafranbel", at.eventLocation().name(), at.eventLocation().reason());
        // the same text with no point, or a point 40 km away, gives no cue to take the spelling
        assertTrue(parse(text).mentions().stream().noneMatch(x -> x.place().geonameId() == KAFRANBEL), parse(text).mentions().toString());
        Geoparse far = parseAt(text, 35.95, 36.63);
        assertTrue(far.mentions().stream().noneMatch(x -> x.place().geonameId() == KAFRANBEL), far.mentions().toString());
    }

    @Test
    void aSpellingPlacedByDirectionFromATownIsFoundNearIt() {
        Geoparse g = parse("Two civilians were killed in Kafranbil, 35 km south of Idlib, on Friday.");
        assertTrue(g.mentions().stream().anyMatch(x -> x.text().equals("Kafranbil") && x.place().geonameId() == KAFRANBEL), g.mentions().toString());
        Geoparse near = parse("Two civilians were killed in Kafranbil near Idlib on Friday.");
        assertTrue(near.mentions().stream().anyMatch(x -> x.place().geonameId() == KAFRANBEL), near.mentions().toString());
        // placed by direction from a town 230 km away, the same spelling is not taken
        Geoparse far = parse("Two civilians were killed in Kafranbil, north of Damascus, on Friday.");
        assertTrue(far.mentions().stream().noneMatch(x -> x.place().geonameId() == KAFRANBEL), far.mentions().toString());
    }

    @Test
    void aSpellingNestedInAQualifierIsFoundWithoutASettlementWord() {
        Geoparse g = parse("Shelling hit Salkin, Idlib, overnight.");
        assertTrue(g.mentions().stream().anyMatch(x -> x.place().geonameId() == SALQIN), g.mentions().toString());
    }

    @Test
    void withoutACueOrQualifierAnUnknownNameStaysUnknown() {
        Geoparse g = parse("Kafrnabil residents and people in Idlib protested.");
        assertTrue(g.mentions().stream().noneMatch(x -> x.place().geonameId() == KAFRANBEL), g.mentions().toString());
    }

    @Test
    void aSpellingIsOnlyLookedForInTheReportsCountry() {
        // the text is about Ukraine: a skeleton match in Syria is not taken
        Geoparse g = parse("Fighting was reported near Kafrnabil village in Kharkiv oblast, Ukraine.");
        assertTrue(g.mentions().stream().noneMatch(x -> x.place().geonameId() == KAFRANBEL), g.mentions().toString());
    }

    @Test
    void commonWordsAreNotTakenOnTheirSkeleton() {
        Geoparse g = parse("Clashes broke out in the Border area of Idlib.");
        assertTrue(g.mentions().stream().allMatch(x -> x.text().equals("Idlib")), g.mentions().toString());
    }

    @Test
    void aSettlementWordWrittenAsPartOfTheNameIsACue() {
        Geoparse g = parse("Protesters gathered in Sarakeb City, Idlib, on Friday.");
        var m = g.mentions().stream().filter(x -> x.text().equals("Sarakeb")).findFirst();
        assertTrue(m.isPresent(), g.mentions().toString());
        assertEquals(SARAQIB, m.get().place().geonameId());
    }

    @Test
    void withNoOtherPlaceOnlyAnExactNameCalledACityOfSomeSizeIsTaken() {
        // nothing else in the text says which country: a spelling variant is not looked for, an exact large town is
        Geoparse exact = parse("A shell left over from the fighting exploded in Manbij City on Friday.");
        assertTrue(exact.mentions().stream().anyMatch(x -> x.place().geonameId() == MANBIJ), exact.mentions().toString());
        Geoparse variant = parse("A shell left over from the fighting exploded in Kafrnabil City on Friday.");
        assertTrue(variant.mentions().stream().noneMatch(x -> x.place().geonameId() == KAFRANBEL), variant.mentions().toString());
    }

    @Test
    void withNoOtherPlaceACloseSpellingOfALargeTownCalledACityIsTaken() {
        Geoparse g = parse("Hundreds of graduates protested in Latakkiya city demanding jobs.");
        var m = g.mentions().stream().filter(x -> x.text().equals("Latakkiya")).findFirst();
        assertTrue(m.isPresent(), g.mentions().toString());
        assertEquals("Latakia", m.get().place().name());
        // without the settlement word the name is left alone
        Geoparse bare = parse("Hundreds of graduates protested in Latakkiya demanding jobs.");
        assertTrue(bare.mentions().stream().noneMatch(x -> x.text().equals("Latakkiya")), bare.mentions().toString());
    }
}
