package org.sitrep.ingest.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.ingest.LocalServer;
import org.sitrep.model.Source;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * Exactly-once across a crash: a real, separate JVM running {@code sitrep sources poll} is killed
 * with SIGKILL while it stores a feed-and-file backlog, then run again; every item must be in the
 * store exactly once and every source's cursor must be at the end.
 */
class KillRecoveryIT {
    private static final int FEEDS = 10, ITEMS_PER_FEED = 20, FILE_LINES = 600;
    @TempDir Path dir;

    @Test
    void sigkillMidBatchThenRestartStoresEveryItemExactlyOnce() throws Exception {
        Path jar = Path.of("target", "sitrep.jar");
        assumeTrue(Files.exists(jar), "target/sitrep.jar is built by 'mvn package' before the integration tests");
        Set<String> expected = new HashSet<>();
        try (LocalServer server = new LocalServer()) {
            for (int f = 0; f < FEEDS; f++) {
                int feed = f;
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + f + "</title><link>https://feeds.example/" + f + "/</link>");
                for (int i = 0; i < ITEMS_PER_FEED; i++) {
                    xml.append("<item><title>Feed ").append(f).append(" item ").append(i).append("</title><guid>f").append(f).append("-").append(i)
                            .append("</guid><link>https://feeds.example/").append(f).append("/").append(i).append("</link>")
                            .append("<pubDate>Tue, 24 Nov 2026 08:00:00 +0000</pubDate><description>Report number ").append(i)
                            .append(" of feed ").append(f).append(".</description></item>");
                    expected.add("feed" + f + "|f" + f + "-" + i);
                }
                byte[] body = xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
                server.route("/feed/" + feed, ex -> LocalServer.send(ex, 200, "application/rss+xml", body));
            }
            Path file = dir.resolve("backlog.jsonl");
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < FILE_LINES; i++) {
                lines.append("{\"externalId\":\"b").append(i).append("\",\"title\":\"Backlog report ").append(i)
                        .append("\",\"text\":\"Imported line ").append(i).append(".\",\"publishedAt\":\"2026-11-23T10:00:00Z\"}\n");
                expected.add("backlog|b" + i);
            }
            Files.writeString(file, lines);
            Path data = dir.resolve("data");
            try (SqliteStore store = SqliteStore.open(data.resolve("sitrep.db"))) {
                store.saveSource(new Source("backlog", "Backlog", "file", file.toString(), null, null, 'F', Duration.ofMinutes(5), false));
                for (int f = 0; f < FEEDS; f++) {
                    store.saveSource(new Source("feed" + f, null, "rss", server.url("/feed/" + f), null, null, 'F', Duration.ofMinutes(5), false));
                }
            }

            Process first = start(jar, data);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            long atKill;
            while (true) {
                atKill = countReports(data);
                if (atKill >= 40 || !first.isAlive() || System.nanoTime() > deadline) break;
                Thread.sleep(50);
            }
            assumeTrue(first.isAlive(), "the first run finished before it could be killed; nothing to test");
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback by the JVM
            first.waitFor(30, TimeUnit.SECONDS);
            long afterKill = countReports(data);
            assertTrue(afterKill < expected.size(), "killed mid-way: " + afterKill + " of " + expected.size());

            Process second = start(jar, data);
            assertTrue(second.waitFor(180, TimeUnit.SECONDS), "the second run finishes");
            assertEquals(0, second.exitValue(), new String(Files.readAllBytes(dir.resolve("poll.log")), StandardCharsets.UTF_8));
        }
        Path data = dir.resolve("data");
        try (SqliteStore store = SqliteStore.open(data.resolve("sitrep.db"))) {
            List<String> stored = store.withReader(c -> {
                List<String> out = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT source_id, external_id FROM reports")) {
                    while (rs.next()) out.add(rs.getString(1) + "|" + rs.getString(2));
                }
                return out;
            });
            assertEquals(expected.size(), stored.size(), "no item twice, none lost");
            assertEquals(expected, new HashSet<>(stored));
            String cursor = store.withReader(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT cursor FROM ingest_state WHERE source_id = 'backlog'")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            assertEquals("offset=" + Files.size(dir.resolve("backlog.jsonl")) + ";line=" + FILE_LINES, cursor, "the file cursor is at its end");
            long unattached = store.unattachedReports(10).size();
            assertEquals(0, unattached, "every stored report was analysed and clustered");
        }
    }

    private Process start(Path jar, Path data) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-jar", jar.toAbsolutePath().toString(),
                "sources", "poll", "--data-dir", data.toString(), "--all", "--no-geoparse", "--allow-private-addresses",
                "--per-host", "8", "--host-delay", "0", "--concurrency", "8")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir.resolve("poll.log").toString())))
                .start();
    }

    private static long countReports(Path data) throws Exception {
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
