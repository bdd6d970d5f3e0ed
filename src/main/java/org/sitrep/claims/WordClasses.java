package org.sitrep.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The WordNet lexicographer classes of an English word's verb and noun senses, most frequent sense first: "pledged"
 * -> verb communication, possession, consumption; "outlook" -> noun cognition, act. They let the {@link CueTagger}
 * carry what it learned about frequent cue words to rare ones of the same kind ("vowed", "bemoaned", "the
 * assessment"), which the annotated news may never show.
 *
 * <p>The table ({@link #RESOURCE}) holds every single-word verb and noun lemma of WordNet 3.0 with its classes, and
 * WordNet's lists of irregular forms ("said" -> "say"); it is derived from WordNet only (see BENCHMARKS.md for the
 * command). WordNet 3.0 Copyright 2006 by Princeton University, used under its licence, which permits copying and
 * redistribution with this notice. Immutable and thread-safe.
 */
public final class WordClasses {
    static final String RESOURCE = "/org/sitrep/claims/wordnet-classes-en.tsv.gz";
    static final int MAX_ENTRIES = 500_000;
    private static final String[] NONE = new String[0];

    /** The classes of a word as a verb and as a noun (either may be empty). */
    record Classes(String[] verb, String[] noun) {}

    private static final Classes EMPTY = new Classes(NONE, NONE);

    private final Map<String, Classes> lemmas;
    private final Map<String, String> verbExceptions, nounExceptions;

    private WordClasses(Map<String, Classes> lemmas, Map<String, String> verbExceptions, Map<String, String> nounExceptions) {
        this.lemmas = lemmas;
        this.verbExceptions = verbExceptions;
        this.nounExceptions = nounExceptions;
    }

    static WordClasses load() {
        try (InputStream in = WordClasses.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("word class table missing from the class path: " + RESOURCE);
            return read(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines "lemma TAB verb classes TAB noun classes" (comma-separated) and "=v|=n TAB irregular form TAB lemma". */
    static WordClasses read(InputStream in) throws IOException {
        Map<String, Classes> lemmas = new HashMap<>();
        Map<String, String> v = new HashMap<>(), n = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int line = 0;
        for (String s; (s = r.readLine()) != null; ) {
            line++;
            if (s.startsWith("#") || s.isEmpty()) continue;
            String[] f = s.split("\t", -1);
            if (f.length != 3) throw new IOException("word class table: bad line " + line + ": expected 3 tab-separated fields");
            if (lemmas.size() + v.size() + n.size() >= MAX_ENTRIES) throw new IOException("word class table: more than " + MAX_ENTRIES + " entries");
            if (f[0].equals("=v")) v.put(f[1], f[2]);
            else if (f[0].equals("=n")) n.put(f[1], f[2]);
            else lemmas.put(f[0], new Classes(split(f[1]), split(f[2])));
        }
        return new WordClasses(lemmas, v, n);
    }

    /** WordNet's lexicographer files, in the order of their numbers (the second field of a data.* line). */
    private static final List<String> LEXNAMES = List.of("adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal",
            "noun.artifact", "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling",
            "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person", "noun.phenomenon", "noun.plant",
            "noun.possession", "noun.process", "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance",
            "noun.time", "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition", "verb.consumption",
            "verb.contact", "verb.creation", "verb.emotion", "verb.motion", "verb.perception", "verb.possession", "verb.social",
            "verb.stative", "verb.weather", "adj.ppl");

    /**
     * Writes the table from a WordNet 3.0 database directory (Debian's wordnet-base puts it in /usr/share/wordnet): every
     * single-word verb and noun lemma with the classes of its senses in WordNet's sense order, then the irregular forms.
     * Deterministic: the same database gives the same bytes.
     */
    public static void build(java.nio.file.Path wordnet, java.io.Writer out) throws IOException {
        java.util.TreeMap<String, String[]> rows = new java.util.TreeMap<>();
        for (int pos = 0; pos < 2; pos++) {
            String name = pos == 0 ? "verb" : "noun";
            Map<String, String> lex = new HashMap<>();
            for (String l : java.nio.file.Files.readAllLines(wordnet.resolve("data." + name), StandardCharsets.ISO_8859_1)) {
                if (l.startsWith("  ")) continue;
                String[] f = l.split(" ");
                String c = LEXNAMES.get(Integer.parseInt(f[1]));
                lex.put(f[0], c.substring(c.indexOf('.') + 1));
            }
            for (String l : java.nio.file.Files.readAllLines(wordnet.resolve("index." + name), StandardCharsets.ISO_8859_1)) {
                if (l.startsWith("  ")) continue;
                String[] f = l.trim().split(" ");
                String lemma = f[0];
                if (!lemma.matches("[a-z]+(?:-[a-z]+)*")) continue;
                int n = Integer.parseInt(f[2]);
                java.util.LinkedHashSet<String> cls = new java.util.LinkedHashSet<>();
                for (int i = f.length - n; i < f.length; i++) cls.add(lex.get(f[i]));
                rows.computeIfAbsent(lemma, k -> new String[] {"", ""})[pos] = String.join(",", cls);
            }
        }
        java.io.PrintWriter p = new java.io.PrintWriter(out);
        p.print("# WordNet 3.0 lexicographer classes of verb and noun senses, most frequent first; WordNet 3.0 Copyright 2006 by Princeton University\n");
        rows.forEach((k, v) -> p.print(k + "\t" + v[0] + "\t" + v[1] + "\n"));
        java.util.TreeSet<String> exc = new java.util.TreeSet<>();
        for (String name : List.of("verb", "noun")) {
            for (String l : java.nio.file.Files.readAllLines(wordnet.resolve(name + ".exc"), StandardCharsets.ISO_8859_1)) {
                String[] f = l.trim().split(" ");
                if (f.length < 2 || f[0].contains("_") || f[1].contains("_")) continue;
                exc.add("=" + name.charAt(0) + "\t" + f[0] + "\t" + f[1]);
            }
        }
        for (String e : exc) p.print(e + "\n");
        p.flush();
    }

    private static String[] split(String s) { return s.isEmpty() ? NONE : s.split(","); }

    /** The classes of a lower-cased word form, through WordNet's irregular forms and its suffix rules ("decried" -> "decry"). */
    Classes of(String word) {
        String[] verb = NONE, noun = NONE;
        String v = lemma(word, verbExceptions, VERB_RULES, true);
        if (v != null) verb = lemmas.get(v).verb();
        String n = lemma(word, nounExceptions, NOUN_RULES, false);
        if (n != null) noun = lemmas.get(n).noun();
        return verb.length == 0 && noun.length == 0 ? EMPTY : new Classes(verb, noun);
    }

    private static final List<String[]> VERB_RULES = List.of(new String[] {"s", ""}, new String[] {"ies", "y"}, new String[] {"es", "e"},
            new String[] {"es", ""}, new String[] {"ed", "e"}, new String[] {"ed", ""}, new String[] {"ing", "e"}, new String[] {"ing", ""});
    private static final List<String[]> NOUN_RULES = List.of(new String[] {"s", ""}, new String[] {"ses", "s"}, new String[] {"xes", "x"},
            new String[] {"zes", "z"}, new String[] {"ches", "ch"}, new String[] {"shes", "sh"}, new String[] {"men", "man"},
            new String[] {"ies", "y"});

    private String lemma(String w, Map<String, String> exceptions, List<String[]> rules, boolean verb) {
        String e = exceptions.get(w);
        if (e != null && has(e, verb)) return e;
        if (has(w, verb)) return w;
        for (String[] r : rules) {
            if (w.length() > r[0].length() + 1 && w.endsWith(r[0])) {
                String b = w.substring(0, w.length() - r[0].length()) + r[1];
                if (has(b, verb)) return b;
            }
        }
        return null;
    }

    private boolean has(String lemma, boolean verb) {
        Classes c = lemmas.get(lemma);
        return c != null && (verb ? c.verb().length > 0 : c.noun().length > 0);
    }
}
