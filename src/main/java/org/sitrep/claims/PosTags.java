package org.sitrep.claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;

/**
 * Universal part-of-speech tags (NOUN, VERB, PROPN, SCONJ, ...) of English tokens from Apache OpenNLP's UD English EWT
 * model ({@code opennlp-models-pos-en}, Apache 2.0), used to find a sentence's subject as the speaker of a cue
 * ({@code AttributionExtractor.posSubject}; as cue-tagger features they gave nothing, see BENCHMARKS.md). The tokens are
 * {@link CueTagger#tokens}, tagged a sentence at a time; decoding is greedy (the best tag of each token given the tags
 * before it), in half the time of OpenNLP's beam of 3 and with the same tags on all 79,232 tokens of PolNeAR's dev articles.
 *
 * <p>The model is loaded once, lazily, on first use (about half a second). The maximum-entropy model is read-only and
 * shared; OpenNLP's context generator is not thread-safe, so each thread has its own: {@link #tag} is thread-safe.
 */
public final class PosTags {
    static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    private PosTags() {}

    private static final class Holder {
        static final POSModel MODEL_ = load();
        static final MaxentModel MAXENT = MODEL_.getArtifact("pos.model");
        static final String[] OUTCOMES = outcomes(MAXENT);

        private static POSModel load() {
            try (InputStream in = PosTags.class.getResourceAsStream(MODEL)) {
                if (in == null) throw new IllegalStateException("OpenNLP English POS model missing from the class path: " + MODEL
                        + " (dependency org.apache.opennlp:opennlp-models-pos-en)");
                return new POSModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String[] outcomes(MaxentModel m) {
            String[] out = new String[m.getNumOutcomes()];
            for (int i = 0; i < out.length; i++) out[i] = m.getOutcome(i).intern();
            return out;
        }
    }

    /** OpenNLP's context generators keep state; one per thread (made from the model's feature descriptor, so not per call). */
    private static final ThreadLocal<POSContextGenerator> CONTEXT = ThreadLocal.withInitial(() -> Holder.MODEL_.getFactory().getPOSContextGenerator(0));

    /** Texts already tagged, for the evaluation's cross-validation (which tags every train article four times); off by default. */
    private static volatile Map<String, String[]> cache;

    /** Keeps the tags of every text tagged from now on (evaluation only: the product tags each report once). */
    public static void enableCache() {
        if (cache == null) cache = new ConcurrentHashMap<>();
    }

    /** The tag of each token of {@code t} (punctuation gets PUNCT or SYM as the model decides). */
    static String[] tag(String t, List<CueTagger.Token> toks) {
        Map<String, String[]> c = cache;
        if (c != null) {
            String[] hit = c.get(t);
            if (hit != null && hit.length == toks.size()) return hit;
        }
        String[] out = new String[toks.size()];
        POSContextGenerator cg = CONTEXT.get();
        MaxentModel m = Holder.MAXENT;
        double[] probs = new double[m.getNumOutcomes()];
        int from = 0;
        for (int i = 1; i <= toks.size(); i++) {
            if (i < toks.size() && !CueTagger.boundary(t, toks, i)) continue;
            String[] words = new String[i - from];
            for (int k = 0; k < words.length; k++) {
                CueTagger.Token tok = toks.get(from + k);
                words[k] = t.substring(tok.start(), tok.end()).replace('’', '\'');
            }
            String[] tags = new String[words.length];
            for (int k = 0; k < words.length; k++) {
                m.eval(cg.getContext(k, words, tags, null), probs);
                int best = 0;
                for (int o = 1; o < probs.length; o++) if (probs[o] > probs[best]) best = o;
                tags[k] = Holder.OUTCOMES[best];
            }
            System.arraycopy(tags, 0, out, from, tags.length);
            from = i;
        }
        if (c != null) c.put(t, out);
        return out;
    }
}
