package org.sitrep.ingest.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When to poll next. Success: the source's interval, spread by +-{@code jitter} so sources added
 * together do not stay in lock-step and hit hosts in bursts. Failure: exponential backoff from the
 * interval (x2 per consecutive failure, capped), never sooner than a server's Retry-After. Pure;
 * thread-safe if the random generator is.
 */
public record PollPlanner(Duration defaultInterval, Duration minInterval, Duration maxBackoff, double jitter, RandomGenerator random) {
    public static PollPlanner defaults(RandomGenerator random) {
        return new PollPlanner(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(6), 0.1, random);
    }

    public Duration interval(Duration sourceInterval) {
        Duration d = sourceInterval == null || sourceInterval.isZero() || sourceInterval.isNegative() ? defaultInterval : sourceInterval;
        return d.compareTo(minInterval) < 0 ? minInterval : d;
    }

    public Instant afterSuccess(Instant now, Duration sourceInterval) {
        return now.plus(spread(interval(sourceInterval)));
    }

    /** {@code failures} counts this one (1 after the first failure). */
    public Instant afterFailure(Instant now, Duration sourceInterval, int failures, Duration retryAfter) {
        Duration base = interval(sourceInterval);
        int doublings = Math.max(0, Math.min(failures - 1, 20));
        Duration d = base.multipliedBy(1L << Math.min(doublings, 20));
        if (d.compareTo(maxBackoff) > 0 || d.isNegative()) d = maxBackoff;
        d = spread(d);
        if (retryAfter != null && retryAfter.compareTo(d) > 0) d = retryAfter.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : retryAfter;
        return now.plus(d);
    }

    private Duration spread(Duration d) {
        double f = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(d.toMillis() * f)));
    }
}
