package org.sitrep.geoparse.gazetteer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the gazetteer index lives: an explicit directory, else $SITREP_HOME/gazetteer, else
 * ~/.sitrep/gazetteer.
 */
public final class GazetteerHome {
    private GazetteerHome() {}

    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(Path explicit, Map<String, String> env, String userHome) {
        if (explicit != null) return explicit;
        String home = env.get("SITREP_HOME");
        if (home != null && !home.isBlank()) return Path.of(home).resolve("gazetteer");
        return Path.of(userHome, ".sitrep", "gazetteer");
    }

    public static boolean isInstalled(Path dir) {
        return Files.isRegularFile(dir.resolve(Gazetteer.FILE));
    }
}
