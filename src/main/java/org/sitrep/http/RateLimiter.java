package org.sitrep.http;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per client key (an address, an API key, a user). Bounded: past {@code maxKeys}
 * buckets, full (idle) ones are dropped first, then the map is cleared, so a flood of spoofed
 * addresses costs memory only up to the cap. Thread-safe.
 */
final class RateLimiter {
    private final ApiConfig.RateLimit limit;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(ApiConfig.RateLimit limit, int maxKeys) {
        this.limit = limit;
        this.maxKeys = maxKeys;
    }

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long now) { this.tokens = tokens; this.lastNanos = now; }
    }

    /** 0 when a request may go ahead (and takes a token), else the whole seconds to wait. */
    long acquire(String key, long nowNanos) {
        if (!limit.enabled()) return 0;
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) evict(nowNanos);
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), nowNanos));
        synchronized (b) {
            double elapsed = (nowNanos - b.lastNanos) / 1e9;
            b.tokens = Math.min(limit.burst(), b.tokens + elapsed * limit.perSecond());
            b.lastNanos = nowNanos;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / limit.perSecond()));
        }
    }

    private void evict(long nowNanos) {
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            Bucket b = it.next().getValue();
            synchronized (b) {
                if (b.tokens + (nowNanos - b.lastNanos) / 1e9 * limit.perSecond() >= limit.burst()) it.remove();
            }
        }
        if (buckets.size() >= maxKeys) buckets.clear();
    }

    int size() { return buckets.size(); }
}
