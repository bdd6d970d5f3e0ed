package org.sitrep.geoparse.gazetteer;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses lines of the GeoNames "geoname" dump format (allCountries.txt, cities500.txt, XX.txt: 19
 * tab-separated columns, https://download.geonames.org/export/dump/readme.txt).
 */
final class GeoNamesFormat {
    private GeoNamesFormat() {}

    /** Longest alternate name kept: longer strings in that column are descriptions, not names. */
    static final int MAX_NAME_CHARS = 60;

    /** Returns the row, or null for a malformed line (the caller counts those). */
    static PlaceRow parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length < 15) return null;
        try {
            long id = Long.parseLong(f[0]);
            double lat = Double.parseDouble(f[4]), lon = Double.parseDouble(f[5]);
            if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) return null;
            long pop = f[14].isEmpty() ? 0 : Long.parseLong(f[14]);
            List<String> names = new ArrayList<>();
            names.add(f[1]);
            if (!f[2].isEmpty() && !f[2].equals(f[1])) names.add(f[2]);
            if (!f[3].isEmpty()) {
                for (String a : f[3].split(",")) if (keepAlternate(a) || isInitialism(a, f[2])) names.add(a);
            }
            return new PlaceRow(id, f[1], lat, lon, f[6], f[7], f[8], f[10], f[11], pop, names);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * "NYC" of New York City, "LA" of Los Angeles, "SF" of San Francisco: capitals that are the initials of the
     * name's words (optionally with C for City) are how texts abbreviate a city, unlike airport codes.
     */
    static boolean isInitialism(String a, String name) {
        if (a.length() < 2 || a.length() > 4 || !a.chars().allMatch(c -> c >= 'A' && c <= 'Z')) return false;
        String[] words = name.split("[ -]+");
        if (words.length < 2) return false;
        StringBuilder b = new StringBuilder(words.length + 1);
        for (String w : words) if (!w.isEmpty()) b.append(Character.toUpperCase(w.charAt(0)));
        return a.contentEquals(b) || a.equals(b + "C");
    }

    /** Codes (IATA "HRK", ICAO), postcodes and links sit among the alternate names; they are not names. */
    static boolean keepAlternate(String a) {
        if (a.isEmpty() || a.length() > MAX_NAME_CHARS || a.startsWith("http")) return false;
        boolean letter = false;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (Character.isDigit(c)) return false;
            if (Character.isLetter(c)) letter = true;
        }
        if (!letter) return false;
        // All-capital Latin strings of 2-4 letters are airport/ISO codes ("HRK", "ALP"), not names people write.
        return !(a.length() <= 4 && a.chars().allMatch(c -> c >= 'A' && c <= 'Z'));
    }
}
