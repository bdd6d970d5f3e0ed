package org.sitrep.geoparse.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Second-level divisions from GeoNames' {@code admin2Codes.txt} (code, name, ASCII name, GeoNames id; no
 * coordinates), for an index imported from a dump without ADM2 features, such as cities500. Conflict
 * reports name districts more than villages ("clashes in Shinwar district, Nangarhar"), and event data codes
 * such reports at the district: each district is placed at the mean position of the dump's towns that carry
 * its code, with their summed population as its prior. A district none of whose towns is in the dump is left
 * out (no entry is better than a wrong pin), as is any district the dump already has as an ADM2 feature.
 * A district named like one of its towns ("Herat", "Kandahar") keeps only its long form ("Herat District"),
 * so the bare name stays the town's. Not thread-safe; used once per build.
 */
final class SecondLevelDivisions {
    /** GeoNames has about 47,000 second-level codes; a file far larger is not that table. */
    static final int MAX_ROWS = 200_000;
    /** Ids of entries without a GeoNames id of their own: negative, below the project's other tables. */
    static final long ID_BASE = 3_000_000;

    /** The word that says a name is a district's, taken off to give the name a writer uses. */
    private static final Pattern GENERIC = Pattern.compile(
            "\\s+(?:district|county|municipality|department|prefecture|region|province|city|raion|rayon|tehsil|taluka|"
                    + "subdistrict|sub-district|wuluswali|woleswali|nahiyah|qada|mudiriyat|lga|local government area|commune)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private SecondLevelDivisions() {}

    /**
     * Adds a district row for each line of {@code admin2Codes} ("CC.A1.A2 \t name \t asciiname \t geonameid")
     * that has towns in {@code rows}, and its name to {@code adminNames}. Returns how many were added.
     */
    static int addTo(List<PlaceRow> rows, Map<String, String> adminNames, InputStream admin2Codes) throws IOException {
        Set<String> have = new HashSet<>();
        Map<String, double[]> sums = new HashMap<>(); // lat, lon, places, population
        Map<String, Set<String>> townKeys = new HashMap<>();
        for (PlaceRow r : rows) {
            if (r.admin1 == null || r.admin2 == null || r.admin2.isEmpty() || r.countryCode.isEmpty()) continue;
            String code = r.countryCode + "." + r.admin1 + "." + r.admin2;
            if (r.featureCode.equals("ADM2")) {
                have.add(code);
                continue;
            }
            if (!r.featureClass.equals("P")) continue;
            double[] s = sums.computeIfAbsent(code, k -> new double[4]);
            s[0] += r.lat;
            s[1] += r.lon;
            s[2]++;
            s[3] += r.population;
            Set<String> keys = townKeys.computeIfAbsent(code, k -> new HashSet<>());
            for (String n : r.names) keys.add(NameKey.of(n));
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(admin2Codes, StandardCharsets.UTF_8));
        int added = 0, n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (++n > MAX_ROWS) throw new IOException("the admin2 code table has more than " + MAX_ROWS + " rows");
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            String[] code = f[0].split("\\.", -1);
            if (f.length < 3 || code.length != 3 || code[0].length() != 2 || f[1].isBlank()) {
                throw new IOException("admin2Codes line " + n + " is malformed (expected CC.A1.A2, name, asciiname, id): " + line);
            }
            double[] s = sums.get(f[0]);
            if (s == null || have.contains(f[0])) continue;
            long id;
            try {
                id = f.length > 3 && !f[3].isBlank() ? Long.parseLong(f[3].strip()) : -(ID_BASE + n);
            } catch (NumberFormatException e) {
                throw new IOException("admin2Codes line " + n + " has a malformed GeoNames id: " + line);
            }
            List<String> names = new ArrayList<>();
            Set<String> towns = townKeys.getOrDefault(f[0], Set.of());
            for (String name : new String[] {f[1].strip(), f[2].strip()}) {
                if (name.isEmpty()) continue;
                String bare = GENERIC.matcher(name).replaceFirst("");
                String longForm = bare.equals(name) ? name + " District" : name;
                if (!names.contains(longForm)) names.add(longForm);
                if (!towns.contains(NameKey.of(bare)) && !names.contains(bare)) names.add(bare);
            }
            rows.add(new PlaceRow(id, f[1].strip(), s[0] / s[2], s[1] / s[2], "A", "ADM2", code[0], code[1], code[2], (long) s[3], names));
            adminNames.putIfAbsent(f[0], f[1].strip());
            added++;
        }
        return added;
    }
}
