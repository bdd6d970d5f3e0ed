package org.sitrep.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Precision, recall and F1 of predicted text spans against gold spans, matched one to one, in two
 * ways. A span is a list of [start, end) fragments into one text.
 * <ul>
 *   <li>exact: the same fragments, after trimming spaces and the punctuation {@code , . ; :} at both
 *       ends of each fragment (quotation marks count);</li>
 *   <li>overlap: the two spans share at least one letter or digit; each gold span is matched by at most
 *       one prediction and the other way round, the pairs that share the most characters first.</li>
 * </ul>
 * Counts are doubles so that a document annotated by k people can count 1/k per annotation. Not thread-safe.
 */
public final class SpanScores {
    private double goldN, predN, tpExact, tpOverlap;

    /** Adds one document: its gold and predicted spans, each counted with {@code weight}. */
    public void add(String text, List<int[][]> gold, List<int[][]> predicted, double weight) {
        List<int[][]> g = gold.stream().map(s -> trim(text, s)).filter(s -> s.length > 0).toList();
        List<int[][]> p = predicted.stream().map(s -> trim(text, s)).filter(s -> s.length > 0).toList();
        goldN += weight * g.size();
        predN += weight * p.size();
        tpExact += weight * matchExact(g, p);
        tpOverlap += weight * matchOverlap(text, g, p);
    }

    public double gold() { return goldN; }
    public double predicted() { return predN; }
    public double precisionExact() { return predN == 0 ? 0 : tpExact / predN; }
    public double recallExact() { return goldN == 0 ? 0 : tpExact / goldN; }
    public double f1Exact() { return f1(precisionExact(), recallExact()); }
    public double precisionOverlap() { return predN == 0 ? 0 : tpOverlap / predN; }
    public double recallOverlap() { return goldN == 0 ? 0 : tpOverlap / goldN; }
    public double f1Overlap() { return f1(precisionOverlap(), recallOverlap()); }

    private static double f1(double p, double r) { return p + r == 0 ? 0 : 2 * p * r / (p + r); }

    private static int matchExact(List<int[][]> gold, List<int[][]> pred) {
        List<String> remaining = new ArrayList<>(gold.stream().map(SpanScores::key).toList());
        int tp = 0;
        for (int[][] p : pred) if (remaining.remove(key(p))) tp++;
        return tp;
    }

    private static int matchOverlap(String text, List<int[][]> gold, List<int[][]> pred) {
        record Pair(int g, int p, int shared) {}
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            for (int j = 0; j < pred.size(); j++) {
                int shared = sharedAlnum(text, gold.get(i), pred.get(j));
                if (shared > 0) pairs.add(new Pair(i, j, shared));
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::shared).reversed());
        boolean[] gUsed = new boolean[gold.size()], pUsed = new boolean[pred.size()];
        int tp = 0;
        for (Pair x : pairs) {
            if (gUsed[x.g] || pUsed[x.p]) continue;
            gUsed[x.g] = pUsed[x.p] = true;
            tp++;
        }
        return tp;
    }

    private static int sharedAlnum(String text, int[][] a, int[][] b) {
        int n = 0;
        for (int[] x : a) {
            for (int[] y : b) {
                int s = Math.max(x[0], y[0]), e = Math.min(x[1], y[1]);
                for (int i = s; i < e; i++) if (Character.isLetterOrDigit(text.charAt(i))) n++;
            }
        }
        return n;
    }

    private static String key(int[][] s) {
        StringBuilder b = new StringBuilder();
        for (int[] f : s) b.append(f[0]).append('-').append(f[1]).append(';');
        return b.toString();
    }

    private static int[][] trim(String text, int[][] span) {
        List<int[]> out = new ArrayList<>();
        for (int[] f : span) {
            int s = Math.max(0, f[0]), e = Math.min(text.length(), f[1]);
            while (s < e && trimmable(text.charAt(s))) s++;
            while (e > s && trimmable(text.charAt(e - 1))) e--;
            if (e > s) out.add(new int[] {s, e});
        }
        return out.toArray(new int[0][]);
    }

    private static boolean trimmable(char c) { return Character.isWhitespace(c) || ",.;:".indexOf(c) >= 0; }
}
