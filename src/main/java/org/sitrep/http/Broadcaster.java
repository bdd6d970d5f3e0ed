package org.sitrep.http;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.sitrep.internal.Json;
import org.sitrep.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the store's change log to SSE clients. It reads changes from the store (not from in-process
 * callbacks), so a change committed by any process or node on the same database reaches every
 * client. Each client has its own position, so a client resuming with Last-Event-ID gets exactly the
 * changes after it, once. Thread-safe.
 */
final class Broadcaster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Broadcaster.class);
    private static final int BATCH = 500;
    private static final int MAX_REPLAY = 5_000;
    private static final long KEEP_ALIVE_NANOS = 15_000_000_000L;

    private final Store store;
    private final Map<SseClient, long[]> clients = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** Wakes the pump as soon as the store reports a commit (LISTEN/NOTIFY across nodes on PostgreSQL). */
    private final AutoCloseable subscription;

    Broadcaster(Store store, long pollMillis) {
        this.store = store;
        this.thread = Thread.ofPlatform().daemon().name("sse-broadcaster").start(() -> {
            long pause = pollMillis;
            while (running) {
                try {
                    pump();
                    pause = pollMillis;
                } catch (RuntimeException e) {
                    pause = Math.min(pause * 2, 30_000);
                    log.warn("SSE broadcast failed; retrying in {} ms: {}", pause, e.getMessage());
                }
                LockSupport.parkNanos(pause * 1_000_000L);
            }
        });
        this.subscription = store.onChange(this::wake);
    }

    int clientCount() { return clients.size(); }

    /** Registers a client that has seen every change up to {@code lastSeen} (or none: only new changes). */
    void add(SseClient client, Long lastSeen) {
        long last = store.lastChange();
        long from = lastSeen == null ? last : Math.max(lastSeen, last - MAX_REPLAY);
        client.onClose(() -> clients.remove(client));
        client.sendComment("connected; last change " + last);
        clients.put(client, new long[] {from, System.nanoTime()});
        LockSupport.unpark(thread);
    }

    void wake() { LockSupport.unpark(thread); }

    /** Sends a named event that is not in the change log (alerts) to every connected client, without an id. */
    void publish(String name, String json) {
        for (SseClient c : clients.keySet()) {
            synchronized (c) { // the pump thread writes to the same client
                if (!c.terminated()) c.sendEvent(name, json);
            }
        }
    }

    private void pump() {
        for (Map.Entry<SseClient, long[]> entry : clients.entrySet()) {
            SseClient c = entry.getKey();
            long[] pos = entry.getValue();
            if (c.terminated()) {
                clients.remove(c);
                continue;
            }
            List<Store.Change> changes;
            while (!(changes = store.changesSince(pos[0], BATCH)).isEmpty()) {
                for (Store.Change ch : changes) {
                    Object data = "deleted".equals(ch.kind()) ? Map.of("id", ch.eventId())
                            : store.event(ch.eventId()).map(GeoJson::feature).orElse(null);
                    if (data == null) data = Map.of("id", ch.eventId());
                    try {
                        String json = Json.MAPPER.writeValueAsString(data);
                        synchronized (c) { // alerts are published to the same client from another thread
                            c.sendEvent(ch.kind(), json, Long.toString(ch.sequence()));
                        }
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                    pos[0] = ch.sequence();
                    pos[1] = System.nanoTime();
                }
                if (c.terminated()) break;
            }
            if (System.nanoTime() - pos[1] > KEEP_ALIVE_NANOS) {
                // A comment line every so often: a client that went away is found (and dropped next round)
                // instead of holding its socket until the next change, and proxies keep idle streams open.
                synchronized (c) {
                    c.sendComment("keep-alive");
                }
                pos[1] = System.nanoTime();
            }
        }
    }

    @Override public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("unsubscribing from store changes failed: {}", e.getMessage());
        }
        running = false;
        LockSupport.unpark(thread);
        for (SseClient c : clients.keySet()) c.close();
        clients.clear();
    }
}
