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
 * Trains {@link StanceClassifier}: multinomial logistic regression with L2, minimised to convergence by
 * L-BFGS, over features seen in at least {@code MIN_COUNT} training pairs. Each pair that has a URL is
 * used twice, once with its URL and once without (that copy weighed {@code BARE_WEIGHT}), so the model reads
 * headlines alone as well (most feeds give a URL, pasted text and some posts do not). The L2 strength is chosen by 5-fold cross-validation
 * grouped by claim (no claim in two folds), averaged over six fold assignments, on the training rows only,
 * scored on the pairs with their URL.
 * Deterministic. Not thread-safe.
 */
public final class StanceTrainer {
    /** One training pair; {@code url} may be null. */
    public record Example(String group, String claim, String headline, String url, Stance gold) {
        public Example(String group, String claim, String headline, Stance gold) { this(group, claim, headline, null, gold); }
    }

    static final double[] L2 = {5e-3, 1e-2, 2e-2, 3e-2};
    /** Fold assignments averaged when choosing L2: one 5-fold split scores 2,000 pairs with about 0.3 points of noise. */
    static final int ASSIGNMENTS = 6;
    static final int FOLDS = 5;
    static final int MIN_COUNT = 2;
    /**
     * Weight of a pair's headline-alone copy against its copy with the URL (chosen by the same grouped
     * cross-validation: 0.25 over 1 and 0.5, BENCHMARKS.md); a pair without a URL has only the one copy, of weight 1.
     */
    static final double BARE_WEIGHT = 0.25;
    /**
     * L2 of the character n-gram features relative to the others: many n-grams fire together for one cue word,
     * so each is shrunk harder (2 over 1 and 4 by the same cross-validation, BENCHMARKS.md).
     */
    static final double CHAR_GRAM_L2 = 2;
    static final int MAX_ITERATIONS = 400;
    private static final int HISTORY = 10;

    private double chosenL2;
    private final Map<Double, double[]> cvAccuracy = new TreeMap<>();
    private final Map<Double, Double> cvHeadlineAccuracy = new TreeMap<>();

    /**
     * Chooses L2 by 5-fold cross-validation grouped by {@link Example#group()} (no group in two folds), averaged
     * over {@link #ASSIGNMENTS} assignments of groups to folds and scored on the pairs with their URL; then trains
     * on all the given examples. Ties go to the smaller L2. Deterministic.
     */
    public StanceClassifier train(List<Example> examples) {
        double best = L2[0], bestAcc = -1;
        for (double l2 : L2) {
            double[] acc = new double[ASSIGNMENTS];
            int headlineOnly = 0;
            for (int a = 0; a < ASSIGNMENTS; a++) {
                int correct = 0;
                for (int fold = 0; fold < FOLDS; fold++) {
                    List<Example> tr = new ArrayList<>(), te = new ArrayList<>();
                    for (Example e : examples) (fold(e.group(), a) == fold ? te : tr).add(e);
                    StanceClassifier c = fit(tr, l2);
                    for (Example e : te) {
                        if (c.classify(e.claim(), e.headline(), e.url()) == e.gold()) correct++;
                        if (c.classify(e.claim(), e.headline(), null) == e.gold()) headlineOnly++;
                    }
                }
                acc[a] = (double) correct / examples.size();
            }
            cvAccuracy.put(l2, acc);
            cvHeadlineAccuracy.put(l2, (double) headlineOnly / (ASSIGNMENTS * examples.size()));
            double mean = java.util.Arrays.stream(acc).average().orElse(0);
            if (mean > bestAcc) { bestAcc = mean; best = l2; }
        }
        chosenL2 = best;
        return fit(examples, best);
    }

    /**
     * The fold (0 to 4) of a group under assignment {@code a}: assignment 0 is the group's hash modulo 5 (as in
     * the first rounds), the others a mixed hash, so no two assignments are relabellings of each other.
     */
    static int fold(String group, int a) {
        if (a == 0) return Math.floorMod(group.hashCode(), FOLDS);
        long x = group.hashCode() * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        x *= 0x94D049BB133111EBL;
        x ^= x >>> 29;
        return (int) Math.floorMod(x, (long) FOLDS);
    }

    public double chosenL2() { return chosenL2; }

    /** Mean cross-validation accuracy (headline and URL) by L2. */
    public Map<Double, Double> crossValidationAccuracy() {
        Map<Double, Double> m = new TreeMap<>();
        cvAccuracy.forEach((l2, acc) -> m.put(l2, java.util.Arrays.stream(acc).average().orElse(0)));
        return m;
    }

