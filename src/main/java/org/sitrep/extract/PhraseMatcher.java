package org.sitrep.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lexicon phrases in a token sequence. A phrase is a sequence of tokens; a token ending in
 * {@code *} matches any word it starts, which is how one entry covers inflections ("обстрел*" matches
 * обстрел, обстрелы, обстрелял). Arabic words are also tried without the proclitics و, ف, ب, ل and
 * the article ال, so "والقصف" matches the entry "قصف".
 * Longest match wins at each position; matches do not overlap. Immutable once built; thread-safe.
 *
 * @param <T> what an entry stands for (a trigger label, an actor)
 */
final class PhraseMatcher<T> {
    record Entry<T>(String[] tokens, T value, String phrase) {}

    /** One match: tokens [start, end) of the input, and the entry. */
    record Match<T>(int start, int end, Entry<T> entry) {
        T value() { return entry.value(); }
    }

    private static final int MIN_STEM = 2;

    private final Map<String, List<Entry<T>>> byFirst = new HashMap<>();
    private final Map<String, List<Entry<T>>> byFirstStem = new HashMap<>();
    private int maxStem = 0;

    void add(String phrase, T value) {
        String[] toks = tokenizePhrase(phrase);
        if (toks.length == 0) throw new IllegalArgumentException("empty phrase");
        Entry<T> e = new Entry<>(toks, value, phrase);
        String first = toks[0];
        if (first.endsWith("*")) {
            String stem = first.substring(0, first.length() - 1);
            if (stem.length() < MIN_STEM) throw new IllegalArgumentException("stem too short: " + phrase);
            byFirstStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(e);
            maxStem = Math.max(maxStem, stem.length());
        } else {
            byFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
        }
    }

    /** Tokenises a lexicon phrase the way {@link Tokens} tokenises text, keeping a trailing '*' per token. */
    static String[] tokenizePhrase(String phrase) {
        List<String> out = new ArrayList<>();
        for (String part : phrase.trim().split("\\s+")) {
            boolean star = part.endsWith("*");
            String body = star ? part.substring(0, part.length() - 1) : part;
            List<String> ws = Tokens.of(body).words();
            for (int i = 0; i < ws.size(); i++) out.add(star && i == ws.size() - 1 ? ws.get(i) + "*" : ws.get(i));
        }
        return out.toArray(String[]::new);
    }

    List<Match<T>> findAll(Tokens t) {
        return findAll(t, 0, t.size());
    }

    List<Match<T>> findAll(Tokens t, int from, int to) {
        List<Match<T>> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            Match<T> best = longestAt(t, i, to);
            if (best == null) {
                i++;
            } else {
                out.add(best);
                i = best.end();
            }
        }
        return out;
    }

    private Match<T> longestAt(Tokens t, int i, int to) {
        Match<T> best = null;
        String w = t.word(i);
        best = better(best, candidates(byFirst.get(w), t, i, to));
        String bare = arabicBare(w);
        if (bare != null) best = better(best, candidates(byFirst.get(bare), t, i, to));
        if (!byFirstStem.isEmpty()) {
            for (String form : bare == null ? new String[] {w} : new String[] {w, bare}) {
                int lim = Math.min(form.length(), maxStem);
                for (int k = MIN_STEM; k <= lim; k++) {
                    best = better(best, candidates(byFirstStem.get(form.substring(0, k)), t, i, to));
                }
            }
        }
        return best;
    }

    private Match<T> candidates(List<Entry<T>> entries, Tokens t, int i, int to) {
        if (entries == null) return null;
        Match<T> best = null;
        for (Entry<T> e : entries) {
            int n = e.tokens().length;
            if (i + n > to) continue;
            boolean ok = true;
            for (int j = 1; j < n && ok; j++) ok = tokenMatches(e.tokens()[j], t.word(i + j));
            if (ok) best = better(best, new Match<>(i, i + n, e));
        }
        return best;
    }

    private static boolean tokenMatches(String pattern, String word) {
        if (pattern.endsWith("*")) {
            String stem = pattern.substring(0, pattern.length() - 1);
            if (word.startsWith(stem)) return true;
            String bare = arabicBare(word);
            return bare != null && bare.startsWith(stem);
        }
        if (pattern.equals(word)) return true;
        String bare = arabicBare(word);
        return bare != null && bare.equals(pattern);
    }

    private static <T> Match<T> better(Match<T> a, Match<T> b) {
        if (a == null) return b;
        if (b == null) return a;
        if (b.end() != a.end()) return b.end() > a.end() ? b : a;
        // same span: the more specific entry wins ("боевик*" militants over "боев*" combat)
        return b.entry().phrase().length() > a.entry().phrase().length() ? b : a;
    }

    /** The word without Arabic proclitics and article, or null when it is not Arabic or has none. */
    static String arabicBare(String w) {
        if (w.isEmpty() || w.charAt(0) < '\u0600' || w.charAt(0) > '\u06FF') return null;
        String s = w;
        if (s.length() > 3 && (s.charAt(0) == 'و' || s.charAt(0) == 'ف')) s = s.substring(1);
        if (s.length() > 3 && (s.charAt(0) == 'ب' || s.charAt(0) == 'ل' || s.charAt(0) == 'ك')
                && s.charAt(1) == 'ا' && s.charAt(2) == 'ل') s = s.substring(1);
        if (s.length() > 4 && s.startsWith("ال")) s = s.substring(2);
        if (s.length() > 3 && s.startsWith("لل")) s = s.substring(2);
        return s.equals(w) ? null : s;
    }
}
