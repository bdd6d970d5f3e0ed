package org.sitrep.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeModelTest {
    @Test
    void trainsOnHandWrittenExamplesAndRoundTrips() throws IOException {
        var examples = List.of(
                new TypeModelTrainer.Example("Warplanes bombed the village.", "Air/drone strike"),
                new TypeModelTrainer.Example("Jets carried out an airstrike on the town.", "Air/drone strike"),
                new TypeModelTrainer.Example("Demonstrators held a protest in the square.", "Peaceful protest"),
                new TypeModelTrainer.Example("Students staged a protest march.", "Peaceful protest"));
        var s = new TypeModelTrainer.Settings(12, 20, 1, 0.3, 1e-6, 0.3, 7);
        var trained = new TypeModelTrainer().train(examples, s, "unit test");
        var bytes = new ByteArrayOutputStream();
        trained.write(bytes);
        TypeModel back = TypeModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertTrue(back.description().startsWith("unit test"));
        Tokens t = Tokens.of("Warplanes hit the market.");
        int[] f = Features.of(t, TriggerLexicon.loadDefault().events(t), 12, false);
        double[] p1 = trained.model.probabilities(f), p2 = back.probabilities(f);
        int best = 0;
        for (int i = 1; i < p2.length; i++) if (p2[i] > p2[best]) best = i;
        assertEquals("Air/drone strike", back.labels().get(best));
        // half-precision storage changes probabilities only slightly
        for (int i = 0; i < p1.length; i++) assertEquals(p1[i], p2[i], 0.01);
    }

    @Test
    void averagedRunsAreOneDeterministicModelBetweenItsRuns() {
        var examples = List.of(
                new TypeModelTrainer.Example("Warplanes bombed the village.", "Air/drone strike"),
                new TypeModelTrainer.Example("Artillery shelled the town overnight.", "Shelling/artillery/missile attack"),
                new TypeModelTrainer.Example("Demonstrators held a protest in the square.", "Peaceful protest"),
                new TypeModelTrainer.Example("Gunmen shot dead a farmer.", "Attack"));
        var trainer = new TypeModelTrainer();
        var run0 = trainer.train(examples, new TypeModelTrainer.Settings(12, 3, 1, 0.3, 1e-6, 0.5, 7), "r0").model;
        var run1 = trainer.train(examples, new TypeModelTrainer.Settings(12, 3, 1, 0.3, 1e-6, 0.5, 8), "r1").model;
        var bagged = trainer.train(examples, new TypeModelTrainer.Settings(12, 3, 1, 0.3, 1e-6, 0.5, 7, 2), "bag").model;
        var again = trainer.train(examples, new TypeModelTrainer.Settings(12, 3, 1, 0.3, 1e-6, 0.5, 7, 2), "bag").model;
        int bucket = Features.BIAS; // updated by every example, so it depends on their order
        double spread = 0;
        for (int label = 0; label < run0.labels().size(); label++) spread = Math.max(spread, Math.abs(run0.weight(bucket, label) - run1.weight(bucket, label)));
        assertTrue(spread > 1e-3, "the two runs differ, so their mean is a third model: " + spread);
        for (int label = 0; label < bagged.labels().size(); label++) {
            assertEquals(again.weight(bucket, label), bagged.weight(bucket, label), 0, "deterministic");
            assertEquals((run0.weight(bucket, label) + run1.weight(bucket, label)) / 2, bagged.weight(bucket, label), 1e-5, "the mean of the runs");
        }
        assertThrows(IllegalArgumentException.class, () -> new TypeModelTrainer.Settings(12, 3, 1, 0.3, 1e-6, 0.5, 7, 0));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(IOException.class, () -> TypeModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3})));
    }

    @Test
    void featureHashingWithoutStringsMatchesStringHashing() {
        Tokens t = Tokens.of("shelled town");
        int[] f = Features.of(t, List.of(), 18, false);
        int mask = (1 << 18) - 1;
        int[] expected = {0, Features.bucket("w:shelled", mask), Features.bucket("w:town", mask), Features.bucket("b:shelled town", mask)};
        java.util.Arrays.sort(expected);
        assertArrayEquals(expected, f);
    }
}
