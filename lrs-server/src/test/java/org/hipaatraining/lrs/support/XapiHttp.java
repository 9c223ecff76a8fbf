package org.hipaatraining.lrs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.JsonNode;

/** A small HTTP client for tests: xAPI version header and Basic credentials on every request, over a real socket. */
public final class XapiHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;
    private final String authorization;
    private final String version;

    /** A client speaking xAPI 1.0.3 with HTTP Basic credentials. */
    public static XapiHttp basic(URI base, String key, String secret) {
        return new XapiHttp(base, "1.0.3", basicAuthorization(key, secret));
    }

    private static String basicAuthorization(String key, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private XapiHttp(URI base, String version, String authorization) {
        this.base = base;
        this.authorization = authorization;
        this.version = version;
    }

    public XapiHttp version(String version) {
        return new XapiHttp(base, version, authorization);
    }

    public XapiHttp credentials(String key, String secret) {
        return new XapiHttp(base, version, basicAuthorization(key, secret));
    }

    public XapiHttp anonymous() {
        return new XapiHttp(base, version, null);
    }

    public URI base() {
        return base;
    }

    public HttpResponse<String> get(String path, Map<String, String> params, String... headers) {
        return send(request(path, params, headers).GET());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path, Map.of()).GET());
    }

    public HttpResponse<byte[]> getBytes(String path, Map<String, String> params, String... headers) {
        try {
            return HTTP.send(request(path, params, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postJson(String path, String json, Map<String, String> params, String... headers) {
        return send(request(path, params, merge(headers, "Content-Type", "application/json"))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> postJson(String path, String json) {
        return postJson(path, json, Map.of());
    }

    public HttpResponse<String> putJson(String path, String json, Map<String, String> params, String... headers) {
        return send(request(path, params, merge(headers, "Content-Type", "application/json"))
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> send(String method, String path, Map<String, String> params, byte[] body, String... headers) {
        return send(request(path, params, headers).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> delete(String path, Map<String, String> params, String... headers) {
        return send(request(path, params, headers).DELETE());
    }

    private static String[] merge(String[] headers, String name, String value) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return headers;
            }
        }
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    private HttpRequest.Builder request(String path, Map<String, String> params, String... headers) {
        String query = params.isEmpty() ? "" : "?" + params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path + query));
        if (version != null) {
            builder.header("X-Experience-API-Version", version);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return XapiJson.MAPPER.readTree(response.body());
    }

    public static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    /** A fresh agent as JSON, so tests never see each other's statements. */
    public static String uniqueMbox() {
        return "mailto:learner-" + UUID.randomUUID() + "@clinic.example";
    }
}
