package org.sitrep.store.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.store.Store;
import org.sitrep.store.StoreContract;

/** The store contract on the embedded SQLite store, one fresh file per test. */
class SqliteStoreIT extends StoreContract {
    @TempDir Path dir;

    @Override protected Store newStore() {
        try {
            return SqliteStore.open(Files.createTempDirectory(dir, "db").resolve("sitrep.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
