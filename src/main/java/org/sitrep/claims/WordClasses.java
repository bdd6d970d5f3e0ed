package org.sitrep.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Hand-written English word classes for the {@link CueTagger}: verbs and nouns of speech, argument, judgement, urging,
 * thought, perception and evidence, nouns that name speakers, and multi-word cue phrases ("according to", "in a
 * statement", "told reporters"). The list ({@link #RESOURCE}) is written for Sitrep, derived from no lexicon or corpus.
 *
 * <p>Why classes: the tagger learns from 840 annotated articles, and most cue verbs occur in them a few times or never
 * ("excoriated", "chastised"); a class lets what it learned about "criticized" carry to them. The classes are tagger
 * features, never rules: "call" is a judge verb, and the tagger still learns that "a group called X" names.
 *
 * <p>Thread-safe; the list is immutable, and the only state is a bounded cache of looked-up words.
 */
final class WordClasses {
    static final String RESOURCE = "/org/sitrep/claims/word-classes-en.txt";
    /** A phrase longer than this many words is a mistake in the list. */
    static final int MAX_PHRASE_WORDS = 8;

    private final Map<String, String[]> classes;
    private final Map<String, String> irregular;
    /** Phrases by their first word, each a list of its words. */
    private final Map<String, List<String[]>> phrases;

    private WordClasses(Map<String, String[]> classes, Map<String, String> irregular, Map<String, List<String[]>> phrases) {
        this.classes = classes;
        this.irregular = irregular;
        this.phrases = phrases;
    }

    private static volatile WordClasses english;

    /** The shipped English list, read once. */
    static WordClasses english() {
        WordClasses w = english;
        if (w == null) {
            try (InputStream in = WordClasses.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("word classes missing from the class path: " + RESOURCE);
                english = w = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return w;
    }

    static WordClasses read(InputStream in) throws IOException {
        Map<String, TreeSet<String>> byWord = new HashMap<>();
        Map<String, String> irregular = new HashMap<>();
        Map<String, List<String[]>> phrases = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int n = 0;
        for (String line; (line = r.readLine()) != null; ) {
            n++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IOException(RESOURCE + " line " + n + ": no 'class:' before the words");
            String key = line.substring(0, colon).strip();
            String rest = line.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (key) {
                case "irregular" -> {
                    for (String pair : rest.split("\\s+")) {
                        int eq = pair.indexOf('=');
                        if (eq <= 0) throw new IOException(RESOURCE + " line " + n + ": irregular form without '=': " + pair);
                        irregular.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
                case "phrase" -> {
                    for (String p : rest.split("\\|")) {
                        String[] words = p.strip().split("\\s+");
                        if (words.length < 2 || words.length > MAX_PHRASE_WORDS)
                            throw new IOException(RESOURCE + " line " + n + ": a phrase has 2 to " + MAX_PHRASE_WORDS + " words: " + p);
                        phrases.computeIfAbsent(words[0], k -> new ArrayList<>()).add(words);
                    }
                }
                default -> {
                    for (String w : rest.split("\\s+")) byWord.computeIfAbsent(w, k -> new TreeSet<>()).add(key);
                }
            }
        }
        Map<String, String[]> classes = new HashMap<>();
        byWord.forEach((w, c) -> classes.put(w, c.toArray(String[]::new)));
        // Longest phrase first, so "said in a statement" wins over a shorter phrase starting at the same word.
        phrases.values().forEach(l -> l.sort((a, b) -> b.length - a.length));
        return new WordClasses(classes, irregular, phrases);
    }

    private static final String[] NONE = new String[0];

    /**
     * The classes of a lower-case word, through its inflections ("excoriated" -> excoriate, "slammed" -> slam, "told" ->
     * tell, "claims" -> claim and claims): the union over the base forms the list has, sorted; empty when it has none.
     */
    String[] of(String w) {
        String[] c = cache.get(w);
        if (c == null) {
            c = lookUp(w);
            if (cache.size() < MAX_CACHED) cache.put(w, c);
        }
        return c;
    }

    /** Words looked up before (the tagger asks for each word and its neighbours): a bounded cache, so a server's vocabulary cannot grow it without end. */
    private final java.util.concurrent.ConcurrentHashMap<String, String[]> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentHashMap<String, String> joinedCache = new java.util.concurrent.ConcurrentHashMap<>();
    static final int MAX_CACHED = 200_000;

    private String[] lookUp(String w) {
        String[] direct = classes.get(w);
        String[] out = direct == null ? NONE : direct;
        for (String base : bases(w)) {
            String[] c = classes.get(base);
            if (c == null || c == direct) continue;
            out = union(out, c);
        }
        return out;
    }

    /** The classes of a word joined by '+' ("argue-n+argue-v"), or "-". */
    String joined(String w) {
        String j = joinedCache.get(w);
        if (j == null) {
            String[] c = of(w);
            j = c.length == 0 ? "-" : c.length == 1 ? c[0] : String.join("+", c);
            if (joinedCache.size() < MAX_CACHED) joinedCache.put(w, j);
        }
        return j;
    }

    private static String[] union(String[] a, String[] b) {
        if (a.length == 0) return b;
        TreeSet<String> s = new TreeSet<>(List.of(a));
        s.addAll(List.of(b));
        return s.toArray(String[]::new);
    }

    /** Possible base forms of an inflected word, by English suffix rules; the caller keeps those in the list. */
    List<String> bases(String w) {
        List<String> out = new ArrayList<>(4);
        String irr = irregular.get(w);
        if (irr != null) out.add(irr);
        int n = w.length();
        if (n > 4 && w.endsWith("ies")) out.add(w.substring(0, n - 3) + "y");
        else if (n > 3 && w.endsWith("es")) {
            out.add(w.substring(0, n - 2));
            out.add(w.substring(0, n - 1));
        } else if (n > 3 && w.endsWith("s") && !w.endsWith("ss")) out.add(w.substring(0, n - 1));
        if (n > 4 && w.endsWith("ied")) out.add(w.substring(0, n - 3) + "y");
        else if (n > 3 && w.endsWith("ed")) {
            out.add(w.substring(0, n - 2));
            out.add(w.substring(0, n - 1));
            if (n > 5 && w.charAt(n - 3) == w.charAt(n - 4)) out.add(w.substring(0, n - 3));
        }
        if (n > 5 && w.endsWith("ing")) {
            out.add(w.substring(0, n - 3));
            out.add(w.substring(0, n - 3) + "e");
            if (n > 6 && w.charAt(n - 4) == w.charAt(n - 5)) out.add(w.substring(0, n - 4));
            if (w.endsWith("ying")) out.add(w.substring(0, n - 4) + "ie");
        }
        return out;
    }

    /**
     * Where the list's phrases occur in the tokens: {@code out[i]} is "phrase#k" for the k-th word (0-based) of the
     * longest phrase covering token {@code i} first, or null. Words of a phrase must be consecutive tokens.
     */
    String[] phrases(List<CueTagger.Token> toks) {
        String[] out = new String[toks.size()];
        for (int i = 0; i < toks.size(); i++) {
            List<String[]> cands = phrases.get(toks.get(i).lower());
            if (cands == null) continue;
            for (String[] p : cands) {
                if (i + p.length > toks.size()) continue;
                boolean ok = true;
                for (int k = 1; k < p.length && ok; k++) ok = toks.get(i + k).lower().equals(p[k]);
                if (!ok) continue;
                String id = String.join(" ", p);
                for (int k = 0; k < p.length; k++) if (out[i + k] == null) out[i + k] = id + "#" + k;
                break;
            }
        }
        return out;
    }

    /** Number of words with a class. */
    int size() { return classes.size(); }
}
