package org.sitrep.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanScoresTest {
    @Test
    void exactIgnoresEdgePunctuationOverlapNeedsASharedLetterAndIsOneToOne() {
        String t = "The ministry said, the army denied.";
        //          0123456789012345678901234567890123
        SpanScores s = new SpanScores();
        List<int[][]> gold = List.of(new int[][] {{0, 12}}, new int[][] {{19, 27}});
        List<int[][]> pred = List.of(new int[][] {{0, 13}}, new int[][] {{4, 12}}, new int[][] {{17, 19}});
        s.add(t, gold, pred, 1.0);
        // "The ministry " equals "The ministry" after trimming; "ministry" overlaps gold 1, which is taken;
        // ", " is empty after trimming and is not counted as a prediction.
        assertEquals(2.0, s.predicted(), 1e-9);
        assertEquals(0.5, s.precisionExact(), 1e-9);
        assertEquals(0.5, s.recallExact(), 1e-9);
        assertEquals(0.5, s.precisionOverlap(), 1e-9);
        assertEquals(0.5, s.recallOverlap(), 1e-9);
    }

    @Test
    void weightsCountFractions() {
        String t = "He said so.";
        SpanScores s = new SpanScores();
        s.add(t, List.<int[][]>of(new int[][] {{0, 2}}), List.<int[][]>of(new int[][] {{0, 2}}), 0.5);
        s.add(t, List.<int[][]>of(new int[][] {{8, 10}}), List.<int[][]>of(new int[][] {{0, 2}}), 0.5);
        assertEquals(0.5, s.recallExact(), 1e-9);
        assertEquals(1.0, s.gold(), 1e-9);
    }
}
