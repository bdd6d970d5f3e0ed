package org.sitrep.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.auth.Role;
import org.sitrep.internal.Json;
import org.sitrep.testing.TestServer;

class AuthIT {
    static JsonNode json(HttpResponse<String> r) throws Exception { return Json.MAPPER.readTree(r.body()); }

    static String report(String source, String id) {
        return ApiServerIT.report(source, id, "Shelling in Saraqib " + id, "Artillery hit the market.", "2026-11-20T08:00:00Z", 35.86, 36.8);
    }

    static String bearer(String secret) { return "Bearer " + secret; }

    @Test
    void submissionsAreOpenOnAFreshInstallAndNeedAKeyOnceAccountsExist() throws Exception {
        try (TestServer s = new TestServer()) {
            assertEquals(201, s.post("/api/reports", report("wire", "1")).statusCode(), "a fresh install takes reports without login");
            s.addUser("ana", "correct horse battery", Role.ANALYST);
            HttpResponse<String> anon = s.post("/api/reports", report("wire", "2"));
            assertEquals(401, anon.statusCode(), anon.body());
            assertEquals(401, json(anon).at("/error/status").asInt());

            String push = s.createKey("wire feed", null, "wire");
            assertEquals(201, s.request("POST", "/api/reports", report("wire", "3"), "Authorization", bearer(push)).statusCode());
            HttpResponse<String> other = s.request("POST", "/api/reports", report("other", "4"), "Authorization", bearer(push));
            assertEquals(403, other.statusCode(), "a push key submits only its own source");
            HttpResponse<String> mixedBatch = s.request("POST", "/api/reports", "[" + report("wire", "5") + "," + report("other", "6") + "]",
                    "Authorization", bearer(push));
            assertEquals(403, mixedBatch.statusCode());
            assertEquals(2, s.sitrep.store().stats().reports(), "a refused batch stores nothing");

            String viewer = s.createKey("dashboard", Role.VIEWER, null);
            assertEquals(403, s.request("POST", "/api/reports", report("wire", "7"), "Authorization", bearer(viewer)).statusCode());
            String analyst = s.createKey("desk", Role.ANALYST, null);
            assertEquals(201, s.request("POST", "/api/reports", report("desk", "8"), "Authorization", bearer(analyst)).statusCode());
        }
    }

    @Test
    void eachRoleIsAllowedItsActionsAndRefusedTheOthers() throws Exception {
        try (TestServer s = new TestServer()) {
            String viewer = s.createKey("v", Role.VIEWER, null);
            String analyst = s.createKey("a", Role.ANALYST, null);
            String admin = s.createKey("root", Role.ADMIN, null);
            String newUser = "{\"username\":\"bob\",\"password\":\"long enough pw\",\"role\":\"viewer\"}";

            assertEquals(401, s.post("/api/users", newUser).statusCode(), "no key: 401");
            assertEquals(401, s.request("POST", "/api/users", newUser, "Authorization", "Bearer sk_notakey").statusCode(), "unknown key: 401");
            assertEquals(401, s.request("GET", "/api/events", null, "Authorization", "Basic abc").statusCode(), "wrong scheme: 401");
            assertEquals(403, s.request("POST", "/api/users", newUser, "Authorization", bearer(viewer)).statusCode(), "viewer write: 403");
            assertEquals(403, s.request("POST", "/api/users", newUser, "Authorization", bearer(analyst)).statusCode(), "analyst cannot manage users");
            assertEquals(200, s.request("GET", "/api/events", null, "Authorization", bearer(viewer)).statusCode());
            assertEquals(403, s.request("GET", "/api/audit", null, "Authorization", bearer(analyst)).statusCode());
            HttpResponse<String> created = s.request("POST", "/api/users", newUser, "Authorization", bearer(admin));
            assertEquals(201, created.statusCode(), created.body());
            assertFalse(created.body().contains("long enough pw"));
            assertEquals(400, s.request("POST", "/api/users", newUser.replace("viewer", "god"), "Authorization", bearer(admin)).statusCode());

            HttpResponse<String> key = s.request("POST", "/api/keys", "{\"name\":\"bot\",\"role\":\"analyst\"}", "Authorization", bearer(admin));
            assertEquals(201, key.statusCode(), key.body());
            String secret = json(key).get("secret").asText();
            String id = json(key).get("id").asText();
            assertEquals(200, s.request("GET", "/api/me", null, "Authorization", bearer(secret)).statusCode());
            assertEquals(204, s.request("DELETE", "/api/keys/" + id, null, "Authorization", bearer(admin)).statusCode());
            assertEquals(401, s.request("GET", "/api/me", null, "Authorization", bearer(secret)).statusCode(), "a revoked key is refused");
            assertFalse(s.request("GET", "/api/keys", null, "Authorization", bearer(admin)).body().contains(secret), "secrets are never listed");

            JsonNode audit = json(s.request("GET", "/api/audit", null, "Authorization", bearer(admin)));
            JsonNode newest = audit.at("/entries/0");
            assertEquals("key.revoke", newest.get("action").asText());
            assertTrue(newest.at("/before/revokedAt").isNull());
            assertFalse(newest.at("/after/revokedAt").isNull(), "after shows the revocation time");
            JsonNode userAdd = json(s.request("GET", "/api/audit?target=user:bob", null, "Authorization", bearer(admin))).at("/entries/0");
            assertEquals("user.add", userAdd.get("action").asText());
            assertTrue(userAdd.get("actor").asText().startsWith("key:"), "who: the admin key");
            assertEquals("viewer", userAdd.at("/after/role").asText());
            assertNotNull(userAdd.get("at"));
        }
    }

