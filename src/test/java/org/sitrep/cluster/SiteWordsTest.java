package org.sitrep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sentences written for these tests. */
class SiteWordsTest {
    @Test
    void readsTheSiteHitFromTheLeadInFourLanguages() {
        assertEquals(Set.of("bakery"), SiteWords.of("Strike on bakery in al-Qusour, Idlib city\nAir strike hit the automated bakery at approx. 06:45 local."));
        assertEquals(Set.of("water station"), SiteWords.of("Idlib city hit again this afternoon, this time the water pumping station by the industrial zone."));
        assertEquals(Set.of("market"), SiteWords.of("عاجل | قصف جوي على سوق سراقب"));
        assertEquals(Set.of("hospital"), SiteWords.of("Ракетный удар по больнице в Харькове"));
        assertEquals(Set.of("power station"), SiteWords.of("Дрони атакували підстанцію на Харківщині"));
        assertEquals(Set.of("checkpoint"), SiteWords.of("ألوية درع الساحل تتبنى الهجوم على حاجز جنوب جسر الشغور"));
    }

    @Test
    void whereTheWoundedWereTakenIsNotASiteHitAndATownNamedLikeABridgeIsNoSite() {
        assertEquals(Set.of(), SiteWords.of("Shelling on Kafr Nabl: two wounded were taken to a nearby hospital."));
        assertEquals(Set.of(), SiteWords.of("Army repels terrorist attack south of Jisr al-Shughur"));
        assertEquals(Set.of(), SiteWords.of("Protests erupt in Sarmada"));
        assertEquals(Set.of(), SiteWords.of("Born in Nashville, she left her job as a schoolteacher; the schoolboy's death was reported."));
    }
}
