package org.sitrep.ingest.schedule;

import java.time.Instant;
import java.util.List;
import org.sitrep.ingest.ItemError;

/**
 * How a source has been doing, as operators see it in {@code sitrep sources list} and the API.
 * Times are UTC; any may be null (never happened). Immutable.
 *
 * @param lastAttemptAt       start of the last poll
 * @param lastSuccessAt       end of the last poll that fetched and parsed the source
 * @param lastErrorAt         when the last whole-source failure happened
 * @param lastError           its reason (e.g. "TIMEOUT https://...: the whole response did not arrive within 30000 ms")
 * @param consecutiveFailures failures since the last success (drives the backoff)
 * @param nextPollAt          when the source is due again
 * @param itemsToday          new reports stored today (UTC)
 * @param itemsPerDay         new reports per day, averaged over the last 7 days
 * @param recentItemErrors    the latest per-item diagnostics (capped)
 */
public record SourceHealth(Instant lastAttemptAt, Instant lastSuccessAt, Instant lastErrorAt, String lastError,
                           int consecutiveFailures, Instant nextPollAt, long itemsToday, double itemsPerDay,
                           List<ItemError> recentItemErrors) {
    public static final SourceHealth NEW = new SourceHealth(null, null, null, null, 0, null, 0, 0, List.of());

    public SourceHealth {
        recentItemErrors = recentItemErrors == null ? List.of() : List.copyOf(recentItemErrors);
    }
}
