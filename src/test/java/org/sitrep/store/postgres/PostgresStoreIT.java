package org.sitrep.store.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.sitrep.store.Store;
import org.sitrep.store.StoreContract;
import org.sitrep.testing.EmbeddedPg;

/** The store contract on PostgreSQL: one embedded server and database for the class, emptied before each test. */
class PostgresStoreIT extends StoreContract {
    static EmbeddedPg pg;
    static String url;

    @BeforeAll static void startServer() { pg = EmbeddedPg.start(); }

    @AfterAll static void stopServer() { if (pg != null) pg.close(); }

    @Override protected Store newStore() {
        if (url == null) url = pg.newDatabase();
        pg.truncateAll(url);
        return PostgresStore.open(url, 8);
    }
}
