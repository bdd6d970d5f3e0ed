package org.sitrep.alert;

import java.time.Duration;

/**
 * How alerts are evaluated and delivered.
 *
 * @param poll                 how often the change log is read for new events
 * @param firstRetry           delay before the first webhook retry; doubled each attempt (capped at one hour)
 * @param maxAttempts          attempts before a delivery is given up
 * @param timeout              per webhook request
 * @param allowPrivateTargets  allow webhooks to loopback and private addresses (tests, closed networks); off by default against SSRF
 */
public record AlertConfig(Duration poll, Duration firstRetry, int maxAttempts, Duration timeout, boolean allowPrivateTargets) {
    public static final AlertConfig DEFAULT = new AlertConfig(Duration.ofSeconds(1), Duration.ofSeconds(10), 8, Duration.ofSeconds(10), false);

    public Duration backoff(int attempts) {
        long ms = firstRetry.toMillis() << Math.min(20, Math.max(0, attempts - 1));
        return Duration.ofMillis(Math.min(ms, Duration.ofHours(1).toMillis()));
    }
}
