package org.sitrep.geoparse;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.sitrep.geoparse.gazetteer.Gazetteer;
import org.sitrep.geoparse.gazetteer.GazetteerHome;
import org.sitrep.geoparse.gazetteer.GazetteerInstaller;
import org.sitrep.pipeline.Geoparser;

/**
 * How the rest of Sitrep gets a geoparser. {@link #loadDefault()} is what {@code sitrep serve} and
 * the eval commands call: it loads the gazetteer from $SITREP_HOME/gazetteer (or
 * ~/.sitrep/gazetteer) and installs it first when it is missing. The returned geoparser is
 * thread-safe; build one per process and share it.
 */
public final class Geoparsers {
    private Geoparsers() {}

    /** The default gazetteer, installed on first use (progress on stderr). */
    public static Geoparser loadDefault() {
        return load(null, true, System.err);
    }

    /**
     * Loads the gazetteer in {@code dir} (null: the default directory). When it is missing and
     * {@code install} is true, downloads and builds it, printing progress to {@code progress}.
     *
     * @throws GazetteerUnavailableException with the command that fixes it, when there is no gazetteer
     */
    public static Geoparser load(Path dir, boolean install, PrintStream progress) {
        Path d = GazetteerHome.resolve(dir);
        if (!GazetteerHome.isInstalled(d)) {
            if (!install) {
                throw new GazetteerUnavailableException("no gazetteer in " + d + ": run 'sitrep gazetteer install'"
                        + (dir == null ? "" : " --dir " + d));
            }
            progress.println("sitrep: no gazetteer in " + d + " yet; installing it (one time, about a minute)");
            install(d, progress);
        }
        Gazetteer g;
        try {
            g = Gazetteer.load(d);
        } catch (Gazetteer.StaleIndexException e) {
            if (!install) throw new GazetteerUnavailableException(e.getMessage());
            progress.println("sitrep: the gazetteer in " + d + " was built by another Sitrep version; rebuilding it");
            install(d, progress);
            g = read(d);
        } catch (IOException e) {
            throw unreadable(d, e);
        }
        if (!g.hasCurrentTables()) {
            if (install && g.isDefaultIndex()) {
                progress.println("sitrep: Sitrep's own gazetteer tables or name folding changed since " + d + " was built; rebuilding it");
                install(d, progress);
                g = read(d);
            } else {
                progress.println("sitrep: warning: the gazetteer in " + d + " was built with older Sitrep tables; "
                        + "rebuild it ('sitrep gazetteer install --force' or 'sitrep gazetteer import ...')");
            }
        }
        return fromGazetteer(g);
    }

    private static void install(Path d, PrintStream progress) {
        try {
            GazetteerInstaller.install(d, progress);
        } catch (IOException e) {
            throw new GazetteerUnavailableException(e.getMessage());
        }
    }

    private static Gazetteer read(Path d) {
        try {
            return Gazetteer.load(d);
        } catch (IOException e) {
            throw unreadable(d, e);
        }
    }

    private static GazetteerUnavailableException unreadable(Path d, IOException e) {
        return new GazetteerUnavailableException("cannot read the gazetteer in " + d + " (" + e.getMessage()
                + "): rebuild it with 'sitrep gazetteer install --force'");
    }

    /**
     * For long-running services: the default geoparser, installing the gazetteer if needed; when that is
     * impossible (offline, no disk), prints why and the fix to {@code progress} and returns
     * {@link Geoparser#SOURCE_COORDINATES_ONLY}, so the service still starts and maps reports that carry
     * coordinates.
     */
    public static Geoparser loadDefaultOrSourceCoordinates(PrintStream progress) {
        try {
            return load(null, true, progress);
        } catch (GazetteerUnavailableException e) {
            progress.println("sitrep: warning: geoparsing is off, only coordinates given by sources are mapped: " + e.getMessage());
            return Geoparser.SOURCE_COORDINATES_ONLY;
        }
    }

    /** A geoparser over an already loaded gazetteer (tests build one from a small sample). */
    public static Geoparser fromGazetteer(Gazetteer gazetteer) {
        return new GazetteerGeoparser(gazetteer, Lexicon.load());
    }

    /** A geoparser over the index in {@code dir}; never downloads. */
    public static Geoparser fromDirectory(Path dir) {
        try {
            return fromGazetteer(Gazetteer.load(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** There is no usable gazetteer; the message names the command that fixes it. */
    public static final class GazetteerUnavailableException extends RuntimeException {
        public GazetteerUnavailableException(String message) { super(message); }
    }
}
