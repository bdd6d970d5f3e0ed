package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.internal.Json;

/** Runs {@code sitrep eval cluster} on a small file written here (text stages: no gazetteer needed). */
class ClusterEvalCommandTest {
    @TempDir Path dir;

    private CliRun run(String... args) { return CliRun.of(args); }

    @Test
    void scoresAStreamAndPrintsTheJsonKeysLast() throws Exception {
        Path f = dir.resolve("docs.jsonl");
        Files.write(f, List.of(
                "{\"doc_id\":\"a1\",\"cluster_id\":\"A\",\"title\":\"Earthquake of magnitude 6.1 strikes Norcia in central Italy\",\"text\":\"The quake hit Norcia at 3:36 on Wednesday; rescuers searched collapsed houses in Norcia and Amatrice.\",\"date\":\"2016-08-24\"}",
                "{\"doc_id\":\"b1\",\"cluster_id\":\"B\",\"title\":\"Pop singer checks into rehab clinic in Malibu\",\"text\":\"The singer entered the Promises clinic in Malibu on Friday, her publicist said.\",\"date\":\"2016-08-24\"}",
                "{\"doc_id\":\"a2\",\"cluster_id\":\"A\",\"title\":\"Rescuers search rubble in Norcia and Amatrice after earthquake\",\"text\":\"The magnitude 6.1 earthquake that struck Norcia on Wednesday destroyed houses in Amatrice.\",\"date\":\"2016-08-25\"}",
                "",
                "{\"doc_id\":\"b2\",\"cluster_id\":\"B\",\"text\":\"Her publicist confirmed the singer is at the Promises clinic in Malibu.\",\"source\":\"tabloid\",\"date\":\"2016-08-25T10:00:00Z\"}"));
        CliRun r = run("eval", "cluster", f.toString(), "--stages", "text", "--json");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        JsonNode j = Json.MAPPER.readTree(lines[lines.length - 1]);
        for (String k : List.of("bcubed_p", "bcubed_r", "bcubed_f1", "pairwise_f1", "docs_per_s", "docs")) {
            assertTrue(j.has(k), "missing " + k + " in " + j);
        }
        assertEquals(4, j.get("docs").asInt());
        assertEquals(1.0, j.get("bcubed_f1").asDouble(), 1e-9, r.out());
        assertTrue(r.out().contains("B-cubed"));
    }

    @Test
    void aRecordWithoutGoldClusterIsAClearError() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.write(f, List.of("{\"doc_id\":\"a1\",\"cluster_id\":\"A\",\"text\":\"x\"}", "{\"doc_id\":\"a2\",\"text\":\"y\"}"));
        CliRun r = run("eval", "cluster", f.toString(), "--stages", "text");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("record 2 (a2): missing cluster_id"), r.err());
        CliRun missing = run("eval", "cluster", dir.resolve("nope.jsonl").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }
}
