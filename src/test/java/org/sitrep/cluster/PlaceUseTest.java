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
}
