package org.sitrep.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where accounts, API keys and web sessions are kept. Implemented on SQLite
 * ({@code store.sqlite.SqliteAccountStore}); a PostgreSQL store implements the same. Secrets are
 * passed and stored hashed only. Implementations are thread-safe.
 */
public interface AccountStore {
    record Account(String username, String passwordHash, Role role, Instant createdAt) {}

    /** An API key as listed (never with its secret). {@code sourceId} set: a push key for one source. */
    record ApiKey(String id, String name, Role role, String sourceId, Instant createdAt, Instant revokedAt) {
        public boolean active() { return revokedAt == null; }
    }

    record Session(String tokenHash, String username, String csrfToken, Instant createdAt, Instant expiresAt) {}

    /** Adds an account; false when the name is taken. */
    boolean addAccount(Account account);

    Optional<Account> account(String username);

    List<Account> accounts();

    /** Removes an account and its sessions. */
    boolean removeAccount(String username);

    void addKey(ApiKey key, String keyHash);

    Optional<ApiKey> keyByHash(String keyHash);

    Optional<ApiKey> key(String id);

    List<ApiKey> keys();

    boolean revokeKey(String id, Instant at);

    void addSession(Session session);

    Optional<Session> session(String tokenHash);

    void removeSession(String tokenHash);

    /** Removes expired sessions; returns how many. */
    int purgeSessions(Instant now);

    /** Whether any account or active key exists (a fresh install has none). */
    boolean anyCredentials();
}
