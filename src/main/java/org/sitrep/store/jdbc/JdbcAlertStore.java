package org.sitrep.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sitrep.alert.AlertStore;
import org.sitrep.alert.Subscription;
import org.sitrep.internal.Json;
import org.sitrep.store.StoreException;

/**
 * Alert subscriptions, fired alerts and the webhook outbox in the embedded store's database
 * (migration V3). Webhook secrets are stored as given: they are needed to sign. Thread-safe.
 */
public final class JdbcAlertStore implements AlertStore {
    private final Jdbc db;

    public JdbcAlertStore(Jdbc db) { this.db = db; }

    @Override
    public void saveSubscription(Subscription s) {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a subscription", e);
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_subscriptions(id, owner, body, created_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT(id) DO UPDATE SET body = excluded.body")) {
                ps.setString(1, s.id());
                ps.setString(2, s.owner());
                ps.setString(3, body);
                ps.setLong(4, s.createdAt().toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Subscription parse(String body) {
        try {
            return Json.MAPPER.readValue(body, Subscription.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt alert subscription: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Optional<Subscription> subscription(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM alert_subscriptions WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(parse(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Subscription> subscriptions() {
        return db.read(c -> {
            List<Subscription> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM alert_subscriptions ORDER BY created_at, id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(parse(rs.getString(1)));
            }
            return out;
        });
    }

    @Override
    public boolean removeSubscription(String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_matches WHERE subscription_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_subscriptions WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean markMatched(String subscriptionId, String eventId, Instant at) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_matches(subscription_id, event_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, subscriptionId);
                ps.setString(2, eventId);
                ps.setLong(3, at.toEpochMilli());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Alert addAlert(String subscriptionId, Instant eventTime, String payload, String webhookUrl, String webhookSecret, Instant now) {
        return db.write(c -> {
            long seq;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerts(subscription_id, at, body) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, subscriptionId);
                ps.setLong(2, eventTime.toEpochMilli());
                ps.setString(3, payload);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    seq = k.getLong(1);
                }
            }
            if (webhookUrl != null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_deliveries(alert_seq, url, secret, payload, attempts, next_attempt_at, status) "
                        + "VALUES (?, ?, ?, ?, 0, ?, 'pending')")) {
                    ps.setLong(1, seq);
                    ps.setString(2, webhookUrl);
                    ps.setString(3, webhookSecret == null ? "" : webhookSecret);
                    ps.setString(4, payload);
                    ps.setLong(5, now.toEpochMilli());
                    ps.executeUpdate();
                }
            }
            return new Alert(seq, subscriptionId, eventTime, payload);
        });
    }

    @Override
    public Optional<Instant> lastAlertEventTime(String subscriptionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(at) FROM alerts WHERE subscription_id = ?")) {
                ps.setString(1, subscriptionId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
                }
            }
        });
    }

    @Override
    public List<Alert> alerts(String subscriptionId, int limit) {
        return db.read(c -> {
            List<Alert> out = new ArrayList<>();
            String sql = "SELECT seq, subscription_id, at, body FROM alerts" + (subscriptionId != null ? " WHERE subscription_id = ?" : "") + " ORDER BY seq DESC LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (subscriptionId != null) ps.setString(i++, subscriptionId);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Alert(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                }
            }
            return out;
        });
    }

    private static final String DELIVERY = "SELECT seq, alert_seq, url, secret, payload, attempts, next_attempt_at, status, last_error FROM webhook_deliveries";

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8), rs.getString(9));
    }

    @Override
    public List<Delivery> dueDeliveries(Instant now, int limit) {
        return db.read(c -> {
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(DELIVERY + " WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(delivery(rs));
                }
            }
            return out;
        });
    }

    @Override
    public List<Delivery> deliveries(long alertSeq) {
        return db.read(c -> {
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(DELIVERY + " WHERE alert_seq = ? ORDER BY seq")) {
                ps.setLong(1, alertSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(delivery(rs));
                }
            }
            return out;
        });
    }

    @Override
    public void deliveryDone(long seq, int attempts, Instant at) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET status = 'delivered', attempts = ?, delivered_at = ? WHERE seq = ?")) {
                ps.setInt(1, attempts);
                ps.setLong(2, at.toEpochMilli());
                ps.setLong(3, seq);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void deliveryFailed(long seq, int attempts, Instant next, String error) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE seq = ?")) {
                ps.setString(1, next == null ? "failed" : "pending");
                ps.setInt(2, attempts);
                // A given-up delivery keeps the time of its last attempt (the column is NOT NULL; status says it is over).
                ps.setLong(3, next == null ? System.currentTimeMillis() : next.toEpochMilli());
                ps.setString(4, error.length() > 500 ? error.substring(0, 500) : error);
                ps.setLong(5, seq);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public long position(String follower, long initial) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO follower_positions(name, position) VALUES (?, ?) ON CONFLICT(name) DO NOTHING")) {
                ps.setString(1, follower);
                ps.setLong(2, initial);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT position FROM follower_positions WHERE name = ?")) {
                ps.setString(1, follower);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void savePosition(String follower, long position) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE follower_positions SET position = ? WHERE name = ?")) {
                ps.setLong(1, position);
                ps.setString(2, follower);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
