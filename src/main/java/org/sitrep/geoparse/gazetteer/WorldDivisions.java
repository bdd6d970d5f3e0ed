package org.sitrep.geoparse.gazetteer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every country's first-level divisions (states, provinces, regions, governorates: about 3,900 of them), for a
 * gazetteer built from cities500, which has towns only: news and posts name "Thuringia", "Zambales" or
 * "Menoufia" as often as a town in them. The table is the npm package iso3166-2-db 2.3.11 (MIT licence,
 * github.com/esosedi/3166), whose data/iso3166-2.json gives each division its GeoNames admin1 code, its GeoNames
 * id and its names in English, GeoNames' own spelling, Arabic and Russian (and languages Sitrep does not read).
 * It has no coordinates: a division is placed at the mean position of the cities500 towns that carry its
 * admin1 code, with their summed population as its prior; a division with no town in the dump is left out
 * (no entry is better than a wrong pin).
 *
 * <p>Which names a division gets is what decides whether it helps or hurts. A generic word is also taken off
 * ("Tartus Governorate" is also "Tartus"), but the short form is not kept when it is an English word or a
 * person's name ("Centre", "Central", "Victoria"), only vague direction words ("Far North", "North-West"), a
 * country's name ("Mexico" the state) or the name of a big town or a division seat in the same country
 * ("Alexandria", "Lagos"): there a writer means the town, and the division keeps only its long form
 * ("Alexandria Governorate", "Lagos State"), which is the convention of Sitrep's own admin1 table too. A division
 * Sitrep's own table already has (same country and code, or a shared name) is not added twice: the table's row
 * takes the real GeoNames id and the package's names that pass the same guards. Not thread-safe; used once
 * per build.
 */
public final class WorldDivisions {
    public static final String PACKAGE_URL = "https://registry.npmjs.org/iso3166-2-db/-/iso3166-2-db-2.3.11.tgz";
    public static final String TARBALL = "iso3166-2-db-2.3.11.tgz";
    /** dist.shasum the npm registry publishes for the tarball: a changed file is refused. */
    public static final String SHA1 = "ed6c03891308575ac42a000482543574e88b4d7f";
    static final String ENTRY = "package/data/iso3166-2.json";
    /** The file is 3.3 MB; one far larger is not that table. */
    static final long MAX_BYTES = 32L << 20;
    /** About 3,900 divisions; far more is not the table either. */
    static final int MAX_DIVISIONS = 20_000;
    /** A town this big, or any seat, owns its name against the division around it ("Alexandria", "Lagos"). */
    static final long BIG_TOWN = 50_000;
    /** Languages whose names are indexed: the ones Sitrep's recognizer reads (en, ar, ru) and GeoNames' spelling. */
    private static final List<String> LANGUAGES = List.of("en", "geonames", "ar", "ru");

