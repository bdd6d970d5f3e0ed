package org.sitrep.geoparse.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The tables Sitrep writes itself and ships in the jar (countries.tsv, admin1.tsv,
 * supplement.tsv beside this class): countries and continents, first-level divisions, and the
 * conflict-relevant sites cities500 lacks. They complete a cities-only dump into a gazetteer
 * that can answer "Syria", "Idlib Governorate" and "Hmeimim".
 */
final class ProjectTables {
    private ProjectTables() {}

    /** Adds countries, divisions and supplement rows to {@code rows}, and their names to {@code adminNames}. */
    static void addTo(List<PlaceRow> rows, Map<String, String> adminNames) {
        List<PlaceRow> cities = List.copyOf(rows);
        // A full dump brings its own countries and divisions: the shipped rows only fill gaps.
        java.util.Set<String> haveCountry = new java.util.HashSet<>(), haveAdm1 = new java.util.HashSet<>(), haveIds = new java.util.HashSet<>();
        // Division centres are means over their towns: summed once here, not by a scan of every town per division.
        Map<String, double[]> sums = new java.util.HashMap<>();
        for (PlaceRow r : cities) {
            double[] sum = sums.computeIfAbsent(r.countryCode + "." + r.admin1, k -> new double[3]);
            sum[0] += r.lat;
            sum[1] += r.lon;
            sum[2]++;
        }
        for (PlaceRow r : cities) {
            if (r.featureCode.startsWith("PCL")) haveCountry.add(r.countryCode);
            if (r.featureCode.equals("ADM1")) haveAdm1.add(r.countryCode);
            if (r.featureClass.equals("L") || r.featureClass.equals("A") || r.featureClass.equals("H")) haveIds.add(Long.toString(r.id));
        }
        for (String[] f : read("countries.tsv", 7)) {
            String cc = f[0];
            if (haveIds.contains(f[1]) || (!cc.isEmpty() && haveCountry.contains(cc))) continue;
            List<String> names = names(f[6]);
            String fcode = f[2];
            String fclass = switch (fcode) {
                case "CONT", "RGN" -> "L";
                case "OCN", "SEA", "GULF", "BAY", "STRT", "CNL", "STM", "LK" -> "H"; // oceans, seas, straits, canals, rivers, lakes
                default -> "A";
            };
            rows.add(new PlaceRow(Long.parseLong(f[1]), names.getFirst(), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    fclass, fcode, cc, "", "", Long.parseLong(f[5]), names));
            if (!cc.isEmpty()) adminNames.putIfAbsent(cc, names.getFirst());
        }
        for (String[] f : read("admin1.tsv", 7)) {
            String cc = f[0];
            if (haveAdm1.contains(cc)) continue;
            String code = f[1].startsWith("=") ? seatCode(cities, cc, f[1].substring(1)) : f[1];
            List<String> names = names(f[6]);
            double lat, lon;
            if (f[3].equals("-")) {
                double[] c = code == null ? null : sums.get(cc + "." + code);
                if (c == null) continue; // seat not in this dump: better no entry than a wrong pin
                lat = c[0] / c[2];
                lon = c[1] / c[2];
            } else {
                lat = Double.parseDouble(f[3]);
                lon = Double.parseDouble(f[4]);
            }
            rows.add(new PlaceRow(Long.parseLong(f[2]), names.getFirst(), lat, lon, "A", "ADM1", cc,
                    code == null ? "" : code, "", Long.parseLong(f[5]), names));
            if (code != null && !code.isEmpty()) adminNames.putIfAbsent(cc + "." + code, names.getFirst());
        }
        for (String[] f : read("supplement.tsv", 6)) {
            String cc = f[2];
            double lat = Double.parseDouble(f[3]), lon = Double.parseDouble(f[4]);
            List<String> names = names(f[5]);
            PlaceRow near = nearest(cities, cc, lat, lon);
            String fcode = f[1];
            // an area of the front ("Jabal al-Zawiya", "the Ghab plain") is a region (L): a district's precision, not a site's
            String fclass = fcode.startsWith("PPL") ? "P" : fcode.equals("AREA") ? "L" : "S";
            rows.add(new PlaceRow(Long.parseLong(f[0]), names.getFirst(), lat, lon, fclass, fcode, cc,
                    near == null ? "" : near.admin1, near == null ? "" : near.admin2, 0, names));
        }
    }

    /** The admin1 code of the division whose seat (PPLA) carries {@code seatName}, or null. */
    static String seatCode(List<PlaceRow> cities, String cc, String seatName) {
        String key = NameKey.of(seatName);
        for (PlaceRow r : cities) {
            if (!r.countryCode.equals(cc) || !r.featureCode.equals("PPLA")) continue;
            for (String n : r.names) if (NameKey.of(n).equals(key)) return r.admin1;
        }
        return null;
    }

    private static PlaceRow nearest(List<PlaceRow> cities, String cc, double lat, double lon) {
        PlaceRow best = null;
        double bestD = Double.MAX_VALUE;
        for (PlaceRow r : cities) {
            if (!r.countryCode.equals(cc)) continue;
            double d = (r.lat - lat) * (r.lat - lat) + (r.lon - lon) * (r.lon - lon);
            if (d < bestD) {
                bestD = d;
                best = r;
            }
        }
        return best;
    }

    private static List<String> names(String field) {
        return new ArrayList<>(Arrays.asList(field.split("\\|")));
    }

    /** Rows of a shipped table; '#' lines are comments. A malformed row is a build error, not data. */
    static List<String[]> read(String resource, int columns) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = ProjectTables.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource + " beside " + ProjectTables.class.getName());
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != columns) throw new IllegalStateException(resource + " line " + n + ": " + f.length + " columns, want " + columns);
                out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * SHA-1 of the shipped tables and of the name folding's version: an index records it so that one
     * built from older tables, or with keys folded another way, is noticed (and the default one rebuilt).
     */
    static String fingerprint() {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-1");
            for (String r : new String[] {"countries.tsv", "admin1.tsv", "supplement.tsv"}) {
                try (InputStream in = ProjectTables.class.getResourceAsStream(r)) {
                    if (in == null) throw new IllegalStateException("missing resource " + r);
                    md.update(in.readAllBytes());
                }
            }
            // what else decides an index's keys and rows: the name folding, the US counties, the kept initialisms (NYC)
            md.update(("namekey " + NameKey.VERSION + "; us-counties 1; initialisms 1; world-divisions " + WorldDivisions.TARBALL + " 1").getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
