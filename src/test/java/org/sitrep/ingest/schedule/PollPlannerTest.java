package org.sitrep.ingest.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollPlannerTest {
    private final Instant now = Instant.parse("2026-11-24T12:00:00Z");
    private final PollPlanner planner = PollPlanner.defaults(new Random(42));

    @Test
    void successWaitsTheIntervalWithinTheJitter() {
        long min = Long.MAX_VALUE, max = 0;
        for (int i = 0; i < 1000; i++) {
            long s = Duration.between(now, planner.afterSuccess(now, Duration.ofMinutes(10))).toSeconds();
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        assertTrue(min >= 540 && max <= 660, min + ".." + max);
        assertTrue(max - min > 60, "actually spread: " + min + ".." + max);
        assertEquals(Duration.ofMinutes(10), planner.interval(null), "a source without an interval gets the default");
        assertEquals(Duration.ofSeconds(30), planner.interval(Duration.ofSeconds(1)), "no hammering below the minimum");
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCapAndHonourRetryAfter() {
        PollPlanner exact = new PollPlanner(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(6), 0, new Random(1));
        Duration five = Duration.ofMinutes(5);
        assertEquals(Duration.ofMinutes(5), Duration.between(now, exact.afterFailure(now, five, 1, null)));
        assertEquals(Duration.ofMinutes(10), Duration.between(now, exact.afterFailure(now, five, 2, null)));
        assertEquals(Duration.ofMinutes(40), Duration.between(now, exact.afterFailure(now, five, 4, null)));
        assertEquals(Duration.ofHours(6), Duration.between(now, exact.afterFailure(now, five, 30, null)));
        assertEquals(Duration.ofHours(2), Duration.between(now, exact.afterFailure(now, five, 1, Duration.ofHours(2))));
        assertEquals(Duration.ofDays(1), Duration.between(now, exact.afterFailure(now, five, 1, Duration.ofDays(400))), "Retry-After capped");
    }
}
