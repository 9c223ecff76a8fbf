package org.hipaatraining.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.hipaatraining.lrs.store.sqlite.SqliteBackend;
import org.hipaatraining.lrs.support.LrsProcess;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * The promise behind a 200: clients post batches with their own ids while the LRS (the README's start, the embedded
 * store) is killed with SIGKILL at random moments and started again on the same data; each client re-posts what was
 * not acknowledged. At the end every acknowledged statement is stored exactly once, nothing else is, nothing waits in
 * the statement log, and the training records are exactly those of the stored statements.
 * <p>
 * A few rounds run in every build; {@code -Dcrash.rounds=50} runs the long version (docs/running.md).
 */
@Tag("integration") // a whole server, browser or child process: the Failsafe lane (mvn verify)
class CrashLoopTest {

    private static final String PRIVACY = "https://hipaa-training.org/xapi/activities/module/privacy";
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 3);
    private static final int CLIENTS = Integer.getInteger("crash.clients", 4);
    private static final int BATCH = Integer.getInteger("crash.batch", 50);

    @TempDir
    Path work;

    /** What one client sent and what it was told. */
    private static final class Client {
        final String mbox = "mailto:crash-" + UUID.randomUUID() + "@clinic.test";
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        /** Batches sent without a 200 (refused, cut off, or no answer): sent again until acknowledged. */
        final List<List<String>> pending = new ArrayList<>();
        final Map<String, String> bodies = new ConcurrentHashMap<>();
    }

    @Test
    void everyAcknowledgedStatementSurvivesSigkillAndIsStoredOnceWithItsRecord() throws Exception {
        Path data = work.resolve("data");
        Path log = work.resolve("lrs.log");
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(new Client());
        }
        long batchesCutOff = 0;

        for (int round = 0; round < ROUNDS; round++) {
            long startedAt = System.nanoTime();
            LrsProcess lrs = LrsProcess.start(data, log, "512m");
            long ready = System.nanoTime();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (Client client : clients) {
                Thread thread = new Thread(() -> post(lrs.xapi(), client, running), "crash-client");
                thread.start();
                threads.add(thread);
            }
            Thread reader = new Thread(() -> read(lrs.xapi(), clients, running), "crash-reader");
            reader.start();

            // the kill comes after a random amount of progress, with other clients' batches in flight
            long target = acknowledged(clients) + (long) BATCH * (5 + random.nextInt(40));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(5)).until(() -> acknowledged(clients) >= target);
            lrs.kill();
            System.out.printf("CrashLoopTest round %d: started in %d ms, killed after %d ms with %d acknowledged%n", round,
                    (ready - startedAt) / 1_000_000, (System.nanoTime() - ready) / 1_000_000, acknowledged(clients));
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            reader.join();
            batchesCutOff += clients.stream().mapToLong(c -> c.pending.size()).sum();
        }

        // a last start: what was cut off is sent again and must be accepted, then the log must drain
        try (LrsProcess lrs = LrsProcess.start(data, log, "512m")) {
            for (Client client : clients) {
                resendPending(lrs.xapi(), client);
                assertThat(client.pending).as("re-sent batches are accepted").isEmpty();
            }
            awaitEmptyStatementLog(lrs);
        }

        long acknowledged = clients.stream().mapToLong(c -> c.acknowledged.size()).sum();
        System.out.printf("CrashLoopTest seed %d: %d rounds, %d statements acknowledged, %d batches cut off and re-sent%n",
                seed, ROUNDS, acknowledged, batchesCutOff);
        assertThat(acknowledged).isGreaterThan(0);
        verifyStore(data, clients);
    }

    private static long acknowledged(List<Client> clients) {
        return clients.stream().mapToLong(c -> c.acknowledged.size()).sum();
    }

    private static String statement(String id, String mbox) {
        return """
                {"id":"%s","actor":{"mbox":"%s","name":"Crash Test"},
                 "verb":{"id":"http://adlnet.gov/expapi/verbs/passed","display":{"en-US":"passed"}},
                 "object":{"id":"%s","objectType":"Activity"},
                 "result":{"success":true,"completion":true,"score":{"scaled":0.9}},
                 "context":{"registration":"%s"}}""".formatted(id, mbox, PRIVACY, UUID.randomUUID());
    }

    private static void post(XapiHttp xapi, Client client, AtomicBoolean running) {
        resendPending(xapi, client);
        while (running.get()) {
            List<String> ids = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < BATCH; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                String statement = statement(id, client.mbox);
                client.bodies.put(id, statement);
                body.append(i == 0 ? "" : ",").append(statement);
            }
            if (!send(xapi, body.append(']').toString(), ids, client)) {
                synchronized (client.pending) {
                    client.pending.add(ids);
                }
            }
        }
    }

    private static void resendPending(XapiHttp xapi, Client client) {
        synchronized (client.pending) {
            client.pending.removeIf(ids -> send(xapi, "[" + String.join(",", ids.stream().map(client.bodies::get).toList())
                    + "]", ids, client));
        }
    }

    private static boolean send(XapiHttp xapi, String body, List<String> ids, Client client) {
        try {
            HttpResponse<String> response = xapi.postJson("/xapi/statements", body);
            if (response.statusCode() == 200) {
                client.acknowledged.addAll(ids);
                return true;
            }
            if (response.statusCode() != 500 && response.statusCode() != 503) {
                throw new AssertionError("unexpected answer " + response.statusCode() + ": " + response.body());
            }
        } catch (RuntimeException cutOff) {
            // the server died under the request: no answer is no acknowledgement
        }
        return false;
    }

    /** Reads go on beside the writes, as admins' pages and reports would. */
    private static void read(XapiHttp xapi, List<Client> clients, AtomicBoolean running) {
        Random random = new Random();
        while (running.get()) {
            Client client = clients.get(random.nextInt(clients.size()));
            try {
                xapi.get("/xapi/statements", XapiHttp.params("agent", "{\"mbox\":\"" + client.mbox + "\"}", "limit", "50"));
            } catch (RuntimeException cutOff) {
                // the server died under the request
            }
        }
    }

    private static void awaitEmptyStatementLog(LrsProcess lrs) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                XapiHttp.json(lrs.admin().get("/actuator/health", Map.of())).path("components").path("statementLog")
                        .path("details").path("unfinishedBatches").asLong(-1) == 0);
    }

    /** Reads the data folder directly, after a normal stop, as an investigator's copy would be read. */
    private static void verifyStore(Path data, List<Client> clients) throws Exception {
        assertThat(Files.exists(data.resolve("lrs.sqlite"))).isTrue();
        SqliteBackend backend = SqliteBackend.open(data.resolve("lrs.sqlite"), true);
        MongoServer server = new MongoServer(backend);
        try (MongoClient mongo = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase lrs = mongo.getDatabase("lrs");
            for (Client client : clients) {
                String agentKey = "mbox|" + client.mbox;
                Set<String> stored = new HashSet<>();
                long rows = 0;
                for (Document d : lrs.getCollection("statements").find(Filters.eq("facets.agents", agentKey))) {
                    stored.add(d.getString("_id"));
                    rows++;
                }
                assertThat(rows).as("no statement stored twice").isEqualTo(stored.size());
                assertThat(stored).as("exactly the acknowledged statements are stored").isEqualTo(client.acknowledged);
                Set<String> records = new HashSet<>();
                lrs.getCollection("training_events").find(Filters.eq("agentKey", agentKey))
                        .forEach(d -> records.add(d.getString("_id")));
                assertThat(records).as("one training record per stored statement").isEqualTo(stored);
            }
            assertThat(lrs.getCollection("statement_log").countDocuments()).as("nothing left unfinished").isZero();
        } finally {
            server.shutdownNow();
        }
    }
}
