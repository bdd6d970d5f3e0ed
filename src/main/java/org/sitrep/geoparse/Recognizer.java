package org.sitrep.geoparse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.geoparse.Tokens.Script;
import org.sitrep.geoparse.Tokens.Token;
import org.sitrep.geoparse.gazetteer.Gazetteer;
import org.sitrep.geoparse.gazetteer.NameKey;
import org.sitrep.model.Place;

/**
 * Finds place-name spans: the longest run of tokens whose folded form is a gazetteer name, then
 * drops runs that are not places here. Gazetteer matching (rather than a statistical NER) is what
 * lets one component read English, Arabic and Cyrillic text with the same names the gazetteer
 * holds; the filters below carry the English capitalisation cues and the context that separates
 * "Aleppo" from "Aleppo Media Center", "Georgia" from "Georgian", "Jackson" the city from
 * "Jesse Jackson", "Reading" the town from "Reading the report". Thread-safe (stateless).
 */
final class Recognizer {
    /** Longest name in tokens: "Bosnia and Herzegovina", "Saint Vincent and the Grenadines". */
    static final int MAX_NAME_TOKENS = 6;

    /** Lower-case words allowed inside a multi-word name. */
    private static final Set<String> CONNECTORS = Set.of("of", "de", "del", "la", "le", "les", "du", "des", "da", "do",
            "dos", "das", "di", "y", "e", "and", "the", "on", "upon", "al", "el", "ul", "bin", "ibn", "am", "an", "im",
            "sur", "en", "aan", "van", "von", "der", "den", "au", "aux", "ar", "as", "ad", "ash", "az", "at", "es", "ez", "esh", "ed", "er", "et");
    /** Lower-case Arabic articles that may open a Latin-script name: "al-Raqqa", "el-Arish". */
    private static final Set<String> ARTICLES = Set.of("al", "el", "ar", "as", "ad", "ash", "az", "at", "an", "ul", "es", "ez", "en",
            "esh", "ed", "er", "et");
    /** Dotted abbreviations after which a name goes on: "St. Louis", "Ft. Worth", "Mt. Vernon". */
    private static final Set<String> DOT_ABBREVIATIONS = Set.of("st", "ft", "mt", "pt", "ste");
    /** One-letter Arabic proclitics written joined to the next word: "وحلب", "بإدلب", "لدمشق". */
    private static final String ARABIC_PROCLITICS = "\u0648\u0628\u0644\u0641\u0643";

    enum Cue { ADMIN, CITY }

    /** Words after a place name that make it the name of a disease or pathogen. */
    private static final Set<String> DISEASE_WORDS = Set.of("virus", "viruses", "fever", "disease", "ebolavirus", "encephalitis",
            "hemorrhagic", "haemorrhagic");

    /** Cue words (folded) that announce a town rather than a division: "city of", "город", "مدينة". */
    private static final Set<String> CITY_WORDS = Set.of("city", "town", "village", "город", "города", "\u043c\u0456\u0441\u0442\u043e",
            "\u043c\u0456\u0441\u0442\u0430", "село", "поселок", "مدينة", "بلدة", "قرية");

    /**
     * A recognised span with the gazetteer places its name can refer to (indexes into the gazetteer).
     * {@code embedded}: the name is part of an organisation's or event's name ("Ohio Department of
     * Transportation", "Aleppo Media Center"); it is kept as a mention, but never as where an event happened.
     * {@code partial}: the name is only part of a longer name joined by an Arabic article that the gazetteer
     * does not know ("Zawiya" in "Jabal al-Zawiya", "Jisr" in "Jisr al-Shughur" with a poorer gazetteer); the
     * resolver keeps it only where the rest of the text supports its country.
     */
    record Candidate(int start, int end, String key, int[] places, int firstToken, int lastToken, Cue cue,
                     boolean afterLocative, boolean embedded, boolean partial) {}

    private final Gazetteer gazetteer;
    private final Lexicon lexicon;

    private final Set<String> namePrefixes;
    /** Names of countries, continents, regions, divisions and cities of 100,000 with their spaces taken out, to their keys. */
    private final Map<String, String> joinedNames;

    Recognizer(Gazetteer gazetteer, Lexicon lexicon) {
        this(gazetteer, lexicon, PREFIX_NAMES);
    }

    /** With another threshold for name prefixes: tests use the small gazetteer sample. */
    Recognizer(Gazetteer gazetteer, Lexicon lexicon, int prefixNames) {
        this.gazetteer = gazetteer;
        this.lexicon = lexicon;
        this.namePrefixes = namePrefixes(gazetteer, prefixNames);
        this.joinedNames = joinedNames(gazetteer, lexicon);
        this.lowerNameHeads = lowerNameHeads(gazetteer);
    }

    /**
     * First words of the names of several words that {@link #lowerCaseName} can take (a country, region, division or
     * town of 10,000 by its preferred name): most lower-case words begin none, and are passed over with one lookup.
     */
    private final Set<String> lowerNameHeads;

    private static Set<String> lowerNameHeads(Gazetteer gazetteer) {
        Set<String> out = new HashSet<>();
        gazetteer.forEachName((k, places) -> {
            int sp = k.indexOf(' ');
            if (sp <= 0) return;
            for (int idx : places) {
                Place p = gazetteer.place(idx);
                if (gazetteer.primaryKey(idx).equals(k) && (Resolver.isArea(p) || p.featureClass().equals("P") && p.population() >= LOWER_CASE_TOWN)) {
                    out.add(k.substring(0, sp));
                    return;
                }
            }
        });
        return Set.copyOf(out);
    }

    private static Map<String, String> joinedNames(Gazetteer gazetteer, Lexicon lexicon) {
        Map<String, String> out = new java.util.HashMap<>();
        gazetteer.forEachName((k, places) -> {
            String joined = k.replace(" ", "");
            if (joined.length() < 4 || !joined.chars().allMatch(c -> c >= 'a' && c <= 'z') || lexicon.englishWords.contains(joined)
                    || lexicon.givenNames.contains(joined) || lexicon.surnames.contains(joined) || lexicon.demonyms.contains(joined)
                    || lexicon.stop.contains(joined)) {
                return;
            }
            for (int idx : places) {
                Place p = gazetteer.place(idx);
                String fc = p.featureCode();
                boolean area = fc.startsWith("PCL") || fc.equals("CONT") || fc.equals("RGN") || fc.equals("ADM1") || fc.equals("TERR");
                if ((area || p.featureClass().equals("P") && p.population() >= 100_000) && gazetteer.primaryKey(idx).equals(k)) {
                    out.putIfAbsent(joined, k);
                    return;
                }
            }
        });
        return Map.copyOf(out);
    }

    /** How many multi-word names must start with a word for it to be a name prefix ("Santa", "Puerto", "Kota"). */
    static final int PREFIX_NAMES = 150;

