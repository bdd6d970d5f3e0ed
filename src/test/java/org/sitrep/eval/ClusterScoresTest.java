package org.sitrep.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {
    @Test
    void bcubedAndPairwiseOnAWorkedExample() {
        // gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}
        var s = ClusterScores.of(List.of("X", "X", "X", "Y", "Y"), List.of("1", "1", "2", "2", "2"));
        // precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3 -> 11/15
        assertEquals(11.0 / 15, s.bcubedP(), 1e-9);
        // recall per item: a 2/3, b 2/3, c 1/3, d 1, e 1 -> 11/15
        assertEquals(11.0 / 15, s.bcubedR(), 1e-9);
        // pairs: predicted {ab, cd, ce, de} = 4, gold {ab, ac, bc, de} = 4, both {ab, de} = 2
        assertEquals(0.5, s.pairwiseF1(), 1e-9);
        assertEquals(2, s.goldClusters());
        assertEquals(2, s.predictedClusters());
    }

    @Test
    void perfectAndAllSingletons() {
        var perfect = ClusterScores.of(List.of("a", "a", "b"), List.of("x", "x", "y"));
        assertEquals(1.0, perfect.bcubedF1(), 1e-9);
        assertEquals(1.0, perfect.pairwiseF1(), 1e-9);
        var singletons = ClusterScores.of(List.of("a", "a", "a", "a"), List.of("1", "2", "3", "4"));
        assertEquals(1.0, singletons.bcubedP(), 1e-9);
        assertEquals(0.25, singletons.bcubedR(), 1e-9);
        assertEquals(0.0, singletons.pairwiseR(), 1e-9);
    }
}
