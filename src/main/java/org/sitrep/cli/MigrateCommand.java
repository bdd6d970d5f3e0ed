package org.sitrep.cli;

import java.nio.file.Path;
import java.util.List;
import org.sitrep.store.postgres.PostgresStore;
import org.sitrep.store.postgres.SqliteToPostgres;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Move an embedded (SQLite) deployment to a PostgreSQL server: sources, reports with their",
                "analyses, events, the change log and every other table, keeping ids and sequence numbers.",
                "Running it again changes nothing that is already there. Stop the servers writing to the",
                "SQLite file first; the PostgreSQL database must be new or one this file was migrated into."})
final class MigrateCommand implements Runnable {
    @Option(names = "--from", required = true, paramLabel = "sqlite:FILE", description = "The SQLite store (sqlite:FILE or a path).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "URL",
            description = "The PostgreSQL database: postgresql://USER:PASSWORD@HOST:5432/DATABASE or jdbc:postgresql:...")
    String to;

    @Override public void run() {
        Path file = Path.of(from.startsWith("sqlite:") ? from.substring("sqlite:".length()) : from);
        if (!PostgresStore.accepts(to)) throw new UserException("--to must be a PostgreSQL URL (postgresql://USER:PASSWORD@HOST:5432/DATABASE), got '" + to + "'");
        List<SqliteToPostgres.TableResult> results;
        try {
            results = SqliteToPostgres.run(file, to, msg -> System.err.println(msg));
        } catch (IllegalStateException e) {
            throw new UserException(e.getMessage());
        }
        System.out.printf("%-22s %10s %10s %10s %10s%n", "table", "rows", "inserted", "updated", "unchanged");
        for (SqliteToPostgres.TableResult r : results) {
            System.out.printf("%-22s %10d %10d %10d %10d%n", r.table(), r.rows(), r.inserted(), r.updated(), r.unchanged());
        }
    }
}
