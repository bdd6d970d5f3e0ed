package org.sitrep.claims;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Features of a (claim, headline) pair for stance: the headline's words and word pairs, refuting and
 * hedging cue words (the lists of Ferreira and Vlachos 2016, extended) and character n-grams of the new words
 * that look like one, negation on one side only, a question mark, and how much of the claim the headline repeats; and, when the report's URL is known, the
 * words of its slug that neither the headline nor the claim has. Each feature also comes in a copy marked with
 * whether the URL was given, so one model reads both conditions (see {@code augmented}). Pure, thread-safe.
 */
final class StanceFeatures {
    private StanceFeatures() {}

    static final Set<String> REFUTING = Set.of("fake", "fraud", "hoax", "false", "deny", "denies", "denied", "denying",
            "refute", "refutes", "refuted", "not", "despite", "nope", "doubt", "doubts", "bogus", "debunk", "debunked",
            "debunks", "prank", "pranks", "retract", "retracts", "retracted", "myth", "untrue", "rumor", "fabricated",
            "satire", "satirical", "no", "never", "isn", "wasn", "didn", "doesn", "aren", "weren", "won", "hasn", "haven",
            "rejects", "rejected", "dismisses", "dismissed", "misleading", "debunking", "phony", "spoof");
    static final Set<String> HEDGING = Set.of("alleged", "allegedly", "apparently", "appear", "appears", "claim", "claims",
            "claimed", "could", "evidently", "largely", "likely", "mainly", "may", "maybe", "might", "mostly", "perhaps",
            "presumably", "probably", "purported", "purportedly", "reported", "reportedly", "rumor", "rumour", "rumors",
            "rumours", "rumored", "rumoured", "says", "say", "said", "seem", "seems", "somewhat", "supposedly",
            "unconfirmed", "report", "reports", "according", "suggests", "suggest", "possibly", "sources", "allegations");
    static final Set<String> NEGATION = Set.of("not", "no", "never", "nothing", "none", "nobody", "neither", "nor",
            "isn", "wasn", "didn", "doesn", "aren", "weren", "won", "hasn", "haven", "don", "cannot", "without");
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "in", "on", "for", "and", "or", "is",
            "are", "was", "were", "be", "by", "with", "at", "as", "from", "that", "this", "it", "its", "his", "her", "s");

    /** A crude English suffix stripper so "denies", "denied" and "denying" share a feature. */
    static String stem(String w) {
        for (String suf : new String[] {"ing", "ied", "ies", "ed", "es", "s", "ly"}) {
            if (w.length() > suf.length() + 2 && w.endsWith(suf)) return w.substring(0, w.length() - suf.length());
        }
        return w;
    }

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        String low = s.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (int i = 0; i < low.length(); i++) {
            char c = low.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            } else {
                if (!b.isEmpty()) out.add(b.toString());
                b.setLength(0);
                if (c == '?') out.add("?");
            }
        }
        if (!b.isEmpty()) out.add(b.toString());
        return out;
    }

    /** Binary feature names for one pair, without a URL. */
    static Set<String> of(String claim, String headline) { return of(claim, headline, null); }

    /**
     * Binary feature names for one pair; {@code url} (the report's address, may be null) adds its slug's words.
     * A slug is often the headline as first written: "report-hbo-now-coming-to-apple-tv" under the headline
     * "HBO Now coming to Apple TV" keeps the hedge the editor later cut, and "tiger-woods-agent-denies-..." the
     * denial. Only slug words absent from both texts are features, so the slug adds what the headline lacks.
     */
    static Set<String> of(String claim, String headline, String url) {
        List<String> h = tokens(headline), c = tokens(claim);
        Set<String> f = new LinkedHashSet<>();
        f.add("bias");
        String prev = "<s>";
        for (String w : h) {
            f.add("w:" + w);
            f.add("b:" + prev + "_" + w);
            prev = w;
        }
        Set<String> hs = new HashSet<>(h), cs = new HashSet<>(c);
        // Headline words the claim does not contain carry the stance ("hoax", "reportedly"); shared words are topic.
        String prevNew = "<s>";
        for (String w : h) {
            if (cs.contains(w)) continue;
            f.add("n:" + w);
            f.add("s:" + stem(w));
            f.add("nb:" + prevNew + "_" + w);
            prevNew = w;
        }
        cueLikeCharGrams(h, cs, CHAR_GRAM, f);
        boolean ref = false, hedge = false, negH = false, negC = false;
        for (String w : h) {
            if (REFUTING.contains(w)) { ref = true; if (!cs.contains(w)) f.add("ref_new"); }
            if (HEDGING.contains(w)) hedge = true;
            if (NEGATION.contains(w)) negH = true;
        }
        for (String w : c) if (NEGATION.contains(w)) negC = true;
        if (ref) f.add("ref");
        if (hedge) f.add("hedge");
        if (ref && hedge) f.add("ref_hedge");
        if (negH != negC) f.add("neg_xor");
        if (negH && negC) f.add("neg_both");
        if (hs.contains("?")) f.add("question");
        int content = 0, shared = 0;
        for (String w : cs) {
            if (STOP.contains(w) || w.equals("?")) continue;
            content++;
            if (hs.contains(w)) shared++;
        }
        double overlap = content == 0 ? 0 : (double) shared / content;
        f.add("ovl" + Math.min(4, (int) (overlap * 5)));
        List<String> slug = slug(url);
        if (slug.isEmpty()) {
            f.add("u_none");
        } else {
            List<String> slugNew = new ArrayList<>();
            for (String w : slug) if (!hs.contains(w) && !cs.contains(w)) slugNew.add(w);
            for (String w : slugNew) f.add("ux:" + w);
            cueLikeCharGrams(slugNew, Set.of(), SLUG_CHAR_GRAM, f);
            f.add("u0:" + slug.get(0));
            for (String w : slug) if (REFUTING.contains(w) && !cs.contains(w)) f.add("u_ref_new");
            for (String w : slug) if (HEDGING.contains(w) && !cs.contains(w)) f.add("u_hedge_new");
        }
        return augmented(f, url != null && !url.isBlank());
    }

    /** Prefixes of the character n-gram features of the headline and of the slug, shrunk harder than whole words. */
    static final String CHAR_GRAM = "c:", SLUG_CHAR_GRAM = "uc:";

    /**
     * Character 3- to 5-grams (the word between '<' and '>') of the headline's new words that begin like a
     * refuting or hedging cue word (their first four letters begin one of at least four letters): forms the
     * lists miss share pieces with those they have ("hoaxer", "debunker", "rumoured", "allegation",
     * "fabrication", "denial"), so a form unseen in training still reads as a cue. Words the claim has are topic.
     * The same is done, under its own prefix, for the slug's words that neither text has.
     */
    static void cueLikeCharGrams(List<String> words, Set<String> claimWords, String prefix, Set<String> f) {
        for (String w : words) {
            if (w.length() < 4 || claimWords.contains(w) || !CUE_PREFIXES.contains(w.substring(0, 4))) continue;
            String x = "<" + w + ">";
            for (int n = 3; n <= 5; n++) for (int i = 0; i + n <= x.length(); i++) f.add(prefix + x.substring(i, i + n));
        }
    }

    /** First four letters of the refuting and hedging cue words of four letters or more. */
    private static final Set<String> CUE_PREFIXES = cuePrefixes();

    private static Set<String> cuePrefixes() {
        Set<String> p = new HashSet<>();
        for (Set<String> list : List.of(REFUTING, HEDGING)) for (String w : list) if (w.length() >= 4) p.add(w.substring(0, 4));
        return Set.copyOf(p);
    }

    /** Prefix of the copies of the features of a pair read with its URL, and of a pair read without one. */
    static final String WITH_URL = "U|", WITHOUT_URL = "B|";

    /**
     * Every feature once as it is and once more under the prefix of its input condition (headline with URL, or
     * headline alone), as in Daumé's "frustratingly easy" domain adaptation (2007): the shared copy learns what
     * holds for both, the prefixed copy how the condition changes it. With a slug at hand, "reportedly" in the
     * headline can weigh differently than when the headline is all there is.
     */
    private static Set<String> augmented(Set<String> f, boolean withUrl) {
        String prefix = withUrl ? WITH_URL : WITHOUT_URL;
        Set<String> out = new LinkedHashSet<>(f);
        for (String x : f) out.add(prefix + x);
        return out;
    }

    /** Longest URL read, in characters; anything longer is treated as having no slug. */
    static final int MAX_URL = 2048;
    private static final Set<String> URL_JUNK = Set.of("html", "htm", "php", "aspx", "asp", "shtml", "cms", "index",
            "article", "articles", "story", "stories", "news", "www", "com", "amp");

    /**
     * The words of a URL's slug: of the path's segments, the one with the most words (at least 3) once split at
     * '-', '_' and '+', keeping words of letters only (ids, dates and percent escapes drop out). Empty when none.
     */
    static List<String> slug(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) return List.of();
        String path = url;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        int cut = path.length();
        for (char c : new char[] {'?', '#', ';'}) {
            int i = path.indexOf(c);
            if (i >= 0) cut = Math.min(cut, i);
        }
        path = path.substring(0, cut);
        List<String> best = List.of();
        for (String seg : path.split("/")) {
            String s = seg.toLowerCase(Locale.ROOT).replaceFirst("\\.(html?|php|aspx?|shtml|cms)$", "");
            List<String> ws = new ArrayList<>();
            for (String w : s.split("[-_+]")) {
                if (w.isEmpty() || URL_JUNK.contains(w) || !w.chars().allMatch(Character::isLetter)) continue;
                ws.add(w);
            }
            if (ws.size() >= 3 && ws.size() > best.size()) best = ws;
        }
        return best;
    }
}
