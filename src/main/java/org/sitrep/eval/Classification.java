package org.sitrep.eval;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accumulates (gold, predicted) label pairs and computes accuracy, macro-F1 (unweighted mean over
 * gold and predicted labels) and weighted F1 (weighted by gold support, as scikit-learn does).
 * Not thread-safe.
 */
public final class Classification {
    private final Map<String, Integer> tp = new HashMap<>(), fp = new HashMap<>(), fn = new HashMap<>(), support = new HashMap<>();
    private int n, correct;

    public void add(String gold, String predicted) {
        n++;
        support.merge(gold, 1, Integer::sum);
        if (gold.equals(predicted)) {
            correct++;
            tp.merge(gold, 1, Integer::sum);
        } else {
            fn.merge(gold, 1, Integer::sum);
            fp.merge(predicted, 1, Integer::sum);
        }
    }

    public int n() { return n; }

    public double accuracy() { return n == 0 ? 0 : (double) correct / n; }

    public double f1(String label) {
        double t = tp.getOrDefault(label, 0), p = t + fp.getOrDefault(label, 0), g = t + fn.getOrDefault(label, 0);
        if (t == 0) return 0;
        double prec = t / p, rec = t / g;
        return 2 * prec * rec / (prec + rec);
    }

    /** Mean F1 over every label seen in gold or predictions. */
    public double macroF1() {
        Set<String> labels = labels();
        return labels.isEmpty() ? 0 : labels.stream().mapToDouble(this::f1).sum() / labels.size();
    }

    /** F1 per gold label, weighted by the label's gold support. */
    public double weightedF1() {
        return n == 0 ? 0 : support.entrySet().stream().mapToDouble(e -> f1(e.getKey()) * e.getValue()).sum() / n;
    }

    public Set<String> labels() {
        Set<String> s = new TreeSet<>(support.keySet());
        s.addAll(fp.keySet());
        return s;
    }
}
