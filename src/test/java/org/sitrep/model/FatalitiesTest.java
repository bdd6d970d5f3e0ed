package org.sitrep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FatalitiesTest {
    @Test
    void mergingKeepsTheRangeAndToleratesMissingCounts() {
        Fatalities killedOnly = Fatalities.killed(4, "at least 4 killed");
        Fatalities injuredOnly = new Fatalities(null, null, 11, 11, "11 injured");
        Fatalities m = killedOnly.merge(injuredOnly).merge(Fatalities.killed(6, "6 killed"));
        assertEquals(4, m.killedMin());
        assertEquals(6, m.killedMax());
        assertEquals(11, m.injuredMin());
        Fatalities none = Fatalities.UNKNOWN.merge(Fatalities.UNKNOWN);
        assertNull(none.killedMin());
        assertEquals(4, Fatalities.UNKNOWN.merge(killedOnly).killedMax());
    }
}
