package org.sitrep.geoparse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.geoparse.gazetteer.Gazetteer;
import org.sitrep.geoparse.gazetteer.NameKey;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Mention;
import org.sitrep.model.Place;

/**
 * A second-tier lookup for places the gazetteer holds under another transliteration. Arabic, Persian,
 * Pashto, Somali and Hausa names reach English text in many spellings ("Quamishli" / "Al Qamishli",
 * "Shadadah" / "Ash Shaddadah", "Kishindih" / "Keshendeh", "Uruzgan" / "Oruzgan"), and an exact-key
 * gazetteer misses them: the report then falls back to the province it names. Names are compared by a
 * consonant skeleton ({@link #skeleton}), which is loose on purpose, so a match is only taken where
 * the text itself says a place is meant and where it is: the name is followed by an administrative
 * word ("Quamishli city", "Keran wa Menjan district") or nests in a place already found ("Basira,
 * Deir-ez-Zor"; "Tal Tamer in al-Hasakeh"), and the match must lie in that place, or in the country the
 * report's other places are in and near them. A name already resolved to a far-away homonym in another
 * country ("Ahmadabad district, Paktia" read as India's city) is looked up again the same way.
 * Thread-safe: the index is built once in the constructor and never changed.
 */
final class SpellingVariants {
    /** Confidence of a mention found here: above the event locator's floor, below an exact-name match. */
    static final double CONFIDENCE = 0.6;
    /** Without a qualifier, a match must lie this near one of the report's other places. */
    static final double CONTEXT_KM = 150;
    /** Skeletons shorter than this match too much ("Tal" and "Tell" and "Tala"). */
    static final int MIN_SKELETON = 3;

    private final Gazetteer gazetteer;
    private final Lexicon lexicon;
    /**
     * One sorted entry per (skeleton, place): a 40-bit hash of the skeleton in the high bits and the place's
     * index in the low 24 bits (room for 16 million places, more than a full GeoNames import), so the
     * whole index is one primitive array, about 8 MB for the default gazetteer.
     */
    private final long[] entries;
    private static final int PLACE_BITS = 24;
    private static final long PLACE_MASK = (1L << PLACE_BITS) - 1;

    SpellingVariants(Gazetteer gazetteer, Lexicon lexicon) {
        if (gazetteer.size() > PLACE_MASK) throw new IllegalArgumentException("gazetteer too large for the spelling index: " + gazetteer.size());
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
        long[][] buf = {new long[1 << 16]};
        int[] n = {0};
        gazetteer.forEachName((key, idx) -> {
            String sk = skeleton(key);
            if (sk.length() < MIN_SKELETON) return;
            long h = hash(sk) << PLACE_BITS;
            for (int i : idx) {
                if (n[0] == buf[0].length) buf[0] = Arrays.copyOf(buf[0], n[0] * 2);
                buf[0][n[0]++] = h | i;
            }
        });
        long[] all = Arrays.copyOf(buf[0], n[0]);
        Arrays.sort(all);
        int k = 0;
        for (int i = 0; i < all.length; i++) if (k == 0 || all[k - 1] != all[i]) all[k++] = all[i];
        this.entries = Arrays.copyOf(all, k);
    }

    /** Gazetteer places (indexes) whose name has this skeleton. */
    int[] lookup(String skeleton) {
        if (skeleton.length() < MIN_SKELETON) return new int[0];
        long lo = hash(skeleton) << PLACE_BITS;
        int i = Arrays.binarySearch(entries, lo);
        if (i < 0) i = -i - 1;
        int j = i;
        while (j < entries.length && (entries[j] & ~PLACE_MASK) == lo) j++;
        int[] out = new int[j - i];
        for (int x = i; x < j; x++) out[x - i] = (int) (entries[x] & PLACE_MASK);
        return out;
    }

