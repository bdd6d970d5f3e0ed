package org.sitrep.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.sitrep.internal.Json;
import org.sitrep.model.Stance;

/**
 * A report's stance towards a claim from the report's headline (and its URL's slug when known): a multinomial
 * logistic regression over {@link StanceFeatures}, trained on the Emergent train split only (see
 * {@link StanceTrainer} and BENCHMARKS.md). It was trained on every pair both with and without its URL, so
 * it reads a headline alone as well. The weights are aggregate numbers per feature and class; no rows of the data ship.
 * Immutable and thread-safe.
 */
public final class StanceClassifier {
    /** Class order of the weight vectors. */
    static final Stance[] CLASSES = {Stance.SUPPORTS, Stance.DENIES, Stance.OBSERVES};
    static final String RESOURCE = "/org/sitrep/claims/stance-weights.json";

    private final Map<String, double[]> weights;

    StanceClassifier(Map<String, double[]> weights) { this.weights = Map.copyOf(weights); }

    /** Loads the shipped weights from the class path. */
    public static StanceClassifier load() {
        try (InputStream in = StanceClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("stance weights missing from the class path: " + RESOURCE
                    + "; rebuild them with 'sitrep eval stance ../shared/data/claims/emergent.jsonl --train-out src/main/resources" + RESOURCE + "'");
            return fromJson(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StanceClassifier fromJson(JsonNode root) {
        Map<String, double[]> w = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("weights").fields(); it.hasNext(); ) {
            var e = it.next();
            double[] v = new double[CLASSES.length];
            for (int k = 0; k < v.length; k++) v[k] = e.getValue().get(k).asDouble();
            w.put(e.getKey(), v);
        }
        return new StanceClassifier(w);
    }

    Map<String, double[]> weights() { return weights; }

    /** Probabilities in {@link #CLASSES} order, from the headline alone. */
    public double[] probabilities(String claim, String headline) { return probabilities(claim, headline, null); }

    /** Probabilities in {@link #CLASSES} order; {@code url} is the report's address, or null when unknown. */
    public double[] probabilities(String claim, String headline, String url) {
        return softmax(scores(weights, StanceFeatures.of(claim, headline, url)));
    }

    public Stance classify(String claim, String headline) { return classify(claim, headline, null); }

    /** The most probable stance; {@code url} is the report's address, or null when unknown. */
    public Stance classify(String claim, String headline, String url) {
        double[] p = probabilities(claim, headline, url);
        int best = 0;
        for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
        return CLASSES[best];
    }

    static double[] scores(Map<String, double[]> w, Set<String> features) {
        double[] s = new double[CLASSES.length];
        for (String f : features) {
            double[] v = w.get(f);
            if (v != null) for (int k = 0; k < s.length; k++) s[k] += v[k];
        }
        return s;
    }

    static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double x : s) max = Math.max(max, x);
        double[] p = new double[s.length];
        for (int k = 0; k < s.length; k++) sum += p[k] = Math.exp(s[k] - max);
        for (int k = 0; k < s.length; k++) p[k] /= sum;
        return p;
    }
}
