package org.hipaatraining.lrs.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.hipaatraining.lrs.LrsApplication;
import org.hipaatraining.lrs.support.TestMongo;
import org.hipaatraining.lrs.support.XapiHttp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Forwarding against ingest (docs/performance.md, "Forwarding"): a source LRS and a receiving LRS (two application
 * contexts in this JVM, on the embedded SQLite store), a load client posting batches of 100 to the source.
 * <ol>
 *   <li>ingest with no target, then with a dead target (it accepts connections and never answers, so every try
 *       waits out the request timeout), alternated twice: the ratio of the two rates, same run;</li>
 *   <li>forwarding throughput: a live target to the receiving LRS, created at "beginning", catching up with
 *       everything stored so far, nothing else running;</li>
 *   <li>forwarding while ingesting: the lag at the end of an ingest phase, and how long the target takes to catch up.</li>
 * </ol>
 * A figure, not a test: {@code mvn -B -o -q -pl lrs-server -am test-compile exec:exec@forwarding-benchmark
 * [-Dforwarding.seconds=30]}. All of it shares one machine's cores, so rates are relative to each other.
 */
public final class ForwardingBenchmark {

    private static final String KEY = "bench";
    private static final String SECRET = "bench-secret-123";
    private static final String ADMIN = "bench-admin-password";
    private static final int CONNECTIONS = 4;

    private final int seconds;
    private final Map<String, String> rows = new LinkedHashMap<>();
    private final StatementGenerator.Pool pool = new StatementGenerator.Pool(42, 4_000);
    private final AtomicLong posted = new AtomicLong();
    private ConfigurableApplicationContext source;
    private ConfigurableApplicationContext receiver;

