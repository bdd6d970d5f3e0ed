package org.sitrep.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains {@link TypeModel}: multinomial logistic regression by AdaGrad over hashed word, word-pair and
 * trigger-label features. A share of the examples is shown with trigger-label features only (feature
 * dropout) so the model also learns to type a report from its triggers alone, which is all it has
 * for Russian, Ukrainian or Arabic text. Deterministic for a given seed. Not thread-safe.
 */
public final class TypeModelTrainer {
    /** One labelled text: the report text and its ACLED sub-event type (ACLED's string). */
    public record Example(String text, String subEventType) {}

    /**
     * @param bits        hash size in bits (2^bits buckets)
     * @param epochs      passes over the data
     * @param minCount    features seen in fewer training texts are dropped (keeps the file small)
     * @param triggerOnly share of examples shown with trigger features only
     */
    public record Settings(int bits, int epochs, int minCount, double learningRate, double l2, double triggerOnly, long seed, int bags) {
        /** One model, no averaging. */
        public Settings(int bits, int epochs, int minCount, double learningRate, double l2, double triggerOnly, long seed) {
            this(bits, epochs, minCount, learningRate, l2, triggerOnly, seed, 1);
        }

        public Settings {
            if (bags < 1) throw new IllegalArgumentException("bags must be at least 1, not " + bags);
        }

        public static Settings defaults() { return new Settings(18, 20, 2, 0.3, 1e-6, 0.3, 42, 5); }
    }

    private final TriggerLexicon lexicon;
    private final ActorLexicon actors;

    public TypeModelTrainer() {
        this.lexicon = TriggerLexicon.loadDefault();
        this.actors = ActorLexicon.loadDefault();
    }

    /** The trained model, ready to {@link #write} or use. */
    public static final class Trained {
        final TypeModel model;
        private final int rows;

        Trained(TypeModel model, int rows) {
            this.model = model;
            this.rows = rows;
        }

        public int rows() { return rows; }

        public void write(OutputStream out) throws IOException { model.write(out); }
    }

    public Trained train(List<Example> examples, Settings s, String description) {
        List<EventTypes.SubType> subs = EventTypes.acled();
        String[] labels = subs.stream().map(EventTypes.SubType::name).toArray(String[]::new);
        int nl = labels.length, size = 1 << s.bits();
        List<int[]> full = new ArrayList<>(), trig = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        int[] count = new int[size];
        for (Example ex : examples) {
            EventTypes.SubType st = EventTypes.byName(ex.subEventType());
            if (st == null || ex.text() == null || ex.text().isBlank()) continue;
            Tokens t = Tokens.of(ex.text());
            List<TriggerLexicon.Hit> hits = lexicon.events(t);
            List<org.sitrep.model.Actor> parties = actors.actors(t);
            int[] f = Features.of(t, hits, parties, s.bits(), false);
            for (int b : f) count[b]++;
            full.add(f);
            trig.add(Features.of(t, hits, parties, s.bits(), true));
            ys.add(subs.indexOf(st));
        }
        if (full.isEmpty()) throw new IllegalArgumentException("no usable training examples (need text and an ACLED sub_event_type)");
        count[Features.BIAS] = Integer.MAX_VALUE;
        // Several runs that differ only in shuffling and in which examples lose their words, averaged: the
        // mean of linear models is one linear model of the same size, with less of each run's chance in it.
        float[] w = new float[size * nl];
        for (int bag = 0; bag < s.bags(); bag++) {
            float[] one = fit(full, trig, ys, count, s, s.seed() + bag, nl, size);
            for (int i = 0; i < w.length; i++) w[i] += one[i] / s.bags();
        }
        int[] rowOf = new int[size];
        Arrays.fill(rowOf, -1);
        int rows = 0;
        for (int b = 0; b < size; b++) {
            if (count[b] < s.minCount()) continue;
            boolean any = false;
            for (int j = 0; j < nl && !any; j++) any = Math.abs(w[b * nl + j]) > 1e-3;
            if (any) rowOf[b] = rows++;
        }
        float[] packed = new float[rows * nl];
        for (int b = 0; b < size; b++) {
            if (rowOf[b] >= 0) System.arraycopy(w, b * nl, packed, rowOf[b] * nl, nl);
        }
        String desc = description + "; " + full.size() + " examples; " + s;
        return new Trained(new TypeModel(s.bits(), labels, desc, rowOf, packed), rows);
    }

    /** One AdaGrad run over the examples; returns the weights, bucket * labels + label. */
    private static float[] fit(List<int[]> full, List<int[]> trig, List<Integer> ys, int[] count, Settings s, long seed, int nl, int size) {
        float[] w = new float[size * nl], g2 = new float[size * nl];
        Random rnd = new Random(seed);
        Integer[] order = new Integer[full.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        double[] score = new double[nl];
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            java.util.Collections.shuffle(Arrays.asList(order), rnd);
            for (int idx : order) {
                int[] f = rnd.nextDouble() < s.triggerOnly() ? trig.get(idx) : full.get(idx);
                int y = ys.get(idx);
                Arrays.fill(score, 0);
                for (int b : f) {
                    if (count[b] < s.minCount()) continue;
                    int base = b * nl;
                    for (int j = 0; j < nl; j++) score[j] += w[base + j];
                }
                double[] p = TypeModel.softmax(score);
                for (int b : f) {
                    if (count[b] < s.minCount()) continue;
                    int base = b * nl;
                    for (int j = 0; j < nl; j++) {
                        double grad = p[j] - (j == y ? 1 : 0) + s.l2() * w[base + j];
                        g2[base + j] += (float) (grad * grad);
                        w[base + j] -= (float) (s.learningRate() * grad / Math.sqrt(g2[base + j] + 1e-8));
                    }
                }
            }
        }
        return w;
    }
}