    /**
     * The consonant skeleton of a folded name: Arabic articles dropped, digraphs and letters that
     * transliterations swap written one way (kh/q/c/k, gh/g, sh/s, dh/d, th/t, w/v, ou/u, dz/j), vowels,
     * h and y dropped after the first letter, doubled letters single. "Quamishli", "Al Qamishli" and
     * "Kamishly" all give "kmsl"; "Shighnan" and "Shughnan" give "sgn".
     */
    static String skeleton(String key) {
        String s = letters(NameKey.of(key));
        if (s.isEmpty() || !isLatin(s)) return "";
        StringBuilder b = new StringBuilder(s.length());
        b.append(isVowel(s.charAt(0)) ? 'a' : s.charAt(0));
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isVowel(c) || c == 'h' || c == 'y') continue;
            if (b.charAt(b.length() - 1) == c) continue;
            b.append(c);
        }
        return b.toString();
    }

    /** Edit distance between two folded names after the digraph folding of {@link #skeleton}, over the longer length. */
    static double distance(String a, String b) {
        String x = letters(a), y = letters(b);
        if (x.isEmpty() || y.isEmpty()) return 1;
        int[] d = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) d[j] = j;
        for (int i = 1; i <= x.length(); i++) {
            int prev = d[0];
            d[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int t = d[j];
                d[j] = Math.min(Math.min(d[j] + 1, d[j - 1] + 1), prev + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1));
                prev = t;
            }
        }
        return (double) d[y.length()] / Math.max(x.length(), y.length());
    }

    /** A folded name without articles and spaces, digraphs folded: the letters {@link #skeleton} starts from. */
    private static String letters(String key) {
        StringBuilder words = new StringBuilder(key.length());
        for (String w : key.split(" ")) if (!w.isEmpty() && !isArticle(w)) words.append(w);
        return words.toString().replace("kh", "k").replace("gh", "g").replace("sh", "s").replace("ch", "c").replace("dh", "d")
                .replace("th", "t").replace("ph", "f").replace("dz", "j").replace("ou", "u").replace('q', 'k').replace('c', 'k')
                .replace('w', 'v').replace('x', 'k');
    }

    /**
     * Whether a folded name ({@link NameKey}) is made only of English words, demonyms, given names and stop words,
     * Arabic articles aside ("Border area", "Ahmad village", "Winter"): such a run is no evidence of a place.
     */
    static boolean commonWordsOnly(String key, Lexicon lexicon) {
        for (String w : key.split(" ")) {
            if (isArticle(w)) continue;
            if (!(lexicon.englishWords.contains(w) || lexicon.demonyms.contains(w) || lexicon.givenNames.contains(w) || lexicon.stop.contains(w))) return false;
        }
        return true;
    }

    private static boolean isArticle(String w) {
        return switch (w) {
            case "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ez", "es", "ed", "ul", "wa" -> true;
            default -> false;
        };
    }

    private static boolean isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

    private static boolean isLatin(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) return false;
        }
        return true;
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h >>> (64 - 40);
    }

    /** A capitalised name of one to four words, Arabic articles and "wa" allowed inside: "Keran wa Menjan", "Ain al-Arab". */
    private static final Pattern NAME = Pattern.compile(
            "(?<![\\p{L}\\p{N}'’-])\\p{Lu}[\\p{Ll}'’]+(?:(?:[- ](?:al|el|ad|ar|as|ash|az|an|at|ul|wa)[- ]|[- ])\\p{Lu}[\\p{Ll}'’]+){0,3}(?![\\p{L}\\p{N}])");
    private static final Pattern WORD = Pattern.compile("\\p{Lu}[\\p{Ll}'’]+");
    /**
     * Without an administrative word, a name nested in a qualifier ("Chimiquito, Morelia") must be a close
     * spelling of the gazetteer's: at most this share of its letters differs once transliteration digraphs
     * are folded ("Tal Tamer" / "Tall Tamr" 0.25), since the skeleton alone also joins unrelated Spanish names.
     */
    static final double QUALIFIED_ONLY_DISTANCE = 0.25;

    /** An administrative or settlement word right after the name: "Kishindih district", "Basira city". */
    private static final Pattern ADMIN_AFTER = Pattern.compile(
            "^\\s+(?:district|sub-?district|province|governorate|city|town|village|area|countryside|camp|neighbou?rhood|county"
                    + "|municipality|locality|settlement|tehsil|lga|commune|raion|rayon|suburb|subdivision|front)s?\\b", Pattern.CASE_INSENSITIVE);
    /** A capitalised settlement word ending a run of name words: "Sidon City", "Hays District". */
    private static final Pattern TRAILING_ADMIN = Pattern.compile(
            "\\s(?:City|Town|District|Village|Province|Governorate|Municipality|Camp)$");
    private static final Pattern CITY_WORD = Pattern.compile("(?i)\\b(?:city|town|district|province|governorate)\\b");
    /** "Dar'a city", "Jammu City": the only cue taken when no other place says which country. */
    private static final Pattern CONTEXTLESS_CUE = Pattern.compile("(?i)^\\s+(?:city|town|district|province|governorate)\\b");
    private static final Pattern CONTEXTLESS_CUE_BEFORE = Pattern.compile("(?i)\\b(?:city|town)\\s+of\\s+$");
    /** With no other place in the report to say where, an exact name called a city is taken only for a town this large. */
    static final long CONTEXTLESS_POPULATION = 20_000;
    /** "village of X", "the town of X": the settlement word before the name. */
    private static final Pattern ADMIN_BEFORE = Pattern.compile(
            "(?:district|village|town|city|area|governorate|province|outskirts|countryside|suburbs?|neighbou?rhood)\\s+of\\s+$", Pattern.CASE_INSENSITIVE);
    /** What may stand between a name and the place that qualifies it: ", ", " (", " city in ", " district of the southern countryside of ". */
    private static final Pattern QUALIFIER_GAP = Pattern.compile(
            "^(?:\\s+[a-z-]+)?\\s*(?:,\\s*|\\(\\s*|\\s+(?:in|of)\\s+(?:the\\s+)?(?:[a-z]+\\s+){0,3}?(?:of\\s+)?)$");

    /**
     * The mentions with names found by spelling added (and homonyms abroad replaced), in text order.
     * Returns {@code mentions} itself when nothing is found.
     */
    List<Mention> augment(String text, List<Mention> mentions) {
        return augment(text, mentions, null);
    }

    /**
     * As {@link #augment(String, List)}, for a report that came with the source's own coordinates: a close
     * spelling of a town lying within {@link #POINT_KM} of them needs no other cue, since the source says where
     * it is ("a field on the edge of Darat Izza" posted at Dārat ‘Izzah).
     */
    List<Mention> augment(String text, List<Mention> mentions, GeoPoint point) {
        Map<String, Double> weight = new HashMap<>();
        for (Mention m : mentions) {
            if (m.confidence() < EventLocator.MIN_CONFIDENCE || m.place().countryCode().isEmpty()) continue;
            weight.merge(m.place().countryCode(), Resolver.isCountry(m.place()) ? 2.0 : 1.0, Double::sum);
        }
        String country = null;
        double best = 0;
        for (var e : weight.entrySet()) {
            if (e.getValue() > best || e.getValue() == best && country != null && e.getKey().compareTo(country) < 0) {
                best = e.getValue();
                country = e.getKey();
            }
        }
        // with no place found at all, only an exact name called a city or district is taken ("in Dar'a city")
        if (country == null && point == null && !CITY_WORD.matcher(text).find()) return mentions;
        List<Mention> added = new ArrayList<>();
        List<Mention> replaced = new ArrayList<>();
        Matcher nm = NAME.matcher(text);
        int from = 0;
        while (from < text.length() && nm.find(from)) {
            int s = nm.start(), e = nm.end();
            from = e;
            // the whole run, then without leading English words ("In Kishindih district" is "Kishindih"); never a
            // shorter run of name words ("Kruta Balka" is not "Balka")
            Mention found = variant(text, s, e, mentions, country, point);
            if (found == null) {
                Matcher words = WORD.matcher(text.substring(s, e));
                int nameStart = e;
                while (words.find()) {
                    String w = NameKey.of(words.group());
                    if (!lexicon.englishWords.contains(w) && !lexicon.stop.contains(w) && !lexicon.locatives.contains(w)) {
                        nameStart = s + words.start();
                        break;
                    }
                }
                if (nameStart > s && nameStart < e) found = variant(text, nameStart, e, mentions, country, point);
            }
            if (found == null) {
                // "Sidon City", "Hays District": the settlement word written as part of the name
                Matcher last = TRAILING_ADMIN.matcher(text.substring(s, e));
                if (last.find() && last.start() > 0) found = variant(text, s, s + last.start(), mentions, country, point);
            }
            if (found == null) continue;
            added.add(found);
            for (Mention m : mentions) if (m.start() < found.end() && found.start() < m.end()) replaced.add(m);
        }
        if (added.isEmpty()) return mentions;
        List<Mention> out = new ArrayList<>(mentions);
        out.removeAll(replaced);
        out.addAll(added);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** The place the name at [start, end) is a spelling of, as a mention, or null. */
    private Mention variant(String text, int start, int end, List<Mention> mentions, String country, GeoPoint point) {
        String name = text.substring(start, end);
        // a name the gazetteer knows and the resolver placed in the report's country is left alone, unless it is
        // only the end of this longer name ("Khas Urozgan district" is not the province Urozgan)
        for (Mention m : mentions) {
            if (m.start() < end && start < m.end()) {
                boolean inside = m.start() > start && m.end() <= end;
                if (!inside && (m.place().countryCode().equals(country) || m.confidence() < EventLocator.MIN_CONFIDENCE)) return null;
                if (!inside && (m.start() != start || m.end() != end)) return null;
            }
        }
        String key = NameKey.of(name);
        // "Border area", "Ahmad village": a name made only of common words or given names is not taken on its skeleton
        if (commonWordsOnly(key, lexicon)) return null;
        String sk = skeleton(key);
        // a name too short for its skeleton ("Hays": "hs") is looked up by its exact spelling only
        boolean exactOnly = sk.length() < MIN_SKELETON;
        if (name.length() < 4 || exactOnly && key.length() < 3) return null;
        if (point != null && !exactOnly) {
            Place near = nearPoint(sk, point);
            if (near != null) return new Mention(start, end, name, near, gazetteer.adminPath(near), CONFIDENCE);
        }
        String after = text.substring(end, Math.min(text.length(), end + 40));
        String before = text.substring(Math.max(0, start - 30), start);
        Qualifier q = country == null ? null : qualifier(text, end, mentions, country);
        Place qualifier = q == null ? null : q.place();
        boolean cued = ADMIN_AFTER.matcher(after).find() || ADMIN_BEFORE.matcher(before).find();
        if (!cued && qualifier == null) return null;
        Place chosen = null;
        double chosenKm = Double.MAX_VALUE;
        if (country == null) {
            if (!CONTEXTLESS_CUE.matcher(after).find() && !CONTEXTLESS_CUE_BEFORE.matcher(before).find()) return null;
            // the exact name, or a spelling that differs in few letters ("Sulaimaniyah" / "Sulaymaniyah")
            int[] exact = gazetteer.candidates(key), similar = sk.length() < MIN_SKELETON ? new int[0] : lookup(sk);
            int[] all = Arrays.copyOf(exact, exact.length + similar.length);
            System.arraycopy(similar, 0, all, exact.length, similar.length);
            for (int idx : all) {
                Place p = gazetteer.place(idx);
                if (!p.featureClass().equals("P") || p.population() < CONTEXTLESS_POPULATION) continue;
                if (distance(key, NameKey.of(p.name())) > QUALIFIED_ONLY_DISTANCE && !java.util.Arrays.stream(exact).anyMatch(i -> i == idx)) continue;
                if (chosen == null || p.population() > chosen.population()) chosen = p;
            }
            return chosen == null ? null : new Mention(start, end, name, chosen, gazetteer.adminPath(chosen), CONFIDENCE);
        }
        for (int idx : exactOnly ? gazetteer.candidates(key) : lookup(sk)) {
            Place p = gazetteer.place(idx);
            if (!cued && distance(key, NameKey.of(p.name())) > QUALIFIED_ONLY_DISTANCE) continue;
            if (!p.countryCode().equals(country) || Resolver.isCountry(p)) continue;
            if (!(p.featureClass().equals("P") || p.featureClass().equals("A"))) continue;
            double km;
            if (qualifier != null) {
                if (p.geonameId() == qualifier.geonameId()) continue;
                km = p.point().distanceKm(qualifier.point());
                if (q.relative() ? km > RELATIVE_KM : !EventLocator.Containment.inside(p, qualifier)) continue;
            } else {
                km = nearestKm(p, mentions, country);
                if (km > CONTEXT_KM) continue;
            }
            if (km < chosenKm) {
                chosenKm = km;
                chosen = p;
            }
        }
        if (chosen == null) return null;
        return new Mention(start, end, name, chosen, gazetteer.adminPath(chosen), CONFIDENCE);
    }

    /** The place that says where a name lies; {@code relative} when the text places it by direction ("X, west of Aleppo"). */
    private record Qualifier(Place place, boolean relative) {}

    /** "X, west of Aleppo", "X, 12 km north-east of Idlib", "X near Hama": the name lies by the place, not in it. */
    private static final Pattern RELATIVE_GAP = Pattern.compile(
            "^,?\\s+(?:(?:about|some|around|roughly)\\s+)?(?:\\d+(?:[.,]\\d+)?\\s*(?:km|kilomet(?:re|er)s?|miles?)\\s+)?"
                    + "(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\\s+of|near|outside)\\s+(?:the\\s+)?(?:city\\s+of\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /** A name placed by direction from a place lies at most this far from it. */
    static final double RELATIVE_KM = 60;
    /** A spelling of a town this near the source's own coordinates is taken without another cue. */
    static final double POINT_KM = 5;

    /** The place found right after the name that says where it lies ("Basira, Deir-ez-Zor"), if it is in the report's country. */
    private static Qualifier qualifier(String text, int end, List<Mention> mentions, String country) {
        for (Mention m : mentions) {
            if (m.start() < end || m.start() - end > 60) continue;
            if (m.confidence() < EventLocator.MIN_CONFIDENCE || !m.place().countryCode().equals(country)) return null;
            String gap = text.substring(end, m.start());
            if (QUALIFIER_GAP.matcher(gap).matches()) return new Qualifier(m.place(), false);
            return RELATIVE_GAP.matcher(gap).matches() ? new Qualifier(m.place(), true) : null;
        }
        return null;
    }

    /**
     * The town whose name has this skeleton nearest to the source's point, within {@link #POINT_KM}, or null. The
     * skeleton alone is enough here ("Kafrnabil" / "Kafranbel"): two towns of one skeleton within 5 km of the
     * point are rare, and the nearer is taken.
     */
    private Place nearPoint(String skeleton, GeoPoint point) {
        Place best = null;
        double bestKm = POINT_KM;
        for (int idx : lookup(skeleton)) {
            Place p = gazetteer.place(idx);
            if (!p.featureClass().equals("P")) continue;
            double km = p.point().distanceKm(point);
            if (km <= bestKm) {
                bestKm = km;
                best = p;
            }
        }
        return best;
    }

    private static double nearestKm(Place p, List<Mention> mentions, String country) {
        double best = Double.MAX_VALUE;
        for (Mention m : mentions) {
            Place q = m.place();
            if (m.confidence() < EventLocator.MIN_CONFIDENCE || !q.countryCode().equals(country) || Resolver.isCountry(q)) continue;
            if (q.featureCode().equals("ADM1") && q.admin1().equals(p.admin1())) return 0;
            best = Math.min(best, p.point().distanceKm(q.point()));
        }
        return best;
    }

    @Override
    public String toString() { return "SpellingVariants[" + entries.length + " skeleton entries]"; }
}
