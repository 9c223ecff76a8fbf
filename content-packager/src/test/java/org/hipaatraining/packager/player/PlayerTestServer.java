package org.hipaatraining.packager.player;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK HTTP server the browser tests load pages from (never file://: a SCO in an iframe reaches the LMS's API only
 * from the same origin). Serves in-memory files put by path, folders mounted under a prefix, and custom handlers.
 */
final class PlayerTestServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Path> folders = new ConcurrentHashMap<>();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

    PlayerTestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves bytes at exactly this path (starting with "/"). */
    void put(String path, byte[] content) {
        files.put(path, content);
    }

    void put(String path, String content) {
        put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Serves every file of a package (zip entry name to bytes) under prefix, e.g. "/pkg/security-scorm12/". */
    void putAll(String prefix, Map<String, byte[]> entries) {
        entries.forEach((name, bytes) -> put(prefix + name, bytes));
    }

    /** Serves a folder's files under prefix, e.g. "/lib/" for scorm-again's dist folder. */
    void mount(String prefix, Path folder) {
        folders.put(prefix, folder);
    }

    /** Handles every request whose path starts with prefix. */
    void handle(String prefix, HttpHandler handler) {
        handlers.put(prefix, handler);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            for (Map.Entry<String, HttpHandler> entry : handlers.entrySet()) {
                if (path.startsWith(entry.getKey())) {
                    entry.getValue().handle(exchange);
                    return;
                }
            }
            byte[] body = files.get(path);
            if (body == null) {
                body = fromFolder(path);
            }
            if (body == null) {
                send(exchange, 404, "text/plain", "not found: " + path);
                return;
            }
            drain(exchange);
            exchange.getResponseHeaders().set("Content-Type", contentType(path));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] fromFolder(String path) throws IOException {
        for (Map.Entry<String, Path> entry : folders.entrySet()) {
            if (path.startsWith(entry.getKey())) {
                Path root = entry.getValue().toAbsolutePath().normalize();
                Path file = root.resolve(path.substring(entry.getKey().length())).normalize();
                if (file.startsWith(root) && Files.isRegularFile(file)) {
                    return Files.readAllBytes(file);
                }
            }
        }
        return null;
    }

    static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String contentType(String path) {
        String p = path.toLowerCase();
        if (p.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (p.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (p.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (p.endsWith(".svg")) {
            return "image/svg+xml";
        } else if (p.endsWith(".png")) {
            return "image/png";
        } else if (p.endsWith(".json")) {
            return "application/json";
        } else if (p.endsWith(".xml")) {
            return "application/xml";
        }
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
