package org.sitrep.ingest;

import java.time.Duration;
import org.sitrep.model.Source;

/** Sources and fetchers for connector tests against {@link LocalServer}. */
public final class TestSources {
    private TestSources() {}

    public static Source source(String id, String type, String url) {
        return new Source(id, id, type, url, null, null, 'F', Duration.ofMinutes(5), false);
    }

    /** A fetcher allowed to reach the local test server, with short limits so failures are quick. */
    public static SafeFetcher localFetcher() {
        return new SafeFetcher(FetchConfig.defaults().withAllowPrivateAddresses(true)
                .withPerHost(8, Duration.ZERO).withTotalTimeout(Duration.ofSeconds(3)));
    }
}
