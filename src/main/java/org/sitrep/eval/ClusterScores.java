package org.sitrep.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a clustering against gold clusters: B-cubed precision, recall and F1 (Bagga and Baldwin
 * 1998, averaged over items) and pairwise F1 (over all pairs of items put together). Immutable.
 */
public record ClusterScores(int items, int goldClusters, int predictedClusters, double bcubedP, double bcubedR,
                            double pairwiseP, double pairwiseR) {

    public double bcubedF1() { return f1(bcubedP, bcubedR); }

    public double pairwiseF1() { return f1(pairwiseP, pairwiseR); }

    /** gold.get(i) and predicted.get(i) are item i's cluster labels. */
    public static ClusterScores of(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) throw new IllegalArgumentException("gold and predicted differ in length");
        int n = gold.size();
        if (n == 0) return new ClusterScores(0, 0, 0, 0, 0, 0, 0);
        Map<String, Integer> g = new HashMap<>(), p = new HashMap<>();
        Map<String, Integer> both = new HashMap<>();
        for (int i = 0; i < n; i++) {
            g.merge(gold.get(i), 1, Integer::sum);
            p.merge(predicted.get(i), 1, Integer::sum);
            both.merge(gold.get(i) + "\u0000" + predicted.get(i), 1, Integer::sum);
        }
        double bp = 0, br = 0, tp = 0;
        for (int i = 0; i < n; i++) {
            int overlap = both.get(gold.get(i) + "\u0000" + predicted.get(i));
            bp += (double) overlap / p.get(predicted.get(i));
            br += (double) overlap / g.get(gold.get(i));
        }
        for (int c : both.values()) tp += pairs(c);
        double predPairs = p.values().stream().mapToDouble(ClusterScores::pairs).sum();
        double goldPairs = g.values().stream().mapToDouble(ClusterScores::pairs).sum();
        // No pairs predicted (all singletons) means no wrong pair: precision 1, as B-cubed does.
        double pp = predPairs == 0 ? 1 : tp / predPairs;
        double pr = goldPairs == 0 ? 1 : tp / goldPairs;
        return new ClusterScores(n, g.size(), p.size(), bp / n, br / n, pp, pr);
    }

    private static double pairs(int k) { return k * (k - 1) / 2.0; }

    private static double f1(double p, double r) { return p + r == 0 ? 0 : 2 * p * r / (p + r); }
}