    private ForwardingBenchmark(int seconds) {
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0].strip()) : 30;
        new ForwardingBenchmark(seconds).run();
        System.exit(0);
    }

    private static ConfigurableApplicationContext lrs(String database) {
        return new SpringApplicationBuilder(LrsApplication.class).run("--server.port=0",
                "--spring.mongodb.uri=" + TestMongo.uri(database), "--lrs.bootstrap.client-key=" + KEY,
                "--lrs.forwarding.secret-key=" + org.hipaatraining.lrs.support.LrsIntegrationTest.FORWARDING_KEY,
                "--lrs.bootstrap.client-secret=" + SECRET, "--lrs.bootstrap.admin-password=" + ADMIN,
                "--logging.level.root=warn", "--logging.level.org.hipaatraining=warn");
    }

    private static URI base(ConfigurableApplicationContext context) {
        return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private void run() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        source = lrs("fwd_bench_source_" + run);
        receiver = lrs("fwd_bench_receiver_" + run);
        XapiHttp lrs = XapiHttp.basic(base(source), KEY, SECRET);
        XapiHttp admin = XapiHttp.basic(base(source), "admin", ADMIN);
        rows.put("load average at the start (1, 5, 15 min)", loadAverage());
        java.time.Instant lastRound = null;
        long beforeLastRound = 0;
        try (ServerSocket dead = deadReceiver()) {
            ingest(lrs, 20, CONNECTIONS); // warm-up: JIT, store caches
            List<Double> without = new ArrayList<>();
            List<Double> with = new ArrayList<>();
            String deadId = null;
            for (int round = 0; round < 3; round++) {
                without.add(ingest(lrs, seconds, CONNECTIONS));
                lastRound = java.time.Instant.now();
                beforeLastRound = posted.get();
                deadId = create(admin, """
                        {"name": "dead", "kind": "XAPI_LRS", "url": "http://127.0.0.1:%d/xapi", "xapiVersion": "1.0.3"}
                        """.formatted(dead.getLocalPort()));
                with.add(ingest(lrs, seconds, CONNECTIONS));
                JsonNode state = XapiHttp.json(admin.get("/api/forwarding/targets/" + deadId));
                rows.put("dead target after round " + (round + 1), "status " + state.get("status").asString() + ", "
                        + state.get("failed").asLong() + " failed tries, lag " + state.get("lagSeconds").asLong() + " s");
                admin.delete("/api/forwarding/targets/" + deadId, Map.of());
            }
            rows.put("ingest, no target (statements/s, each round)", rates(without));
            rows.put("ingest, dead target (statements/s, each round)", rates(with));
            rows.put("ratio dead / no target", String.format(Locale.ROOT, "%.3f", mean(with) / mean(without)));
        }

        // what one connection of batches of 100 gets from the receiving LRS: the most a target of one sender can take
        long sourceCount = posted.get();
        double receiverAlone = ingest(XapiHttp.basic(base(receiver), KEY, SECRET), seconds, 1);
        posted.set(sourceCount); // those went to the receiving LRS, not the source
        rows.put("receiving LRS's own ingest, 1 connection (statements/s)", String.format(Locale.ROOT, "%,.0f", receiverAlone));

        // catching up: everything from the start of the last round with a dead target (its statements and the next)
        long stored = posted.get();
        long backlog = stored - beforeLastRound;
        long start = System.nanoTime();
        String live = create(admin, """
                {"name": "receiver", "kind": "XAPI_LRS", "url": "%s/xapi", "xapiVersion": "1.0.3", "startFrom": "%s",
                 "credentials": {"kind": "BASIC", "username": "%s", "secret": "%s"}}""".formatted(base(receiver), lastRound,
                KEY, SECRET));
        long delivered = awaitDelivered(admin, live, backlog, 1800);
        double catchUp = (System.nanoTime() - start) / 1e9;
        rows.put("forwarding, catching up alone", String.format(Locale.ROOT, "%,d statements in %.1f s: %,.0f statements/s",
                delivered, catchUp, delivered / catchUp));

        double ingestWhileForwarding = ingest(lrs, seconds, CONNECTIONS);
        JsonNode after = XapiHttp.json(admin.get("/api/forwarding/targets/" + live));
        long deliveredDuring = after.get("delivered").asLong() - delivered;
        long postedDuring = posted.get() - stored;
        start = System.nanoTime();
        awaitDelivered(admin, live, delivered + postedDuring, 1800);
        double drain = (System.nanoTime() - start) / 1e9;
        rows.put("ingest while forwarding live (statements/s)", String.format(Locale.ROOT, "%,.0f", ingestWhileForwarding));
        rows.put("forwarded during that ingest", String.format(Locale.ROOT, "%,d of %,d (%,.0f statements/s); lag at the end %d s; caught up %.1f s later",
                deliveredDuring, postedDuring, deliveredDuring / (double) seconds, after.get("lagSeconds").asLong(), drain));

        rows.put("load average at the end (1, 5, 15 min)", loadAverage());
        StringBuilder table = new StringBuilder("| figure | value |\n| --- | --- |\n");
        rows.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(table);
        Path out = Path.of("target", "forwarding-benchmark");
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), table.toString());
        source.close();
        receiver.close();
    }

    /** Batches of 100 on {@code connections} connections for {@code seconds}: statements per second. */
    private double ingest(XapiHttp lrs, int seconds, int connections) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong count = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(connections);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<String> response = lrs.postJson("/xapi/statements", pool.batch(100));
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("POST " + response.statusCode() + ": " + response.body());
                    }
                    count.addAndGet(100);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        posted.addAndGet(count.get());
        return count.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static String create(XapiHttp admin, String body) {
        HttpResponse<String> created = admin.postJson("/api/forwarding/targets", body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("target: " + created.statusCode() + " " + created.body());
        }
        return XapiHttp.json(created).get("target").get("id").asString();
    }

    private static long awaitDelivered(XapiHttp admin, String id, long expected, int maxSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        while (System.nanoTime() < deadline) {
            long delivered = XapiHttp.json(admin.get("/api/forwarding/targets/" + id)).get("delivered").asLong();
            if (delivered >= expected) {
                return delivered;
            }
            Thread.sleep(200); // polling a figure, not a test waiting for a condition
        }
        throw new IllegalStateException("target " + id + " did not deliver " + expected + " within " + maxSeconds + " s");
    }

    /** A receiver that takes connections and never answers: each try waits out the request timeout. */
    private static ServerSocket deadReceiver() throws IOException {
        ServerSocket socket = new ServerSocket(0);
        List<Socket> held = new ArrayList<>();
        Thread accept = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    held.add(socket.accept());
                } catch (IOException e) {
                    return;
                }
            }
        }, "dead-receiver");
        accept.setDaemon(true);
        accept.start();
        return socket;
    }

    /** Other work on the machine: the figures are only comparable within one run. */
    private static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return load[0] + ", " + load[1] + ", " + load[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String rates(List<Double> rates) {
        return String.join(", ", rates.stream().map(r -> String.format(Locale.ROOT, "%,.0f", r)).toList());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
