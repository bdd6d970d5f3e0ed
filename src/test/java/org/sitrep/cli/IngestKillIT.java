package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * {@code sitrep ingest} in a real separate process, killed with SIGKILL in the middle of a large
 * import, then run again on the same file: every line is stored exactly once (a batch commits whole
 * or not at all, and the re-run's deduplication skips what the first run committed).
 */
class IngestKillIT {
    private static final int LINES = 20_000;
    @TempDir Path dir;

    @Test
    void sigkillMidImportThenRerunStoresEveryLineExactlyOnce() throws Exception {
        Path jar = Path.of("target", "sitrep.jar");
        assumeTrue(Files.exists(jar), "target/sitrep.jar is built by 'mvn package' before the integration tests");
        Path file = dir.resolve("big.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            sb.append("{\"source\":\"wire-").append(i % 7).append("\",\"externalId\":\"n").append(i)
                    .append("\",\"title\":\"Report ").append(i).append(" on shelling near the river crossing\",")
                    .append("\"text\":\"Officials said line ").append(i).append(" describes an attack; residents fled overnight.\",")
                    .append("\"publishedAt\":\"2026-11-2").append(i % 4).append("T10:00:00Z\"}\n");
        }
        Files.writeString(file, sb);
        Path data = dir.resolve("data");

        Process first = start(jar, file, data);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long atKill;
        while (true) {
            atKill = countReports(data);
            if (atKill >= 2_000 || !first.isAlive() || System.nanoTime() > deadline) break;
            Thread.sleep(20);
        }
        assumeTrue(first.isAlive(), "the first run finished before it could be killed; nothing to test");
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks
        first.waitFor(30, TimeUnit.SECONDS);
        long afterKill = countReports(data);
        assertTrue(afterKill < LINES, "killed mid-way: " + afterKill + " of " + LINES);
        assertEquals(0, afterKill % 500, "only whole batches of 500 were committed: " + afterKill);

        Process second = start(jar, file, data);
        assertTrue(second.waitFor(240, TimeUnit.SECONDS), "the second run finishes");
        String log = Files.readString(dir.resolve("ingest.log"), StandardCharsets.UTF_8);
        assertEquals(0, second.exitValue(), log);
        assertTrue(log.contains("imported: stored " + (LINES - afterKill) + ", duplicates " + afterKill + ", rejected 0"), log);

        try (SqliteStore store = SqliteStore.open(data.resolve("sitrep.db"))) {
            long[] counts = store.withReader(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT external_id) FROM reports")) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            });
            assertEquals(LINES, counts[0], "none lost, none twice");
            assertEquals(LINES, counts[1]);
        }
    }

    private Process start(Path jar, Path file, Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-jar", jar.toAbsolutePath().toString(),
                "ingest", file.toString(), "--defer-analysis", "--batch", "500", "--quiet", "--data-dir", data.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir.resolve("ingest.log").toString())))
                .start();
    }

    private static long countReports(Path data) {
        Path db = data.resolve("sitrep.db");
        if (!Files.exists(db)) return 0;
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM reports")) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (java.sql.SQLException e) {
            return 0; // the writer holds the schema lock during migration; try again
        }
    }
}
