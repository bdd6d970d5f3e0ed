package org.sitrep.ingest;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host: at most N requests in flight, and request starts spaced at least a delay
 * apart, so a thousand sources on one news site do not hammer it. Slots are kept per host name for
 * the life of the fetcher (one small object per host polled). Thread-safe.
 */
final class HostThrottle {
    private final int concurrency;
    private final long delayNanos;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        final Semaphore permits;
        long nextStart;

        Slot(int n) { permits = new Semaphore(n, true); }
    }

    /** A held request slot; closing it lets the next request to the host go. */
    interface AutoCloseablePermit extends AutoCloseable {
        @Override void close();
    }

    HostThrottle(int concurrency, long delayNanos) {
        this.concurrency = concurrency;
        this.delayNanos = delayNanos;
    }

    /**
     * Waits for a permit and the polite gap, but never past {@code deadline} (System.nanoTime).
     * Returns a handle to release, or null when the deadline came first.
     */
    AutoCloseablePermit acquire(String host, long deadline) throws InterruptedException {
        Slot slot = slots.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Slot(concurrency));
        long wait = deadline - System.nanoTime();
        if (wait <= 0 || !slot.permits.tryAcquire(wait, TimeUnit.NANOSECONDS)) return null;
        long sleep;
        synchronized (slot) {
            long now = System.nanoTime();
            long start = Math.max(now, slot.nextStart);
            slot.nextStart = start + delayNanos;
            sleep = start - now;
        }
        if (sleep > 0) {
            if (System.nanoTime() + sleep > deadline) {
                slot.permits.release();
                return null;
            }
            TimeUnit.NANOSECONDS.sleep(sleep);
        }
        return slot.permits::release;
    }
}
