package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.internal.Json;

/** Smoke test on the first 100 ACLED rows; the whole-file figures come from the command (BENCHMARKS.md). */
class EvalEventsCommandTest {
    static final Path ACLED = Path.of("../shared/data/events/acled-afghanistan-2020.jsonl");

    @Test
    void printsScoresAndJsonLastLine() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(ACLED), "skipped: " + ACLED + " not present (evaluation data lives outside the repo)");
        var cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("eval", "events", ACLED.toString(), "--json", "--no-geoparser", "--limit", "100");
        assertEquals(0, code);
        String[] lines = out.toString().strip().split("\n");
        JsonNode j = Json.MAPPER.readTree(lines[lines.length - 1]);
        assertEquals(100, j.get("n").asInt());
        assertTrue(j.get("event_type_acc").asDouble() > 0.5, j.toString());
        assertTrue(j.get("loc_acc25").isNull(), "no geoparser: location is n/a, not zero");
        for (String k : new String[] {"event_type_macro_f1", "sub_event_type_acc", "sub_event_type_weighted_f1", "fatalities_acc",
                "loc_acc161", "date_acc", "reports_per_s"}) {
            assertTrue(j.has(k), k);
        }
    }

    @Test
    void missingFileIsAUserError(@TempDir Path dir) {
        var cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("eval", "events", dir.resolve("none.jsonl").toString(), "--no-geoparser");
        assertEquals(2, code);
        assertTrue(err.toString().contains("not found"), err.toString());
    }
}
