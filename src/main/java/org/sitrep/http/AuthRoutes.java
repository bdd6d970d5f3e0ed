package org.sitrep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.auth.AccountStore;
import org.sitrep.auth.Accounts;
import org.sitrep.auth.AuditLog;
import org.sitrep.auth.Principal;
import org.sitrep.auth.Role;

/** Login, logout and /api/me for the web page; users, keys and the audit trail for admins. */
final class AuthRoutes {
    private final Security security;
    private final Accounts accounts;
    private final java.time.Clock clock;

    AuthRoutes(Security security, java.time.Clock clock) {
        this.security = security;
        this.accounts = security.accounts();
        this.clock = clock;
    }

    void register(io.javalin.config.RoutesConfig r) {
        r.post("/api/login", this::login, Access.PUBLIC);
        r.post("/api/logout", this::logout, Access.PUBLIC);
        r.get("/api/me", this::me, Access.AUTHENTICATED);
        r.get("/api/users", ctx -> ctx.json(accounts.store().accounts().stream().map(AuthRoutes::user).toList()), Access.ADMIN);
        r.post("/api/users", this::addUser, Access.ADMIN);
        r.delete("/api/users/{username}", this::removeUser, Access.ADMIN);
        r.get("/api/keys", ctx -> ctx.json(accounts.store().keys()), Access.ADMIN);
        r.post("/api/keys", this::createKey, Access.ADMIN);
        r.delete("/api/keys/{id}", this::revokeKey, Access.ADMIN);
        r.get("/api/audit", this::audit, Access.ADMIN);
    }

    private void login(Context ctx) {
        security.throttleLogin(ctx);
        JsonNode b = Bodies.object(ctx, Set.of("username", "password"));
        String username = Bodies.text(b, "username", true, 64);
        String password = Bodies.text(b, "password", true, 1024);
        var account = accounts.authenticate(username, password.toCharArray());
        if (account.isEmpty()) {
            security.audit(ctx, "login.failed", "user:" + username, null, null);
            throw new ApiException(401, null, "wrong user name or password");
        }
        Accounts.NewSession s = accounts.startSession(username);
        StringBuilder cookie = new StringBuilder(Security.SESSION_COOKIE).append('=').append(s.token())
                .append("; Path=/; HttpOnly; SameSite=Strict; Max-Age=").append(accounts.sessionTtl().toSeconds());
        if (security.secure(ctx)) cookie.append("; Secure");
        ctx.header("Set-Cookie", cookie.toString());
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> me = me(username, account.get().role(), s.session().csrfToken(), "session");
        ctx.attribute("sitrep.principal", new Principal(username, account.get().role(), "session", null, s.session().csrfToken()));
        security.audit(ctx, "login", "user:" + username, null, Map.of("expiresAt", s.session().expiresAt()));
        ctx.json(me);
    }

    private void logout(Context ctx) {
        accounts.endSession(ctx.cookie(Security.SESSION_COOKIE));
        StringBuilder cookie = new StringBuilder(Security.SESSION_COOKIE).append("=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        if (security.secure(ctx)) cookie.append("; Secure");
        ctx.header("Set-Cookie", cookie.toString());
        Principal p = Security.principal(ctx);
        if (!p.anonymous()) security.audit(ctx, "logout", "user:" + p.name(), null, null);
        ctx.status(204);
    }

    private void me(Context ctx) {
        Principal p = Security.principal(ctx);
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> m = me(p.name(), p.role(), p.csrfToken(), p.via());
        if (p.sourceId() != null) m.put("source", p.sourceId());
        ctx.json(m);
    }

    private static Map<String, Object> me(String name, Role role, String csrf, String via) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", name);
        m.put("role", role.wire());
        m.put("csrfToken", csrf);
        m.put("via", via);
        return m;
    }

    private static Map<String, Object> user(AccountStore.Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("role", a.role().wire());
        m.put("createdAt", a.createdAt());
        return m;
    }

    private void addUser(Context ctx) {
        JsonNode b = Bodies.object(ctx, Set.of("username", "password", "role"));
        Role role = role(Bodies.text(b, "role", true, 20));
        AccountStore.Account a = accounts.addUser(Bodies.text(b, "username", true, 64), Bodies.text(b, "password", true, 1024).toCharArray(), role);
        security.audit(ctx, "user.add", "user:" + a.username(), null, user(a));
        ctx.status(201).json(user(a));
    }

    private void removeUser(Context ctx) {
        String name = ctx.pathParam("username");
        AccountStore.Account a = accounts.store().account(name).orElseThrow(() -> ApiException.notFound("no user " + name));
        accounts.store().removeAccount(name);
        security.audit(ctx, "user.remove", "user:" + name, user(a), null);
        ctx.status(204);
    }

    private void createKey(Context ctx) {
        JsonNode b = Bodies.object(ctx, Set.of("name", "role", "source"));
        String source = Bodies.text(b, "source", false, 200);
        String roleText = Bodies.text(b, "role", source == null, 20);
        Role role = roleText == null ? Role.VIEWER : role(roleText);
        Accounts.CreatedKey k = accounts.createKey(Bodies.text(b, "name", true, 100), role, source);
        security.audit(ctx, "key.create", "key:" + k.key().id(), null, k.key());
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new LinkedHashMap<>(org.sitrep.internal.Json.MAPPER.convertValue(k.key(), Map.class));
        m.put("secret", k.secret());
        ctx.status(201).json(m);
    }

    private void revokeKey(Context ctx) {
        String id = ctx.pathParam("id");
        AccountStore.ApiKey k = accounts.store().key(id).orElseThrow(() -> ApiException.notFound("no key " + id));
        if (!accounts.store().revokeKey(id, clock.instant())) throw new ApiException(409, null, "key " + id + " is already revoked");
        security.audit(ctx, "key.revoke", "key:" + id, k, accounts.store().key(id).orElse(null));
        ctx.status(204);
    }

    private void audit(Context ctx) {
        Params p = new Params(ctx, Set.of("target", "before", "limit"));
        long before = 0;
        String b = p.string("before", 20);
        if (b != null) {
            try {
                before = Long.parseLong(b);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("before", "before must be an audit sequence number");
            }
        }
        List<AuditLog.Entry> entries = security.auditLog().entries(p.string("target", 200), before, p.limit(100));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", new ArrayList<>(entries));
        out.put("next", entries.isEmpty() ? null : Long.toString(entries.get(entries.size() - 1).seq()));
        ctx.json(out);
    }

    private static Role role(String s) {
        try {
            return Role.parse(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("role", e.getMessage());
        }
    }
}