    @Test
    void sessionsUseAnHttpOnlyCookieAndWritesNeedTheCsrfToken() throws Exception {
        try (TestServer s = new TestServer()) {
            s.addUser("admin", "s3cret-passphrase", Role.ADMIN);
            assertEquals(401, s.post("/api/login", "{\"username\":\"admin\",\"password\":\"wrong password\"}").statusCode());
            assertEquals(401, s.post("/api/login", "{\"username\":\"nobody\",\"password\":\"wrong password\"}").statusCode());
            assertEquals(401, s.get("/api/me").statusCode());

            HttpResponse<String> login = s.post("/api/login", "{\"username\":\"admin\",\"password\":\"s3cret-passphrase\"}");
            assertEquals(200, login.statusCode(), login.body());
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
            assertFalse(setCookie.contains("Secure"), "plain http on localhost: no Secure flag, or the browser would drop the cookie");
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            JsonNode me = json(s.request("GET", "/api/me", null, "Cookie", cookie));
            assertEquals("admin", me.get("username").asText());
            assertEquals("admin", me.get("role").asText());
            String csrf = me.get("csrfToken").asText();
            assertEquals(json(login).get("csrfToken").asText(), csrf);

            String body = "{\"username\":\"carol\",\"password\":\"long enough pw\",\"role\":\"analyst\"}";
            HttpResponse<String> noToken = s.request("POST", "/api/users", body, "Cookie", cookie);
            assertEquals(403, noToken.statusCode(), "a cookie alone cannot write: CSRF");
            assertEquals(403, s.request("POST", "/api/users", body, "Cookie", cookie, "X-CSRF-Token", "forged").statusCode());
            assertEquals(201, s.request("POST", "/api/users", body, "Cookie", cookie, "X-CSRF-Token", csrf).statusCode());

            assertEquals(204, s.request("POST", "/api/logout", null, "Cookie", cookie).statusCode());
            assertEquals(401, s.request("GET", "/api/me", null, "Cookie", cookie).statusCode(), "the session ended on the server");
            JsonNode logins = json(s.request("GET", "/api/audit?target=user:admin", null, "Authorization", bearer(s.createKey("k", Role.ADMIN, null))));
            List<String> actions = new java.util.ArrayList<>();
            logins.get("entries").forEach(e -> actions.add(e.get("action").asText()));
            assertEquals(List.of("logout", "login", "login.failed"), actions);
        }
    }

    @Test
    void privateModeNeedsAViewerToRead() throws Exception {
        try (TestServer s = new TestServer(ApiServer.Limits.DEFAULT, ApiConfig.DEFAULT.withPublicRead(false))) {
            assertEquals(401, s.get("/api/events").statusCode());
            assertEquals(401, s.get("/api/timeline").statusCode());
            assertEquals(200, s.get("/api/health").statusCode(), "health stays public for load balancers");
            String viewer = s.createKey("v", Role.VIEWER, null);
            assertEquals(200, s.request("GET", "/api/events", null, "Authorization", bearer(viewer)).statusCode());
            String push = s.createKey("p", null, "wire");
            assertEquals(403, s.request("GET", "/api/events", null, "Authorization", bearer(push)).statusCode(), "a push key cannot read a private install");
        }
    }

    @Test
    void rateLimitAnswers429WithRetryAfterPerAddressAndPerKey() throws Exception {
        ApiConfig tight = ApiConfig.DEFAULT.withRateLimits(new ApiConfig.RateLimit(0.5, 3), new ApiConfig.RateLimit(0.5, 5), ApiConfig.RateLimit.NONE);
        try (TestServer s = new TestServer(ApiServer.Limits.DEFAULT, tight)) {
            String key = s.createKey("k", Role.VIEWER, null);
            for (int i = 0; i < 3; i++) assertEquals(200, s.get("/api/events").statusCode());
            HttpResponse<String> limited = s.get("/api/events");
            assertEquals(429, limited.statusCode());
            assertTrue(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            for (int i = 0; i < 5; i++) {
                assertEquals(200, s.request("GET", "/api/events", null, "Authorization", bearer(key)).statusCode(), "a key has its own bucket");
            }
            assertEquals(429, s.request("GET", "/api/events", null, "Authorization", bearer(key)).statusCode());
        }
    }

    @Test
    void corsAllowsOnlyConfiguredOrigins() {
        try (TestServer s = new TestServer(ApiServer.Limits.DEFAULT, ApiConfig.DEFAULT.withCors(List.of("https://desk.example.org")))) {
            HttpResponse<String> pre = s.request("OPTIONS", "/api/events", null, "Origin", "https://desk.example.org",
                    "Access-Control-Request-Method", "GET");
            assertEquals(204, pre.statusCode());
            assertEquals("https://desk.example.org", pre.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            HttpResponse<String> get = s.request("GET", "/api/events", null, "Origin", "https://desk.example.org");
            assertEquals("https://desk.example.org", get.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            HttpResponse<String> evil = s.request("GET", "/api/events", null, "Origin", "https://evil.example");
            assertTrue(evil.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        }
    }
}
