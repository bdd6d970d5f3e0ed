package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.app.Sitrep;
import org.sitrep.store.Store;
import picocli.CommandLine;

/** {@code sitrep ingest --defer-analysis}: the import alone, with every rejected line written to --rejects. */
class IngestCommandIT {
    @TempDir Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.resolve("data").toString();
        return cl.execute(all);
    }

    @Test
    void deferredImportStoresQueuesAndListsRejectedLines() throws Exception {
        Path file = dir.resolve("in.jsonl");
        Files.write(file, List.of(
                "{\"source\":\"wire\",\"externalId\":\"1\",\"title\":\"Shelling in Kharkiv\",\"author\":\"Desk\",\"publishedAt\":\"2026-11-20T08:00:00Z\"}",
                "not json",
                "{\"source\":\"wire\",\"externalId\":\"1\",\"title\":\"Shelling in Kharkiv\",\"publishedAt\":\"2026-11-20T08:00:00Z\"}",
                "{\"source\":\"wire\",\"externalId\":\"2\",\"title\":\"Protest in Kherson\",\"publishedAt\":\"yesterday\"}",
                "{\"source\":\"wire\",\"externalId\":\"3\",\"title\":\"Drone strike in Odesa\",\"publishedAt\":\"2026-11-20T09:00:00Z\"}"),
                StandardCharsets.UTF_8);
        Path rejects = dir.resolve("rejects.jsonl");
        StringWriter err = new StringWriter();
        assertEquals(0, run(err, "ingest", file.toString(), "--defer-analysis", "--rejects", rejects.toString(), "--quiet"), err.toString());
        List<String> rejected = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertEquals(2, rejected.size(), rejected.toString());
        assertTrue(rejected.get(0).startsWith("{\"line\":2,\"reason\":\"not valid JSON"), rejected.get(0));
        assertTrue(rejected.get(1).startsWith("{\"line\":4,\"reason\":\"publishedAt:"), rejected.get(1));
        try (Store store = Sitrep.openStore(null, dir.resolve("data"))) {
            assertEquals(2, store.stats().reports());
            assertEquals(2, store.unattachedReports(10).size(), "queued for analysis");
            assertEquals(0, store.stats().events());
        }
    }

    @Test
    void aFileOrPendingIsRequiredButNotBoth() {
        assertNotEquals(0, run(new StringWriter(), "ingest", "--defer-analysis"));
        assertNotEquals(0, run(new StringWriter(), "ingest", "x.jsonl", "--pending"));
        assertNotEquals(0, run(new StringWriter(), "ingest", dir.resolve("missing.jsonl").toString(), "--defer-analysis"));
    }
}
