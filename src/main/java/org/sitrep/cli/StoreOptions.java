package org.sitrep.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives; shared by every command that opens the store. */
final class StoreOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory for the embedded database (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:SITREP_DATA_DIR:-${sys:user.home}/.sitrep/data}")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL",
            description = {"Database to use instead of DIR/sitrep.db: sqlite:FILE, or a PostgreSQL server",
                    "postgresql://USER:PASSWORD@HOST:5432/DATABASE (or jdbc:postgresql:...); several nodes may share one."})
    String db;
}
