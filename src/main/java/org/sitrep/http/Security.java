package org.sitrep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.sitrep.auth.AccountStore;
import org.sitrep.auth.Accounts;
import org.sitrep.auth.AuditLog;
import org.sitrep.auth.Principal;
import org.sitrep.auth.Role;
import org.sitrep.auth.Secrets;
import org.sitrep.internal.Json;

/**
 * Authentication, authorisation, CSRF, CORS and rate limits for every /api request, in one place.
 * A request is made by a {@link Principal}: an API key (Authorization: Bearer sk_...), a web session
 * (cookie), or nobody. Each route carries an {@link Access}; the check runs after routing, so an
 * unknown path is still a 404. Thread-safe.
 */
final class Security {
    static final String SESSION_COOKIE = "sitrep_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "sitrep.principal";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final ApiConfig config;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final RateLimiter byAddress, byPrincipal, logins;

    Security(ApiConfig config, Accounts accounts, AuditLog audit, Clock clock) {
        this.config = config;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.byAddress = new RateLimiter(config.perAddress(), 100_000);
        this.byPrincipal = new RateLimiter(config.perPrincipal(), 100_000);
        this.logins = new RateLimiter(config.logins(), 100_000);
    }

    ApiConfig config() { return config; }

    Accounts accounts() { return accounts; }

    void install(io.javalin.config.RoutesConfig r) {
        r.before(this::before);
        r.beforeMatched(this::authorize);
    }

    /** CORS, who is asking, and the rate limit; before routing. */
    private void before(Context ctx) {
        if (!ctx.path().startsWith("/api/") && !ctx.path().equals("/metrics")) return;
        if (cors(ctx)) return;
        Principal p;
        try {
            p = resolve(ctx);
        } catch (ApiException e) {
            // A wrong key still costs the address a token, so guessing keys is throttled like anything else.
            long wait = byAddress.acquire(address(ctx), System.nanoTime());
            if (wait > 0) {
                ctx.header("Retry-After", Long.toString(wait));
                throw new ApiException(429, null, "too many requests; retry after " + wait + " s");
            }
            throw e;
        }
        ctx.attribute(PRINCIPAL, p);
        String bucketKey = p.anonymous() ? null : p.actor();
        long wait = bucketKey == null ? byAddress.acquire(address(ctx), System.nanoTime()) : byPrincipal.acquire(bucketKey, System.nanoTime());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiException(429, null, "too many requests; retry after " + wait + " s");
        }
    }

    /** Answers CORS preflights; returns true when the request was fully handled. */
    private boolean cors(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || config.corsOrigins().isEmpty()) return false;
        boolean any = config.corsOrigins().contains("*");
        if (!any && !config.corsOrigins().contains(origin)) return false;
        ctx.header("Access-Control-Allow-Origin", any ? "*" : origin);
        ctx.header("Vary", "Origin");
        ctx.header("Access-Control-Expose-Headers", "Retry-After");
        if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
            ctx.skipRemainingHandlers();
            return true;
        }
        return false;
    }

    private Principal resolve(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ApiException(401, null, "Authorization must be 'Bearer <API key>'");
            }
            Optional<AccountStore.ApiKey> key = accounts.resolveKey(auth.substring(7).strip());
            if (key.isEmpty()) throw new ApiException(401, null, "unknown or revoked API key");
            AccountStore.ApiKey k = key.get();
            return new Principal(k.id(), k.role(), "key", k.sourceId(), null);
        }
        return accounts.resolveSession(ctx.cookie(SESSION_COOKIE)).orElse(Principal.ANONYMOUS);
    }

    /** The route's access rule and CSRF; after routing. */
    private void authorize(Context ctx) {
        if (!ctx.path().startsWith("/api/") && !ctx.path().equals("/metrics")) return;
        Access access = access(ctx.routeRoles(), ctx.method());
        Principal p = principal(ctx);
        if ("session".equals(p.via()) && !SAFE.contains(ctx.method()) && access != Access.PUBLIC
                && !Secrets.constantTimeEquals(ctx.header(CSRF_HEADER), p.csrfToken())) {
            throw new ApiException(403, null, "missing or wrong " + CSRF_HEADER + " header; take csrfToken from GET /api/me");
        }
        switch (access) {
            case PUBLIC -> { }
            case READ -> { if (!config.publicRead()) require(p, Role.VIEWER); }
            case SUBMIT -> {
                if (submissionsOpen()) return;
                if (p.anonymous()) throw new ApiException(401, null, "submitting reports needs an API key (Authorization: Bearer ...)");
                if (p.sourceId() == null && !p.has(Role.ANALYST)) throw new ApiException(403, null, "submitting reports needs a push key or the analyst role");
            }
            case AUTHENTICATED -> { if (p.anonymous()) throw new ApiException(401, null, "log in or send an API key"); }
            case VIEWER -> require(p, Role.VIEWER);
            case ANALYST -> require(p, Role.ANALYST);
            case ADMIN -> require(p, Role.ADMIN);
        }
    }

    private static Access access(Set<RouteRole> roles, HandlerType method) {
        for (RouteRole r : roles) if (r instanceof Access a) return a;
        return method == HandlerType.GET || method == HandlerType.HEAD ? Access.READ : Access.ADMIN;
    }

    private static void require(Principal p, Role needed) {
        if (p.anonymous()) throw new ApiException(401, null, "this needs the " + needed.wire() + " role; log in or send an API key");
        if (!p.has(needed)) throw new ApiException(403, null, "this needs the " + needed.wire() + " role");
    }

    boolean submissionsOpen() {
        return switch (config.submissions()) {
            case OPEN -> true;
            case KEYS -> false;
            case AUTO -> !accounts.store().anyCredentials();
        };
    }

    /** A submission by a push key must be for the key's own source. */
    static void checkSource(Principal p, String sourceId) {
        if (p.sourceId() != null && !p.sourceId().equals(sourceId)) {
            throw new ApiException(403, "source", "this key may only submit reports of source '" + p.sourceId() + "'");
        }
    }

    static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        return p == null ? Principal.ANONYMOUS : p;
    }

    String address(Context ctx) {
        if (config.trustProxy()) {
            String fwd = ctx.header("X-Forwarded-For");
            if (fwd != null && !fwd.isBlank()) return fwd.split(",")[0].strip();
        }
        return ctx.req().getRemoteAddr();
    }

    boolean secure(Context ctx) {
        if (config.secureCookies() != null) return config.secureCookies();
        if ("https".equalsIgnoreCase(ctx.scheme())) return true;
        return config.trustProxy() && "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    /** Login attempts have their own, stricter bucket per address. */
    void throttleLogin(Context ctx) {
        long wait = logins.acquire(address(ctx), System.nanoTime());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ApiException(429, null, "too many login attempts; retry after " + wait + " s");
        }
    }

    /** Appends an audit entry for a write made by this request. */
    long audit(Context ctx, String action, String target, Object before, Object after) {
        return audit.record(new AuditLog.Entry(0, clock.instant(), principal(ctx).actor(), address(ctx), action, target,
                tree(before), tree(after)));
    }

    AuditLog auditLog() { return audit; }

    static JsonNode tree(Object o) {
        return o == null ? null : Json.MAPPER.valueToTree(o);
    }
}