    /** Cross-validation accuracy by L2, one figure per fold assignment. */
    public Map<Double, double[]> crossValidationAccuracyByAssignment() { return cvAccuracy; }

    /** Mean cross-validation accuracy by L2 of the same models reading the headline alone. */
    public Map<Double, Double> crossValidationHeadlineAccuracy() { return cvHeadlineAccuracy; }

    static StanceClassifier fit(List<Example> examples, double l2) {
        // Instances: every pair without its URL, and again with it when it has one; the copy without is weighed
        // BARE_WEIGHT against the copy with it, so the headline-alone condition is learnt without crowding out the
        // one most reports come in.
        List<Set<String>> feats = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        List<Double> weight = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Example e : examples) {
            Set<String> bare = StanceFeatures.of(e.claim(), e.headline(), null);
            Set<String> all = new java.util.HashSet<>(bare);
            boolean hasUrl = e.url() != null && !e.url().isBlank();
            feats.add(bare);
            gold.add(index(e.gold()));
            weight.add(hasUrl ? BARE_WEIGHT : 1.0);
            if (hasUrl) {
                Set<String> withUrl = StanceFeatures.of(e.claim(), e.headline(), e.url());
                feats.add(withUrl);
                gold.add(index(e.gold()));
                weight.add(1.0);
                all.addAll(withUrl);
            }
            for (String x : all) counts.merge(x, 1, Integer::sum);
        }
        double mean = weight.stream().mapToDouble(Double::doubleValue).average().orElse(1);
        double[] w = weight.stream().mapToDouble(v -> v / mean).toArray();
        return new StanceClassifier(fitWeights(feats, gold, w, counts, l2));
    }

    /**
     * Weights of a regression over given feature sets; {@code counts} is the number of training pairs with each
     * feature (a pair used with and without its URL counts once), and features in fewer than MIN_COUNT are dropped.
     */
    static Map<String, double[]> fitWeights(List<Set<String>> feats, List<Integer> gold, Map<String, Integer> counts, double l2) {
        return fitWeights(feats, gold, null, counts, l2);
    }

    /** As above, with each instance's weight in the loss ({@code weight} of mean 1, or null for all 1). */
    static Map<String, double[]> fitWeights(List<Set<String>> feats, List<Integer> gold, double[] weight, Map<String, Integer> counts, double l2) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        counts.keySet().stream().sorted().forEach(f -> {
            if (counts.get(f) >= MIN_COUNT || f.equals("bias")) ids.put(f, ids.size());
        });
        int[][] x = new int[feats.size()][];
        int[] y = new int[feats.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = feats.get(i).stream().filter(ids::containsKey).mapToInt(ids::get).toArray();
            y[i] = gold.get(i);
        }
        double[] l2ByFeature = new double[ids.size()];
        ids.forEach((f, j) -> l2ByFeature[j] = l2 * (isCharGram(f) ? CHAR_GRAM_L2 : 1));
        double[] w = new Objective(x, y, weight, ids.size(), ids.get("bias"), l2ByFeature).minimise();
        int k = StanceClassifier.CLASSES.length;
        Map<String, double[]> weights = new LinkedHashMap<>();
        ids.forEach((f, j) -> {
            double[] v = new double[k];
            System.arraycopy(w, j * k, v, 0, k);
            weights.put(f, v);
        });
        return weights;
    }

    /** Whether a feature (or its copy for an input condition) is a character n-gram of the headline or the slug. */
    static boolean isCharGram(String f) {
        String base = f.startsWith(StanceFeatures.WITH_URL) || f.startsWith(StanceFeatures.WITHOUT_URL)
                ? f.substring(StanceFeatures.WITH_URL.length()) : f;
        return base.startsWith(StanceFeatures.CHAR_GRAM) || base.startsWith(StanceFeatures.SLUG_CHAR_GRAM);
    }

    /**
     * Weighted mean negative log-likelihood plus L2 per feature (the bias is not shrunk), over features as index
     * arrays; {@code weight} (mean 1) is each instance's weight in the mean, or null for all 1.
     */
    private record Objective(int[][] x, int[] y, double[] weight, int features, int bias, double[] l2) {
        static final int K = StanceClassifier.CLASSES.length;

        double valueAndGradient(double[] w, double[] grad) {
            java.util.Arrays.fill(grad, 0);
            double loss = 0, n = x.length;
            double[] s = new double[K];
            for (int i = 0; i < x.length; i++) {
                java.util.Arrays.fill(s, 0);
                for (int j : x[i]) for (int c = 0; c < K; c++) s[c] += w[j * K + c];
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (double v : s) max = Math.max(max, v);
                for (int c = 0; c < K; c++) sum += s[c] = Math.exp(s[c] - max);
                for (int c = 0; c < K; c++) s[c] /= sum;
                double wi = weight == null ? 1 : weight[i];
                loss -= wi * Math.log(Math.max(s[y[i]], 1e-300));
                s[y[i]] -= 1;
                for (int j : x[i]) for (int c = 0; c < K; c++) grad[j * K + c] += wi * s[c] / n;
            }
            loss /= n;
            for (int j = 0; j < features; j++) {
                if (j == bias) continue;
                for (int c = 0; c < K; c++) {
                    double v = w[j * K + c];
                    loss += 0.5 * l2[j] * v * v;
                    grad[j * K + c] += l2[j] * v;
                }
            }
            return loss;
        }

        /** L-BFGS (two-loop recursion) with a backtracking Armijo line search; the objective is strictly convex. */
        double[] minimise() {
            int d = features * K;
            double[] w = new double[d], g = new double[d];
            double f = valueAndGradient(w, g);
            double[][] sHist = new double[HISTORY][], yHist = new double[HISTORY][];
            double[] rho = new double[HISTORY];
            int stored = 0, head = 0;
            for (int it = 0; it < MAX_ITERATIONS; it++) {
                double[] q = g.clone();
                double[] alpha = new double[HISTORY];
                for (int m = 0; m < stored; m++) {
                    int h = Math.floorMod(head - 1 - m, HISTORY);
                    alpha[h] = rho[h] * dot(sHist[h], q);
                    axpy(-alpha[h], yHist[h], q);
                }
                if (stored > 0) {
                    int h = Math.floorMod(head - 1, HISTORY);
                    scale(q, dot(sHist[h], yHist[h]) / dot(yHist[h], yHist[h]));
                } else {
                    scale(q, 1 / Math.max(1e-12, Math.sqrt(dot(g, g))));
                }
                for (int m = stored - 1; m >= 0; m--) {
                    int h = Math.floorMod(head - 1 - m, HISTORY);
                    double beta = rho[h] * dot(yHist[h], q);
                    axpy(alpha[h] - beta, sHist[h], q);
                }
                double slope = -dot(g, q); // q is the ascent direction; we step along -q
                if (slope >= 0) { stored = 0; continue; } // not a descent direction: restart from the gradient
                double step = 1, fNew;
                double[] wNew = new double[d], gNew = new double[d];
                while (true) {
                    for (int j = 0; j < d; j++) wNew[j] = w[j] - step * q[j];
                    fNew = valueAndGradient(wNew, gNew);
                    if (fNew <= f + 1e-4 * step * slope || step < 1e-10) break;
                    step *= 0.5;
                }
                double[] sv = new double[d], yv = new double[d];
                for (int j = 0; j < d; j++) { sv[j] = wNew[j] - w[j]; yv[j] = gNew[j] - g[j]; }
                double sy = dot(sv, yv);
                if (sy > 1e-12) {
                    sHist[head] = sv; yHist[head] = yv; rho[head] = 1 / sy;
                    head = (head + 1) % HISTORY;
                    stored = Math.min(stored + 1, HISTORY);
                }
                boolean done = Math.abs(f - fNew) <= 1e-10 * Math.max(1, Math.abs(f));
                w = wNew; g = gNew; f = fNew;
                if (done || Math.sqrt(dot(g, g)) < 1e-7) break;
            }
            return w;
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) s += a[i] * b[i];
            return s;
        }

        private static void axpy(double a, double[] x, double[] y) { for (int i = 0; i < x.length; i++) y[i] += a * x[i]; }

        private static void scale(double[] x, double a) { for (int i = 0; i < x.length; i++) x[i] *= a; }
    }

    /** The weights as a JSON-ready map (feature -> [supports, denies, observes]), rounded, zeros dropped. */
    public static Map<String, Object> toJson(StanceClassifier c, String provenance) {
        Map<String, double[]> weights = c.weights();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", "multinomial logistic regression over StanceFeatures (headline, claim, URL slug, character n-grams of cue-like words; each feature shared and per input condition, U| with URL, B| without); classes [supports, denies, observes]");
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
