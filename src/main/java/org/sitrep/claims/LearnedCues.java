package org.sitrep.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.internal.Json;

/**
 * English cue words counted in annotated news: for each word, how often it occurs and how often an
 * annotator marked it (part of) an attribution cue. The hand-written lexicon in {@link CueLexicon} covers
 * the reporting verbs; attribution in political news has a long tail of attitude and thought verbs
 * ("decried", "bemoaned", "mused", "sided with") that these counts add when a word is a cue often enough.
 *
 * <p>The shipped counts ({@link #RESOURCE}) were made from the PolNeAR train split only (see
 * BENCHMARKS.md): one number pair per word, no sentence or span of the corpus. Immutable and thread-safe.
 */
public final class LearnedCues {
    static final String RESOURCE = "/org/sitrep/claims/cue-counts-en.json";
    /** A word is used as a cue when annotators marked at least this share of its occurrences ... */
    public static final double MIN_PRECISION = 0.5;
    /** ... and at least this many of them: rarer words are noise. */
    public static final int MIN_COUNT = 3;

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’\\-]*");
    /**
     * Words inside annotated cue spans that are not cues themselves: auxiliaries, adverbs and function words
     * ("has repeatedly said", "according to"). The hand lexicon attaches those to their verb.
     */
    static final Set<String> NOT_CUES = Set.of("has", "have", "had", "is", "are", "was", "were", "be", "been", "being",
            "will", "would", "may", "might", "could", "can", "should", "must", "do", "does", "did", "not", "also", "to", "of",
            "in", "on", "for", "about", "by", "with", "at", "from", "as", "that", "the", "a", "an", "it", "this", "up", "out",
            "into", "over", "against", "than", "and", "or", "but", "who", "which", "what", "he", "she", "they", "we", "i", "you",
            "his", "her", "their", "its", "our", "my", "your", "him", "them", "us", "me", "there", "here", "so", "just", "still",
            "again", "even", "very", "much", "more", "most", "well", "too", "never", "no", "yet", "already", "then", "now",
            "s", "t", "don't", "doesn't", "didn't", "isn't", "wasn't", "won't", "can't");

    /**
     * Verbs of force never become learned cues. Election news uses them for words ("Trump attacked Clinton",
     * "the campaign responded"), so they count as cues there; in conflict reports they are the events themselves
     * ("drones attacked the air base", "troops withdrew", "the army responded to fire"), and the hand lexicon
     * decides these cases ("responded" is deliberately left out of it).
     */
    private static final Pattern FORCE = Pattern.compile("(?:attack|blast|order|respond|react|lash|withdr|restrict|shell|strik|struck|"
            + "hit|fire|target|bomb|kill|launch|fought|fight|battl|push|seiz|captur|shot|shoot|raid|ambush|destroy|retaliat|advanc|"
            + "invad|occup|evacuat|deploy|mobili|clash|storm|detain|arrest|execut|wound|injur|assault|besieg|surround|block|sanction).*");

    /** Whether a word is a verb of force (see {@link #FORCE}). */
    static boolean force(String word) { return FORCE.matcher(word.toLowerCase(Locale.ROOT)).matches(); }

    private final Map<String, int[]> counts; // word -> {occurrences, as cue}

    LearnedCues(Map<String, int[]> counts) { this.counts = Map.copyOf(counts); }

    /** No learned words: the hand lexicon alone. */
    public static LearnedCues none() { return new LearnedCues(Map.of()); }

    /** The shipped counts from the class path. */
    public static LearnedCues load() {
        try (InputStream in = LearnedCues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("cue counts missing from the class path: " + RESOURCE
                    + "; rebuild them with 'sitrep eval attribution ../shared/data/claims/polnear-articles.jsonl "
                    + "../shared/data/claims/polnear-attributions.jsonl --learn-cues src/main/resources" + RESOURCE + "'");
            return fromJson(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LearnedCues fromJson(JsonNode root) {
        Map<String, int[]> c = new HashMap<>();
        root.path("counts").fields().forEachRemaining(e -> c.put(e.getKey(),
                new int[] {e.getValue().path(0).asInt(), e.getValue().path(1).asInt()}));
        return new LearnedCues(c);
    }

    /** One annotated text: the text and the [start, end) character ranges annotators marked as cues. */
    public record AnnotatedText(String text, List<int[]> cueSpans) {}

    /** Counts every word of the texts and how often it lies inside a marked cue. */
    public static LearnedCues learn(List<AnnotatedText> texts) {
        Map<String, int[]> c = new HashMap<>();
        for (AnnotatedText a : texts) {
            boolean[] cue = new boolean[a.text().length()];
            for (int[] s : a.cueSpans()) {
                for (int i = Math.max(0, s[0]); i < Math.min(cue.length, s[1]); i++) cue[i] = true;
            }
            Matcher m = WORD.matcher(a.text());
            while (m.find()) {
                int[] n = c.computeIfAbsent(normal(m.group()), k -> new int[2]);
                n[0]++;
                if (cue[m.start()]) n[1]++;
            }
        }
        // Words never marked carry no information for the lexicon; dropping them keeps the file small.
        c.values().removeIf(n -> n[1] == 0);
        return new LearnedCues(c);
    }

    private static String normal(String w) { return w.toLowerCase(Locale.ROOT).replace('’', '\''); }

    /** The words used as cues: marked in at least {@code minPrecision} of at least {@code minCount} occurrences. */
    public Set<String> cueWords(double minPrecision, int minCount) {
        Set<String> out = new TreeSet<>();
        counts.forEach((w, n) -> {
            if (n[1] >= minCount && n[1] >= minPrecision * n[0] && !NOT_CUES.contains(w) && !w.endsWith("ly")
                    && !FORCE.matcher(w).matches()) {
                out.add(w);
            }
        });
        return out;
    }

    public Set<String> cueWords() { return cueWords(MIN_PRECISION, MIN_COUNT); }

    /** Words kept in the written file: marked at least twice and in at least this share of their occurrences. */
    static final double MIN_STORED_PRECISION = 0.2;

    /**
     * JSON-ready: provenance and word -> [occurrences, as cue]. Only words that could become cues are kept (see
     * {@link #MIN_STORED_PRECISION}): function words and the names of the people in the news drop out.
     */
    public Map<String, Object> toJson(String provenance) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("what", "English words: [occurrences, occurrences inside an annotated attribution cue]");
        root.put("provenance", provenance);
        Map<String, List<Integer>> w = new TreeMap<>();
        counts.forEach((k, n) -> { if (n[1] >= 2 && n[1] >= MIN_STORED_PRECISION * n[0]) w.put(k, List.of(n[0], n[1])); });
        root.put("counts", w);
        return root;
    }

    int size() { return counts.size(); }

    /** For tests: counts for a few words. */
    static LearnedCues of(Map<String, int[]> counts) { return new LearnedCues(new HashMap<>(counts)); }
}
