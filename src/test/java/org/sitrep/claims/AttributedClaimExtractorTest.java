package org.sitrep.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.model.Claim;
import org.sitrep.model.Report;
import org.sitrep.model.Stance;
import org.sitrep.pipeline.Extraction;

class AttributedClaimExtractorTest {
    private final AttributedClaimExtractor x = new AttributedClaimExtractor();
    private static final Extraction STRIKE = new Extraction("Explosions/Remote violence", "Drone strike",
            List.of("drones"), List.of(), null, List.of("drone"), null, null, 0.8);

    private static Report report(String title, String text, String lang) {
        return new Report("r1", "rss:wire", "g1", null, title, text, lang, Instant.parse("2026-11-24T06:00:00Z"), null, null, null);
    }

    @Test
    void offsetsPointIntoFullTextAndViaNamesTheRelay() {
        Report r = report("Drones hit air base",
                "TASS reported, citing the defence ministry, that three drones struck the Millerovo air base overnight.", "en");
        List<Claim> claims = x.claims(r, STRIKE);
        assertEquals(1, claims.size(), claims::toString);
        Claim c = claims.get(0);
        assertEquals("the defence ministry", c.claimant());
        assertEquals("TASS", c.via());
        assertEquals("reported, citing", c.cue());
        assertEquals(Stance.SUPPORTS, c.stance());
        assertEquals(c.content(), r.fullText().substring(c.contentStart(), c.contentEnd()));
        assertEquals("r1", c.reportId());
        assertTrue(c.confidence() > 0.5);
    }

    @Test
    void governmentCallingItFalseDenies() {
        Report r = report("", "Kyiv said the reports of a strike on the air base were fake. The government rejected the reports as false.", "en");
        List<Claim> claims = x.claims(r, STRIKE);
        assertEquals(2, claims.size(), claims::toString);
        assertTrue(claims.stream().allMatch(c -> c.stance() == Stance.DENIES), claims::toString);
    }

    @Test
    void aSpokespersonOfABodyNamedBeforeSpeaksForItAndKeepsItsSide() {
        Report r = report("", "Kyiv's foreign ministry on Monday called false a claim that drones struck the air base. "
                + "A ministry spokesperson said the base was hit by debris from an intercepted drone. "
                + "The Russian ministry had said the drones hit the air base.", "en");
        List<Claim> claims = x.claims(r, STRIKE);
        Claim spokesperson = claims.stream().filter(c -> c.content().contains("debris")).findFirst().orElseThrow(() -> new AssertionError(claims));
        assertEquals("Kyiv's foreign ministry", spokesperson.claimant(), claims::toString);
        assertEquals(Stance.DENIES, spokesperson.stance(), "what the denying ministry adds is its side: " + claims);
        Claim russian = claims.stream().filter(c -> c.claimant().contains("Russian")).findFirst().orElseThrow(() -> new AssertionError(claims));
        assertEquals("The Russian ministry", russian.claimant(), "a ministry with its own modifier is another speaker");
        assertEquals(Stance.SUPPORTS, russian.stance(), claims::toString);
        // a bare body with nobody of that kind named before stays as written
        Report alone = report("", "A ministry spokesperson said drones struck the air base overnight.", "en");
        assertEquals("A ministry spokesperson", x.claims(alone, STRIKE).get(0).claimant());
    }

    @Test
    void confirmingThatTheActWasNotDoneDenies() {
        Report en = report("", "The group's spokesman confirmed that its fighters did not launch any drone toward the air base.", "en");
        List<Claim> claims = x.claims(en, STRIKE);
        assertEquals(1, claims.size(), claims::toString);
        assertEquals(Stance.DENIES, claims.get(0).stance(), claims::toString);
        Report ar = report("", "أكد المتحدث العسكري باسم الألوية أن الألوية لم تطلق أي طائرة مسيّرة باتجاه القاعدة.", "ar");
        List<Claim> arabic = x.claims(ar, STRIKE);
        assertTrue(!arabic.isEmpty() && arabic.stream().allMatch(c -> c.stance() == Stance.DENIES), arabic::toString);
        // a negation later in the content is not a denial of the act: "drones struck the base, which did not respond"
        Report later = report("", "The ministry said three drones struck the air base overnight and that air defences did not respond in time.", "en");
        assertEquals(Stance.SUPPORTS, x.claims(later, STRIKE).get(0).stance());
    }

    @Test
    void responsibilityClaimedDeniedAndBlamed() {
        Report r = report("", "The Islamic State group claimed responsibility for the bombing. "
                + "The Kurdish militia denied any involvement in the attack. "
                + "The interior minister blamed the Islamic State group for the blast.", "en");
        List<Claim> claims = x.claims(r, STRIKE);
        assertEquals(3, claims.size(), claims::toString);
        assertEquals("The Islamic State group", claims.get(0).responsibility());
        assertEquals(Stance.SUPPORTS, claims.get(0).stance());
        assertEquals("The Kurdish militia", claims.get(1).responsibility());
        assertEquals(Stance.DENIES, claims.get(1).stance());
        assertEquals("the Islamic State group", claims.get(2).responsibility());
        assertEquals("The interior minister", claims.get(2).claimant());
    }

    @Test
    void perpetratorNamedInsideAStatement() {
        Report r = report("", "The governor said Russian forces carried out the strike on the depot.", "en");
        Claim c = x.claims(r, STRIKE).get(0);
        assertEquals("Russian forces", c.responsibility());
    }

    @Test
    void statementUnrelatedToTheEventOnlyObserves() {
        Report r = report("", "The minister said talks with the union would resume next week.", "en");
        Claim c = x.claims(r, STRIKE).get(0);
        assertEquals(Stance.OBSERVES, c.stance());
        assertTrue(c.confidence() < 0.5);
        assertNull(c.responsibility());
    }

    @Test
    void negatedResponsibilityIsNoClaimOfIt() {
        Report r = report("", "No group has claimed responsibility for the attack. The army did not confirm the strike.", "en");
        List<Claim> claims = x.claims(r, STRIKE);
        assertEquals(2, claims.size(), claims::toString);
        for (Claim c : claims) {
            assertNull(c.responsibility(), c::toString);
            assertEquals(Stance.OBSERVES, c.stance(), c::toString);
        }
    }

    @Test
    void headlineTopicBeforeAColonIsNoSpeaker() {
        Report r = report("Saraqib market strike: 6 killed, 11 injured", "", "en");
        assertTrue(x.claims(r, STRIKE).isEmpty());
        Report z = report("Zelensky: Russia launched 90 drones overnight", "", "en");
        assertEquals("Zelensky", x.claims(z, STRIKE).get(0).claimant());
    }

    @Test
    void opinionsAreNotClaims() {
        Report r = report("", "Many residents believe the war will end soon.", "en");
        assertTrue(x.claims(r, STRIKE).isEmpty());
    }

    @Test
    void russianDenialByCallingItFake() {
        Report r = report("", "Песков назвал сообщения об ударе фейком.", "ru");
        Claim c = x.claims(r, STRIKE).get(0);
        assertEquals("Песков", c.claimant());
        assertEquals(Stance.DENIES, c.stance());
    }
}
