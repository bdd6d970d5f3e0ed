package org.sitrep.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sitrep.auth.AccountStore;
import org.sitrep.auth.Role;

/** Accounts, keys and sessions in the store's database (migration V3). Thread-safe. */
public final class JdbcAccountStore implements AccountStore {
    private final Jdbc db;

    public JdbcAccountStore(Jdbc db) { this.db = db; }

    @Override
    public boolean addAccount(Account a) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO accounts(username, password_hash, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(username) DO NOTHING")) {
                ps.setString(1, a.username());
                ps.setString(2, a.passwordHash());
                ps.setString(3, a.role().wire());
                ps.setLong(4, a.createdAt().toEpochMilli());
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)));
    }

    @Override
    public Optional<Account> account(String username) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT username, password_hash, role, created_at FROM accounts WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Account> accounts() {
        return db.read(c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT username, password_hash, role, created_at FROM accounts ORDER BY username");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(account(rs));
            }
            return out;
        });
    }

    @Override
    public boolean removeAccount(String username) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE username = ?")) {
                ps.setString(1, username);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM accounts WHERE username = ?")) {
                ps.setString(1, username);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void addKey(ApiKey k, String keyHash) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_keys(id, key_hash, name, role, source_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, k.id());
                ps.setString(2, keyHash);
                ps.setString(3, k.name());
                ps.setString(4, k.role().wire());
                if (k.sourceId() == null) ps.setNull(5, Types.VARCHAR); else ps.setString(5, k.sourceId());
                ps.setLong(6, k.createdAt().toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String KEY_COLUMNS = "SELECT id, name, role, source_id, created_at, revoked_at FROM api_keys";

    private static ApiKey key(ResultSet rs) throws SQLException {
        long revoked = rs.getLong(6);
        Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
        return new ApiKey(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)), revokedAt);
    }

    private Optional<ApiKey> oneKey(String where, String arg) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(KEY_COLUMNS + " WHERE " + where + " = ?")) {
                ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(key(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override public Optional<ApiKey> keyByHash(String keyHash) { return oneKey("key_hash", keyHash); }

    @Override public Optional<ApiKey> key(String id) { return oneKey("id", id); }

    @Override
    public List<ApiKey> keys() {
        return db.read(c -> {
            List<ApiKey> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(KEY_COLUMNS + " ORDER BY created_at, id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(key(rs));
            }
            return out;
        });
    }

    @Override
    public boolean revokeKey(String id, Instant at) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void addSession(Session s) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sessions(token_hash, username, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, s.tokenHash());
                ps.setString(2, s.username());
                ps.setString(3, s.csrfToken());
                ps.setLong(4, s.createdAt().toEpochMilli());
                ps.setLong(5, s.expiresAt().toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Session> session(String tokenHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT token_hash, username, csrf_token, created_at, expires_at FROM sessions WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Session(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))));
                }
            }
        });
    }

    @Override
    public void removeSession(String tokenHash) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
                ps.setString(1, tokenHash);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public int purgeSessions(Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
                ps.setLong(1, now.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean anyCredentials() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT (EXISTS(SELECT 1 FROM accounts) OR EXISTS(SELECT 1 FROM api_keys WHERE revoked_at IS NULL))");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }
}