    /** Words that say what kind of division a name is, taken off to give the short form. */
    private static final Pattern GENERIC = Pattern.compile(
            "\\s+(?:governorate|province|region|oblast|state|department|district|county|prefecture|municipality|"
                    + "territory|krai|kray|voivodeship|canton|emirate|parish|division|area|city|autonomous region|"
                    + "autonomous republic|autonomous province|special region|capital region|region of|"
                    + "область|край|республика|провинция|губернаторство|мухафаза)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "Province of Alberta", "Region of Murcia": the same word in front. */
    private static final Pattern GENERIC_BEFORE = Pattern.compile(
            "^(?:province|region|state|department|governorate|prefecture|canton|republic|autonomous region|"
                    + "autonomous community|municipality|city) of (?:the )?", Pattern.CASE_INSENSITIVE);
    /** "محافظة حلب": the Arabic word for governorate or province in front. */
    private static final Pattern ARABIC_GENERIC = Pattern.compile("^(?:محافظة|ولاية|إقليم|اقليم|منطقة|مقاطعة)\\s+");
    /** Words that alone, or only with each other, name no one division: "Far North", "North-West", "Central". */
    private static final Set<String> VAGUE = Set.of("north", "south", "east", "west", "northern", "southern", "eastern", "western",
            "central", "centre", "center", "middle", "upper", "lower", "far", "capital", "coast", "coastal", "inner", "outer",
            "new", "great", "greater", "highlands", "lowlands", "islands", "island", "lakes", "river", "valley", "mountain",
            "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "national",
            "federal", "special", "autonomous", "metropolitan", "interior", "plateau", "littoral", "unity", "border", "mid");

    private final Set<String> commonWords;

    private WorldDivisions(Set<String> commonWords) {
        this.commonWords = commonWords;
    }

    /**
     * Adds the divisions of {@code json} (data/iso3166-2.json of the package) to {@code rows}, and their names to
     * {@code adminNames} under "CC.code", after the rows already there (cities, Sitrep's own tables). Countries
     * whose divisions a full GeoNames dump brought (ADM1 rows with GeoNames ids) are left alone. Returns how
     * many divisions were added or merged into a row already there.
     */
    static int addTo(List<PlaceRow> rows, Map<String, String> adminNames, InputStream json) throws IOException {
        return new WorldDivisions(loadCommonWords()).add(rows, adminNames, json);
    }

    private int add(List<PlaceRow> rows, Map<String, String> adminNames, InputStream json) throws IOException {
        byte[] bytes = json.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) throw new IOException("the division table is larger than " + (MAX_BYTES >> 20) + " MB; refused");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new IOException("the division table is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IOException("the division table is not a JSON object of countries");

        // Per country and admin1 code: summed lat, lon, towns, population of the dump's towns
        Map<String, double[]> sums = new HashMap<>();
        // Per country: the folded names of its big towns and seats, which keep their names to themselves
        Map<String, Set<String>> townKeys = new HashMap<>();
        Set<String> countryKeys = new HashSet<>();
        Set<String> dumpAdm1 = new HashSet<>();
        Map<String, Integer> ownByCode = new HashMap<>();
        Map<String, Integer> ownByName = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            PlaceRow r = rows.get(i);
            if (r.featureClass.equals("P")) {
                if (r.admin1 != null && !r.admin1.isEmpty()) {
                    // lat, lon, towns, population, and the first town's longitude: the others are taken within 180
                    // degrees of it, so a division across the antimeridian (Chukotka, Fiji) is not put at longitude 0
                    double[] s = sums.computeIfAbsent(r.countryCode + "." + r.admin1, k -> new double[] {0, 0, 0, 0, r.lon});
                    s[0] += r.lat;
                    s[1] += unwrap(r.lon, s[4]);
                    s[2]++;
                    s[3] += r.population;
                }
                if (r.population >= BIG_TOWN || r.featureCode.equals("PPLA") || r.featureCode.equals("PPLC")) {
                    Set<String> keys = townKeys.computeIfAbsent(r.countryCode, k -> new HashSet<>());
                    for (String n : r.names) keys.add(NameKey.of(n));
                }
            } else if (!r.featureCode.equals("ADM1") && !r.featureCode.equals("ADM2")) {
                // countries, continents, regions, seas and rivers: "Mexico" the state, "Red Sea" the governorate
                for (String n : r.names) countryKeys.add(NameKey.of(n));
            } else if (r.featureCode.equals("ADM1")) {
                if (r.id > 0 && !ownTable(r)) dumpAdm1.add(r.countryCode);
                if (r.admin1 != null && !r.admin1.isEmpty()) ownByCode.putIfAbsent(r.countryCode + "." + r.admin1, i);
                for (String n : r.names) ownByName.putIfAbsent(r.countryCode + "|" + NameKey.of(n), i);
            }
        }

        int added = 0, seen = 0;
        for (Iterator<Map.Entry<String, JsonNode>> cs = root.fields(); cs.hasNext(); ) {
            Map.Entry<String, JsonNode> country = cs.next();
            String cc = country.getKey();
            if (!cc.matches("[A-Z]{2}")) throw new IOException("the division table has a country code " + cc);
            if (dumpAdm1.contains(cc)) continue;
            for (JsonNode d : country.getValue().path("regions")) {
                if (++seen > MAX_DIVISIONS) throw new IOException("the division table has more than " + MAX_DIVISIONS + " divisions");
                String code = d.path("admin").asText("");
                long id = d.path("reference").path("geonames").asLong(0);
                if (code.isEmpty() || id <= 0) continue;
                Map<String, Boolean> forms = forms(d.path("names"), d.path("name").asText(""));
                if (forms.isEmpty()) continue;
                Set<String> towns = townKeys.getOrDefault(cc, Set.of());
                List<String> names = new ArrayList<>();
                for (Map.Entry<String, Boolean> f : forms.entrySet()) {
                    if (keep(f.getKey(), f.getValue(), towns, countryKeys)) names.add(f.getKey());
                }
                if (names.isEmpty()) continue;
                Integer own = ownByCode.get(cc + "." + code);
                if (own == null) {
                    for (String n : names) {
                        own = ownByName.get(cc + "|" + NameKey.of(n));
                        if (own != null) break;
                    }
                }
                if (own != null) {
                    rows.set(own, merged(rows.get(own), id, code, names));
                    adminNames.putIfAbsent(cc + "." + code, rows.get(own).name);
                    added++;
                    continue;
                }
                double[] s = sums.get(cc + "." + code);
                if (s == null) continue; // no town of it in the dump: no place to put it
                String display = names.getFirst();
                double lat = s[0] / s[2], lon = unwrap(s[1] / s[2], 0);
                rows.add(new PlaceRow(id, display, lat, lon, "A", "ADM1", cc, code, "", (long) s[3], names));
                adminNames.putIfAbsent(cc + "." + code, display);
                added++;
            }
        }
        return added;
    }

