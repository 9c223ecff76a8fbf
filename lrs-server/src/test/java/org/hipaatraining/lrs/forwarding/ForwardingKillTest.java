package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.hipaatraining.lrs.support.LrsProcess;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real {@code kill -9} of the forwarding server: the LRS runs as a child process on the embedded store (as the
 * README starts it) with an NDJSON target to a receiver in this test, a client keeps posting statements to it, and at
 * random moments the LRS is killed with SIGKILL (often while the receiver holds a batch it has stored but not yet
 * answered) and started again on the same data. At the end the receiver has every statement the client was
 * acknowledged, in the source's stored order; a statement arrives twice only as part of the one batch that was in
 * flight at a kill, re-sent first thing by the restarted server.
 * <p>
 * {@code -Dforward.kill.rounds=10} for a longer run.
 */
@Tag("integration") // child processes: the Failsafe lane (mvn verify)
class ForwardingKillTest {

    private static final int ROUNDS = Integer.getInteger("forward.kill.rounds", 3);
    /** A quick start matters more here than peak speed: the machine runs other builds. */
    private static final List<String> JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String[] SETTINGS = {"--lrs.forwarding.poll-interval=200ms", "--lrs.forwarding.settle=200ms",
            "--lrs.forwarding.batch-size=20", "--lrs.forwarding.lease=3s", "--lrs.forwarding.round-time=2s",
            "--lrs.forwarding.backoff-base=200ms", "--lrs.forwarding.backoff-max=1s",
            "--lrs.compliance.status-pass-interval=1h", "--lrs.notifications.pass-interval=1h"};

    @TempDir
    Path work;

    /** One request the receiver stored: its statements, and the server's life (round) it came from. */
    private record Received(int round, List<JsonNode> statements) {

        List<String> ids() {
            return statements.stream().map(s -> s.get("id").asString()).toList();
        }
    }

