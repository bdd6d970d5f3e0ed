package org.sitrep.geoparse;

import java.util.HashMap;
import java.util.Map;

/**
 * US state abbreviations, postal ("GA") and AP style ("Ga.", "Calif."), to GeoNames admin1 codes
 * (which for the US are the postal codes). US local news qualifies towns this way: "Gainesville, Ga.".
 */
final class UsStates {
    private UsStates() {}

    private static final Map<String, String> BY_ABBREVIATION = build();

    /** The admin1 code for a lower-case abbreviation without dots, or null. */
    static String byAbbreviation(String abbr) {
        return BY_ABBREVIATION.get(abbr);
    }

    private static Map<String, String> build() {
        String[][] rows = {
                {"AL", "ala"}, {"AK", "alaska"}, {"AZ", "ariz"}, {"AR", "ark"}, {"CA", "calif", "cal"}, {"CO", "colo", "col"},
                {"CT", "conn"}, {"DE", "del"}, {"DC", "dc"}, {"FL", "fla"}, {"GA", "ga"}, {"HI", "hawaii"}, {"ID", "idaho"},
                {"IL", "ill"}, {"IN", "ind"}, {"IA", "iowa"}, {"KS", "kan", "kans"}, {"KY", "ky"}, {"LA", "la"}, {"ME", "maine"},
                {"MD", "md"}, {"MA", "mass"}, {"MI", "mich"}, {"MN", "minn"}, {"MS", "miss"}, {"MO", "mo"}, {"MT", "mont"},
                {"NE", "neb", "nebr"}, {"NV", "nev"}, {"NH", "nh"}, {"NJ", "nj"}, {"NM", "nm"}, {"NY", "ny"}, {"NC", "nc"},
                {"ND", "nd"}, {"OH", "ohio"}, {"OK", "okla"}, {"OR", "ore", "oreg"}, {"PA", "pa", "penn"}, {"RI", "ri"},
                {"SC", "sc"}, {"SD", "sd"}, {"TN", "tenn"}, {"TX", "tex"}, {"UT", "utah"}, {"VT", "vt"}, {"VA", "va"},
                {"WA", "wash"}, {"WV", "wva"}, {"WI", "wis", "wisc"}, {"WY", "wyo"}};
        Map<String, String> m = new HashMap<>();
        for (String[] r : rows) {
            m.put(r[0].toLowerCase(java.util.Locale.ROOT), r[0]);
            for (int i = 1; i < r.length; i++) m.put(r[i], r[0]);
        }
        return Map.copyOf(m);
    }
}
