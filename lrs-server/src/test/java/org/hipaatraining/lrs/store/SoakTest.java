package org.hipaatraining.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.hipaatraining.lrs.store.sqlite.SqliteBackend;
import org.hipaatraining.lrs.support.AdminSignIn;
import org.hipaatraining.lrs.support.LrsProcess;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * The README's start under sustained load: clients post batches of statements from the packaged courses while
 * others query statements, page through {@code more} links and open the admin pages, the LRS at -Xmx512m on the
 * embedded store. Every request must succeed, ingest must not slow as the store grows, the heap must stay bounded,
 * and at the end the store must hold every statement once with its training record.
 * <p>
 * The build runs 20,000 statements; {@code -Dsoak.statements=1000000} is the long run (docs/running.md).
 */
@Tag("integration") // a whole server, browser or child process: the Failsafe lane (mvn verify)
class SoakTest {

    private static final long STATEMENTS = Long.getLong("soak.statements", 20_000);
    private static final int WRITERS = Integer.getInteger("soak.writers", 4);
    private static final int BATCH = 100;
    private static final int LEARNERS = Integer.getInteger("soak.learners", 1000);
    private static final List<String> MODULES = List.of("privacy", "security", "billing", "breach", "role-front-desk");
    private static final String VERB = "http://adlnet.gov/expapi/verbs/";

    @TempDir
    Path work;

