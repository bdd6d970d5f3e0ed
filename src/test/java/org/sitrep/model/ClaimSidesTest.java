package org.sitrep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimSidesTest {
    private static Claim claim(String report, String who, Stance s, String responsible, double conf) {
        return new Claim(report + who, report, who, "said", "...", s, responsible, null, -1, -1, conf);
    }

    @Test
    void groupsBySideWithOutletsAndKeepsResponsibilityApart() {
        List<Claim> claims = List.of(
                claim("r1", "The Defence Ministry", Stance.SUPPORTS, null, 0.6),
                claim("r2", "the defence ministry,", Stance.SUPPORTS, null, 0.8),
                claim("r2", "Kyiv", Stance.DENIES, null, 0.8),
                claim("r3", "The group", Stance.SUPPORTS, "The group", 0.85),
                claim("r3", "a resident", Stance.OBSERVES, null, 0.3));
        ClaimSides sides = ClaimSides.of(claims, Map.of("r1", "rss:tass", "r2", "rss:reuters"));
        assertEquals(2, sides.supporting().size());
        assertEquals("rss:reuters", sides.supporting().get(0).sourceId()); // most confident first
        assertEquals(1, ClaimSides.parties(sides.supporting()).size()); // one ministry, two spellings
        assertEquals(1, sides.denying().size());
        assertEquals(1, sides.responsibility().size());
        assertEquals(1, sides.observing().size());
        assertTrue(sides.disputed());
    }

    @Test
    void samePartyOnBothSidesIsNotADispute() {
        ClaimSides sides = ClaimSides.of(List.of(claim("r1", "Kyiv", Stance.SUPPORTS, null, 0.7),
                claim("r2", "kyiv", Stance.DENIES, null, 0.7)), Map.of());
        assertFalse(sides.disputed());
    }

    @Test
    void theTimeASpeakerSpokeIsNotPartOfItsName() {
        assertEquals("Turkey's foreign ministry", ClaimSides.partyName("Turkey's foreign ministry on Saturday"));
        assertEquals("The army", ClaimSides.partyName("The army late on Friday"));
        assertEquals("the governor", ClaimSides.partyName("the governor, yesterday"));
        assertEquals("officials", ClaimSides.partyName("officials this morning"));
        assertEquals(ClaimSides.partyKey("the Defence Ministry"), ClaimSides.partyKey("The Defence Ministry on Monday"));
        // names that end in such a word, or are only one, stay whole
        assertEquals("Sunday Times", ClaimSides.partyName("Sunday Times"));
        assertEquals("Today", ClaimSides.partyName("Today"));
        assertEquals("Radio Friday", ClaimSides.partyName("Radio Friday"));
        assertEquals("BBC Today", ClaimSides.partyName("BBC Today"));
    }
}