    /**
     * Words that begin many place names ("Santa Cruz", "Puerto Rico", "Kota Bharu", "Fort Worth"): alone, such a word
     * is a person ("Thanks Santa"), a word or the first half of a name cut short, far more often than the small town
     * that also has it as its whole name. Counted once from the gazetteer's own names, so it holds in any language.
     */
    private static Set<String> namePrefixes(Gazetteer gazetteer, int threshold) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        gazetteer.forEachName((k, places) -> {
            int sp = k.indexOf(' ');
            if (sp >= 4) counts.merge(k.substring(0, sp), 1, Integer::sum);
        });
        Set<String> out = new HashSet<>();
        counts.forEach((w, n) -> { if (n >= threshold) out.add(w); });
        return Set.copyOf(out);
    }

    List<Candidate> find(String text) {
        List<Token> tokens = Tokens.of(text);
        boolean[] headline = titleCaseLines(text, tokens);
        Set<String> lowerWords = new HashSet<>();
        for (Token t : tokens) if (!t.capitalised() && t.script() != Script.ARABIC) lowerWords.add(t.key());
        Set<String> nameTails = new HashSet<>();
        List<Candidate> out = new ArrayList<>();
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            Match m = longestMatch(text, tokens, i);
            if (m == null) {
                List<Candidate> parts = hashtagParts(text, tokens.get(i), i);
                out.addAll(parts.isEmpty() ? lowerCaseHashtag(text, tokens.get(i), i) : parts);
                i++;
                continue;
            }
            Candidate c = accept(text, tokens, m, headline, lowerWords, nameTails);
            if (c != null && !out.isEmpty() && c.start() < out.getLast().end()) {
                // the compass word before it already ended the previous name: spans never overlap
                c = new Candidate(tokens.get(c.firstToken()).start(), c.end(), c.key(), c.places(), c.firstToken(), c.lastToken(),
                        c.cue(), c.afterLocative(), c.embedded(), c.partial());
            }
            if (c != null) {
                out.add(c);
                i = c.lastToken() + 1;
                Candidate state = stateQualifier(text, tokens, c);
                if (state != null) {
                    out.add(state);
                    i = state.lastToken() + 1;
                }
            } else {
                i = m.last + 1;
            }
        }
        return dottedStates(text, out);
    }

    private static final java.util.regex.Pattern DOTTED_STATE = java.util.regex.Pattern.compile("(?<![\\p{L}.])([NSW]\\.\\s?[A-Z][a-z]?\\.|D\\.C\\.)");

    /**
     * "the S.C. Highway Patrol", "Rep. Jim Clyburn, D-S.C.", "N.Y. officials": a dotted state initialism names
     * the state wherever it stands (unlike "Ga." or "Ind.", which are safe only after a town and a comma).
     */
    private List<Candidate> dottedStates(String text, List<Candidate> found) {
        if (text.indexOf('.') < 0) return found;
        java.util.regex.Matcher mm = DOTTED_STATE.matcher(text);
        List<Candidate> out = null;
        while (mm.find()) {
            String abbr = mm.group(1).replace(".", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
            String code = UsStates.byAbbreviation(abbr);
            int state = code == null ? -1 : gazetteer.adminPlace("US." + code);
            if (state < 0) continue;
            int s = mm.start(1), e = mm.end(1);
            boolean overlaps = false;
            for (Candidate c : found) overlaps |= c.start() < e && s < c.end();
            if (overlaps) continue;
            if (out == null) out = new ArrayList<>(found);
            out.add(new Candidate(s, e, abbr, new int[] {state}, -1, -1, Cue.ADMIN, false, false, false));
        }
        if (out == null) return found;
        out.sort(java.util.Comparator.comparingInt(Candidate::start));
        return out;
    }

    private record Match(int first, int last, String key, int[] places, int skipChars) {}

    /**
     * Social media writes "malaysia", "africa", "#usa", "denver": a lower-case single word is taken when it is
     * not an English word ("china", "turkey" stay words) nor a person's name, and it is the preferred name of a
     * country, continent or first-level division, or of a city of 100,000 or more; in a hashtag, any name of a
     * country, continent or division ("#usa").
     */
    private Match lowerCaseArea(String text, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        String key = t.key();
        boolean locative = afterLowerLocative(tokens, i);
        if (key.length() <= 3) return lowerCaseShortName(text, tokens, i, locative);
        if (key.length() < 4 || lexicon.englishWords.contains(key) || lexicon.stop.contains(key) || lexicon.demonyms.contains(key)
                || (!locative && (lexicon.givenNames.contains(key) || lexicon.surnames.contains(key)))) {
            return null;
        }
        boolean hashtag = t.start() > 0 && text.charAt(t.start() - 1) == '#';
        int[] places = gazetteer.candidates(key);
        int[] kept = new int[places.length];
        int n = 0;
        for (int idx : places) {
            Place p = gazetteer.place(idx);
            String code = p.featureCode();
            boolean primary = gazetteer.primaryKey(idx).equals(key);
            boolean area = code.startsWith("PCL") || code.equals("CONT") || code.equals("ADM1");
            // (a hashtag is a name, so four letters do there: "#gaza", "#oslo")
            boolean city = p.featureClass().equals("P") && p.population() >= (locative ? LOWER_CASE_TOWN : 100_000)
                    && (key.length() >= 5 || hashtag);
            if (area && (primary || hashtag) || city && primary) kept[n++] = idx;
        }
        return n == 0 ? null : new Match(i, i, key, java.util.Arrays.copyOf(kept, n), 0);
    }

    /**
     * Short names in lower case: "in the us", "the uk", "#usa" are the country (after "the" or in a hashtag, a country's
     * two- or three-letter name that is not an English word); "from vt", "in nj" the state (its postal code after a locative).
     */
    private Match lowerCaseShortName(String text, List<Token> tokens, int i, boolean locative) {
        Token t = tokens.get(i);
        String key = t.key();
        if (key.length() < 2 || !key.chars().allMatch(c -> c >= 'a' && c <= 'z')) return null;
        boolean hashtag = t.start() > 0 && text.charAt(t.start() - 1) == '#';
        // after "the", an English word is that word ("the car"), except a pronoun, which no article precedes ("in the us")
        boolean afterThe = i > 0 && tokens.get(i - 1).key().equals("the") && !tokens.get(i - 1).capitalised() && isWordGap(t.gap())
                && (!lexicon.englishWords.contains(key) || key.equals("us"));
        if (hashtag && !lexicon.englishWords.contains(key) || afterThe) {
            int[] countries = java.util.Arrays.stream(gazetteer.candidates(key)).filter(idx -> Resolver.isCountry(gazetteer.place(idx))).toArray();
            if (countries.length > 0) return new Match(i, i, key, countries, 0);
        }
        if (locative && key.length() == 2 && !WORD_LIKE_POSTAL_CODES.contains(key)) {
            String state = UsStates.byAbbreviation(key);
            int place = state != null && state.equalsIgnoreCase(key) ? gazetteer.adminPlace("US." + state) : -1;
            if (place >= 0) return new Match(i, i, key, new int[] {place}, 0);
        }
        return null;
    }

    /** Population a town written in lower case needs after a locative ("a tornado in bloomington"). */
    private static final int LOWER_CASE_TOWN = 10_000;

    /** "in bloomington", "near keonjhar": the word follows a lower-case locative ("in the flatlands" does not count). */
    private static boolean afterLowerLocative(List<Token> tokens, int i) {
        return i > 0 && !tokens.get(i - 1).capitalised() && LOWER_CASE_LOCATIVES.contains(tokens.get(i - 1).key());
    }

    /** Locatives that announce a place even before a lower-case word; not "to" or "at" ("in response to obama's comment"). */
    private static final Set<String> LOWER_CASE_LOCATIVES = Set.of("in", "near", "from", "outside", "around", "across", "throughout",
            "inside", "within");

    /**
     * "los angeles", "key west", "pantai timur", "new Zealand": a name of two to four words written in lower case is
     * that place when the words are its preferred name and it is a country, continent, region, division or a town of
     * 10,000, and either it follows a locative or one of its words is not an English word ("the long beach walk" is
     * not Long Beach unless it is "in long beach").
     */
    private Match lowerCaseName(List<Token> tokens, int i) {
        // "south Sudan", "east Africa", "north Arlington": a lower-case compass word describes, it does not name
        if (!lowerNameHeads.contains(tokens.get(i).key()) || lexicon.directions.contains(tokens.get(i).key())) return null;
        boolean locative = afterLowerLocative(tokens, i);
        Match best = null;
        StringBuilder key = new StringBuilder(tokens.get(i).key());
        boolean allWords = lexicon.englishWords.contains(tokens.get(i).key()) || lexicon.directions.contains(tokens.get(i).key());
        for (int j = i + 1; j < tokens.size() && j < i + 4; j++) {
            Token tj = tokens.get(j);
            if (!joinable(tokens.get(j - 1), tj) || tj.script() != tokens.get(i).script()) break;
            key.append(' ').append(tj.key());
            allWords &= lexicon.englishWords.contains(tj.key()) || CONNECTORS.contains(tj.key());
            if (CONNECTORS.contains(tj.key())) continue;
            if (allWords && !locative) continue;
            String k = key.toString();
            for (int idx : gazetteer.candidates(k)) {
                Place p = gazetteer.place(idx);
                if (!gazetteer.primaryKey(idx).equals(k)) continue;
                if (Resolver.isArea(p) || p.featureClass().equals("P") && p.population() >= LOWER_CASE_TOWN) {
                    best = new Match(i, j, k, gazetteer.candidates(k), 0);
                    break;
                }
            }
        }
        return best;
    }

    private Match longestMatch(String text, List<Token> tokens, int i) {
        Token t = tokens.get(i);
        boolean cased = t.script() == Script.LATIN || t.script() == Script.CYRILLIC;
        boolean article = cased && !t.capitalised() && ARTICLES.contains(t.key()) && i + 1 < tokens.size()
                && tokens.get(i + 1).gap().equals("-") && tokens.get(i + 1).capitalised();
        if (inHandle(text, t.start())) return null; // an account handle ("@Quad_Borup", "@BBC_Cumbria"), not a place
        if (cased && !t.capitalised() && !article) {
            Match multi = lowerCaseName(tokens, i);
            return multi != null ? multi : lowerCaseArea(text, tokens, i);
        }
        if (Character.isDigit(t.text().charAt(0))) return null;
        Match best = null;
        StringBuilder key = new StringBuilder();
        for (int j = i; j < tokens.size() && j < i + MAX_NAME_TOKENS; j++) {
            Token tj = tokens.get(j);
            if (j > i) {
                // "Jammu & Kashmir", "Trinidad & Tobago": an ampersand between capitalised words is the "and" of the name
                boolean ampersand = (tj.gap().equals(" & ") || tj.gap().equals("&")) && tj.capitalised() && tokens.get(j - 1).capitalised();
                if (!joinable(tokens.get(j - 1), tj) && !ampersand) break;
                key.append(ampersand ? " and " : " ");
            }
            key.append(tj.key());
            boolean connector = j > i && CONNECTORS.contains(tj.key()) && !tj.capitalised();
            if (cased && j > i && !connector && !tj.capitalised() && !elided(tj)) break;
            if (connector || (article && j == i)) continue;
            // tokens are folded one by one; the article's spelling depends on the next word ("ash Shughur")
            String k = j > i ? NameKey.foldArticles(key.toString()) : key.toString();
            int[] places = gazetteer.candidates(k);
            if (places.length > 0) best = new Match(i, j, k, places, 0);
        }
        if (best != null) return best;
        if (t.script() == Script.LATIN && t.allCaps() && t.text().length() == 2 && !WORD_LIKE_POSTAL_CODES.contains(t.key())) {
            String state = UsStates.byAbbreviation(t.key()); // "NJ", "TN" standing alone in a post
            int place = state != null && state.equalsIgnoreCase(t.key()) ? gazetteer.adminPlace("US." + state) : -1;
            if (place >= 0) return new Match(i, i, t.key(), new int[] {place}, 0);
        }
        if (t.script() == Script.LATIN) {
            Match camel = camelCaseHashtag(text, t, i);
            if (camel != null) return camel;
        }
        if (t.script() == Script.ARABIC) return arabicVariant(tokens, i);
        if (t.script() == Script.CYRILLIC) return cyrillicVariant(t, i);
        return null;
    }

    /** "#SierraLeone", "#NewYork": a hashtag written in camel case is the name with its spaces taken out. */
    private Match camelCaseHashtag(String text, Token t, int i) {
        if (t.start() == 0 || text.charAt(t.start() - 1) != '#') return null;
        String w = t.text();
        StringBuilder spaced = new StringBuilder(w.length() + 4);
        int parts = 1;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (k > 0 && Character.isUpperCase(c) && Character.isLowerCase(w.charAt(k - 1))) {
                spaced.append(' ');
                parts++;
            }
            spaced.append(c);
        }
        if (parts < 2) return null;
        String key = NameKey.of(spaced);
        int[] places = gazetteer.candidates(key);
        return places.length == 0 ? null : new Match(i, i, key, places, 0);
    }

    /**
     * Places inside a compound hashtag: "#GazaUnderAttack", "#PrayForGaza", "#IranTalksNYC". The tag is cut at
     * its capitals ("NYCProtest" is "NYC" + "Protest"); a run of parts is taken when it names a country,
     * division, region or a city of 100,000 or more (or is a big city's initials), and a single part that is
     * an English word ("Talks", "Sun") only when it is a country's or region's name.
     */
    private List<Candidate> hashtagParts(String text, Token t, int i) {
        if (t.start() == 0 || text.charAt(t.start() - 1) != '#' || t.script() != Script.LATIN) return List.of();
        String w = t.text();
        List<int[]> parts = new ArrayList<>(4);
        int from = 0;
        for (int k = 1; k < w.length(); k++) {
            char a = w.charAt(k - 1), c = w.charAt(k);
            boolean cut = Character.isLowerCase(a) && Character.isUpperCase(c)
                    || Character.isUpperCase(a) && Character.isUpperCase(c) && k + 1 < w.length() && Character.isLowerCase(w.charAt(k + 1))
                    || Character.isDigit(a) != Character.isDigit(c);
            if (cut) {
                parts.add(new int[] {from, k});
                from = k;
            }
        }
        parts.add(new int[] {from, w.length()});
        if (parts.size() < 2 || parts.size() > 8) return List.of();
        List<Candidate> out = new ArrayList<>(2);
        int p = 0;
        while (p < parts.size()) {
            int took = 0;
            for (int q = Math.min(parts.size() - 1, p + 3); q >= p && took == 0; q--) {
                String piece = w.substring(parts.get(p)[0], parts.get(q)[1]);
                StringBuilder spaced = new StringBuilder(piece.length() + 4);
                for (int r = p; r <= q; r++) {
                    if (r > p) spaced.append(' ');
                    spaced.append(w, parts.get(r)[0], parts.get(r)[1]);
                }
                String key = NameKey.of(spaced);
                int[] places = hashtagPlaces(key, piece, p == q);
                if (places.length > 0) {
                    int start = t.start() + parts.get(p)[0];
                    out.add(new Candidate(start, t.start() + parts.get(q)[1], key, places, i, i, null, false, false, false));
                    took = q - p + 1;
                }
            }
            p += Math.max(took, 1);
        }
        return out;
    }

    /**
     * Short words a run-together hashtag may hold ("#prayforgaza", "#helpinhaiti"); other English words in it need four
     * letters or more, so that a tag is not cut into rare short words around a name ("#happybirthdaysandrapark").
     */
    private static final Set<String> SHORT_TAG_WORDS = Set.of("in", "of", "on", "to", "my", "we", "is", "at", "no", "go", "us", "me",
            "be", "so", "up", "vs", "oh", "hi", "for", "the", "and", "our", "new", "now", "day", "war", "not", "all", "out", "you", "are",
            "one", "big", "hot", "old", "red");

    /**
     * "#southdakota", "#russiainvadedukraine", "#prayforgaza", "#leicesterhour": a lower-case hashtag run together from
     * words is cut into the fewest English words and names of countries, regions, divisions or cities of 100,000 (with
     * their spaces taken out); the names among the pieces are places when the whole tag is cut so and at least one
     * piece is a name.
     */
    private List<Candidate> lowerCaseHashtag(String text, Token t, int i) {
        if (t.start() == 0 || text.charAt(t.start() - 1) != '#' || t.script() != Script.LATIN) return List.of();
        String w = t.text();
        int n = w.length();
        if (n < 6 || n > 40) return List.of();
        for (int k = 0; k < n; k++) if (w.charAt(k) < 'a' || w.charAt(k) > 'z') return List.of();
        // best[e]: fewest pieces covering w[0, e); from[e]: where the last piece starts; name[e]: whether it is a place
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        boolean[] name = new boolean[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int e = 1; e <= n; e++) {
            for (int b = Math.max(0, e - 25); b < e; b++) {
                if (best[b] == Integer.MAX_VALUE) continue;
                String piece = w.substring(b, e);
                boolean place = joinedNames.containsKey(piece);
                boolean word = !place && (piece.length() >= 4 && lexicon.englishWords.contains(piece) || SHORT_TAG_WORDS.contains(piece));
                if (!place && !word) continue;
                int cost = best[b] + 1;
                if (cost < best[e] || cost == best[e] && place && !name[e]) {
                    best[e] = cost;
                    from[e] = b;
                    name[e] = place;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) return List.of();
        List<Candidate> out = new ArrayList<>(2);
        for (int e = n; e > 0; e = from[e]) {
            if (!name[e]) continue;
            String key = joinedNames.get(w.substring(from[e], e));
            out.addFirst(new Candidate(t.start() + from[e], t.start() + e, key, gazetteer.candidates(key), i, i, null, false, false, false));
        }
        return out;
    }

    private int[] hashtagPlaces(String key, String piece, boolean single) {
        if (Character.isDigit(piece.charAt(0)) || lexicon.stop.contains(key) || lexicon.demonyms.contains(key)) return new int[0];
        boolean caps = piece.chars().allMatch(Character::isUpperCase);
        if (single && !caps && (key.length() < 4 || lexicon.givenNames.contains(key) || lexicon.surnames.contains(key))) return new int[0];
        if (single && caps && (key.length() < 2 || key.length() > 3)) return new int[0];
        boolean word = single && !caps && lexicon.englishWords.contains(key);
        return java.util.Arrays.stream(gazetteer.candidates(key)).filter(idx -> {
            Place pl = gazetteer.place(idx);
            String code = pl.featureCode();
            boolean area = code.startsWith("PCL") || code.equals("CONT") || code.equals("RGN") || code.equals("ADM1") || code.equals("TERR");
            if (word) return area && gazetteer.primaryKey(idx).equals(key);
            if (caps) return area || pl.featureClass().equals("P") && pl.population() >= 300_000 && isInitialism(key, gazetteer.primaryKey(idx));
            return area || pl.featureClass().equals("P") && pl.population() >= 100_000;
        }).toArray();
    }

    /** "وحلب" is "و" + "حلب", "بإدلب" is "ب" + "إدلب": try the word without one or two proclitics. */
    private Match arabicVariant(List<Token> tokens, int i) {
        String k = tokens.get(i).key();
        for (int strip = 1; strip <= 2 && strip < k.length() - 2; strip++) {
            if (ARABIC_PROCLITICS.indexOf(k.charAt(strip - 1)) < 0) break;
            String rest = k.substring(strip);
            // the two-word names first ("دير الزور"), then the single word
            if (i + 1 < tokens.size() && joinable(tokens.get(i), tokens.get(i + 1))) {
                int[] two = gazetteer.candidates(rest + " " + tokens.get(i + 1).key());
                if (two.length > 0) return new Match(i, i + 1, rest + " " + tokens.get(i + 1).key(), two, strip);
            }
            int[] one = gazetteer.candidates(rest);
            if (one.length > 0 && rest.length() >= 3) return new Match(i, i, rest, one, strip);
        }
        return null;
    }

    private static final String[] RU_ENDINGS = {"ами", "ями", "ому", "ему", "ого", "его", "ой", "ей", "ом", "ем", "ах", "ях",
            "ою", "ею", "ам", "ям", "а", "я", "у", "ю", "е", "і", "и", "ы", "ь"};
    private static final String[] RU_BASE_ENDINGS = {"", "а", "я", "ь", "и", "е", "о"};

    /**
     * Russian and Ukrainian inflect place names ("в Харькове", "під Харковом", "у Києві"): strip a case
     * ending, add back a nominative one, and accept the result only if the gazetteer knows it. Ukrainian
     * turns the і/ї of the nominative (Харків, Київ) into о/е/є in the other cases (Харкова, Києва), so that is tried too.
     */
    private Match cyrillicVariant(Token t, int i) {
        String k = t.key();
        if (k.length() < 5 || k.indexOf(' ') >= 0) return null;
        for (String end : RU_ENDINGS) {
            if (!k.endsWith(end) || k.length() - end.length() < 3) continue;
            String stem = k.substring(0, k.length() - end.length());
            for (String base : RU_BASE_ENDINGS) {
                String cand = stem + base;
                if (cand.equals(k)) continue;
                int[] p = gazetteer.candidates(cand);
                if (p.length > 0) return new Match(i, i, cand, p, 0);
                String ik = ikavism(stem);
                if (ik != null) {
                    p = gazetteer.candidates(ik + base);
                    if (p.length > 0) return new Match(i, i, ik + base, p, 0);
                }
            }
        }
        return null;
    }

    private static String ikavism(String stem) {
        int at = Math.max(Math.max(stem.lastIndexOf('о'), stem.lastIndexOf('е')), stem.lastIndexOf('є'));
        if (at < 0 || at < stem.length() - 3) return null;
        return stem.substring(0, at) + 'і' + stem.substring(at + 1);
    }

    /** "d'Ivoire", "l'Aquila": a French or Italian elided article before a capitalised name. */
    private static boolean elided(Token t) {
        String w = t.text();
        return w.length() > 3 && (w.charAt(0) == 'd' || w.charAt(0) == 'l') && Tokens.isApostrophe(w.charAt(1)) && Character.isUpperCase(w.charAt(2));
    }

    private static boolean joinable(Token prev, Token next) {
        String gap = next.gap();
        // "People's Republic of China": the possessive is outside the token; the index has the name without it
        if (gap.length() == 3 && Tokens.isApostrophe(gap.charAt(0)) && gap.charAt(1) == 's' && gap.charAt(2) == ' ') return true;
        if (gap.equals(" ") || gap.equals("-") || gap.equals("\u00A0")) return true;
        if (gap.equals(". ") || gap.equals(".")) return DOT_ABBREVIATIONS.contains(prev.key());
        return gap.equals(" - ") ? false : gap.length() <= 2 && gap.isBlank() && gap.indexOf('\n') < 0;
    }

    private Candidate accept(String text, List<Token> tokens, Match m, boolean[] headline, Set<String> lowerWords, Set<String> nameTails) {
        Token first = tokens.get(m.first), last = tokens.get(m.last);
        Script script = first.script();
        String key = m.key;
        if (lexicon.stop.contains(key) || lexicon.demonyms.contains(key)) return null;
        Token prev = m.first > 0 ? tokens.get(m.first - 1) : null;
        Token next = m.last + 1 < tokens.size() ? tokens.get(m.last + 1) : null;
        boolean afterLocative = prev != null && lexicon.locatives.contains(prev.key()) && !prev.capitalised()
                || prev != null && prev.sentenceStart() && lexicon.locatives.contains(prev.key())
                // "the city of Conway", "the town of Basida": the cue names what follows as a place, as a locative does
                || prev != null && !prev.capitalised() && lexicon.adminCuesBefore.contains(prev.key())
                || prev != null && m.first >= 2 && lexicon.adminCuesBefore.contains(tokens.get(m.first - 2).key() + " " + prev.key());
        int[] places = m.places;
        int start = first.start() + m.skipChars, end = last.end();
        int lastToken = m.last;
        Cue cue = null;

        boolean embedded = false;
        if (first.key().equals("the") && m.last > m.first) {
            // "The Philippines", "The Gambia": the article is not part of the name as annotated and mapped;
            // "The City", "The Summit": an article and common words name no place
            boolean common = true;
            for (int k = m.first + 1; k <= m.last; k++) common &= lexicon.englishWords.contains(tokens.get(k).key());
            if (common && !prominent(places, 100_000)) return null;
            String rest = key.substring(4);
            if (gazetteer.hasKey(rest)) {
                Match shorter = new Match(m.first + 1, m.last, rest, gazetteer.candidates(rest), 0);
                return accept(text, tokens, shorter, headline, lowerWords, nameTails);
            }
        }
        if (script == Script.LATIN || script == Script.CYRILLIC) {
            boolean inHeadline = headline[m.first];
            boolean single = m.first == m.last;
            if (lexicon.titles.contains(key) || isContraction(first.text())) return null;
            if (end < text.length() && (text.charAt(end) == '$' || text.charAt(end) == '\u20AC')) return null; // "US$10", a currency
            // "A/California/7/2009": a flu strain's name, not a place
            if (start > 0 && text.charAt(start - 1) == '/' && end < text.length() && text.charAt(end) == '/') return null;
            // "AK-47", "Su-24": a model number, not a place
            if (end + 1 < text.length() && text.charAt(end) == '-' && Character.isDigit(text.charAt(end + 1))) return null;
            // "West Nile virus", "Marburg virus", "Rift Valley fever": a disease named after a place, not a mention of it
            if (next != null && isWordGap(next.gap()) && DISEASE_WORDS.contains(next.key())) return null;
            if (first.allCaps() && letters(key) >= 4 && !inHeadline && !first.sentenceStart() && onlySmallTowns(places, 100_000)) {
                return null; // "ALMA", "PAHO": an acronym in running text (a dateline "CROMWELL —" opens its sentence)
            }
            if (first.allCaps() && letters(key) <= 3 && CLOCK_BEFORE.matcher(text.substring(Math.max(0, start - 12), start)).find()) {
                return null; // "at 9 a.m. CT", "10:22pm CT": a time zone, not Connecticut
            }
            if (first.allCaps() && letters(key) <= 3) {
                // "US", "UK", "DRC": countries and regions, never a village called "Us"; "NYC", "LA": a big city's
                // abbreviation; "NJ", "TN": a US state's postal code
                places = areasOrBigCities(places, key, 300_000);
                String state = key.length() == 2 && !WORD_LIKE_POSTAL_CODES.contains(key) ? UsStates.byAbbreviation(key) : null;
                int statePlace = state != null && state.equalsIgnoreCase(key) ? gazetteer.adminPlace("US." + state) : -1;
                if (statePlace >= 0 && java.util.Arrays.stream(places).noneMatch(p -> p == statePlace)) {
                    places = java.util.Arrays.copyOf(places, places.length + 1);
                    places[places.length - 1] = statePlace;
                }
                if (places.length == 0) return null;
            } else if (single && key.length() <= 2 && first.capitalised()) {
                return null; // (a lower-case one, "the us", "from vt", was let through by lowerCaseShortName)
            } else if (single && key.length() == 3 && !hasPrimaryOrBig(places, key)) {
                return null; // "Sam", "Ole", "Mel", "Jin": a three-letter alternate name of some town is nearly always a word or a person
            } else if (single && namePrefixes.contains(key) && onlySmallTowns(places, 100_000) && !afterLocative) {
                return null; // "Thanks Santa", "Kota" alone: the head of many names, not the village of that name
            } else if (single) {
                // (the word's own lower-case spelling, "#miami What an idiot", is no evidence that it is a common word)
                // (a lower-case match was checked against the English words where it was found: "in the us" is the country)
                boolean common = first.capitalised()
                        && (lexicon.englishWords.contains(key) || (first.sentenceStart() || inHeadline) && lowerWords.contains(key));
                // a common word opening a sentence ("Reading the statement") or a short one ("Man") needs a big
                // place; a longer one inside a sentence ("in East Oxford") a town
                long needed = first.sentenceStart() || key.length() < 5 ? 500_000 : 100_000;
                if (common && !prominentByName(places, key, afterLocative, needed)) return null;
                if (lexicon.givenNames.contains(key) && !prominentByName(places, key, afterLocative, 100_000)) return null;
                if (lexicon.surnames.contains(key) && !prominentByName(places, key, afterLocative, 100_000) && !placeContext(text, first, next)) {
                    return null;
                }
                if (nameTails.contains(key) && !prominent(places, 1_000_000)) return null;
                // "Tyler said": a speaker, unless the name follows a locative or "of" ("a resident of Torun said")
                if (next != null && lexicon.speechVerbs.contains(next.key()) && onlySmallTowns(places, 500_000) && !afterLocative
                        && !(prev != null && prev.key().equals("of"))) {
                    return null;
                }
                // '"...," said Clifford.': the one who speaks, after the verb, is a person
                if (prev != null && lexicon.speechVerbs.contains(prev.key()) && !prev.capitalised()
                        && (next == null || !isWordGap(next.gap())) && onlySmallTowns(places, 500_000)) {
                    return null;
                }
            }
            if (prev != null && lexicon.titles.contains(prev.key()) && prev.capitalised()) return null;
            // "Gwen Stefani and Pharrell Williams Perform", "Douglas Booth Joins Cast": on a title-case line too, a
            // small town's name right after a given name, or a given name right before another capitalised name, is a
            // person's name (the capitals of a headline say nothing, the given name does)
            if (single && onlySmallTowns(places, 100_000) && !afterLocative) {
                if (prev != null && isWordGap(first.gap()) && prev.capitalised() && !prev.allCaps() && givenName(prev.key())) {
                    nameTails.add(key);
                    return null;
                }
                if (next != null && isWordGap(next.gap()) && next.capitalised() && !next.allCaps() && givenName(key)
                        && next.script() == script && !lexicon.placeNouns.contains(next.key()) && !lexicon.adminCues.contains(next.key())
                        && !lexicon.orgTails.contains(next.key()) && !lexicon.stop.contains(next.key()) && !gazetteer.hasKey(next.key())) {
                    return null;
                }
            }
            // "Wal-Mart", "Coca-Cola": a hyphenated compound that is not itself a place
            // (a country or continent stays a place: "Colombia-Farc talks", "the US-Africa summit")
            if (next != null && next.gap().equals("-") && next.capitalised() && !gazetteer.hasKey(next.key()) && !anyCountryOrContinent(places)) {
                return null;
            }
            if (prev != null && first.gap().equals("-") && prev.capitalised() && prev.text().length() > 1 && !gazetteer.hasKey(prev.key())) {
                return null;
            }
            // "Marsha J. Moore", "Keith D. Johnson": a surname after an initial
            if (prev != null && prev.text().length() == 1 && prev.capitalised() && first.gap().equals(". ") && m.first >= 2
                    && tokens.get(m.first - 2).capitalised()) {
                nameTails.add(key);
                return null;
            }
            if (prev != null && prev.key().equals("of") && m.first >= 2 && lexicon.orgHeads.contains(tokens.get(m.first - 2).key())
                    && tokens.get(m.first - 2).capitalised()) {
                embedded = true; // "University of Georgia", "Bank of America"
            }
            if (!inHeadline && prev != null && prev.capitalised() && isWordGap(first.gap()) && !prev.allCaps()
                    && !(prev.sentenceStart() && (isCommon(prev.key()) || script == Script.CYRILLIC)) && !lexicon.locatives.contains(prev.key())
                    && !lexicon.directions.contains(prev.key()) && !(anyCountry(places) && gazetteer.hasKey(prev.key()))
                    && !(majorPlace(places, key) && majorPlace(gazetteer.candidates(prev.key()), prev.key()) && !personName(key) && !personName(prev.key()))
                    && !(prev.start() > 0 && "#@".indexOf(text.charAt(prev.start() - 1)) >= 0)) { // "#TopNews Niger police"
                // (a country after a place, "Belo Horizonte Brazil", "Morioka Japan", is that place's country)
                if (!lexicon.englishWords.contains(prev.key()) || lexicon.givenNames.contains(prev.key())) {
                    nameTails.add(key);
                    return null; // the tail of a person's name: "Jesse Jackson", "Dean Curtis"
                }
                embedded = true; // "Rodeo Gainesville", "Miss Ohio", "Six Flags Over Texas"
            }
            if (next != null && isWordGap(next.gap())) {
                if (lexicon.adminCues.contains(next.key())) {
                    cue = Cue.ADMIN;
                    if ((next.capitalised() || script == Script.CYRILLIC) && SPAN_CUES.contains(next.key())) {
                        end = next.end();
                        lastToken = m.last + 1;
                    }
                } else if (next.capitalised() && next.allCaps() && next.text().length() == 1) {
                    return null; // "Helen F. Morris": a first name before an initial
                } else if (!inHeadline && next.capitalised() && !next.allCaps() && !lexicon.locatives.contains(next.key())
                        && next.script() == script && !lexicon.stop.contains(next.key()) && !anyCountry(gazetteer.candidates(next.key()))
                        && !(majorPlace(places, key) && majorPlace(gazetteer.candidates(next.key()), next.key()) && !personName(key) && !personName(next.key()))) {
                    // (a function word, weekday or institution word after the name does not make it a person's or an
                    // outlet's name: "the United Kingdom Sunday", "Ferguson Police"; nor does a country: "Kharkiv Ukraine")
                    if (lexicon.orgTails.contains(next.key())) {
                        return null; // an organisation or outlet: "Aleppo Media Center", "New York Times"
                    } else if (lexicon.englishWords.contains(next.key())) {
                        embedded = true; // "Gainesville Riding Club", "Tennessee Senior Olympics"
                    } else {
                        nameTails.add(key);
                        return null; // the head of a person's name: "Paris Hilton"
                    }
                }
            }
        } else {
            if (key.length() < 3) return null;
            if (m.first == m.last && key.length() <= 3 && onlySmallTowns(places, 10_000)) return null;
            if (next != null && lexicon.adminCues.contains(next.key()) && isWordGap(next.gap())) cue = Cue.ADMIN;
        }
        // "Northern California", "Central Luzon", "West Texas": a capitalised compass word is part of the name
        // as written, and the place it qualifies is where it points
        // ("SE Asia", "SW Georgia": its two-letter abbreviation too)
        if (prev != null && prev.capitalised() && (lexicon.directions.contains(prev.key()) || prev.allCaps() && prev.text().length() == 2 && COMPASS_ABBREVIATIONS.contains(prev.key()))
                && isWordGap(first.gap()) && prev.script() == script && (script == Script.LATIN || script == Script.CYRILLIC)) {
            start = prev.start();
        }
        if (prev != null && lexicon.adminCuesBefore.contains(prev.key())) cue = CITY_WORDS.contains(prev.key()) ? Cue.CITY : Cue.ADMIN;
        if (m.first >= 2 && lexicon.adminCuesBefore.contains(tokens.get(m.first - 2).key() + " " + prev.key())) {
            cue = CITY_WORDS.contains(tokens.get(m.first - 2).key()) ? Cue.CITY : Cue.ADMIN;
        }
        return new Candidate(start, end, key, places, m.first, lastToken, cue, afterLocative, embedded,
                articleLinked(tokens, m.first, m.last));
    }

    private static final java.util.regex.Pattern STATE_ABBREVIATION =
            java.util.regex.Pattern.compile("^,\\s*([A-Z][A-Za-z]{0,4}\\.(?:\\s?[A-Z][a-z]?\\.)?|[A-Z]{2}\\b)");

    /**
     * "Gainesville, Ga.", "Columbia, S.C.", "Charleston, W.Va.": the state abbreviation after a US town is a
     * place mention of its own (the state).
     */
    private Candidate stateQualifier(String text, List<Token> tokens, Candidate c) {
        if (c.end() >= text.length() || text.charAt(c.end()) != ',') return null;
        java.util.regex.Matcher mm = STATE_ABBREVIATION.matcher(text.substring(c.end(), Math.min(text.length(), c.end() + 14)));
        if (!mm.find()) return null;
        String abbr = mm.group(1).replace(".", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        String code = UsStates.byAbbreviation(abbr);
        if (code == null || (abbr.length() > 2 && gazetteer.hasKey(abbr) && !mm.group(1).endsWith("."))) return null;
        boolean us = false;
        for (int idx : c.places()) us |= gazetteer.place(idx).countryCode().equals("US");
        int state = gazetteer.adminPlace("US." + code);
        if (!us || state < 0) return null;
        int start = c.end() + mm.start(1), end = c.end() + mm.end(1);
        // "Ames, Iowa.": a state written in full keeps the sentence's full stop out of its span
        if (mm.group(1).endsWith(".") && gazetteer.primaryKey(state).equals(abbr)) end--;
        int last = c.lastToken();
        while (last + 1 < tokens.size() && tokens.get(last + 1).start() < end) last++;
        return new Candidate(start, end, NameKey.of(mm.group(1)), new int[] {state}, c.lastToken() + 1, last, Cue.ADMIN, false, false, false);
    }

    /**
     * Whether the match at tokens first..last continues, through an Arabic article, into a longer capitalised
     * name: "Jabal al-Zawiya" (matched "Zawiya"), "Jisr al-Shughur" (matched "Jisr"), "Abu Bakr al-Baghdadi".
     */
    private static boolean articleLinked(List<Token> tokens, int first, int last) {
        // before: Capitalised + article + (the match), e.g. "Jabal al-" + "Zawiya" or "Jabal" + "al-Zawiya"
        Token head = tokens.get(first);
        if (first >= 1 && first < last && isArticle(head, tokens.get(first + 1))) {
            Token before = tokens.get(first - 1);
            if (before.capitalised() && before.script() == Script.LATIN && joinable(before, head)) return true;
        }
        if (first >= 2) {
            Token art = tokens.get(first - 1), before = tokens.get(first - 2);
            if (isArticle(art, head) && before.capitalised() && before.script() == Script.LATIN && joinable(before, art)) return true;
        }
        // after: (the match) + article + Capitalised, e.g. "Jisr" + " al-Shughur"
        if (last + 2 < tokens.size()) {
            Token art = tokens.get(last + 1), after = tokens.get(last + 2);
            return isArticle(art, after) && after.capitalised() && after.script() == Script.LATIN && joinable(tokens.get(last), art);
        }
        return false;
    }

    /**
     * A lower-case Arabic article before {@code next}: "al"/"el" before any word, the other spellings only
     * when written with a hyphen ("as-Suwayda"), so that English "as"/"at"/"an" ("Kupiansk as Ukrainian
     * troops held") are not taken for one.
     */
    private static boolean isArticle(Token art, Token next) {
        if (art.capitalised() || !ARTICLES.contains(art.key()) || !joinable(art, next)) return false;
        return art.key().equals("al") || art.key().equals("el") || next.gap().equals("-");
    }

    /**
     * Context that makes a name that is also a surname the town: a hashtag ("#Ferguson": posts tag topics and
     * places, rarely a private person's surname), a word that only a place takes ("Ferguson police", "Moore
     * residents", "the Ferguson riots"), or a state or country after a comma ("Ferguson, Missouri").
     */
    private boolean placeContext(String text, Token first, Token next) {
        if (first.start() > 0 && text.charAt(first.start() - 1) == '#') return true;
        if (next == null) return false;
        if (isWordGap(next.gap()) && lexicon.placeNouns.contains(next.key())) return true;
        if (next.gap().strip().equals(",") && next.capitalised()) {
            for (int idx : gazetteer.candidates(next.key())) {
                String fc = gazetteer.place(idx).featureCode();
                if (fc.equals("ADM1") || fc.startsWith("PCL")) return true;
            }
            return UsStates.byAbbreviation(next.key()) != null;
        }
        return false;
    }

    private boolean isCommon(String key) {
        return lexicon.englishWords.contains(key) || lexicon.stop.contains(key) || lexicon.locatives.contains(key);
    }

    private static boolean isWordGap(String gap) {
        return gap.equals(" ") || gap.equals("\u00A0");
    }

    /** A common word is still a place when it is the preferred name of a prominent place ("China", "Phoenix"). */
    private boolean prominentByName(int[] places, String key, boolean afterLocative, long population) {
        for (int idx : places) {
            Place p = gazetteer.place(idx);
            if (!gazetteer.primaryKey(idx).equals(key)) continue;
            if (afterLocative) return true;
            String fc = p.featureClass();
            if (Resolver.isArea(p) || p.population() >= population || p.featureCode().equals("PPLC")) return true;
        }
        return false;
    }

    /**
     * A country, continent, first-level division or city of 100,000 named by its preferred name: two of them side by side,
     * neither a given name nor a surname, are a list of places ("on fire Syria Iraq Gaza Libya"), not a person's name
     * ("Paris Hilton", "Jordan Henderson").
     */
    private boolean majorPlace(int[] places, String key) {
        for (int idx : places) {
            Place p = gazetteer.place(idx);
            if (!gazetteer.primaryKey(idx).equals(key)) continue; // by its own name, not a code or a rare alternate ("Sam")
            String fc = p.featureCode();
            if (fc.startsWith("PCL") || fc.equals("TERR") || fc.equals("CONT") || fc.equals("ADM1") || p.population() >= 100_000) return true;
        }
        return false;
    }

    /** A common given name that is not also an English word ("Sam", "Gwen"; not "Will", "Grant"). */
    private boolean givenName(String key) {
        return lexicon.givenNames.contains(key) && !lexicon.englishWords.contains(key);
    }

    private boolean personName(String key) {
        return lexicon.givenNames.contains(key) || lexicon.surnames.contains(key);
    }

    private boolean anyCountryOrContinent(int[] places) {
        for (int idx : places) {
            Place p = gazetteer.place(idx);
            if (Resolver.isCountry(p) || p.featureCode().equals("CONT")) return true;
        }
        return false;
    }

    private boolean anyCountry(int[] places) {
        for (int idx : places) if (Resolver.isCountry(gazetteer.place(idx))) return true;
        return false;
    }

    private boolean hasPrimaryOrBig(int[] places, String key) {
        for (int idx : places) {
            Place p = gazetteer.place(idx);
            if (gazetteer.primaryKey(idx).equals(key) || Resolver.isArea(p) || p.population() >= 5_000_000) return true;
        }
        return false;
    }

    private boolean prominent(int[] places, long population) {
        for (int idx : places) {
            Place p = gazetteer.place(idx);
            if (Resolver.isArea(p) || p.population() >= population) return true;
        }
        return false;
    }

    /** A clock time just before a word: "9 a.m. ", "10:22pm ", "6 p.m. ", "7am ". */
    private static final java.util.regex.Pattern CLOCK_BEFORE = java.util.regex.Pattern.compile(
            "\\b\\d{1,2}(?::\\d\\d)?\\s?[ap]\\.?m\\.?\\s?$|\\b\\d{1,2}:\\d\\d\\s?$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Whether the word at {@code start} is part of an @handle: letters, digits and underscores back to an '@'. */
    private static boolean inHandle(String text, int start) {
        for (int k = start - 1; k >= 0 && start - k <= 30; k--) {
            char c = text.charAt(k);
            if (c == '@') return true;
            if (!Character.isLetterOrDigit(c) && c != '_') return false;
        }
        return false;
    }

    /** "I've", "don't": English contractions, never names. */
    private static boolean isContraction(String w) {
        for (int k = 1; k < w.length() - 1; k++) {
            if (Tokens.isApostrophe(w.charAt(k))) {
                String rest = w.substring(k + 1).toLowerCase(java.util.Locale.ROOT);
                return rest.equals("ve") || rest.equals("ll") || rest.equals("re") || rest.equals("d") || rest.equals("m") || rest.equals("t");
            }
        }
        return false;
    }

    private static int letters(String key) {
        int n = 0;
        for (int k = 0; k < key.length(); k++) if (Character.isLetter(key.charAt(k))) n++;
        return n;
    }

    private static final Set<String> COMPASS_ABBREVIATIONS = Set.of("ne", "nw", "se", "sw");

    /** Cue words that annotators include in the name's span: "Laurel County", "Kharkiv Oblast". */
    private static final Set<String> SPAN_CUES = Set.of("county", "parish", "province", "governorate", "oblast", "область", "области");

    private boolean onlySmallTowns(int[] places, long population) {
        for (int idx : places) {
            Place p = gazetteer.place(idx);
            if (!p.featureClass().equals("P") || p.population() >= population) return false;
        }
        return true;
    }

    /** Postal codes of US states that are also words or common abbreviations: "IN", "OR", "ME", "OK", "VA" (Veterans Affairs). */
    private static final Set<String> WORD_LIKE_POSTAL_CODES = Set.of("in", "or", "me", "ok", "hi", "oh", "al", "pa", "ma", "de",
            "co", "id", "ms", "mt", "md", "ne", "va", "ut", "ga", "sc", "la", "dc", "mo", "ar");

    /**
     * Areas, and big cities whose name the abbreviation is the initials of ("NYC", "LA", "SF"); the other
     * short codes GeoNames lists for cities are airport codes ("PTA", "DOH"), not how texts name them.
     */
    private int[] areasOrBigCities(int[] places, String key, long population) {
        return java.util.Arrays.stream(places).filter(idx -> {
            Place p = gazetteer.place(idx);
            String fc = p.featureClass();
            // "IMO", "OYO" shouted are a word or an acronym, not the Nigerian state whose whole name they spell
            if (p.featureCode().equals("ADM1") && (gazetteer.primaryKey(idx).equals(key) || gazetteer.primaryKey(idx).startsWith(key + " "))) return false;
            return fc.equals("A") || fc.equals("L") || fc.equals("P") && p.population() >= population && isInitialism(key, gazetteer.primaryKey(idx));
        }).toArray();
    }

    /** "nyc" of "new york city" (or "new york"), "la" of "los angeles". */
    static boolean isInitialism(String abbr, String name) {
        String[] words = name.split(" ");
        if (words.length < 2) return false;
        StringBuilder b = new StringBuilder(words.length);
        for (String w : words) if (!w.isEmpty()) b.append(w.charAt(0));
        String initials = b.toString();
        return abbr.equals(initials) || abbr.equals(initials + "c");
    }

    /**
     * Marks tokens on title-case lines (headlines: "Police Hunt Gainesville Man"), where capitals say
     * nothing about names, so the longer-name rules are off and the common-word rule is on.
     */
    private static boolean[] titleCaseLines(String text, List<Token> tokens) {
        boolean[] out = new boolean[tokens.size()];
        int lineStart = 0;
        while (lineStart < tokens.size()) {
            int lineEnd = lineStart + 1;
            while (lineEnd < tokens.size() && tokens.get(lineEnd).gap().indexOf('\n') < 0) lineEnd++;
            int words = 0, caps = 0;
            for (int k = lineStart; k < lineEnd; k++) {
                Token t = tokens.get(k);
                if (t.text().length() > 3 && t.script() == Script.LATIN) {
                    words++;
                    if (t.capitalised()) caps++;
                }
            }
            boolean titleCase = words >= 3 && caps * 10 >= words * 7;
            for (int k = lineStart; k < lineEnd; k++) out[k] = titleCase;
            lineStart = lineEnd;
        }
        return out;
    }
}
