package org.sitrep.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.sitrep.alert.AlertConfig;
import org.sitrep.auth.Role;
import org.sitrep.internal.Json;
import org.sitrep.testing.TestServer;

class AlertIT {
    record Received(String body, String signature, String timestamp, String delivery) {}

    static JsonNode json(HttpResponse<String> r) throws Exception { return Json.MAPPER.readTree(r.body()); }

    static final AlertConfig FAST = new AlertConfig(Duration.ofMillis(100), Duration.ofMillis(300), 5, Duration.ofSeconds(5), true);

    @Test
    void aThresholdAlertIsSignedDeliveredRetriedAfterAFailureAndPushedOnTheStream() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = calls.incrementAndGet();
            received.add(new Received(body, ex.getRequestHeaders().getFirst("X-Sitrep-Signature"),
                    ex.getRequestHeaders().getFirst("X-Sitrep-Timestamp"), ex.getRequestHeaders().getFirst("X-Sitrep-Delivery")));
            int status = n == 1 ? 503 : 204; // fails once, then accepts
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        try (TestServer s = new TestServer(ApiServer.Limits.DEFAULT, ApiConfig.DEFAULT.withAlerts(FAST), TestServer.MINIMAL)) {
            String analyst = "Bearer " + s.createKey("desk", Role.ANALYST, null);
            String secret = "a-shared-secret-of-some-length";
            String sub = "{\"name\":\"strikes near Saraqib\",\"area\":{\"polygon\":[[36.5,35.6],[37.1,35.6],[37.1,36.1],[36.5,36.1]]},"
                    + "\"types\":[\"Unclassified\"],\"minCount\":3,\"radiusKm\":25,\"windowMinutes\":60,"
                    + "\"webhook\":{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\",\"secret\":\"" + secret + "\"}}";
            assertEquals(403, s.request("POST", "/api/alerts/subscriptions", sub, "Authorization", "Bearer " + s.createKey("v", Role.VIEWER, null)).statusCode());
            HttpResponse<String> created = s.request("POST", "/api/alerts/subscriptions", sub, "Authorization", analyst);
            assertEquals(201, created.statusCode(), created.body());
            String subId = json(created).get("id").asText();
            assertEquals("(hidden)", json(s.request("GET", "/api/alerts/subscriptions/" + subId, null, "Authorization", analyst)).get("webhookSecret").asText());

            // Listen on the stream before the events arrive.
            HttpResponse<InputStream> stream = s.http.send(HttpRequest.newBuilder(URI.create(s.url("/api/stream")))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            CompletableFuture<String> alertOnStream = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    String line;
                    boolean alert = false;
                    while ((line = r.readLine()) != null) {
                        if (line.equals("event: alert")) alert = true;
                        else if (alert && line.startsWith("data:")) return line.substring(5).strip();
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            String[][] reports = {
                    {"1", "2026-11-20T08:00:00Z", "35.86", "36.80"},
                    {"2", "2026-11-20T08:20:00Z", "35.90", "36.85"},
                    {"3", "2026-11-20T08:40:00Z", "50.45", "30.52"}, // Kyiv: outside the area
                    {"4", "2026-11-20T08:50:00Z", "35.80", "36.70"}, // third within 25 km and the hour: fires
                    {"5", "2026-11-20T08:55:00Z", "35.82", "36.75"}, // fourth: same burst, no second alert
            };
            for (String[] r : reports) {
                HttpResponse<String> p = s.request("POST", "/api/reports", ApiServerIT.report("wire", r[0], "Strike " + r[0], "Strike reported.",
                        r[1], Double.parseDouble(r[2]), Double.parseDouble(r[3])), "Authorization", analyst);
                assertEquals(201, p.statusCode(), p.body());
            }

            String pushed = alertOnStream.get(20, TimeUnit.SECONDS);
            assertEquals(subId, Json.MAPPER.readTree(pushed).at("/subscription/id").asText());
            assertEquals(3, Json.MAPPER.readTree(pushed).get("count").asInt());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (received.size() < 2 && System.nanoTime() < deadline) Thread.sleep(50);
            assertEquals(2, received.size(), "delivered once after one failed attempt");
            Received ok = received.get(1);
            assertEquals(received.get(0).delivery(), ok.delivery(), "the retry is the same delivery");
            assertEquals(received.get(0).body(), ok.body());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal((ok.timestamp() + "." + ok.body()).getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, ok.signature(), "a receiver can verify the HMAC-SHA256 over timestamp.body");
            assertTrue(Math.abs(Long.parseLong(ok.timestamp()) - System.currentTimeMillis() / 1000) < 60);
            JsonNode body = Json.MAPPER.readTree(ok.body());
            assertEquals(3, body.get("count").asInt());
            assertEquals(3, body.get("events").size());

            Thread.sleep(500);
            JsonNode list = json(s.request("GET", "/api/alerts", null, "Authorization", analyst));
            assertEquals(1, list.get("alerts").size(), "the burst alerts once: " + list);
            assertEquals("delivered", list.at("/alerts/0/deliveries/0/status").asText());
            assertEquals(2, list.at("/alerts/0/deliveries/0/attempts").asInt());
            assertEquals(2, calls.get());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void webhooksToPrivateAddressesAreRefusedUnlessAllowed() {
        try (TestServer s = new TestServer()) {
            String analyst = "Bearer " + s.createKey("desk", Role.ANALYST, null);
            for (String url : List.of("http://127.0.0.1:9/x", "http://10.0.0.1/x", "http://169.254.169.254/latest", "file:///etc/passwd")) {
                HttpResponse<String> r = s.request("POST", "/api/alerts/subscriptions",
                        "{\"name\":\"x\",\"webhook\":{\"url\":\"" + url + "\"}}", "Authorization", analyst);
                assertEquals(400, r.statusCode(), url + ": " + r.body());
            }
            assertEquals(400, s.request("POST", "/api/alerts/subscriptions", "{\"name\":\"x\",\"minCount\":0}", "Authorization", analyst).statusCode());
            assertEquals(400, s.request("POST", "/api/alerts/subscriptions", "{\"name\":\"x\",\"area\":{\"polygon\":[[0,0],[1,1]]}}",
                    "Authorization", analyst).statusCode());
        }
    }
}
