package org.hipaatraining.lrs.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.sun.net.httpserver.HttpServer;

/**
 * A package zip served over http://127.0.0.1, as an LMS serves an uploaded package (a module page cannot reach the
 * LRS from file://), with the xAPI launch URL our packages read.
 */
public final class ServedPackage implements AutoCloseable {

    private final Map<String, byte[]> files;
    private final HttpServer server;

    public ServedPackage(byte[] zip) {
        this.files = unzip(zip);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = files.get(path);
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".html") ? "text/html; charset=utf-8"
                    : path.endsWith(".js") ? "text/javascript" : path.endsWith(".css") ? "text/css" : "application/octet-stream");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    /** A file of the package, e.g. {@code /modules/privacy/index.html}; null if there is none. */
    public byte[] file(String path) {
        return files.get(path);
    }

    /** Every file's text joined: for looking for a sentence anywhere in the package. */
    public String allText() {
        StringBuilder text = new StringBuilder();
        files.values().forEach(bytes -> text.append(new String(bytes, StandardCharsets.UTF_8)).append('\n'));
        return text.toString();
    }

    /** The launch URL of a module page in an xAPI package, for a learner with this email and registration. */
    public String xapiLaunch(String moduleId, String moduleIri, String lrsBase, String key, String secret, String email,
                             String name, String registration) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/modules/" + moduleId + "/index.html"
                + "?endpoint=" + enc(lrsBase + "/xapi/")
                + "&auth=" + enc("Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                + "&actor=" + enc("{\"name\":[\"" + name + "\"],\"mbox\":[\"mailto:" + email + "\"]}")
                + "&registration=" + registration + "&activity_id=" + enc(moduleIri);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put("/" + entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
