package org.sitrep.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 and a random port, serving fixtures and misbehaving on purpose. */
public final class LocalServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    public final AtomicInteger requests = new AtomicInteger();

    public LocalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(pool);
        server.start();
    }

    public LocalServer route(String path, HttpHandler h) {
        server.createContext(path, ex -> {
            requests.incrementAndGet();
            try (ex) {
                h.handle(ex);
            } catch (IOException e) {
                // the client hung up on purpose (size cap, timeout): expected in these tests
            }
        });
        return this;
    }

    /** Serves a classpath fixture under src/test/resources/ingest/. */
    public LocalServer fixture(String path, String resource, String contentType) {
        return route(path, ex -> send(ex, 200, contentType, readResource(resource)));
    }

    public int port() { return server.getAddress().getPort(); }

    /** URL using the host name "localhost" (so tests can exempt it alone from the address check). */
    public String url(String path) { return "http://localhost:" + port() + path; }

    /** URL using the literal loopback address. */
    public String ipUrl(String path) { return "http://127.0.0.1:" + port() + path; }

    public static byte[] readResource(String name) {
        try (InputStream in = LocalServer.class.getResourceAsStream("/ingest/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
