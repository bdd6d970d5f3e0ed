package org.sitrep.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Scores each English word as an attribution cue from its context: an averaged perceptron over the word,
 * its suffix and shape, the words around it, its place in the sentence,
 * what follows ("that", a colon, a quote, "whether") and what precedes (a name, a pronoun, a determiner), and
 * whether the hand lexicon ({@link CueLexicon}) has a cue there, and the project's hand-written word classes and cue
 * phrases ({@link WordClasses}) of the word and its neighbours. Features are hashed ({@link Feats}): scoring builds no
 * strings. Retrain the weights whenever the features or the word-class list change.
 *
 * <p>Why a model and not a longer word list: attitude and thought verbs are cues only in some contexts.
 * "Voters think Sanders can win" attributes a view; "think tank" does not. "She supported the bill" is an
 * attribution in PolNeAR, "the supported candidate" is not. A word list either takes all of them (precision
 * falls) or none (recall falls); the context features tell them apart.
 *
 * <p>The shipped weights ({@link #RESOURCE}) were trained on the PolNeAR train split only (see
 * BENCHMARKS.md and {@link #train}); they are aggregate weights per feature, no sentence of the corpus.
 * Immutable and thread-safe after construction.
 */
public final class CueTagger {
    static final String RESOURCE = "/org/sitrep/claims/cue-tagger-en.tsv.gz";
    /** A weights file larger than this is not a model this class wrote. */
    static final int MAX_FEATURES = 2_000_000;

    /** Open-addressed table from feature hash ({@link Feats#hash}) to weight; 0 marks an empty slot. */
    private final long[] keys;
    private final float[] values;
    private final int size;
    /** The weights by feature name, kept only by a tagger made by {@link #train} (for {@link #write}). */
    private final Map<String, Float> named;
    private final String provenance;
    private final WordClasses classes = WordClasses.english();

    private CueTagger(Map<String, Float> weights, String provenance, boolean keepNames) {
        int cap = Integer.highestOneBit(Math.max(16, weights.size() * 2)) * 2;
        this.keys = new long[cap];
        this.values = new float[cap];
        int n = 0;
        for (Map.Entry<String, Float> e : weights.entrySet()) {
            long h = Feats.hash(e.getKey());
            int slot = slot(keys, h);
            if (keys[slot] == 0) n++;
            keys[slot] = h;
            values[slot] = e.getValue();
        }
        this.size = n;
        this.named = keepNames ? weights : null;
        this.provenance = provenance;
    }

    private static int slot(long[] keys, long h) {
        int mask = keys.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != 0 && keys[i] != h) i = (i + 1) & mask;
        return i;
    }

    private float weight(long h) {
        int mask = keys.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == h) return values[i];
            if (k == 0) return 0f;
        }
    }

    /** The shipped weights from the class path. */
    public static CueTagger load() {
        try (InputStream in = CueTagger.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("cue tagger weights missing from the class path: " + RESOURCE
                    + "; rebuild them with 'sitrep eval attribution ../shared/data/claims/polnear-articles.jsonl "
                    + "../shared/data/claims/polnear-attributions.jsonl --train-cue-tagger src/main/resources" + RESOURCE + "'");
            return read(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Weights written by {@link #write} to a gzipped file. */
    public static CueTagger load(java.nio.file.Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(java.nio.file.Files.newInputStream(file))) {
            return read(in);
        }
    }

    /** Reads "feature TAB weight" lines; lines starting with '#' are comments (the first says where the weights come from). */
    static CueTagger read(InputStream in) throws IOException {
        Map<String, Float> w = new HashMap<>();
        String prov = "";
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("#")) {
                if (prov.isEmpty()) prov = line.substring(1).trim();
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab <= 0) throw new IOException("cue tagger weights: bad line " + (w.size() + 1) + ": no tab");
            if (w.size() >= MAX_FEATURES) throw new IOException("cue tagger weights: more than " + MAX_FEATURES + " features");
            w.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
        }
        return new CueTagger(w, prov, false);
    }

    /** Writes the weights gzipped, sorted by feature, with the provenance as a comment line. */
    public void write(OutputStream out) throws IOException {
        if (named == null) throw new IllegalStateException("only a tagger trained in this run can be written (loaded weights keep no names)");
        try (PrintWriter p = new PrintWriter(new java.io.OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
            p.println("# " + provenance.replace('\n', ' '));
            p.println("# feature TAB weight; a word is a cue when the sum of its features' weights is above the extractor's threshold");
            for (Map.Entry<String, Float> e : new TreeMap<>(named).entrySet()) p.println(e.getKey() + "\t" + e.getValue());
        }
    }

    public String provenance() { return provenance; }

    /** Number of weighted features. */
    public int size() { return size; }

    // ---- tokens and features ----------------------------------------------------------------------

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*|\\S");

    /** A token of the text: a word or one punctuation character. */
    record Token(int start, int end, String lower, boolean word, boolean capital) {}

    static List<Token> tokens(String t) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(t);
        while (m.find()) {
            String s = m.group();
            boolean word = Character.isLetterOrDigit(s.charAt(0));
            out.add(new Token(m.start(), m.end(), s.toLowerCase(Locale.ROOT).replace('’', '\''), word, Character.isUpperCase(s.charAt(0))));
        }
        return out;
    }

    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "we", "i", "you", "it", "who", "which", "that");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "his", "her", "their", "its", "our", "my", "your",
            "this", "these", "those", "whose", "no", "any", "some");
    private static final Set<String> AUX = Set.of("has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "will",
            "would", "may", "might", "could", "can", "should", "must", "do", "does", "did", "not", "n't", "also", "to");

    private static boolean quoteChar(String s) { return s.length() == 1 && "\"“”«»„".indexOf(s.charAt(0)) >= 0; }

    /** A coarse class of a neighbouring token: what matters around a cue is whether a name, pronoun, "that" or quote is there. */
    private static String cls(Token k) {
        if (k == null) return "none";
        String s = k.lower();
        if (!k.word()) return quoteChar(s) ? "q" : s;
        if (s.equals("that")) return "that";
        if (PRONOUNS.contains(s)) return "pron";
        if (DETERMINERS.contains(s)) return "det";
        if (AUX.contains(s)) return "aux";
        if (k.capital()) return "cap";
        if (Character.isDigit(s.charAt(0))) return "num";
        return "w";
    }

    private static String shape(String word) {
        StringBuilder b = new StringBuilder();
        char last = 0;
        for (int i = 0; i < word.length() && b.length() < 4; i++) {
            char c = word.charAt(i);
            char x = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
            if (x != last) b.append(x);
            last = x;
        }
        return b.toString();
    }

    /**
     * The features of one token as 64-bit hashes of their names ("w=said", "p1w=he|said"), computed over the parts without
     * building the name: scoring looks the hashes up, and a name is built only when training meets a new feature
     * ({@link #name}). The hash of a name is {@link #hash(CharSequence)} of the joined string, so the weights file keeps
     * readable names. Reused from token to token; not thread-safe (one per call of {@link #scores}).
     */
    static final class Feats {
        private static final int MAX = 160;
        final long[] hash = new long[MAX];
        private final String[][] parts = new String[MAX][];
        int n;
        private final boolean keepNames;

        Feats(boolean keepNames) { this.keepNames = keepNames; }

        void clear() { n = 0; }

        private static final long OFFSET = 0xcbf29ce484222325L, PRIME = 0x100000001b3L;

        private static long mix(long h, CharSequence s) {
            for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * PRIME;
            return h;
        }

        /** FNV-1a over the characters of a feature's name (never 0, the table's empty slot). */
        static long hash(CharSequence name) { return nonZero(mix(OFFSET, name)); }

        private static long nonZero(long h) { return h == 0 ? 1 : h; }

        /** Feature {@code key} followed by {@code values} joined with '|': add("p1w=", "he", "said") is "p1w=he|said". */
        void add(String key, String... values) {
            if (n == MAX) return; // more features than any token has (about 120 with four word classes); the rest are dropped
            long h = mix(OFFSET, key);
            for (int v = 0; v < values.length; v++) {
                if (v > 0) h = (h ^ '|') * PRIME;
                h = mix(h, values[v]);
            }
            if (keepNames) {
                String[] p = new String[values.length + 1];
                p[0] = key;
                System.arraycopy(values, 0, p, 1, values.length);
                parts[n] = p;
            }
            hash[n++] = nonZero(h);
        }

        /** The name of feature {@code j} (only when made with keepNames). */
        String name(int j) {
            String[] p = parts[j];
            StringBuilder b = new StringBuilder(p[0]);
            for (int v = 1; v < p.length; v++) {
                if (v > 1) b.append('|');
                b.append(p[v]);
            }
            return b.toString();
        }
    }

    private static String suffix(String w, int k) { return w.length() > k ? w.substring(w.length() - k) : w; }

    /** Feature names of word token {@code i} (for tests and reading; scoring uses {@link #features(String, List, int, CueKind[], boolean[], String[], WordClasses, Feats)}). */
    static List<String> features(String t, List<Token> toks, int i, CueKind[] lex, boolean[] inQuote) {
        Feats f = new Feats(true);
        WordClasses wc = WordClasses.english();
        features(t, toks, i, lex, inQuote, wc.phrases(toks), wc, f);
        List<String> out = new ArrayList<>(f.n);
        for (int j = 0; j < f.n; j++) out.add(f.name(j));
        return out;
    }

    /**
     * The features of word token {@code i} into {@code f}. {@code lex[i]} is the hand lexicon's cue kind at the token (or
     * null), {@code inQuote[i]} whether it lies inside a quotation, {@code phrase[i]} the cue phrase of {@link WordClasses}
     * covering it (or null).
     */
    static void features(String t, List<Token> toks, int i, CueKind[] lex, boolean[] inQuote, String[] phrase, WordClasses wc, Feats f) {
        f.clear();
        Token k = toks.get(i);
        String w = k.lower();
        Token p1 = i > 0 ? toks.get(i - 1) : null, p2 = i > 1 ? toks.get(i - 2) : null;
        Token n1 = i + 1 < toks.size() ? toks.get(i + 1) : null, n2 = i + 2 < toks.size() ? toks.get(i + 2) : null;
        String sp1 = p1 == null ? "<s>" : p1.lower(), sp2 = p2 == null ? "<s>" : p2.lower();
        String sn1 = n1 == null ? "</s>" : n1.lower(), sn2 = n2 == null ? "</s>" : n2.lower();
        String c1 = cls(p1), c2 = cls(p2), d1 = cls(n1), d2 = cls(n2);
        String surface = t.substring(k.start(), k.end());
        String s2 = suffix(w, 2);
        f.add("b");
        f.add("w=", w);
        f.add("s3=", suffix(w, 3));
        f.add("s2=", s2);
        f.add("sh=", shape(surface));
        f.add("p1=", sp1);
        f.add("p2=", sp2);
        f.add("n1=", sn1);
        f.add("n2=", sn2);
        f.add("p1w=", sp1, w);
        f.add("wn1=", w, sn1);
        f.add("c1=", c1);
        f.add("d1=", d1);
        f.add("c1d1=", c1, d1);
        f.add("c2c1=", c2, c1);
        f.add("d1d2=", d1, d2);
        f.add("wc1=", w, c1);
        f.add("wd1=", w, d1);
        f.add("wd1d2=", w, d1, d2);
        CueKind kind = lex[i];
        String kn = kind == null ? "-" : kind.name();
        f.add("lex=", kn);
        f.add("lexc1=", kn, c1);
        f.add("lexd1=", kn, d1);
        f.add("lexp=", String.valueOf(i > 0 && lex[i - 1] != null), String.valueOf(i + 1 < lex.length && lex[i + 1] != null));
        f.add("q=", String.valueOf(inQuote[i]));
        f.add("qw=", String.valueOf(inQuote[i]), w);
        f.add("first=", String.valueOf(p1 == null || !p1.word() && ".!?\n".contains(p1.lower())));
        // A verb ending in -ed after a name or pronoun is active ("Clinton decried"); after a determiner it is an adjective.
        f.add("s2c1=", s2, c1);
        f.add("s2d1=", s2, d1);
        String lem = stem(w);
        f.add("lem=", lem);
        f.add("lemd1=", lem, d1);
        f.add("lemc1=", lem, c1);
        f.add("lemn1=", lem, sn1);
        Token p3 = i > 2 ? toks.get(i - 3) : null, n3 = i + 3 < toks.size() ? toks.get(i + 3) : null;
        f.add("c3c2c1=", cls(p3), c2, c1);
        f.add("d1d2d3=", d1, d2, cls(n3));
        // Who could be speaking: a name or a pronoun among the four words before; what could be said: a quote or "that" among the three after.
        boolean subj = false, said = false;
        for (int j = Math.max(0, i - 4); j < i; j++) {
            String c = cls(toks.get(j));
            if (c.equals("cap") && j > 0 && toks.get(j - 1).word() || c.equals("pron")) subj = true;
            if (!toks.get(j).word() && ".!?".contains(toks.get(j).lower())) subj = false;
        }
        for (int j = i + 1; j < Math.min(toks.size(), i + 4); j++) {
            String c = cls(toks.get(j));
            if (c.equals("q") || c.equals("that") || c.equals(":")) said = true;
        }
        f.add("subj=", String.valueOf(subj), String.valueOf(said));
        f.add("lemsubj=", lem, String.valueOf(subj), String.valueOf(said));
        // A wider window: the third word on each side and the word trigrams ("in a statement", "told reporters that").
        f.add("p3=", p3 == null ? "<s>" : p3.lower());
        f.add("n3=", n3 == null ? "</s>" : n3.lower());
        f.add("p2p1w=", sp2, sp1, w);
        f.add("wn1n2=", w, sn1, sn2);
        f.add("s4=", suffix(w, 4));
        // Where the word sits in its sentence: cues come early ("X said ...") or last ("..., X said.").
        int pos = 0;
        for (int j = i; j > 0 && pos < 13 && !boundary(t, toks, j); j--) pos++;
        int rest = 0;
        for (int j = i + 1; j < toks.size() && rest < 13 && !boundary(t, toks, j); j++) rest++;
        String bp = bucket(pos), br = bucket(rest);
        f.add("pos=", bp, br);
        f.add("lempos=", lem, bp);
        f.add("lemrest=", lem, br);
        // What follows before the sentence ends: a that-clause, a quote, a colon, "whether", "to" + verb, "about".
        String next = "-";
        int dist = 0;
        for (int j = i + 1; j < toks.size() && j <= i + 8 && !boundary(t, toks, j); j++) {
            String c = toks.get(j).lower();
            if (c.equals("that") || c.equals("whether") || c.equals("if") || c.equals("to") || c.equals("about") || c.equals(":")
                    || c.equals("how") || c.equals("why") || quoteChar(c)) {
                next = quoteChar(c) ? "q" : c;
                dist = j - i;
                break;
            }
        }
        String nd = next + "@" + (dist <= 2 ? String.valueOf(dist) : dist <= 4 ? "3-4" : "5+");
        f.add("next=", nd);
        f.add("lemnext=", lem, next);
        f.add("s3next=", suffix(w, 3), nd);
        // Who the subject is once auxiliaries and adverbs are skipped ("she has repeatedly said", "the outlook").
        int j = i - 1;
        while (j >= 0 && toks.get(j).word() && (AUX.contains(toks.get(j).lower()) || toks.get(j).lower().endsWith("ly"))) j--;
        String subjCls = j < 0 || boundary(t, toks, j + 1) && j + 1 <= i - 1 ? "<s>" : cls(toks.get(j));
        f.add("sc=", subjCls);
        f.add("lemsc=", lem, subjCls);
        f.add("capmid=", String.valueOf(k.capital() && pos > 0));
        // The project's word classes (WordClasses): what the tagger learned about "criticized" carries to "excoriated".
        String[] wcl = wc.of(w);
        String wj = wc.joined(w);
        f.add("wcl=", wj);
        for (String c : wcl) {
            f.add("cl=", c);
            f.add("cld1=", c, d1);
            f.add("clc1=", c, c1);
            f.add("clnext=", c, next);
            f.add("clsc=", c, subjCls);
            f.add("clpos=", c, bp);
            f.add("clsubj=", c, String.valueOf(subj), String.valueOf(said));
        }
        String p1j = p1 == null ? "<s>" : p1.word() ? wc.joined(sp1) : sp1, n1j = n1 == null ? "</s>" : n1.word() ? wc.joined(sn1) : sn1;
        String p2j = p2 == null ? "<s>" : p2.word() ? wc.joined(sp2) : sp2, n2j = n2 == null ? "</s>" : n2.word() ? wc.joined(sn2) : sn2;
        f.add("p1cl=", p1j);
        f.add("n1cl=", n1j);
        f.add("p2cl=", p2j);
        f.add("n2cl=", n2j);
        f.add("wjp1cl=", wj, p1j);
        f.add("wjn1cl=", wj, n1j);
        // The content word before, determiners skipped: "issued a statement", "voiced concern".
        String pv = "<s>";
        for (int b = i - 1; b >= Math.max(0, i - 3) && !boundary(t, toks, b + 1); b--) {
            Token x = toks.get(b);
            if (x.word() && DETERMINERS.contains(x.lower())) continue;
            pv = x.word() ? wc.joined(x.lower()) : x.lower();
            break;
        }
        f.add("pvcl=", pv, wj);
        // A speaker noun among the four words before ("the spokesman said", "officials have warned").
        boolean speaker = false;
        for (int b = i - 1; b >= Math.max(0, i - 4) && !boundary(t, toks, b + 1); b--) {
            if (toks.get(b).word() && wc.joined(toks.get(b).lower()).contains("speaker-n")) speaker = true;
        }
        f.add("spk=", String.valueOf(speaker));
        f.add("spkw=", String.valueOf(speaker), wj);
        String sj = j < 0 ? "<s>" : toks.get(j).word() ? wc.joined(toks.get(j).lower()) : toks.get(j).lower();
        f.add("sccl=", sj);
        f.add("scclw=", sj, wj);
        // Cue phrases: the word's own, and one starting within the next three words ("said in a statement").
        String ph = phrase[i];
        f.add("ph=", ph == null ? "-" : ph);
        f.add("php=", ph == null ? "-" : ph.endsWith("#0") ? "B" : "I");
        String phn = "-";
        for (int b = i + 1; b <= i + 3 && b < toks.size(); b++) {
            if (phrase[b] != null && phrase[b].endsWith("#0")) {
                phn = phrase[b];
                break;
            }
        }
        f.add("phn=", phn);
        f.add("phnw=", phn, wj);
        f.add("php1=", i > 0 && phrase[i - 1] != null ? phrase[i - 1] : "-");
        // A quotation elsewhere in the sentence: before the word ("“...,” the aide said later") or after it.
        boolean qBefore = false, qAfter = false;
        for (int b = i - 1; b >= 0 && b >= i - 60 && !boundary(t, toks, b + 1); b--) if (quoteChar(toks.get(b).lower())) { qBefore = true; break; }
        for (int b = i + 1; b < toks.size() && b <= i + 60 && !boundary(t, toks, b); b++) if (quoteChar(toks.get(b).lower())) { qAfter = true; break; }
        String qs = qBefore + "|" + qAfter;
        f.add("sq=", qs);
        f.add("sqw=", qs, wj);
        f.add("sqlem=", qs, lem);
        // The subject's own word ("officials", "the poll", "a study") with the word's class.
        String sw = j < 0 || !toks.get(j).word() ? "-" : toks.get(j).lower();
        f.add("scw=", sw, wj);
        f.add("scwlem=", sw, lem);
        // The nearest other cue-class word within five words on each side ("said he thinks", "a poll showing"): one clause has one cue.
        String nb = "-", na = "-";
        for (int b = i - 1; b >= Math.max(0, i - 5) && !boundary(t, toks, b + 1); b--) {
            if (!toks.get(b).word()) continue;
            String c = wc.joined(toks.get(b).lower());
            if (!c.equals("-") && !c.equals("speaker-n")) { nb = c + "@" + (i - b <= 2 ? "near" : "far"); break; }
        }
        for (int b = i + 1; b < toks.size() && b <= i + 5 && !boundary(t, toks, b); b++) {
            if (!toks.get(b).word()) continue;
            String c = wc.joined(toks.get(b).lower());
            if (!c.equals("-") && !c.equals("speaker-n")) { na = c + "@" + (b - i <= 2 ? "near" : "far"); break; }
        }
        f.add("ncb=", nb);
        f.add("nca=", na);
        f.add("ncbw=", nb, wj);
        f.add("ncaw=", na, wj);
    }

    /** Whether a sentence or paragraph ends between token {@code j - 1} and token {@code j}. */
    static boolean boundary(String t, List<Token> toks, int j) {
        if (j <= 0) return true;
        Token p = toks.get(j - 1);
        if (!p.word() && ".!?".contains(p.lower())) return true;
        for (int c = p.end(); c < toks.get(j).start(); c++) if (t.charAt(c) == '\n') return true;
        return false;
    }

    private static String bucket(int n) { return n <= 3 ? String.valueOf(n) : n <= 6 ? "4-6" : n <= 12 ? "7-12" : "13+"; }

    /** A crude English stem: "decried", "decries" and "decrying" meet at "decri"; enough to share weights between inflections. */
    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) return w.substring(0, w.length() - 3);
        if (w.length() > 4 && w.endsWith("ied")) return w.substring(0, w.length() - 3) + "i";
        if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "i";
        if (w.length() > 4 && w.endsWith("ed")) return w.substring(0, w.length() - (w.endsWith("eed") ? 1 : 2));
        if (w.length() > 4 && w.endsWith("es") && !w.endsWith("ses")) return w.substring(0, w.length() - 1);
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.substring(0, w.length() - 1);
        return w;
    }

    /**
     * The word of a cue span the tagger learns to find: the first that is not an auxiliary, adverb or function word
     * ("has repeatedly [said]", "is [propounding]"). The other words of the span are not trained on: the extractor only
     * needs one word of the cue, and "decision", "to" in "made a surprise decision to grant" would teach noise.
     */
    static int head(List<Token> toks, int from, int to) {
        for (int i = from; i < to; i++) {
            Token k = toks.get(i);
            if (k.word() && !LearnedCues.NOT_CUES.contains(k.lower()) && !k.lower().endsWith("ly") && !ADVERBS.contains(k.lower())) return i;
        }
        for (int i = from; i < to; i++) if (toks.get(i).word()) return i;
        return from;
    }

    private static final Set<String> ADVERBS = Set.of("now", "once", "later", "earlier", "often", "always", "soon", "long", "far",
            "first", "last", "ever", "almost", "already", "quickly", "not", "n't", "reportedly", "since");

    /** The hand lexicon's cue kind at each token (the kind of the first hand cue covering it), or null. */
    static CueKind[] lexicon(List<Token> toks, List<CueLexicon.Match> matches) {
        CueKind[] out = new CueKind[toks.size()];
        int[] starts = new int[toks.size()];
        for (int i = 0; i < starts.length; i++) starts[i] = toks.get(i).start();
        for (CueLexicon.Match m : matches) {
            int i = java.util.Arrays.binarySearch(starts, m.start());
            if (i < 0) i = -i - 1;
            for (; i < starts.length && starts[i] < m.end(); i++) if (out[i] == null) out[i] = m.cue().kind();
        }
        return out;
    }

    static boolean[] inQuote(List<Token> toks, List<Span> quotes) {
        boolean[] out = new boolean[toks.size()];
        int q = 0;
        for (int i = 0; i < out.length; i++) {
            int s = toks.get(i).start();
            while (q < quotes.size() && quotes.get(q).end() <= s) q++;
            out[i] = q < quotes.size() && quotes.get(q).start() < s && s < quotes.get(q).end() - 1;
        }
        return out;
    }

    /** The score of every token of {@code t} (punctuation and function words score negative infinity). */
    double[] scores(String t, List<Token> toks, CueLexicon lex, List<Span> quotes) {
        return scores(t, toks, lex.matches(t), quotes);
    }

    /** As above with the hand lexicon's matches already found. */
    double[] scores(String t, List<Token> toks, List<CueLexicon.Match> matches, List<Span> quotes) {
        CueKind[] kinds = lexicon(toks, matches);
        boolean[] q = inQuote(toks, quotes);
        double[] out = new double[toks.size()];
        Feats f = new Feats(false);
        String[] phrase = classes.phrases(toks);
        for (int i = 0; i < out.length; i++) {
            // Function words are never the head of a cue (see head), so they are not scored: about a third of the work.
            if (!scored(toks.get(i))) {
                out[i] = Double.NEGATIVE_INFINITY;
                continue;
            }
            features(t, toks, i, kinds, q, phrase, classes, f);
            double s = 0;
            for (int j = 0; j < f.n; j++) s += weight(f.hash[j]);
            out[i] = s;
        }
        return out;
    }

    private static boolean scored(Token k) { return k.word() && !LearnedCues.NOT_CUES.contains(k.lower()); }

    // ---- training -------------------------------------------------------------------------------------

    /**
     * Trains an averaged perceptron on annotated texts (a word is a positive example when it starts inside a marked cue
     * span), {@code epochs} passes in a fixed shuffled order. Weights smaller than {@code minWeight} in absolute value
     * are dropped from the model (they change few decisions and most of the file).
     */
    public static CueTagger train(List<LearnedCues.AnnotatedText> texts, int epochs, double minWeight, String provenance) {
        CueLexicon lex = CueLexicon.english();
        LongIndex index = new LongIndex();
        WordClasses wc = WordClasses.english();
        List<String> names = new ArrayList<>();
        Feats f = new Feats(true);
        List<int[][]> docX = new ArrayList<>();
        List<byte[]> docLabels = new ArrayList<>();
        for (LearnedCues.AnnotatedText a : texts) {
            String t = AttributionExtractor.twoApostropheQuotes(a.text());
            List<Token> toks = tokens(t);
            int[] starts = new int[toks.size()];
            for (int i = 0; i < starts.length; i++) starts[i] = toks.get(i).start();
            // 1: the head word of a cue (positive), 2: another word of a cue (not trained on), 0: negative.
            byte[] label = new byte[toks.size()];
            for (int[] s : a.cueSpans()) {
                int from = java.util.Arrays.binarySearch(starts, s[0]);
                if (from < 0) from = -from - 1;
                int to = from;
                while (to < starts.length && starts[to] < s[1]) to++;
                if (to == from) continue;
                for (int i = from; i < to; i++) if (label[i] == 0) label[i] = 2;
                label[head(toks, from, to)] = 1;
            }
            CueKind[] kinds = lexicon(toks, lex.matches(t));
            boolean[] q = inQuote(toks, AttributionExtractor.quotes(t));
            String[] phrase = wc.phrases(toks);
            int[][] x = new int[toks.size()][];
            for (int i = 0; i < toks.size(); i++) {
                if (!toks.get(i).word()) continue;
                features(t, toks, i, kinds, q, phrase, wc, f);
                x[i] = new int[f.n];
                for (int j = 0; j < f.n; j++) {
                    int id = index.idOf(f.hash[j]);
                    if (id == names.size()) names.add(f.name(j));
                    x[i][j] = id;
                }
            }
            docX.add(x);
            docLabels.add(label);
        }
        double[] w = perceptron(docX, docLabels, names.size(), epochs);
        Map<String, Float> out = new HashMap<>();
        for (int id = 0; id < names.size(); id++) {
            double avg = Math.round(w[id] * 1000) / 1000.0;
            if (Math.abs(avg) >= minWeight) out.put(names.get(id), (float) avg);
        }
        return new CueTagger(out, provenance, true);
    }

    /** Dense ids for feature hashes in order of first appearance (open addressing; a boxed map was the training's bottleneck). */
    private static final class LongIndex {
        private long[] keys = new long[1 << 16];
        private int[] ids = new int[1 << 16];
        private int n;

        /** The id of {@code h}, a new one ({@code = the number of ids so far}) when it is new. */
        int idOf(long h) {
            int mask = keys.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (keys[i] != 0) {
                if (keys[i] == h) return ids[i];
                i = (i + 1) & mask;
            }
            keys[i] = h;
            ids[i] = n;
            if (++n * 2 > keys.length) grow();
            return n - 1;
        }

        private void grow() {
            long[] k = keys;
            int[] v = ids;
            keys = new long[k.length * 2];
            ids = new int[k.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < k.length; j++) {
                if (k[j] == 0) continue;
                int i = (int) (k[j] ^ (k[j] >>> 32)) & mask;
                while (keys[i] != 0) i = (i + 1) & mask;
                keys[i] = k[j];
                ids[i] = v[j];
            }
        }
    }

    /**
     * Averaged perceptron over the words of the documents (non-head words of a cue, label 2, are skipped), {@code epochs}
     * passes in a fixed shuffled order; returns the averaged weights.
     */
    private static double[] perceptron(List<int[][]> docX, List<byte[]> docLabels, int n, int epochs) {
        List<int[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        for (int d = 0; d < docX.size(); d++) {
            int[][] x = docX.get(d);
            byte[] label = docLabels.get(d);
            for (int i = 0; i < x.length; i++) {
                if (x[i] == null || label[i] == 2) continue;
                xs.add(x[i]);
                ys.add(label[i] == 1);
            }
        }
        double[] w = new double[n], u = new double[n];
        int[] order = new int[xs.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Random rnd = new Random(7);
        long c = 1;
        for (int e = 0; e < epochs; e++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int i : order) {
                int[] x = xs.get(i);
                double s = 0;
                for (int f : x) s += w[f];
                int y = ys.get(i) ? 1 : -1;
                if (y * s <= 0) {
                    for (int f : x) {
                        w[f] += y;
                        u[f] += (double) y * c;
                    }
                }
                c++;
            }
        }
        for (int f = 0; f < n; f++) w[f] -= u[f] / c;
        return w;
    }
}
