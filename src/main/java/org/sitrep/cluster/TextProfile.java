package org.sitrep.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sitrep.model.EventLocation;
import org.sitrep.model.Mention;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.Extraction;

/**
 * What the clusterer compares about one report: weighted term frequencies (names and title words
 * count more), names, numbers, a bottom-k sketch of word 3-gram shingles for copy detection, and the
 * gazetteer ids of the places it names. Place ids are what lets "Kharkiv", "Харків" and "خاركيف"
 * agree: the words never match across scripts, the GeoNames id does. Immutable.
 */
final class TextProfile {
    static final int SKETCH_SIZE = 128;
    /** Extra weight of a capitalised word inside a sentence (a name): names tell incidents of one kind apart. */
    static final float NAME_WEIGHT = 3f;
    /** Words read per report: a 2 MB paste costs no more than a long article. */
    static final int MAX_TOKENS = 5_000;

    final String reportId;
    final String sourceId;
    final String url;
    final Instant published;
    final TimeWindow time;
    final EventLocation location;
    final String type;
    final Vocabulary.Term[] terms;   // sorted by id
    final float[] weights;           // sublinear tf, parallel to terms
    final Set<String> names;
    final Set<String> numbers;
    final long[] sketch;             // sorted ascending, at most SKETCH_SIZE
    final int shingles;
    final int tokens;
    final String titleKey;
    final Map<Long, String> places;  // specific places (towns, sites), gazetteer id -> name
    final Set<String> regions;       // "CC" and "CC.admin1" keys of the places named
    final Set<String> actors;
    /** GeoNames feature class of the event location as the report names it ("P" town, "S" site), or null. */
    final String locationFeatureClass;
    /** The report's language as its source gave it (lower case, e.g. "en"), or null. */
    final String language;
    /** The writing system of most of the report's letters (LATIN, ARABIC, CYRILLIC ...), or null when it has none. */
    final Character.UnicodeScript script;
    /** The date written at the top of the report (a dateline), or null. */
    final WrittenDate written;
    /** Names (capitalised words inside sentences) as terms, with their sublinear counts; parallel arrays. */
    final Vocabulary.Term[] nameTerms;
    final float[] nameWeights;
    /** Years written anywhere in the report (1900-2099), ascending. */
    final int[] years;
    /** Counted things: a noun and the numbers written before it ("23 pirates", "three dead"). */
    final Map<String, Set<String>> quantities;

    private TextProfile(String reportId, String sourceId, String url, Instant published, TimeWindow time,
                        EventLocation location, String type, Vocabulary.Term[] terms, float[] weights,
                        Set<String> names, Set<String> numbers, long[] sketch, int shingles, int tokens,
                        String titleKey, Map<Long, String> places, Set<String> regions, Set<String> actors,
                        String locationFeatureClass, String language, Character.UnicodeScript script,
                        WrittenDate written, Vocabulary.Term[] nameTerms, float[] nameWeights, int[] years,
                        Map<String, Set<String>> quantities) {
        this.reportId = reportId;
        this.sourceId = sourceId;
        this.url = url;
        this.published = published;
        this.time = time;
        this.location = location;
        this.type = type;
        this.terms = terms;
        this.weights = weights;
        this.names = names;
        this.numbers = numbers;
        this.sketch = sketch;
        this.shingles = shingles;
        this.tokens = tokens;
        this.titleKey = titleKey;
        this.places = places;
        this.regions = regions;
        this.actors = actors;
        this.locationFeatureClass = locationFeatureClass;
        this.language = language;
        this.script = script;
        this.written = written;
        this.nameTerms = nameTerms;
        this.nameWeights = nameWeights;
        this.years = years;
        this.quantities = quantities;
    }

    /**
     * Whether the two reports can share words: the same language when both sources say, else the same
     * script. An English and a Russian report of one strike have a text similarity of zero whatever
     * they say, so the absence of shared words is no evidence between them.
     */
    boolean sameLanguage(TextProfile o) {
        if (language != null && o.language != null) return language.equals(o.language);
        return script == o.script;
    }

    /** Letters read to tell the script: a headline and a sentence are enough. */
    private static final int SCRIPT_SAMPLE = 100;

