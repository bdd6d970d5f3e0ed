package org.sitrep.claims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sitrep.model.Stance;

/**
 * Trains {@link StanceClassifier}: multinomial logistic regression, full-batch gradient descent with
 * AdaGrad and L2, over features seen at least {@code minCount} times in the training pairs. The L2
 * strength is chosen by 5-fold cross-validation grouped by claim (no claim in two folds), on the
 * training rows only. Deterministic. Not thread-safe.
 */
public final class StanceTrainer {
    /** One training pair. */
    public record Example(String group, String claim, String headline, Stance gold) {}

    static final int EPOCHS = 300;
    static final double RATE = 0.5;
    static final double[] L2 = {1e-3, 3e-3, 1e-2, 3e-2};
    static final int MIN_COUNT = 2;

    private double chosenL2;
    private final Map<Double, Double> cvAccuracy = new TreeMap<>();

    /** Chooses L2 by grouped cross-validation, then trains on all the given examples. */
    public StanceClassifier train(List<Example> examples) {
        double best = L2[0], bestAcc = -1;
        for (double l2 : L2) {
            int correct = 0;
            for (int fold = 0; fold < 5; fold++) {
                List<Example> tr = new ArrayList<>(), te = new ArrayList<>();
                for (Example e : examples) (Math.floorMod(e.group().hashCode(), 5) == fold ? te : tr).add(e);
                StanceClassifier c = fit(tr, l2);
                for (Example e : te) if (c.classify(e.claim(), e.headline()) == e.gold()) correct++;
            }
            double acc = (double) correct / examples.size();
            cvAccuracy.put(l2, acc);
            if (acc > bestAcc) { bestAcc = acc; best = l2; }
        }
        chosenL2 = best;
        return fit(examples, best);
    }

    public double chosenL2() { return chosenL2; }

    public Map<Double, Double> crossValidationAccuracy() { return cvAccuracy; }

    static StanceClassifier fit(List<Example> examples, double l2) {
        Map<String, Integer> counts = new HashMap<>();
        List<Set<String>> feats = new ArrayList<>();
        for (Example e : examples) {
            Set<String> f = StanceFeatures.of(e.claim(), e.headline());
            feats.add(f);
            for (String x : f) counts.merge(x, 1, Integer::sum);
        }
        Map<String, double[]> w = new LinkedHashMap<>(), g2 = new HashMap<>();
        counts.forEach((f, n) -> {
            if (n >= MIN_COUNT || f.equals("bias")) {
                w.put(f, new double[StanceClassifier.CLASSES.length]);
                g2.put(f, new double[StanceClassifier.CLASSES.length]);
            }
        });
        int k = StanceClassifier.CLASSES.length;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Map<String, double[]> grad = new HashMap<>();
            for (int i = 0; i < examples.size(); i++) {
                double[] p = StanceClassifier.softmax(StanceClassifier.scores(w, feats.get(i)));
                int gold = index(examples.get(i).gold());
                for (String f : feats.get(i)) {
                    if (!w.containsKey(f)) continue;
                    double[] g = grad.computeIfAbsent(f, x -> new double[k]);
                    for (int c = 0; c < k; c++) g[c] += p[c] - (c == gold ? 1 : 0);
                }
            }
            double n = examples.size();
            for (var e : w.entrySet()) {
                double[] g = grad.getOrDefault(e.getKey(), new double[k]);
                double[] acc = g2.get(e.getKey());
                boolean bias = e.getKey().equals("bias");
                for (int c = 0; c < k; c++) {
                    double gc = g[c] / n + (bias ? 0 : l2 * e.getValue()[c]);
                    acc[c] += gc * gc;
                    e.getValue()[c] -= RATE * gc / (Math.sqrt(acc[c]) + 1e-8);
                }
            }
        }
        return new StanceClassifier(w);
    }

    /** The weights as a JSON-ready map (feature -> [supports, denies, observes]), rounded, zeros dropped. */
    public static Map<String, Object> toJson(StanceClassifier c, String provenance) {
        Map<String, double[]> weights = c.weights();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", "multinomial logistic regression over StanceFeatures; classes [supports, denies, observes]");
        root.put("provenance", provenance);
        Map<String, List<Double>> w = new TreeMap<>();
        weights.forEach((f, v) -> {
            boolean nonzero = false;
            List<Double> r = new ArrayList<>();
            for (double x : v) {
                double y = Math.round(x * 10000) / 10000.0;
                nonzero |= y != 0;
                r.add(y);
            }
            if (nonzero) w.put(f, r);
        });
        root.put("weights", w);
        return root;
    }

    static int index(Stance s) {
        for (int i = 0; i < StanceClassifier.CLASSES.length; i++) if (StanceClassifier.CLASSES[i] == s) return i;
        throw new IllegalArgumentException(String.valueOf(s));
    }
}