    /** {@code lon} shifted by whole turns into the 360 degrees around {@code ref}. */
    static double unwrap(double lon, double ref) {
        double d = lon - ref;
        while (d > 180) d -= 360;
        while (d <= -180) d += 360;
        return ref + d;
    }

    /** Sitrep's own table's rows carry negative ids, or the real ids of US states and UK nations (fixed codes). */
    private static boolean ownTable(PlaceRow r) {
        return r.id < 0 || r.countryCode.equals("US") || r.countryCode.equals("GB");
    }

    /** The row of Sitrep's table with the real id, its code filled in if it had none, and the new names after its own. */
    private static PlaceRow merged(PlaceRow own, long id, String code, List<String> names) {
        List<String> all = new ArrayList<>(own.names);
        Set<String> keys = new HashSet<>();
        for (String n : all) keys.add(NameKey.of(n));
        for (String n : names) if (keys.add(NameKey.of(n))) all.add(n);
        String admin1 = own.admin1 == null || own.admin1.isEmpty() ? code : own.admin1;
        return new PlaceRow(id, own.name, own.lat, own.lon, own.featureClass, own.featureCode, own.countryCode, admin1,
                own.admin2, own.population, all);
    }

    /**
     * The names to consider, English first (the display name), each with whether it is a short form made by taking
     * a generic word off. Names with digits or of fewer than three letters are skipped.
     */
    static Map<String, Boolean> forms(JsonNode names, String fallback) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        List<String> full = new ArrayList<>();
        for (String lang : LANGUAGES) {
            String n = names.path(lang).asText("").strip();
            if (!n.isEmpty()) full.add(n);
        }
        if (full.isEmpty() && !fallback.isBlank()) full.add(fallback.strip());
        for (String n : full) {
            if (n.chars().anyMatch(Character::isDigit) || n.codePointCount(0, n.length()) < 3) continue;
            out.putIfAbsent(n, false);
        }
        for (String n : full) {
            String s = GENERIC.matcher(n).replaceFirst("");
            s = GENERIC_BEFORE.matcher(s).replaceFirst("");
            s = ARABIC_GENERIC.matcher(s).replaceFirst("").strip();
            if (!s.equals(n) && s.codePointCount(0, s.length()) >= 3 && s.chars().noneMatch(Character::isDigit)) out.putIfAbsent(s, true);
        }
        return out;
    }

    /** Whether a name form may stand for the division (see the class comment). */
    boolean keep(String name, boolean shortForm, Set<String> townKeys, Set<String> countryKeys) {
        String key = NameKey.of(name);
        if (key.length() < 3) return false;
        String[] words = name.toLowerCase(Locale.ROOT).split("[\\s\\-/]+");
        boolean vague = true;
        for (String w : words) vague &= VAGUE.contains(w) || commonWords.contains(w) && words.length == 1;
        if (vague) return false;
        if (words.length == 1 && commonWords.contains(words[0])) return false;
        if (countryKeys.contains(key)) return false;
        // a long form ("Alexandria Governorate") is never a town's name; the bare name of a big town or seat is the town's
        return !townKeys.contains(key) || !shortForm && words.length > 1 && GENERIC.matcher(name).find();
    }

    /**
     * English words, given names, surnames and demonyms of the recognizer's own lists (org/sitrep/geoparse): a
     * division whose name is one of them ("Centre", "George", "Victoria") keeps only its long form.
     */
    static Set<String> loadCommonWords() {
        Set<String> out = new HashSet<>(90_000);
        read("/org/sitrep/geoparse/english-words.txt", line -> out.add(line.toLowerCase(Locale.ROOT)), null);
        read("/org/sitrep/geoparse/lexicon.txt", out::add, Set.of("given-names", "surnames", "demonyms", "directions", "stop"));
        return out;
    }

    private static void read(String resource, java.util.function.Consumer<String> sink, Set<String> sections) {
        try (InputStream in = WorldDivisions.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line, section = null;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (sections != null && line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1);
                    continue;
                }
                if (sections == null || sections.contains(section)) sink.accept(sections == null ? line : NameKey.of(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
