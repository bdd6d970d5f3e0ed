package org.sitrep.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.model.Report;
import org.sitrep.store.ReportQuery;

class SqliteTransactionIT {
    static Report report(String id) {
        return new Report(null, "src", id, null, "title " + id, "text " + id, "en", Instant.parse("2026-11-20T00:00:00Z"), null, List.of(), null);
    }

    @Test
    void readsInsideATransactionSeeItsOwnWritesAndOthersDoNotUntilCommit() throws Exception {
        Path dir = Files.createTempDirectory("sitrep-tx");
        try (SqliteStore store = SqliteStore.open(dir.resolve("t.db"))) {
            store.inTransaction(() -> {
                String id = store.addReport(report("a")).report().id();
                assertTrue(store.report(id).isPresent(), "the transaction reads its own write");
                assertEquals(1, store.searchReports(new ReportQuery("title", null, null, null, 10, null)).items().size());
                return null;
            });
            assertEquals(1, store.stats().reports());
        }
    }

    @Test
    void aFailureRollsBackEveryWriteOfTheTransaction() throws Exception {
        Path dir = Files.createTempDirectory("sitrep-tx");
        try (SqliteStore store = SqliteStore.open(dir.resolve("t.db"))) {
            assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
                store.addReport(report("a"));
                store.addReport(report("b"));
                throw new IllegalStateException("connector died half-way");
            }));
            assertEquals(0, store.stats().reports());
            assertTrue(store.addReport(report("a")).created(), "nothing of the failed transaction remains");
        }
    }
}
