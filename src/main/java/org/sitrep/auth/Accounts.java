package org.sitrep.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts, keys and sessions: the rules on top of {@link AccountStore}, shared by the CLI and the
 * HTTP server. Thread-safe.
 */
public final class Accounts {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final String KEY_PREFIX = "sk_";

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration sessionTtl;

    public Accounts(AccountStore store, PasswordHasher hasher, Clock clock, Duration sessionTtl) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
    }

    public AccountStore store() { return store; }

    /** A newly created key: the secret is shown once and never stored. */
    public record CreatedKey(AccountStore.ApiKey key, String secret) {}

    public record NewSession(String token, AccountStore.Session session) {}

    public AccountStore.Account addUser(String username, char[] password, Role role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("user names are 1-64 letters, digits, '.', '_', '@' or '-'");
        }
        AccountStore.Account a = new AccountStore.Account(username, hasher.hash(password), role, clock.instant());
        if (!store.addAccount(a)) throw new IllegalArgumentException("user '" + username + "' already exists");
        return a;
    }

    /** The account when the password matches; the same time is spent whether or not the user exists. */
    public Optional<AccountStore.Account> authenticate(String username, char[] password) {
        Optional<AccountStore.Account> a = username == null ? Optional.empty() : store.account(username);
        if (a.isEmpty()) {
            hasher.burn(password);
            return Optional.empty();
        }
        return hasher.verify(password, a.get().passwordHash()) ? a : Optional.empty();
    }

    public CreatedKey createKey(String name, Role role, String sourceId) {
        if (name == null || name.isBlank() || name.length() > 100) throw new IllegalArgumentException("a key needs a name of 1-100 characters");
        String secret = Secrets.token(KEY_PREFIX, 32);
        String id = "k" + Secrets.sha256(secret).substring(0, 10);
        AccountStore.ApiKey key = new AccountStore.ApiKey(id, name.strip(), sourceId != null ? Role.VIEWER : role,
                sourceId, clock.instant(), null);
        store.addKey(key, Secrets.sha256(secret));
        return new CreatedKey(key, secret);
    }

    /** The active key with this secret. */
    public Optional<AccountStore.ApiKey> resolveKey(String secret) {
        if (secret == null || !secret.startsWith(KEY_PREFIX) || secret.length() > 200) return Optional.empty();
        return store.keyByHash(Secrets.sha256(secret)).filter(AccountStore.ApiKey::active);
    }

    public NewSession startSession(String username) {
        String token = Secrets.token("", 32);
        Instant now = clock.instant();
        AccountStore.Session s = new AccountStore.Session(Secrets.sha256(token), username, Secrets.token("", 24), now, now.plus(sessionTtl));
        store.addSession(s);
        if (Math.floorMod(token.hashCode(), 50) == 0) store.purgeSessions(now);
        return new NewSession(token, s);
    }

    /** The live session for a cookie value, with the account's current role (a removed user's session ends). */
    public Optional<Principal> resolveSession(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        Optional<AccountStore.Session> s = store.session(Secrets.sha256(token));
        if (s.isEmpty() || !s.get().expiresAt().isAfter(clock.instant())) return Optional.empty();
        return store.account(s.get().username())
                .map(a -> new Principal(a.username(), a.role(), "session", null, s.get().csrfToken()));
    }

    public void endSession(String token) {
        if (token != null && !token.isBlank()) store.removeSession(Secrets.sha256(token));
    }

    public Duration sessionTtl() { return sessionTtl; }
}
