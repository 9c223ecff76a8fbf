package org.hipaatraining.packager.player;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Just enough LRS and cmi5 LMS to check what the player sends (the real LRS is tested in lrs-server): the fetch URL
 * (one token, then an error), statements, the State API with ETag preconditions as xAPI 2.0 LRSs apply them,
 * LMS.LaunchData and an absent learner-preferences profile.
 */
final class FakeLrs {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "bGVhcm5lcjpzZWNyZXQ=";

    final List<JsonNode> statements = new ArrayList<>();
    final Map<String, String> documents = new HashMap<>();
    final List<String> authorizations = new ArrayList<>();
    final List<String> statePuts = new ArrayList<>(); // "If-Match: x" / "If-None-Match: *" of each resume PUT
    final AtomicInteger fetchCalls = new AtomicInteger();
    volatile String launchData = "{}";

    /** Serves the fetch URL at prefix + "fetch" and the xAPI endpoint at prefix + "xapi/". */
    void install(PlayerTestServer server, String prefix) {
        server.handle(prefix + "fetch", this::fetch);
        server.handle(prefix + "xapi/", exchange -> xapi(exchange, exchange.getRequestURI().getPath()
                .substring((prefix + "xapi/").length())));
    }

    private synchronized void fetch(HttpExchange exchange) throws IOException {
        PlayerTestServer.drain(exchange);
        if (fetchCalls.incrementAndGet() == 1) {
            PlayerTestServer.send(exchange, 200, "application/json", "{\"auth-token\": \"" + TOKEN + "\"}");
        } else {
            PlayerTestServer.send(exchange, 200, "application/json",
                    "{\"error-code\": \"1\", \"error-text\": \"already in use\"}");
        }
    }

    private synchronized void xapi(HttpExchange exchange, String resource) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod();
        if (resource.equals("statements") && method.equals("POST")) {
            JsonNode body = JSON.readTree(PlayerTestServer.body(exchange));
            List<JsonNode> batch = new ArrayList<>();
            (body.isArray() ? body : JSON.createArrayNode().add(body)).forEach(batch::add);
            List<String> ids = batch.stream().map(s -> s.get("id").asString()).toList();
            if (statements.stream().anyMatch(s -> ids.contains(s.get("id").asString()))) {
                PlayerTestServer.send(exchange, 409, "text/plain", "statement id already stored");
                return;
            }
            statements.addAll(batch);
            PlayerTestServer.send(exchange, 200, "application/json", JSON.writeValueAsString(ids));
        } else if (resource.equals("activities/state") && "LMS.LaunchData".equals(query.get("stateId"))) {
            PlayerTestServer.send(exchange, 200, "application/json", launchData);
        } else if (resource.equals("activities/state")) {
            state(exchange, method, query.get("stateId") + "|" + query.get("activityId") + "|" + query.get("registration"));
        } else if (resource.equals("agents/profile")) {
            PlayerTestServer.send(exchange, 404, "text/plain", "");
        } else {
            PlayerTestServer.send(exchange, 400, "text/plain", "unexpected " + method + " " + resource);
        }
    }

    private void state(HttpExchange exchange, String method, String key) throws IOException {
        String current = documents.get(key);
        if (method.equals("GET")) {
            if (current == null) {
                PlayerTestServer.send(exchange, 404, "text/plain", "");
            } else {
                exchange.getResponseHeaders().set("ETag", etag(current));
                PlayerTestServer.send(exchange, 200, "application/json", current);
            }
            return;
        }
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        String body = PlayerTestServer.body(exchange);
        statePuts.add(ifMatch != null ? "If-Match: " + ifMatch : ifNoneMatch != null ? "If-None-Match: " + ifNoneMatch : "none");
        boolean allowed = ifMatch != null ? current != null && ifMatch.equals(etag(current))
                : ifNoneMatch != null ? current == null : current == null;
        if (!allowed) {
            PlayerTestServer.send(exchange, ifMatch == null && ifNoneMatch == null ? 409 : 412, "text/plain", "");
            return;
        }
        documents.put(key, body);
        exchange.getResponseHeaders().set("ETag", etag(body));
        PlayerTestServer.send(exchange, 204, null, "");
    }

    static String etag(String content) {
        return "\"" + Integer.toHexString(content.hashCode()) + "\"";
    }

    static Map<String, String> query(String raw) {
        Map<String, String> result = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                result.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    synchronized List<JsonNode> statements() {
        return new ArrayList<>(statements);
    }

    synchronized List<String> verbs() {
        return statements.stream().map(s -> {
            String id = s.get("verb").get("id").asString();
            return id.substring(id.lastIndexOf('/') + 1);
        }).toList();
    }
}
