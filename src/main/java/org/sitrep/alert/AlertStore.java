package org.sitrep.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions, fired alerts and the webhook outbox. Implementations are thread-safe.
 */
public interface AlertStore {
    record Alert(long seq, String subscriptionId, Instant eventTime, String payload) {}

    record Delivery(long seq, long alertSeq, String url, String secret, String payload, int attempts, Instant nextAttemptAt,
                    String status, String lastError) {}

    void saveSubscription(Subscription s);

    Optional<Subscription> subscription(String id);

    List<Subscription> subscriptions();

    boolean removeSubscription(String id);

    /** Records that an event counted for a subscription; false when it already had. */
    boolean markMatched(String subscriptionId, String eventId, Instant at);

    /** Stores a fired alert and, when a webhook is set, its first delivery, in one transaction. */
    Alert addAlert(String subscriptionId, Instant eventTime, String payload, String webhookUrl, String webhookSecret, Instant now);

    /** The event time of the subscription's last alert (for the cooldown of a threshold). */
    Optional<Instant> lastAlertEventTime(String subscriptionId);

    List<Alert> alerts(String subscriptionId, int limit);

    List<Delivery> dueDeliveries(Instant now, int limit);

    List<Delivery> deliveries(long alertSeq);

    void deliveryDone(long seq, int attempts, Instant at);

    /** A failed attempt: retried at {@code next}, or given up when {@code next} is null. */
    void deliveryFailed(long seq, int attempts, Instant next, String error);

    long position(String follower, long initial);

    void savePosition(String follower, long position);
}
