package org.sitrep.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sitrep.model.Mention;

/** Sentences written for these tests. */
class PlaceUseTest {
    static Mention at(String text, String name, int nth) {
        int i = -1;
        for (int k = 0; k <= nth; k++) i = text.indexOf(name, i + 1);
        return new Mention(i, i + name.length(), name, null, "", 1.0);
    }

    @Test
    void aTownNamedForItsProvinceOrInASloganIsNamedInPassing() {
        String t = "Protests erupted in Taftanaz, Idlib province. Hundreds chanted 'Idlib will not kneel' and \"Idlib is free\".";
        assertFalse(PlaceUse.incidental(t, at(t, "Taftanaz", 0)));
        assertTrue(PlaceUse.incidental(t, at(t, "Idlib", 0)), "Idlib province");
        assertTrue(PlaceUse.incidental(t, at(t, "Idlib", 1)), "a slogan in single quotes");
        assertTrue(PlaceUse.incidental(t, at(t, "Idlib", 2)), "a slogan in double quotes");
        String ar = "خرجت مظاهرة في تفتناز بريف إدلب";
        assertTrue(PlaceUse.incidental(ar, at(ar, "إدلب", 0)), "ريف إدلب: Idlib's countryside");
    }

    @Test
    void aTownWhereItHappenedIsNotInPassingEvenInAQuoteOfItsOwnReport() {
        String t = "Strikes hit Idlib city on Friday. Idlib's mayor said the market was full.";
        assertFalse(PlaceUse.incidental(t, at(t, "Idlib", 0)));
        assertFalse(PlaceUse.incidental(t, at(t, "Idlib", 1)), "a possessive is no opening quote");
    }

    @Test
    void aPlaceWhereSomethingHappensIsWrittenAfterInAtNearOrAStrikeVerb() {
        String t = "Shelling hit Saraqib overnight. A market in Sarmin burned, and a drone fell near Binnish. "
                + "Strikes on Ariha went on; residents of Taftanaz fled north of Maarrat.";
        for (String town : new String[] {"Saraqib", "Sarmin", "Binnish", "Ariha", "Taftanaz", "Maarrat"}) {
            assertTrue(PlaceUse.locative(t, at(t, town, 0), java.util.List.of()), town);
        }
    }

    @Test
    void aDatelineOrATownWithItsStateIsWhereItHappened() {
        String t = "SUNNYVALE, Calif. - The chipmaker said on Monday that it will buy the start-up.";
        assertTrue(PlaceUse.locative(t, at(t, "SUNNYVALE", 0), java.util.List.of()), "a dateline in capitals");
        String r = "Austin (Reuters) - Police said two men were arrested.";
        assertTrue(PlaceUse.locative(r, at(r, "Austin", 0), java.util.List.of()), "a wire dateline");
        String s = "Police in the suburb said a man from Baytown, Texas, was arrested. Officers said Plano, TX was next.";
        var texas = new org.sitrep.model.Place(4736286, "Texas", new org.sitrep.model.GeoPoint(31.25, -99.25), "A", "ADM1", "US", "TX", "", 0);
        var baytown = new org.sitrep.model.Place(4672731, "Baytown", new org.sitrep.model.GeoPoint(29.74, -94.98), "P", "PPL", "US", "TX", "", 0);
        int b = s.indexOf("Baytown"), x = s.indexOf("Texas");
        var mBaytown = new Mention(b, b + 7, "Baytown", baytown, "", 1.0);
        var mTexas = new Mention(x, x + 5, "Texas", texas, "", 1.0);
        assertTrue(PlaceUse.locative(s, mBaytown, java.util.List.of(mBaytown, mTexas)), "the town's own state follows it");
        assertTrue(PlaceUse.locative(s, at(s, "Plano", 0), java.util.List.of()), "a state's two-letter code follows it");
    }

    @Test
    void aNameThatIsNeverWrittenAsAPlaceIsNotLocative() {
        String t = "Cisco said its routers were patched. Users of Microsoft Outlook should update, and Hewlett-Packard "
                + "shipped a fix; Cisco, Oracle and IBM were also affected.";
        assertFalse(PlaceUse.locative(t, at(t, "Cisco", 0), java.util.List.of()), "a company as the subject");
        assertFalse(PlaceUse.locative(t, at(t, "Cisco", 1), java.util.List.of()), "a company in a list, not at a line's start");
        assertFalse(PlaceUse.locative(t, at(t, "Outlook", 0), java.util.List.of()), "a product");
        assertFalse(PlaceUse.locative(t, at(t, "Hewlett", 0), java.util.List.of()), "part of a company's name");
        String ar = "قالت سيسكو إن أجهزتها تعرضت للاختراق";
        assertTrue(PlaceUse.locative(ar, at(ar, "سيسكو", 0), java.util.List.of()), "another script is not read: no doubt");
    }
}
