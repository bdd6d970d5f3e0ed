package org.sitrep.extract;

import java.util.Arrays;
import java.util.List;
import org.sitrep.model.Actor;

/**
 * Turns a tokenised report and its trigger hits into hashed feature ids for {@link TypeModel}.
 * Word and word-pair features are taken from Latin-script words only: the learned weights come from
 * English text, so Cyrillic or Arabic words would only hit hash buckets by collision. Reports in
 * other scripts are classified through the language-neutral trigger-label features ("t:AIR_STRIKE"),
 * which every lexicon language produces. Thread-safe (stateless).
 */
final class Features {
    private Features() {}

    static final int BIAS = 0;
    /** Words past this many tokens add nothing to the type decision and only cost time. */
    static final int MAX_TOKENS = 400;

    static int[] of(Tokens t, List<TriggerLexicon.Hit> hits, int bits, boolean triggersOnly) {
        return of(t, hits, List.of(), bits, triggersOnly);
    }

    /**
     * As above, plus who is involved: the kinds of actor1 and actor2 ("a1:rebel_group", "a2:state_forces")
     * and their pair. The same words mean different events depending on the target: "gunmen shot dead a
     * police officer" is a battle in ACLED's terms (both sides armed), "gunmen shot dead a farmer" is
     * violence against civilians. These features are language-neutral, like the trigger labels.
     */
    static int[] of(Tokens t, List<TriggerLexicon.Hit> hits, List<Actor> actors, int bits, boolean triggersOnly) {
        int mask = (1 << bits) - 1;
        int n = Math.min(t.size(), MAX_TOKENS);
        int[] out = new int[1 + (triggersOnly ? 0 : 2 * n) + 2 * hits.size() + 4];
        int k = 0;
        out[k++] = BIAS;
        if (!triggersOnly) {
            String prev = null;
            for (int i = 0; i < n; i++) {
                String w = t.word(i);
                if (!latin(w)) {
                    prev = null;
                    continue;
                }
                if (Character.isDigit(w.charAt(0))) w = "#";
                // same values as bucket("w:" + w) and bucket("b:" + prev + " " + w), without building the strings
                int hw = w.hashCode(), pw = pow31(w.length());
                out[k++] = mix(W_HASH * pw + hw, mask);
                if (prev != null) out[k++] = mix(((B_HASH * pow31(prev.length()) + prev.hashCode()) * 31 + ' ') * pw + hw, mask);
                prev = w;
            }
        }
        int leadEnd = t.leadEnd();
        for (TriggerLexicon.Hit h : hits) {
            out[k++] = bucket("t:" + h.label(), mask);
            if (h.start() < leadEnd) out[k++] = bucket("tl:" + h.label(), mask);
        }
        String k1 = null, k2 = null;
        for (Actor a : actors) {
            if (a.role().equals("actor1")) k1 = a.kind();
            else if (a.role().equals("actor2")) k2 = a.kind();
        }
        if (k1 != null) out[k++] = bucket("a1:" + k1, mask);
        if (k2 != null) out[k++] = bucket("a2:" + k2, mask);
        if (k1 != null || k2 != null) out[k++] = bucket("a12:" + k1 + "|" + k2, mask);
        int[] f = Arrays.copyOf(out, k);
        Arrays.sort(f);
        // binary features: drop repeats
        int m = 0;
        for (int i = 0; i < f.length; i++) if (i == 0 || f[i] != f[i - 1]) f[m++] = f[i];
        return Arrays.copyOf(f, m);
    }

    static boolean latin(String w) {
        char c = w.charAt(0);
        return c < 0x250;
    }

    private static final int W_HASH = "w:".hashCode(), B_HASH = "b:".hashCode();

    /** 31^n with int overflow, as String.hashCode computes it. */
    private static int pow31(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) p *= 31;
        return p;
    }

    /** Bucket 0 is the bias; a hashed feature never lands there. */
    static int bucket(String feature, int mask) {
        return mix(feature.hashCode(), mask);
    }

    private static int mix(int h, int mask) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        int b = h & mask;
        return b == 0 ? 1 : b;
    }
}