    /** An NDJSON endpoint that stores each request whole, then answers after a random short while. */
    private static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<Received> received = new CopyOnWriteArrayList<>();
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        final AtomicInteger round = new AtomicInteger();
        final AtomicInteger busy = new AtomicInteger();
        final Random random = new Random();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/ndjson", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/ndjson";
        }

        private void handle(HttpExchange exchange) throws IOException {
            busy.incrementAndGet();
            int from = round.get();
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                } catch (IOException cutOff) {
                    return; // the sender died mid-body: nothing stored
                }
                List<JsonNode> statements = new ArrayList<>();
                for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        statements.add(JSON.readTree(line));
                    }
                }
                if (!statements.isEmpty()) {
                    Received r = new Received(from, statements);
                    received.add(r);
                    ids.addAll(r.ids());
                    // stored; the answer takes a moment, so that a kill often falls between the two
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt(60)));
                }
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException senderGone) {
                // the answer could not be sent: the sender is dead
            } finally {
                busy.decrementAndGet();
            }
        }

        /** After a kill: what the dead server sent is in, and what comes next is the next server's. */
        void nextRound(int next) {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> busy.get() == 0);
            round.set(next);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Posts batches of 10 with its own ids; what was not acknowledged is posted again (the same ids). */
    private static final class Client {
        final String mbox = "mailto:kill-" + UUID.randomUUID() + "@clinic.test";
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final List<String> pending = new ArrayList<>();

        void run(XapiHttp xapi, AtomicBoolean running) {
            resend(xapi);
            while (running.get()) {
                StringBuilder body = new StringBuilder("[");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    String id = UUID.randomUUID().toString();
                    ids.add(id);
                    body.append(i == 0 ? "" : ",").append(statement(id, mbox));
                }
                if (!send(xapi, body.append(']').toString(), ids)) {
                    pending.add(body.toString());
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(40)); // a steady trickle, not a flood
            }
        }

        void resend(XapiHttp xapi) {
            pending.removeIf(body -> send(xapi, body, idsOf(body)));
        }

        private boolean send(XapiHttp xapi, String body, List<String> ids) {
            try {
                HttpResponse<String> response = xapi.postJson("/xapi/statements", body);
                if (response.statusCode() == 200) {
                    acknowledged.addAll(ids);
                    return true;
                }
            } catch (RuntimeException cutOff) {
                // killed under the request
            }
            return false;
        }

        private static List<String> idsOf(String body) {
            List<String> ids = new ArrayList<>();
            JSON.readTree(body).forEach(s -> ids.add(s.get("id").asString()));
            return ids;
        }

        private static String statement(String id, String mbox) {
            return """
                    {"id":"%s","actor":{"mbox":"%s"},
                     "verb":{"id":"http://adlnet.gov/expapi/verbs/experienced","display":{"en-US":"experienced"}},
                     "object":{"id":"https://hipaa-training.org/xapi/activities/test/kill/%s","objectType":"Activity"}}"""
                    .formatted(id, mbox, id);
        }
    }

    @Test
    void aForwardingServerKilledWithSigkillMidDeliveryDeliversEveryStatementOnceInOrder() throws Exception {
        Path data = work.resolve("data");
        Path log = work.resolve("lrs.log");
        long seed = Long.getLong("forward.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Client client = new Client();
        try (Receiver receiver = new Receiver()) {
            for (int round = 0; round < ROUNDS; round++) {
                LrsProcess lrs = LrsProcess.start(data, log, JVM, SETTINGS);
                if (round == 0) {
                    HttpResponse<String> created = lrs.admin().postJson("/api/forwarding/targets", """
                            {"name": "Warehouse", "kind": "NDJSON", "url": "%s", "startFrom": "beginning"}"""
                            .formatted(receiver.url()));
                    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                }
                AtomicBoolean running = new AtomicBoolean(true);
                Thread posting = new Thread(() -> client.run(lrs.xapi(), running), "kill-client");
                posting.start();
                // a kill after a random number of delivered batches, at a random moment within the next one
                int from = receiver.received.size();
                int batches = 3 + random.nextInt(8);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5))
                        .until(() -> receiver.received.size() >= from + batches);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt(80)));
                lrs.kill();
                running.set(false);
                posting.join();
                receiver.nextRound(round + 1);
                System.out.printf("ForwardingKillTest round %d: killed with %d statements acknowledged, %d received%n",
                        round, client.acknowledged.size(), receiver.ids.size());
            }

            try (LrsProcess lrs = LrsProcess.start(data, log, JVM, SETTINGS)) {
                client.resend(lrs.xapi());
                assertThat(client.pending).as("what was cut off is accepted when sent again").isEmpty();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> receiver.ids.containsAll(client.acknowledged));
                // and nothing more comes: the delivery is caught up
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                        XapiHttp.json(lrs.admin().get("/api/forwarding/targets", Map.of())).get(0).path("status")
                                .asString().equals("CAUGHT_UP"));
            }
            verify(receiver.received, client.acknowledged, seed);
            // the embedded store keeps the key of the target's signing secret beside its data, for its owner only
            assertThat(java.nio.file.Files.getPosixFilePermissions(data.resolve(SecretsAtRest.KEY_FILE)))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void verify(List<Received> received, Set<String> acknowledged, long seed) {
        Map<String, JsonNode> first = new LinkedHashMap<>();
        Set<String> lastOfPreviousRound = Set.of();
        int previousRound = -1;
        int resent = 0;
        boolean firstOfRound = false;
        Set<String> lastRequest = Set.of();
        for (Received r : received) {
            if (r.round() != previousRound) {
                lastOfPreviousRound = lastRequest;
                previousRound = r.round();
                firstOfRound = true;
            }
            List<String> ids = r.ids();
            List<String> again = ids.stream().filter(first::containsKey).toList();
            if (!again.isEmpty()) {
                assertThat(firstOfRound).as("a re-send comes only first thing after a restart").isTrue();
                assertThat(ids.subList(0, again.size())).as("the re-sent statements open the batch").isEqualTo(again);
                assertThat(lastOfPreviousRound).as("only the batch in flight at the kill is sent again")
                        .containsAll(again);
                resent++;
            }
            for (JsonNode s : r.statements()) {
                first.putIfAbsent(s.get("id").asString(), s);
            }
            lastRequest = new HashSet<>(ids);
            firstOfRound = false;
        }
        assertThat(first.keySet()).as("exactly the acknowledged statements arrive").isEqualTo(acknowledged);
        List<JsonNode> inArrival = new ArrayList<>(first.values());
        List<JsonNode> inStoredOrder = new ArrayList<>(inArrival);
        inStoredOrder.sort(Comparator.comparing((JsonNode s) -> Instant.parse(s.get("stored").asString()))
                .thenComparing(s -> s.get("id").asString()));
        assertThat(inArrival).as("in the source's stored order").isEqualTo(inStoredOrder);
        System.out.printf("ForwardingKillTest seed %d: %d rounds, %d statements, %d requests, %d in-flight batches re-sent%n",
                seed, ROUNDS, acknowledged.size(), received.size(), resent);
    }
}
