package org.sitrep.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.sitrep.internal.Json;
import org.sitrep.model.Event;
import org.sitrep.model.GeoPoint;
import org.sitrep.store.BoundingBox;
import org.sitrep.store.EventQuery;
import org.sitrep.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the store's change log (from a persisted position, so a restart neither misses nor repeats)
 * and fires alerts for subscriptions whose conditions a created or updated event completes. Each
 * event counts at most once per subscription. A threshold alert fires when the count within the
 * radius and window reaches minCount, then rests for one window. Thread-safe; one engine per database
 * (two nodes would each fire: the lead's multi-node setup must elect one, see the report).
 */
public final class AlertEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
    static final String FOLLOWER = "alerts";
    static final int MAX_EVENTS_IN_PAYLOAD = 20;

    private final Store store;
    private final AlertStore alerts;
    private final AlertConfig config;
    private final Clock clock;
    private final Function<Event, Object> feature;
    private final BiConsumer<String, String> publish;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param feature how an event appears in a payload (the API's GeoJSON feature)
     * @param publish receives (event name, JSON) of each alert for live clients (SSE)
     */
    public AlertEngine(Store store, AlertStore alerts, AlertConfig config, Clock clock, Function<Event, Object> feature,
                       BiConsumer<String, String> publish) {
        this.store = store;
        this.alerts = alerts;
        this.config = config;
        this.clock = clock;
        this.feature = feature;
        this.publish = publish;
        alerts.position(FOLLOWER, store.lastChange());
        this.thread = Thread.ofPlatform().daemon().name("alert-engine").start(this::loop);
    }

    private void loop() {
        long pause = config.poll().toMillis();
        while (running) {
            try {
                runOnce();
                pause = config.poll().toMillis();
            } catch (RuntimeException e) {
                pause = Math.min(pause * 2, 60_000);
                log.warn("alert evaluation failed; retrying in {} ms: {}", pause, e.getMessage());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Processes every change since the saved position; returns how many alerts fired. */
    int runOnce() {
        int fired = 0;
        long pos = alerts.position(FOLLOWER, store.lastChange());
        List<Store.Change> changes;
        while (running && !(changes = store.changesSince(pos, 500)).isEmpty()) {
            List<Subscription> subs = alerts.subscriptions();
            for (Store.Change c : changes) {
                if (!"deleted".equals(c.kind()) && !subs.isEmpty()) {
                    Event e = store.event(c.eventId()).orElse(null);
                    if (e != null) for (Subscription s : subs) if (evaluate(s, e)) fired++;
                }
                pos = c.sequence();
            }
            alerts.savePosition(FOLLOWER, pos);
        }
        return fired;
    }

    private boolean evaluate(Subscription s, Event e) {
        if (!s.matches(e)) return false;
        Instant now = clock.instant();
        if (!alerts.markMatched(s.id(), e.id(), now)) return false;
        List<Event> counted;
        Instant t = e.time().start();
        if (s.minCount() <= 1) {
            counted = List.of(e);
        } else {
            if (!e.located()) return false;
            Duration window = Duration.ofMinutes(s.windowMinutes());
            Instant last = alerts.lastAlertEventTime(s.id()).orElse(null);
            if (last != null && last.isAfter(t.minus(window)) && !last.isAfter(t.plus(window))) return false;
            counted = near(s, e, window);
            if (counted.size() < s.minCount()) return false;
        }
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("id", s.id());
        sub.put("name", s.name());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "alert");
        payload.put("subscription", sub);
        payload.put("firedAt", now);
        payload.put("trigger", e.id());
        payload.put("count", counted.size());
        payload.put("events", counted.stream().limit(MAX_EVENTS_IN_PAYLOAD).map(feature).toList());
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise an alert", ex);
        }
        AlertStore.Alert a = alerts.addAlert(s.id(), t, json, s.webhookUrl(), s.webhookSecret(), now);
        publish.accept("alert", json.replaceFirst("^\\{", "{\"seq\":" + a.seq() + ","));
        return true;
    }

    /** Matching events within the radius and the window ending at {@code e}'s time. */
    private List<Event> near(Subscription s, Event e, Duration window) {
        GeoPoint p = e.location().point();
        double dLat = s.radiusKm() / 111.0;
        double dLon = s.radiusKm() / (111.0 * Math.max(0.01, Math.cos(Math.toRadians(p.lat()))));
        BoundingBox box = new BoundingBox(Math.max(-180, p.lon() - dLon), Math.max(-90, p.lat() - dLat),
                Math.min(180, p.lon() + dLon), Math.min(90, p.lat() + dLat));
        Instant t = e.time().start();
        EventQuery q = new EventQuery(box, t.minus(window), t.plusMillis(1), null, null, null, true, 1000, null);
        List<Event> out = new ArrayList<>();
        for (Event c : store.searchEvents(q).items()) {
            if (!c.time().start().isAfter(t) && !c.time().start().isBefore(t.minus(window)) && s.matches(c)
                    && c.location().point().distanceKm(p) <= s.radiusKm()) {
                out.add(c);
            }
        }
        return out;
    }

    @Override public void close() {
        running = false;
        thread.interrupt();
    }
}
