package org.sitrep.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuantitiesTest {
    @Test
    void yearsIncludeBothHalvesOfASeasonButNotADate() {
        assertArrayEquals(new int[] {2005, 2008, 2009},
                Quantities.years("Coach fired", "The 2008-09 season was supposed to be better than 2005."));
        assertArrayEquals(new int[] {2008}, Quantities.years(null, "Filed 2008/10/02."));
        assertArrayEquals(new int[] {}, Quantities.years("", "Call 120089 or see page 2019a, ref 12008."));
    }

    @Test
    void countedThingsKeepTheNounAndTheNumberBeforeIt() {
        Map<String, Set<String>> q = Quantities.of("Navy captures 23 pirates",
                "Three dead after a 6.1-magnitude quake; the Sixers and the 76ers lost 2 games. Tennant left at 3 pm on 12 May.");
        assertEquals(Set.of("23"), q.get("pirate"));
        assertEquals(Set.of("3"), q.get("dead"));
        assertEquals(Set.of("6.1"), q.get("magnitude"));
        assertEquals(Set.of("2"), q.get("game"));
        assertFalse(q.containsKey("ers"), "'Sixers' and '76ers' are names, not six or 76 of something: " + q);
        assertFalse(q.containsKey("nant"), "'Tennant' is no count of ten: " + q);
        assertFalse(q.containsKey("pm") || q.containsKey("may"), "clock and calendar words are not counted: " + q);
    }

    @Test
    void digitsOfOtherScriptsAreRead() {
        assertTrue(Quantities.of(null, "قتل ٣ مدنيين").containsValue(Set.of("3")));
    }
}
