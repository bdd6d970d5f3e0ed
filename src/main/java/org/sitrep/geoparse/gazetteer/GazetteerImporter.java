package org.sitrep.geoparse.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Builds an index from full GeoNames dumps (allCountries or per-country XX files, .txt or .zip),
 * optionally joined with alternateNamesV2 and the admin1/admin2/countryInfo code tables, for
 * deployments that want every village. Keeps administrative areas, populated places, regions and
 * the kinds of sites conflict reports name (air bases, ports, dams, border posts); mountains,
 * streams and buildings are left out because their names collide with everyday words.
 */
public final class GazetteerImporter {
    private GazetteerImporter() {}

    static final Set<String> KEPT_SPOTS = Set.of("AIRB", "AIRP", "AIRF", "AIRH", "PRT", "DAM", "PSTB", "CSTM", "MILB",
            "NVB", "INSM", "PS", "PSN", "BDG", "CMP", "CMPRF");

    /** Which language codes in alternateNamesV2 are not names (links, codes). */
    static final Set<String> SKIPPED_LANGUAGES = Set.of("link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "fr_1793");

    public record Dumps(List<Path> geonames, Path alternateNames, Path admin1, Path admin2, Path countryInfo) {}

    public static int importDumps(Dumps in, Path dir, PrintStream progress) throws IOException {
        List<PlaceRow> rows = new ArrayList<>();
        for (Path f : in.geonames()) {
            progress.println("sitrep: reading " + f);
            try (InputStream s = open(f)) {
                rows.addAll(GazetteerBuilder.readRows(s, GazetteerImporter::keep, progress));
            }
        }
        if (rows.isEmpty()) throw new IOException("no places read from " + in.geonames());
        if (in.alternateNames() != null) addAlternateNames(rows, in.alternateNames(), progress);
        Map<String, String> adminNames = new HashMap<>();
        if (in.countryInfo() != null) readCodes(in.countryInfo(), adminNames, 0, 4);
        if (in.admin1() != null) readCodes(in.admin1(), adminNames, 0, 1);
        if (in.admin2() != null) {
            readCodes(in.admin2(), adminNames, 0, 1);
            // a dump without ADM2 features (cities500, a per-country file of towns) gets its districts from the code table
            try (InputStream s = open(in.admin2())) {
                int added = SecondLevelDivisions.addTo(rows, adminNames, s);
                if (added > 0) progress.println("sitrep: placed " + added + " second-level divisions the dump lacks at the mean of their towns");
            }
        }
        ProjectTables.addTo(rows, adminNames);
        progress.println("sitrep: writing the index of " + rows.size() + " places to " + dir);
        return GazetteerBuilder.write(rows, adminNames, dir, "GeoNames dumps " + in.geonames() + " (CC BY 4.0, www.geonames.org) + Sitrep tables");
    }

    static boolean keep(PlaceRow r) {
        return switch (r.featureClass) {
            case "A", "P" -> true;
            case "L" -> r.featureCode.equals("CONT") || r.featureCode.startsWith("RGN");
            case "S" -> KEPT_SPOTS.contains(r.featureCode);
            default -> false;
        };
    }

    private static void addAlternateNames(List<PlaceRow> rows, Path file, PrintStream progress) throws IOException {
        Map<Long, PlaceRow> byId = new HashMap<>(rows.size() * 2);
        for (PlaceRow r : rows) byId.put(r.id, r);
        progress.println("sitrep: joining alternate names from " + file);
        try (InputStream s = open(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length < 4) continue;
                if (SKIPPED_LANGUAGES.contains(f[2])) continue;
                if (f.length > 7 && "1".equals(f[7])) continue; // historic names mislead more than they help
                PlaceRow row;
                try {
                    row = byId.get(Long.parseLong(f[1]));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (row != null && GeoNamesFormat.keepAlternate(f[3]) && !row.names.contains(f[3])) row.names.add(f[3]);
            }
        }
    }

    private static void readCodes(Path file, Map<String, String> out, int codeCol, int nameCol) throws IOException {
        try (InputStream s = open(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(s, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length > Math.max(codeCol, nameCol) && !f[codeCol].isEmpty()) out.put(f[codeCol], f[nameCol]);
            }
        }
    }

    /** A .txt file as is, or the first .txt entry of a .zip other than the readme. */
    static InputStream open(Path f) throws IOException {
        InputStream raw = Files.newInputStream(f);
        if (!f.getFileName().toString().endsWith(".zip")) return raw;
        ZipInputStream zip = new ZipInputStream(raw);
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
            String n = e.getName();
            if (n.endsWith(".txt") && !n.toLowerCase().contains("readme")) return zip;
        }
        zip.close();
        throw new IOException(f + " has no .txt dump inside");
    }
}
