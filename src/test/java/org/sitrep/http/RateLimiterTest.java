package org.sitrep.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void allowsTheBurstThenRefillsAtTheRate() {
        RateLimiter l = new RateLimiter(new ApiConfig.RateLimit(2, 3), 10);
        long t = 0;
        for (int i = 0; i < 3; i++) assertEquals(0, l.acquire("a", t));
        assertEquals(1, l.acquire("a", t), "empty: wait about half a second, rounded up to whole seconds");
        assertEquals(0, l.acquire("b", t), "other clients have their own bucket");
        assertEquals(0, l.acquire("a", t + 500_000_000L), "one token back after 0.5 s at 2/s");
        assertTrue(l.acquire("a", t + 500_000_000L) > 0);
    }

    @Test
    void theNumberOfBucketsIsCapped() {
        RateLimiter l = new RateLimiter(new ApiConfig.RateLimit(1, 1), 100);
        for (int i = 0; i < 10_000; i++) l.acquire("addr" + i, 0);
        assertTrue(l.size() <= 100, "spoofed addresses cannot grow memory without bound: " + l.size());
    }
}
