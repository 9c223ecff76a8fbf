package org.hipaatraining.lrs.forwarding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A receiver that misbehaves on a schedule: under each path, the n-th request gets the n-th {@link Act} (then
 * {@link Act#PASS}). With an upstream (a receiving LRS) it is a proxy in front of it, so "stored but the answer was
 * lost" can be played; without, it records what it accepted.
 */
final class ScriptedReceiver implements AutoCloseable {

    enum Act {
        /** Answer 2xx (from upstream, if any). */
        PASS,
        /** 500 without passing the request on. */
        FAIL_500,
        /** 400: the receiver refuses the content itself. */
        REFUSE_400,
        /** 429 with Retry-After: 1, without passing it on. */
        THROTTLE_429,
        /** Pass it on (the receiver stores it), then answer 500: the sender must send it again. */
        STORE_THEN_500,
        /** Pass it on, then answer only after the sender's timeout. */
        STORE_THEN_TIME_OUT,
        /** Pass it on, then hold the answer until {@link #release()}. */
        STORE_THEN_HANG
    }

    /** One request as received. */
    record Received(String path, Map<String, List<String>> headers, byte[] body, int answered) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpServer server;
    private final Map<String, List<Act>> scripts = new ConcurrentHashMap<>();
    private final Map<String, URI> upstreams = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();
    private final List<Received> accepted = Collections.synchronizedList(new ArrayList<>());
    private final List<Received> all = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch hang = new CountDownLatch(1);
    private final CountDownLatch hanging = new CountDownLatch(1);

    ScriptedReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The address of {@code path} (e.g. "/lrs1"), answering by {@code script}, passing on to {@code upstream} if any. */
    URI at(String path, URI upstream, Act... script) {
        scripts.put(path, List.of(script));
        if (upstream != null) {
            upstreams.put(path, upstream);
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Received> accepted(String path) {
        synchronized (accepted) {
            return accepted.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    List<Received> all(String path) {
        synchronized (all) {
            return all.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    int maxInFlight(String path) {
        return maxInFlight.getOrDefault(path, new AtomicInteger()).get();
    }

    boolean awaitHanging(long seconds) throws InterruptedException {
        return hanging.await(seconds, TimeUnit.SECONDS);
    }

    void release() {
        hang.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = scripts.keySet().stream().filter(p -> exchange.getRequestURI().getPath().startsWith(p))
                .findFirst().orElse(null);
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (path == null) {
            answer(exchange, 404, new byte[0]);
            return;
        }
        int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
        int now = inFlight.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        maxInFlight.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
            List<Act> script = scripts.get(path);
            Act act = n < script.size() ? script.get(n) : Act.PASS;
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            int status = switch (act) {
                case FAIL_500 -> 500;
                case REFUSE_400 -> 400;
                case THROTTLE_429 -> {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    yield 429;
                }
                default -> pass(exchange, path, body);
            };
            if (act == Act.STORE_THEN_500) {
                status = 500;
            } else if (act == Act.STORE_THEN_TIME_OUT) {
                answerAfter(2_600); // the sender gives up after 2 s (lrs.forwarding.request-timeout in the tests)
            } else if (act == Act.STORE_THEN_HANG) {
                hanging.countDown();
                try {
                    hang.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Received received = new Received(path, headers, body, status);
            all.add(received);
            boolean answered = answer(exchange, status, new byte[0]);
            if (answered && status >= 200 && status < 300 && act == Act.PASS) {
                accepted.add(received);
            }
        } finally {
            inFlight.get(path).decrementAndGet();
        }
    }

    /** Passes the request on to the upstream (if any): its status, or 200. */
    private int pass(HttpExchange exchange, String path, byte[] body) {
        URI upstream = upstreams.get(path);
        if (upstream == null) {
            return 200;
        }
        String rest = exchange.getRequestURI().getRawPath().substring(path.length());
        String query = exchange.getRequestURI().getRawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + rest + (query == null ? "" : "?" + query)))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : List.of("Content-Type", "Authorization", "X-Experience-API-Version")) {
            String v = exchange.getRequestHeaders().getFirst(h);
            if (v != null) {
                request.header(h, v);
            }
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 502;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 502;
        }
    }

    private static boolean answer(HttpExchange exchange, int status, byte[] body) {
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            out.write(body);
            return true;
        } catch (IOException e) {
            return false; // the sender gave up (timed out, stopped): it did not get this answer
        }
    }

    /** A slow receiver: holds its answer this long (nobody releases it). */
    private static void answerAfter(long millis) {
        try {
            new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        hang.countDown();
        server.stop(0);
    }
}