    static Character.UnicodeScript script(String title, String text) {
        int[] counts = new int[Character.UnicodeScript.values().length];
        int n = 0;
        for (String s : new String[] {title, text}) {
            if (s == null) continue;
            for (int i = 0; i < s.length() && n < SCRIPT_SAMPLE; ) {
                int cp = s.codePointAt(i);
                i += Character.charCount(cp);
                if (!Character.isLetter(cp)) continue;
                counts[Character.UnicodeScript.of(cp).ordinal()]++;
                n++;
            }
        }
        int best = -1;
        for (int i = 0; i < counts.length; i++) if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) best = i;
        return best < 0 ? null : Character.UnicodeScript.values()[best];
    }

    /** Terms as they appear in this report, without touching document frequencies. */
    static TextProfile of(AnalyzedReport ar, Vocabulary vocabulary) {
        var r = ar.report();
        Extraction ex = ar.extraction();
        Map<String, float[]> counts = new HashMap<>();
        Set<String> names = new HashSet<>(), numbers = new HashSet<>();
        Map<String, int[]> nameCounts = new HashMap<>();
        List<String> titleTokens = new ArrayList<>();
        int[] tokenCount = {0};
        Set<Long> shingleSet = new HashSet<>();
        int[] window = new int[3];
        int[] seen = {0};

        Tokenizer.Sink sink = (word, capitalised, inTitle, sentenceStart) -> {
            if (tokenCount[0] >= MAX_TOKENS) return;
            tokenCount[0]++;
            // Shingles use every word, stop words included: wire copies keep them, rewrites do not.
            window[seen[0] % 3] = word.hashCode();
            seen[0]++;
            if (seen[0] >= 3) shingleSet.add(shingle(window, seen[0]));
            if (inTitle) titleTokens.add(word);
            boolean digit = Character.isDigit(word.charAt(0));
            if (digit) {
                numbers.add(word);
            } else if (word.length() < 2 || Stopwords.contains(word)) {
                return;
            }
            float w = 1f;
            String key = word;
            if (capitalised && !sentenceStart && !inTitle && !digit && !Quantities.CALENDAR.contains(word)) {
                names.add(word);
                nameCounts.computeIfAbsent(word, k -> new int[1])[0]++;
                w += NAME_WEIGHT;
            } else if (!digit) {
                // "a climber fell", "the climbers' bodies": one word. Names stay as written ("Williams").
                key = Tokenizer.singular(word);
            }
            if (inTitle) w += 1f;
            counts.computeIfAbsent(key, k -> new float[1])[0] += w;
        };
        Tokenizer.tokenize(r.title(), true, sink);
        Tokenizer.tokenize(r.text(), false, sink);

        long[] hashes = shingleSet.stream().mapToLong(Long::longValue).sorted().limit(SKETCH_SIZE).toArray();
        List<Vocabulary.Term> ts = new ArrayList<>(counts.size());
        List<Float> ws = new ArrayList<>(counts.size());
        for (var e : counts.entrySet()) {
            Vocabulary.Term t = vocabulary.term(e.getKey());
            if (t == null) continue;
            ts.add(t);
            ws.add((float) (1 + Math.log(e.getValue()[0])));
        }
        Integer[] order = new Integer[ts.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Integer.compare(ts.get(a).id, ts.get(b).id));
        Vocabulary.Term[] terms = new Vocabulary.Term[order.length];
        float[] weights = new float[order.length];
        for (int i = 0; i < order.length; i++) {
            terms[i] = ts.get(order[i]);
            weights[i] = ws.get(order[i]);
        }

        List<Vocabulary.Term> nts = new ArrayList<>(nameCounts.size());
        List<Float> nws = new ArrayList<>(nameCounts.size());
        // The outlet's own name ("a military source told Orontes", in Orontes' own report) is not what the story is about.
        Set<String> ownName = ownNameWords(r.sourceId());
        for (var e : nameCounts.entrySet()) {
            if (ownName.contains(e.getKey())) continue;
            Vocabulary.Term t = vocabulary.term(e.getKey());
            if (t == null) continue;
            nts.add(t);
            nws.add((float) (1 + Math.log(e.getValue()[0])));
        }
        float[] nameWeights = new float[nws.size()];
        for (int i = 0; i < nameWeights.length; i++) nameWeights[i] = nws.get(i);

        Map<Long, String> places = new LinkedHashMap<>();
        Set<String> regions = new HashSet<>();
        String locationClass = null;
        EventLocation loc = ex != null && ex.location() != null ? ex.location()
                : ar.geoparse() != null ? ar.geoparse().eventLocation() : null;
        if (ar.geoparse() != null) {
            for (Mention m : ar.geoparse().mentions()) {
                if (m.place() == null) continue;
                var p = m.place();
                if (loc != null && loc.geonameId() != null && loc.geonameId() == p.geonameId()) locationClass = p.featureClass();
                if (!p.countryCode().isEmpty()) {
                    regions.add(p.countryCode());
                    if (!p.admin1().isEmpty()) regions.add(p.countryCode() + "." + p.admin1());
                }
                // Countries and provinces are named by unrelated reports all the time; only towns,
                // districts and sites say "the same incident", and not "Idlib" in "Idlib province" or in a slogan.
                if (!"A".equals(p.featureClass()) && !PlaceUse.incidental(r.fullText(), m)) places.putIfAbsent(p.geonameId(), p.name());
            }
        }
        if (loc != null && loc.geonameId() != null && loc.precision().ordinal() <= 1) {
            places.putIfAbsent(loc.geonameId(), loc.name() == null ? String.valueOf(loc.geonameId()) : loc.name());
        }
        if (loc != null && loc.countryCode() != null) regions.add(loc.countryCode());

        Set<String> actors = new HashSet<>();
        if (ex != null) {
            for (var a : ex.actors()) {
                if (a.name() != null && !a.name().isBlank()) actors.add(a.name().toLowerCase(Locale.ROOT).strip());
            }
        }
        TimeWindow time = ex != null && ex.time() != null && ex.time().precision() != TimePrecision.UNKNOWN
                ? ex.time() : TimeWindow.at(r.publishedAt(), TimePrecision.UNKNOWN);
        String type = ex == null ? null : ex.type();
        String titleKey = titleTokens.size() >= 6 ? String.join(" ", titleTokens) : null;
        return new TextProfile(r.id(), r.sourceId(), canonicalUrl(r.url()), r.publishedAt(), time, loc, type,
                terms, weights, names, numbers, hashes, shingleSet.size(), tokenCount[0], titleKey, places,
                regions, actors, locationClass,
                r.language() == null || r.language().isBlank() ? null : r.language().strip().toLowerCase(Locale.ROOT),
                script(r.title(), r.text()), WrittenDate.of(r.title(), r.text()),
                nts.toArray(new Vocabulary.Term[0]), nameWeights, Quantities.years(r.title(), r.text()),
                Quantities.of(r.title(), r.text()));
    }

    /** The words of a source id ("rss:orontes-state" -> orontes, state), lower case, four letters or more. */
    static Set<String> ownNameWords(String sourceId) {
        if (sourceId == null) return Set.of();
        Set<String> out = new HashSet<>();
        int colon = sourceId.indexOf(':');
        for (String w : sourceId.substring(colon + 1).toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) if (w.length() >= 4) out.add(w);
        return out;
    }

    /** The bottom-k sketch of a text's word 3-grams alone (for wave detection). */
    static long[] sketch(String title, String text) {
        Set<Long> shingleSet = new HashSet<>();
        int[] window = new int[3];
        int[] seen = {0};
        Tokenizer.Sink sink = (word, capitalised, inTitle, sentenceStart) -> {
            if (seen[0] >= MAX_TOKENS) return;
            window[seen[0] % 3] = word.hashCode();
            seen[0]++;
            if (seen[0] >= 3) shingleSet.add(shingle(window, seen[0]));
        };
        Tokenizer.tokenize(title, true, sink);
        Tokenizer.tokenize(text, false, sink);
        return shingleSet.stream().mapToLong(Long::longValue).sorted().limit(SKETCH_SIZE).toArray();
    }

    private static long shingle(int[] window, int seen) {
        return mix(((long) window[(seen - 3) % 3] * 0x9E3779B97F4A7C15L)
                ^ ((long) window[(seen - 2) % 3] * 0xC2B2AE3D27D4EB4FL) ^ window[(seen - 1) % 3]);
    }

    /** Whether the report uses this term (binary search: terms are sorted by id). */
    boolean hasTerm(Vocabulary.Term t) {
        int lo = 0, hi = terms.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1, c = Integer.compare(terms[mid].id, t.id);
            if (c == 0) return true;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return false;
    }

    /** Distinct terms, for the document-frequency count. */
    Vocabulary.Term[] distinctTerms() { return terms; }

    /** Estimated Jaccard similarity of the two reports' shingle sets (bottom-k sketch). */
    static double jaccard(TextProfile a, TextProfile b) { return jaccard(a.sketch, b.sketch); }

    static double jaccard(long[] as, long[] bs) {
        if (as.length == 0 || bs.length == 0) return 0;
        int i = 0, j = 0, union = 0, both = 0;
        int k = Math.min(SKETCH_SIZE, Math.max(as.length, bs.length));
        while (union < k && (i < as.length || j < bs.length)) {
            if (j >= bs.length || (i < as.length && as[i] < bs[j])) {
                i++;
            } else if (i >= as.length || bs[j] < as[i]) {
                j++;
            } else {
                both++;
                i++;
                j++;
            }
            union++;
        }
        return union == 0 ? 0 : (double) both / union;
    }

    static String canonicalUrl(String url) {
        if (url == null || url.isBlank()) return null;
        String u = url.strip().toLowerCase(Locale.ROOT);
        int q = u.indexOf('#');
        if (q >= 0) u = u.substring(0, q);
        u = u.replaceFirst("^https?://(www\\.)?", "");
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        return u.isEmpty() ? null : u;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
