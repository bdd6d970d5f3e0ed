package org.sitrep.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassificationTest {
    @Test
    void scoresMatchHandComputedValues() {
        var c = new Classification();
        c.add("a", "a");
        c.add("a", "b");
        c.add("b", "b");
        c.add("c", "b");
        assertEquals(0.5, c.accuracy(), 1e-9);
        // a: P=1 R=.5 F=.667; b: P=1/3 R=1 F=.5; c: 0
        assertEquals((2.0 / 3 + 0.5 + 0) / 3, c.macroF1(), 1e-9);
        assertEquals((2.0 / 3 * 2 + 0.5 * 1 + 0) / 4, c.weightedF1(), 1e-9);
    }
}