    @Test
    void sustainedIngestWithReadsAndAdminPagesHasNoErrorsAndStaysFlat() throws Exception {
        Path data = work.resolve("data");
        Path gcLog = work.resolve("gc.log");
        AtomicLong posted = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        List<long[]> segments = new ArrayList<>(); // {statements at end of segment, nanos}
        long started;
        try (LrsProcess lrs = LrsProcess.start(data, work.resolve("lrs.log"),
                List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog.toAbsolutePath()), "--logging.level.org.hipaatraining=warn")) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            started = System.nanoTime();
            for (int w = 0; w < WRITERS; w++) {
                long seed = w;
                threads.add(started(new Thread(() -> write(lrs.xapi(), new Random(seed), posted, errors))));
            }
            threads.add(started(new Thread(() -> read(lrs, running, reads, errors))));
            long segment = Math.max(BATCH * WRITERS, STATEMENTS / 10);
            long next = segment;
            long segmentStart = System.nanoTime();
            while (posted.get() < STATEMENTS) {
                long target = next;
                await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(100)).until(() -> posted.get() >= target);
                long now = System.nanoTime();
                segments.add(new long[]{posted.get(), now - segmentStart});
                // Progress as it goes: a long run cut short still tells how far it got and whether anything failed.
                long before = segments.size() > 1 ? segments.get(segments.size() - 2)[0] : 0;
                System.out.printf("SoakTest progress: %,d statements after %.0f s, this segment %.0f statements/s, "
                        + "%,d reads, errors %s%n", posted.get(), (now - started) / 1e9,
                        (posted.get() - before) / ((now - segmentStart) / 1e9), reads.get(), errors);
                segmentStart = now;
                next += segment;
            }
            for (int i = 0; i < WRITERS; i++) {
                threads.get(i).join();
            }
            running.set(false);
            threads.get(WRITERS).join();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
                    XapiHttp.json(lrs.admin().get("/actuator/health", Map.of())).path("components").path("statementLog")
                            .path("details").path("unfinishedBatches").asLong(-1) == 0);
        }
        long elapsed = System.nanoTime() - started;
        System.out.printf("SoakTest: %d statements in %.1f s (%.0f/s), %d reads, errors %s%n", posted.get(), elapsed / 1e9,
                posted.get() / (elapsed / 1e9), reads.get(), errors);
        long previous = 0;
        for (long[] s : segments) {
            System.out.printf("SoakTest segment up to %d statements: %.0f statements/s%n", s[0], (s[0] - previous) / (s[1] / 1e9));
            previous = s[0];
        }
        long[] heap = heapAfterCollections(gcLog);
        System.out.printf("SoakTest heap: %d collections, live heap after GC at most %d MB, heap at most %d MB of 512%n",
                heap[0], heap[1], heap[2]);
        assertThat(errors).as("failed requests by kind").isEmpty();
        assertThat(heap[2]).as("the heap stays within -Xmx512m").isLessThanOrEqualTo(512);
        verifyStore(data, posted.get());
    }

    private static Thread started(Thread thread) {
        thread.start();
        return thread;
    }

    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** From the GC log: collections, the most heap left after one (live data), the largest heap size. */
    private static long[] heapAfterCollections(Path gcLog) throws java.io.IOException {
        long collections = 0;
        long live = 0;
        long size = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC.matcher(line);
            if (m.find()) {
                collections++;
                live = Math.max(live, Long.parseLong(m.group(2)));
                size = Math.max(size, Long.parseLong(m.group(3)));
            }
        }
        return new long[]{collections, live, size};
    }

    private static void write(XapiHttp xapi, Random random, AtomicLong posted, Map<String, AtomicLong> errors) {
        while (posted.get() < STATEMENTS) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < BATCH; i++) {
                body.append(i == 0 ? "" : ",").append(statement(random));
            }
            HttpResponse<String> response = xapi.postJson("/xapi/statements", body.append(']').toString());
            if (response.statusCode() == 200) {
                posted.addAndGet(BATCH);
            } else {
                errors.computeIfAbsent("POST " + response.statusCode(), k -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    /** What a learner's course sends: starts, answers, passes and completions of the packaged modules. */
    private static String statement(Random random) {
        String learner = "mailto:learner-" + random.nextInt(LEARNERS) + "@soak.clinic.test";
        String module = "https://hipaa-training.org/xapi/activities/module/" + MODULES.get(random.nextInt(MODULES.size()));
        int kind = random.nextInt(10);
        String verb = kind < 2 ? "initialized" : kind < 7 ? "answered" : kind < 9 ? "passed" : "completed";
        String object = verb.equals("answered") ? module + "/question/q0" + (1 + random.nextInt(9)) : module;
        return """
                {"id":"%s","actor":{"mbox":"%s","name":"Soak Learner"},"verb":{"id":"%s%s"},
                 "object":{"id":"%s","objectType":"Activity"},
                 "result":{"success":true,"completion":true,"score":{"scaled":0.%d}},
                 "context":{"registration":"%s","contextActivities":{"grouping":[{"id":"%s"}]}}}"""
                .formatted(UUID.randomUUID(), learner, VERB, verb, object, 80 + random.nextInt(20), UUID.randomUUID(), module);
    }

    private static final Pattern MORE = Pattern.compile("\"more\"\\s*:\\s*\"([^\"]+)\"");

    /** Queries by learner, verb and module, a few pages of each through {@code more}, and the admin pages. */
    private static void read(LrsProcess lrs, AtomicBoolean running, AtomicLong reads, Map<String, AtomicLong> errors) {
        Random random = new Random(99);
        XapiHttp xapi = lrs.xapi();
        // Signed in once, as an admin's browser is: with Basic on every page, bcrypt took most of the LRS's CPU.
        String session = AdminSignIn.sessionCookie(HttpClient.newHttpClient(), URI.create(lrs.base()), "admin",
                LrsProcess.ADMIN_PASSWORD);
        XapiHttp pages = xapi.anonymous();
        List<String> adminPages = List.of("/admin", "/admin/people", "/admin/overdue");
        while (running.get()) {
            List<Map<String, String>> queries = List.of(
                    XapiHttp.params("agent", "{\"mbox\":\"mailto:learner-" + random.nextInt(LEARNERS) + "@soak.clinic.test\"}"),
                    XapiHttp.params("verb", VERB + "passed", "limit", "50"),
                    XapiHttp.params("activity", "https://hipaa-training.org/xapi/activities/module/privacy",
                            "related_activities", "true", "limit", "50"));
            HttpResponse<String> response = xapi.get("/xapi/statements", queries.get(random.nextInt(queries.size())));
            count(response, "GET statements", reads, errors);
            for (int page = 0; page < 3 && response.statusCode() == 200; page++) {
                Matcher more = MORE.matcher(response.body());
                if (!more.find() || more.group(1).isEmpty()) {
                    break;
                }
                response = xapi.get(more.group(1));
                count(response, "GET more", reads, errors);
            }
            count(pages.get(adminPages.get(random.nextInt(adminPages.size())), Map.of(), "Cookie", session), "admin page",
                    reads, errors);
        }
    }

    private static void count(HttpResponse<String> response, String what, AtomicLong reads, Map<String, AtomicLong> errors) {
        reads.incrementAndGet();
        if (response.statusCode() != 200) {
            errors.computeIfAbsent(what + " " + response.statusCode(), k -> new AtomicLong()).incrementAndGet();
        }
    }

    private static void verifyStore(Path data, long posted) {
        assertThat(Files.exists(data.resolve("lrs.sqlite"))).isTrue();
        SqliteBackend backend = SqliteBackend.open(data.resolve("lrs.sqlite"), true);
        MongoServer server = new MongoServer(backend);
        try (MongoClient mongo = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoDatabase lrs = mongo.getDatabase("lrs");
            assertThat(lrs.getCollection("statements").countDocuments()).isEqualTo(posted);
            assertThat(lrs.getCollection("statement_log").countDocuments()).isZero();
            long passedOrCompleted = lrs.getCollection("statements").countDocuments(new org.bson.Document("facets.verb",
                    new org.bson.Document("$in", List.of(VERB + "passed", VERB + "completed"))));
            assertThat(lrs.getCollection("training_events").countDocuments(new org.bson.Document("type",
                    new org.bson.Document("$in", List.of("PASSED", "COMPLETED"))))).isEqualTo(passedOrCompleted);
        } finally {
            server.shutdownNow();
        }
    }
}
