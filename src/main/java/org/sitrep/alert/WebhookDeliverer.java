package org.sitrep.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the webhook outbox: POSTs each due alert with a signature, and retries failures with
 * exponential backoff. Receivers verify {@code X-Sitrep-Signature: sha256=HEX}, the HMAC-SHA256 of
 * {@code TIMESTAMP + "." + BODY} under the subscription's secret, with TIMESTAMP from
 * {@code X-Sitrep-Timestamp} (Unix seconds; reject old ones to stop replays). Redirects are not
 * followed. Thread-safe.
 */
public final class WebhookDeliverer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

    private final AlertStore alerts;
    private final AlertConfig config;
    private final Clock clock;
    private final HttpClient http;
    private final Thread thread;
    private volatile boolean running = true;

    public WebhookDeliverer(AlertStore alerts, AlertConfig config, Clock clock) {
        this.alerts = alerts;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.thread = Thread.ofPlatform().daemon().name("webhooks").start(this::loop);
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    private void loop() {
        long pause = Math.max(50, config.poll().toMillis() / 2);
        while (running) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("webhook delivery pass failed: {}", e.getMessage());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    int runOnce() {
        int sent = 0;
        for (AlertStore.Delivery d : alerts.dueDeliveries(clock.instant(), 50)) {
            if (!running) break;
            int attempts = d.attempts() + 1;
            String error = attempt(d);
            Instant now = clock.instant();
            if (error == null) {
                alerts.deliveryDone(d.seq(), attempts, now);
                sent++;
            } else {
                Instant next = attempts >= config.maxAttempts() ? null : now.plus(config.backoff(attempts));
                alerts.deliveryFailed(d.seq(), attempts, next, error);
                log.info("webhook {} attempt {} failed ({}); {}", d.url(), attempts, error, next == null ? "giving up" : "retrying at " + next);
            }
        }
        return sent;
    }

    /** One POST; null when the receiver answered 2xx, else what went wrong. */
    private String attempt(AlertStore.Delivery d) {
        URI target;
        try {
            target = Targets.check(d.url(), config.allowPrivateTargets());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        long ts = clock.instant().getEpochSecond();
        HttpRequest req = HttpRequest.newBuilder(target).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Sitrep-Webhook/1")
                .header("X-Sitrep-Delivery", Long.toString(d.seq()))
                .header("X-Sitrep-Timestamp", Long.toString(ts))
                .header("X-Sitrep-Signature", sign(d.secret(), ts, d.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> res = http.send(req, HttpResponse.BodyHandlers.discarding());
            return res.statusCode() / 100 == 2 ? null : "HTTP " + res.statusCode();
        } catch (java.io.IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override public void close() {
        running = false;
        thread.interrupt();
        http.close();
    }
}
