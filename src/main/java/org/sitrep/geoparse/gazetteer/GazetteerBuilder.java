package org.sitrep.geoparse.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Builds a gazetteer index directory from a GeoNames "geoname" dump plus the project's own
 * tables ({@link ProjectTables}). Used by the installer (cities500 from the npm package), by
 * {@code sitrep gazetteer import} and by tests (a sample in the test resources).
 */
public final class GazetteerBuilder {
    private GazetteerBuilder() {}

    /** Rows above this are refused: a dump that large needs a filter or more memory than this tool plans for. */
    static final int MAX_ROWS = 6_000_000;

    /**
     * Builds {@code dir} from a cities file in GeoNames dump format (cities500.txt or a sample of it).
     * Returns the number of places written.
     */
    public static int buildFromCities(Path citiesFile, Path dir, String description) throws IOException {
        return buildFromCities(citiesFile, null, dir, description);
    }

    /** As {@link #buildFromCities(Path, Path, String)}, with US counties from a FIPS county list ({@link UsCounties}). */
    public static int buildFromCities(Path citiesFile, Path countiesCsv, Path dir, String description) throws IOException {
        return buildFromCities(citiesFile, countiesCsv, null, dir, description);
    }

    /**
     * As {@link #buildFromCities(Path, Path, String)}, with US counties ({@link UsCounties}) and the world's first-level
     * divisions from an iso3166-2.json table ({@link WorldDivisions}); either may be null.
     */
    public static int buildFromCities(Path citiesFile, Path countiesCsv, Path divisionsJson, Path dir, String description) throws IOException {
        try (InputStream in = Files.newInputStream(citiesFile);
             InputStream counties = countiesCsv == null ? null : Files.newInputStream(countiesCsv);
             InputStream divisions = divisionsJson == null ? null : Files.newInputStream(divisionsJson)) {
            return build(in, counties, divisions, row -> true, dir, description, null);
        }
    }

    /**
     * Reads geoname rows from {@code in}, keeps those {@code keep} accepts, adds the project tables and the US
     * counties of {@code countiesCsv} and the divisions of {@code divisionsJson} (either may be null), writes.
     */
    static int build(InputStream in, InputStream countiesCsv, InputStream divisionsJson, Predicate<PlaceRow> keep, Path dir,
                     String description, PrintStream progress) throws IOException {
        List<PlaceRow> rows = readRows(in, keep, progress);
        Map<String, String> adminNames = new HashMap<>();
        if (countiesCsv != null) UsCounties.addTo(rows, adminNames, countiesCsv);
        ProjectTables.addTo(rows, adminNames);
        // after Sitrep's own tables: a division they have takes the table's real id and names instead of a second row
        if (divisionsJson != null) WorldDivisions.addTo(rows, adminNames, divisionsJson);
        return write(rows, adminNames, dir, description);
    }

    static int write(List<PlaceRow> rows, Map<String, String> adminNames, Path dir, String description) throws IOException {
        Gazetteer.write(dir, rows, adminNames, description + "; built " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        return rows.size();
    }

    static List<PlaceRow> readRows(InputStream in, Predicate<PlaceRow> keep, PrintStream progress) throws IOException {
        List<PlaceRow> rows = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        long n = 0, bad = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isEmpty() || line.startsWith("#")) continue;
            PlaceRow row = GeoNamesFormat.parse(line);
            if (row == null) {
                bad++;
                continue;
            }
            if (!keep.test(row)) continue;
            if (rows.size() >= MAX_ROWS) {
                throw new IOException("more than " + MAX_ROWS + " places kept; import per-country files or fewer feature classes");
            }
            rows.add(row);
            if (progress != null && n % 1_000_000 == 0) progress.println("  read " + n + " lines, kept " + rows.size());
        }
        if (bad > n / 10 + 10) throw new IOException(bad + " of " + n + " lines are not GeoNames rows: is this a GeoNames dump?");
        return rows;
    }
}
