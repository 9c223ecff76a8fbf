package org.hipaatraining.lrs.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The LRS benchmark: three processes (the store, the LRS with -Xmx512m, and this load client) and, for every
 * operation, the same work done directly against the store with the MongoDB driver, so each LRS figure is reported as a
 * ratio to the store's own ceiling. See docs/performance.md.
 * <p>
 * Arguments: {@code small} (60,000 statements, about 5 minutes with the warm-ups), {@code large} (1M statements), or a
 * number; see {@link #main} for the options.
 */
public final class LrsBenchmark {

    private static final String KEY = "bench";
    private static final String SECRET = "bench-secret-123";
    private static final int BATCH = 100;
    private static final java.time.Duration WARM_UP_BATCHES = java.time.Duration.ofSeconds(40);
    private static final java.time.Duration WARM_UP_SINGLE = java.time.Duration.ofSeconds(30);

    /** The databases the benchmark writes (and empties): never a practice's own. */
    private static final String DATABASE = "lrs_benchmark";
    private static final String CEILING = "lrs_benchmark_ceiling";

    private final int statements;
    private final int concurrency;
    private final Path out;
    private final String externalStore;
    private final boolean timeQueries;
    private Process storeProcess;
    private final java.util.concurrent.Semaphore storeCollected = new java.util.concurrent.Semaphore(0);
    private Process lrsProcess;
    /**
     * HTTP/1.1, as LMSs and browsers speak to an LRS without TLS. Left to its default (HTTP/2, which over plain http
     * is an h2c upgrade offer that Tomcat declines), the JDK client halved single-POST throughput on this machine
     * (486 against 1,006 requests/s over the same 32 connections) for the same server CPU.
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).build();
    private final Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    private URI lrs;
    private String storeUri;
    private String authorization;

    private LrsBenchmark(int statements, int concurrency, Path out, String externalStore, Boolean queries) {
        this.statements = statements;
        this.concurrency = concurrency;
        this.out = out;
        this.externalStore = externalStore;
        // mongo-java-server has no secondary indexes: at 1M statements every query sorts all of them (many seconds, for
        // the LRS and the direct query alike), which measures the test store, not the LRS.
        this.timeQueries = queries != null ? queries : externalStore != null || statements < 500_000;
    }

    /**
     * Arguments (also as one string, e.g. {@code -Dbenchmark.size="large --store-uri mongodb://db.example/"}):
     * {@code small}, {@code large} or a number of statements; {@code --store-uri URI} to use a running MongoDB instead
     * of starting mongo-java-server (its CPU is then not measured; only the lrs_benchmark databases are written);
     * {@code --queries} / {@code --no-queries} to time the query shapes or not (default: not for 500,000 statements
     * or more on mongo-java-server).
     */
    public static void main(String[] rawArgs) throws Exception {
        String[] args = String.join(" ", rawArgs).trim().split("\\s+");
        int statements = 60_000;
        String externalStore = null;
        Boolean queries = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "" -> { }
                case "small" -> statements = 60_000;
                case "large" -> statements = 1_000_000;
                case "--statements" -> statements = Integer.parseInt(args[++i]);
                case "--store-uri" -> externalStore = args[++i];
                case "--queries" -> queries = true;
                case "--no-queries" -> queries = false;
                default -> {
                    if (!args[i].matches("\\d+")) {
                        throw new IllegalArgumentException("unknown argument " + args[i]
                                + " (small | large | a number of statements, --store-uri URI, --queries, --no-queries)");
                    }
                    statements = Integer.parseInt(args[i]);
                }
            }
        }
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.mongodb.driver"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        LrsBenchmark benchmark = new LrsBenchmark(statements, 8, Path.of("target", "benchmark"), externalStore, queries);
        try {
            benchmark.run();
        } finally {
            benchmark.stop();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        startStore();
        startLrs();
        System.out.printf("Benchmark: %,d statements, batches of %d, %d connections; store %s; LRS %s%n",
                statements, BATCH, concurrency, storeUri, lrs);
        try (MongoClient mongo = MongoClients.create(storeUri)) {
            MongoCollection<Document> lrsStatements = mongo.getDatabase(DATABASE).getCollection("statements");
            batchIngest(mongo, lrsStatements);
            singlePosts();
            if (timeQueries) {
                collectStoreGarbage();
                queries(lrsStatements);
                paging(lrsStatements);
            } else {
                System.out.println("query shapes and paging not timed: on mongo-java-server each query at this size sorts "
                        + "every statement (use --queries to time them anyway, or --store-uri with a real MongoDB)");
            }
            documents(mongo);
        }
        report();
    }

    // ---- processes

    private void startStore() throws IOException {
        if (externalStore != null) {
            storeUri = externalStore;
            try (MongoClient mongo = MongoClients.create(storeUri)) {
                mongo.getDatabase(DATABASE).drop();
                mongo.getDatabase(CEILING).drop();
            }
            return;
        }
        // The memory backend keeps every document as Java objects, about 4 KB a statement: a large run holds the LRS's
        // 1M statements and the ceiling's copy of them.
        List<String> command = new ArrayList<>(List.of(javaBin(), statements > 200_000 ? "-Xmx16g" : "-Xmx8g",
                "-Xlog:gc:file=" + out.resolve("store-gc.log").toAbsolutePath()));
        command.addAll(extraArgs("STORE_JVM_ARGS"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StoreMain.class.getName()));
        Process store = new ProcessBuilder(command).redirectErrorStream(true).start();
        storeProcess = store;
        BufferedReader lines = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("READY ")) {
                storeUri = line.substring(6);
                break;
            }
        }
        if (storeUri == null) {
            throw new IllegalStateException("the store process did not start");
        }
        Thread answers = new Thread(() -> {
            try {
                String answer;
                while ((answer = lines.readLine()) != null) {
                    if (answer.equals("GC-DONE")) {
                        storeCollected.release();
                    }
                }
            } catch (IOException ignored) {
                // the store ended
            }
        }, "store-output");
        answers.setDaemon(true);
        answers.start();
        // The driver's heartbeat times out after the connect timeout (10 s) and then fails every operation in flight; a
        // store pausing for its own GC at 2M documents is slow, not gone.
        storeUri += "/?connectTimeoutMS=120000";
    }

    private void startLrs() throws Exception {
        File jar = new File("target/lrs-server.jar");
        if (!jar.exists()) {
            throw new IllegalStateException("build the server first: mvn -B -q package -DskipTests");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-XX:+UseG1GC",
                "-Xlog:gc:file=" + out.resolve("lrs-gc.log").toAbsolutePath()));
        command.addAll(extraArgs("LRS_JVM_ARGS"));
        command.addAll(List.of("-jar", jar.getPath(), "--server.port=" + port, "--spring.mongodb.uri=" + withDatabase(storeUri, DATABASE),
                "--lrs.bootstrap.client-key=" + KEY, "--lrs.bootstrap.client-secret=" + SECRET,
                "--lrs.bootstrap.admin-password=bench-admin-password", "--logging.level.root=warn",
                // course packages are built on first download instead of at start-up, so their CPU is not counted as ingest
                "--lrs.packages.build-at-startup=false"));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(out.resolve("lrs.log").toFile()).start();
        lrsProcess = server;
        lrs = URI.create("http://127.0.0.1:" + port);
        authorization = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (get("/xapi/about", Map.of()).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the LRS did not start; see " + out.resolve("lrs.log"));
    }

    private void stop() {
        java.util.stream.Stream.of(lrsProcess, storeProcess).filter(java.util.Objects::nonNull).forEach(p -> {
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
    }

    /** Has the store collect its garbage before a timed phase (see StoreMain); a no-op for an external store. */
    private void collectStoreGarbage() throws IOException, InterruptedException {
        if (storeProcess == null) {
            return;
        }
        storeProcess.getOutputStream().write("gc\n".getBytes(StandardCharsets.US_ASCII));
        storeProcess.getOutputStream().flush();
        if (!storeCollected.tryAcquire(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the store did not answer gc");
        }
    }

    /** CPU time used so far by the store, the LRS and this load client (nanoseconds), to say where the time goes. */
    private long[] cpu() {
        return new long[] {cpuOf(storeProcess), cpuOf(lrsProcess),
                ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L)};
    }

    private static long cpuOf(Process process) {
        return process == null ? 0 : process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static void putCpu(Map<String, Object> entry, String prefix, long[] before, long[] after, long items) {
        entry.put(prefix + "store_cpu_us_per_item", (after[0] - before[0]) / 1e3 / items);
        entry.put(prefix + "lrs_cpu_us_per_item", (after[1] - before[1]) / 1e3 / items);
        entry.put(prefix + "client_cpu_us_per_item", (after[2] - before[2]) / 1e3 / items);
    }

    /** The connection string with {@code database} as its path, keeping hosts and options. */
    static String withDatabase(String uri, String database) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(mongodb(?:\\+srv)?://[^/?]+)(/[^?]*)?(\\?.*)?$").matcher(uri);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a MongoDB connection string: " + uri);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** JVM options from the environment, e.g. LRS_JVM_ARGS="-XX:StartFlightRecording=filename=lrs.jfr" to profile. */
    private static List<String> extraArgs(String variable) {
        String extra = System.getenv(variable);
        return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // ---- operations

    private void batchIngest(MongoClient mongo, MongoCollection<Document> lrsStatements) throws Exception {
        int batches = statements / BATCH;
        StatementGenerator.Pool pool = new StatementGenerator.Pool(42, 4_000);
        // Warm-up, not timed: JIT in the LRS and the store, connection pools, the activity definitions. By time, not by
        // count: on two cores the JIT compilers of the LRS took over 10 s of CPU, and a count-based warm-up left
        // them compiling through the timed run (docs/performance.md).
        int warmup = warmUp(WARM_UP_BATCHES, concurrency, i -> post("/xapi/statements", pool.batch(BATCH)));
        MongoCollection<Document> ceiling = mongo.getDatabase(CEILING).getCollection("statements");
        List<Document> warmDocs = lrsStatements.find().batchSize(BATCH).limit(Math.min(warmup, 200) * BATCH).into(new ArrayList<>());
        for (int i = 0; i + BATCH <= warmDocs.size(); i += BATCH) {
            ceiling.insertMany(warmDocs.subList(i, i + BATCH));
        }
        warmDocs.clear();
        mongo.getDatabase(CEILING).drop();
        // The warm-up's statements go, so the timed run and the queries after it see exactly the statements measured.
        long warmedUp = lrsStatements.deleteMany(new Document()).getDeletedCount();
        System.out.printf("warm-up: %,d statements in %d s (removed again)%n", warmedUp, WARM_UP_BATCHES.toSeconds());

        Latencies lrsIngest = new Latencies(batches);
        collectStoreGarbage();
        long[] cpuBefore = cpu();
        runConcurrently(batches, concurrency, lrsIngest, i -> {
            String body = pool.batch(BATCH);
            long start = System.nanoTime();
            HttpResponse<String> response = post("/xapi/statements", body);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("batch POST: " + response.statusCode() + " " + response.body());
            }
            lrsIngest.record(System.nanoTime() - start, BATCH);
        });
        long[] cpuAfter = cpu();
        System.out.printf("ingested %,d statements through the LRS in %.1f s%n", lrsIngest.items(), lrsIngest.wallSeconds());

        // Ceiling: the very documents the LRS stored, inserted again with the driver, same batch size
        // and concurrency. Up to 200,000 statements are read before the clock starts, so reading costs the ceiling
        // nothing; beyond that one reader streams them through a small queue, so a 1M run fits the client's heap.
        Latencies direct = new Latencies(batches);
        boolean streamed = statements > 200_000;
        java.util.concurrent.BlockingQueue<List<Document>> chunks = streamed
                ? new java.util.concurrent.ArrayBlockingQueue<>(4 * concurrency) : new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> readFailure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            List<Document> chunk = new ArrayList<>(BATCH);
            try {
                for (Document d : lrsStatements.find().batchSize(1000)) {
                    chunk.add(d);
                    if (chunk.size() == BATCH) {
                        chunks.put(chunk);
                        chunk = new ArrayList<>(BATCH);
                    }
                }
            } catch (RuntimeException e) {
                readFailure.set(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                for (int t = 0; t < concurrency; t++) {
                    chunks.put(List.of()); // one end mark per worker
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ceiling-reader");
        reader.start();
        if (!streamed) {
            reader.join();
        }
        collectStoreGarbage();
        long[] directBefore = cpu();
        runConcurrently(concurrency, concurrency, direct, worker -> {
            try {
                for (List<Document> docs = chunks.take(); !docs.isEmpty(); docs = chunks.take()) {
                    long start = System.nanoTime();
                    ceiling.insertMany(docs, new InsertManyOptions().ordered(true));
                    direct.record(System.nanoTime() - start, docs.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        long[] directAfter = cpu();
        if (readFailure.get() != null) {
            throw new IllegalStateException("reading the stored statements for the direct insert failed", readFailure.get());
        }
        mongo.getDatabase(CEILING).drop();
        Map<String, Object> entry = result("batch POST (100 statements)", lrsIngest, direct, "statements/s");
        putCpu(entry, "", cpuBefore, cpuAfter, lrsIngest.items());
        putCpu(entry, "direct_", directBefore, directAfter, direct.items());
    }

    private void singlePosts() throws Exception {
        StatementGenerator.Pool pool = new StatementGenerator.Pool(7, 2_000);
        int clients = 32;
        int requests = Math.max(2_000, Math.min(statements / 10, 10_000));
        warmUp(WARM_UP_SINGLE, clients, i -> post("/xapi/statements", pool.statement()));
        Latencies single = new Latencies(requests);
        collectStoreGarbage();
        long[] cpuBefore = cpu();
        runConcurrently(requests, clients, single, i -> {
            String body = pool.statement();
            long start = System.nanoTime();
            HttpResponse<String> response = post("/xapi/statements", body);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("single POST: " + response.statusCode() + " " + response.body());
            }
            single.record(System.nanoTime() - start, 1);
        });
        putCpu(result("single POST (32 clients)", single, null, "statements/s"), "", cpuBefore, cpu(), single.items());
        pacedSinglePosts(pool, clients, requests);
    }

    /**
     * The same 32 clients, each sending one statement every 100 ms (320 statements/s in all, some thirty times what a
     * practice's learners send at its busiest), so latency is measured below saturation. Each latency counts from when
     * the statement was due, so a slow response also delays the clock of the next (no coordinated omission).
     */
    private void pacedSinglePosts(StatementGenerator.Pool pool, int clients, int requests) throws Exception {
        long interval = java.time.Duration.ofMillis(100).toNanos();
        int perClient = Math.max(50, requests / clients);
        Latencies paced = new Latencies(perClient * clients);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime() + interval;
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long offset = c * interval / clients;
            workers.add(threads.submit(() -> {
                for (int k = 0; k < perClient; k++) {
                    long due = start + offset + k * interval;
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                    HttpResponse<String> response = post("/xapi/statements", pool.statement());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("paced single POST: " + response.statusCode() + " " + response.body());
                    }
                    paced.record(System.nanoTime() - due, 1);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        threads.shutdown();
        paced.wall(System.nanoTime() - start);
        result("single POST (32 clients, 10/s each)", paced, null, "statements/s");
    }

    private void queries(MongoCollection<Document> lrsStatements) {
        int repetitions = statements >= 500_000 ? 5 : 20;
        String agent = "{\"mbox\":\"" + StatementGenerator.learnerMbox(17) + "\"}";
        String module = StatementGenerator.moduleIri(0);
        String since = "2020-01-01T00:00:00.000Z";
        query("GET by agent", Map.of("agent", agent), new Document("voided", false).append("facets",
                new Document("$elemMatch", new Document("agents", "mbox|" + StatementGenerator.learnerMbox(17)))),
                repetitions, lrsStatements);
        query("GET by activity, related_activities", Map.of("activity", module, "related_activities", "true"),
                new Document("voided", false).append("facets", new Document("$elemMatch",
                        new Document("relatedActivities", module))), repetitions, lrsStatements);
        query("GET by verb + since", Map.of("verb", StatementGenerator.VERBS[3][0], "since", since),
                new Document("voided", false).append("facets", new Document("$elemMatch",
                                new Document("verb", StatementGenerator.VERBS[3][0])))
                        .append("stored", new Document("$gt", java.util.Date.from(java.time.Instant.parse(since)))),
                repetitions, lrsStatements);
    }

    /**
     * One query shape through the LRS and directly, alternating run by run so that whatever else the machine or the
     * store is doing (JIT, GC after the ingest) weighs on both sides alike.
     */
    private void query(String name, Map<String, String> params, Document filter, int repetitions,
                       MongoCollection<Document> lrsStatements) {
        Document sort = new Document("stored", -1).append("_id", -1);
        Runnable viaLrsOnce = () -> {
            HttpResponse<String> response = get("/xapi/statements", params);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + response.statusCode() + " " + response.body());
            }
        };
        Runnable directOnce = () -> {
            List<Document> page = lrsStatements.find(filter).sort(sort).limit(101)
                    .projection(Projections.include("json", "stored", "attachments")).into(new ArrayList<>(101));
            if (page.isEmpty()) {
                throw new IllegalStateException(name + ": the direct query found nothing");
            }
        };
        for (int i = 0; i < 3; i++) { // warm both paths up before timing either
            viaLrsOnce.run();
            directOnce.run();
        }
        Latencies viaLrs = new Latencies(repetitions);
        Latencies direct = new Latencies(repetitions);
        long lrsWall = 0;
        long directWall = 0;
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            viaLrsOnce.run();
            long lrsTime = System.nanoTime() - start;
            viaLrs.record(lrsTime, 1);
            start = System.nanoTime();
            directOnce.run();
            long directTime = System.nanoTime() - start;
            direct.record(directTime, 1);
            lrsWall += lrsTime;
            directWall += directTime;
        }
        viaLrs.wall(lrsWall);
        direct.wall(directWall);
        result(name, viaLrs, direct, "queries/s");
    }

    /** Follows `more` links through 10,000 statements (100 pages), timing each page. */
    private void paging(MongoCollection<Document> lrsStatements) throws Exception {
        int pages = Math.min(100, statements / BATCH - 1);
        Latencies all = new Latencies(pages);
        double[] perPage = new double[pages];
        long wallStart = System.nanoTime();
        HttpResponse<String> response = get("/xapi/statements", Map.of("limit", "100"));
        String more = null;
        for (int page = 0; page < pages; page++) {
            long start = System.nanoTime();
            response = page == 0 ? response : get(more, Map.of());
            long elapsed = System.nanoTime() - start;
            if (page == 0) {
                long again = System.nanoTime();
                response = get("/xapi/statements", Map.of("limit", "100"));
                elapsed = System.nanoTime() - again;
            }
            all.record(elapsed, 100);
            perPage[page] = elapsed / 1e6;
            more = XapiJson.MAPPER.readTree(response.body()).get("more").asString();
        }
        all.wall(System.nanoTime() - wallStart);
        // Direct: the same keyset query for the first and the last page.
        Document sort = new Document("stored", -1).append("_id", -1);
        Latencies direct = new Latencies(pages);
        Document after = null;
        long directStart = System.nanoTime();
        for (int page = 0; page < pages; page++) {
            Document filter = new Document("voided", false);
            if (after != null) {
                filter.append("$or", List.of(new Document("stored", new Document("$lt", after.getDate("stored"))),
                        new Document("stored", after.getDate("stored")).append("_id", new Document("$lt", after.getString("_id")))));
            }
            long start = System.nanoTime();
            List<Document> docs = lrsStatements.find(filter).sort(sort).limit(101)
                    .projection(Projections.include("json", "stored")).into(new ArrayList<>());
            direct.record(System.nanoTime() - start, 100);
            after = docs.get(Math.min(99, docs.size() - 1));
        }
        direct.wall(System.nanoTime() - directStart);
        Map<String, Object> entry = result("more paging, 100 pages of 100", all, direct, "statements/s");
        int tenth = Math.max(1, pages / 10);
        entry.put("first_10pct_mean_ms", mean(perPage, 0, tenth));
        entry.put("last_10pct_mean_ms", mean(perPage, pages - tenth, pages));
        entry.put("last_over_first", (double) entry.get("last_10pct_mean_ms") / (double) entry.get("first_10pct_mean_ms"));
    }

    private void documents(MongoClient mongo) throws Exception {
        int operations = 2_000;
        Latencies put = new Latencies(operations);
        Latencies getDoc = new Latencies(operations);
        runConcurrently(operations, concurrency, put, i -> {
            String query = "?activityId=" + enc(StatementGenerator.moduleIri(i % 12)) + "&agent="
                    + enc("{\"mbox\":\"" + StatementGenerator.learnerMbox(i) + "\"}") + "&stateId=resume";
            long start = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(lrs.resolve("/xapi/activities/state" + query))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"lesson\":" + i + ",\"answers\":{\"q1\":[\"b\"]}}")));
            if (response.statusCode() != 204) {
                throw new IllegalStateException("state PUT: " + response.statusCode() + " " + response.body());
            }
            put.record(System.nanoTime() - start, 1);
        });
        runConcurrently(operations, concurrency, getDoc, i -> {
            String query = "?activityId=" + enc(StatementGenerator.moduleIri(i % 12)) + "&agent="
                    + enc("{\"mbox\":\"" + StatementGenerator.learnerMbox(i) + "\"}") + "&stateId=resume";
            long start = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(lrs.resolve("/xapi/activities/state" + query)).GET());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("state GET: " + response.statusCode());
            }
            getDoc.record(System.nanoTime() - start, 1);
        });
        // Direct: the same documents read and replaced by _id with the driver.
        MongoCollection<Document> docs = mongo.getDatabase(DATABASE).getCollection("documents");
        List<Object> ids = docs.find().batchSize(1000).projection(Projections.include("_id")).map(d -> d.get("_id"))
                .into(new ArrayList<>());
        Latencies directPut = new Latencies(ids.size());
        Latencies directGet = new Latencies(ids.size());
        runConcurrently(ids.size(), concurrency, directGet, i -> {
            long start = System.nanoTime();
            docs.find(new Document("_id", ids.get(i))).first();
            directGet.record(System.nanoTime() - start, 1);
        });
        runConcurrently(ids.size(), concurrency, directPut, i -> {
            Document d = docs.find(new Document("_id", ids.get(i))).first();
            long start = System.nanoTime();
            docs.replaceOne(new Document("_id", ids.get(i)), d);
            directPut.record(System.nanoTime() - start, 1);
        });
        result("state PUT", put, directPut, "documents/s");
        result("state GET", getDoc, directGet, "documents/s");
    }

    // ---- plumbing

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(lrs.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> get(String path, Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(enc(k)).append('=').append(enc(v)));
        return send(HttpRequest.newBuilder(lrs.resolve(path + query)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("X-Experience-API-Version", "1.0.3").header("Authorization", authorization)
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the task on {@code threads} threads until {@code duration} has passed; returns how many tasks ran. */
    private static int warmUp(java.time.Duration duration, int threads, IntConsumer task) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    task.accept(next.getAndIncrement());
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return next.get();
    }

    /** Runs {@code tasks} tasks on {@code threads} threads and records the wall time on {@code latencies}. */
    private static void runConcurrently(int tasks, int threads, Latencies latencies, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < tasks) {
                    task.accept(i);
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        latencies.wall(System.nanoTime() - start);
        pool.shutdown();
    }

    private Map<String, Object> result(String name, Latencies lrsSide, Latencies direct, String unit) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("operations", lrsSide.count());
        entry.put("unit", unit);
        entry.put("throughput", lrsSide.throughput());
        entry.put("p50_ms", lrsSide.percentileMillis(50));
        entry.put("p95_ms", lrsSide.percentileMillis(95));
        entry.put("p99_ms", lrsSide.percentileMillis(99));
        if (direct != null) {
            entry.put("direct_throughput", direct.throughput());
            entry.put("direct_p50_ms", direct.percentileMillis(50));
            entry.put("direct_p95_ms", direct.percentileMillis(95));
            entry.put("direct_p99_ms", direct.percentileMillis(99));
            entry.put("throughput_vs_direct", lrsSide.throughput() / direct.throughput());
            entry.put("p50_vs_direct", lrsSide.percentileMillis(50) / direct.percentileMillis(50));
        }
        results.put(name, entry);
        return entry;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / Math.max(1, to - from);
    }

    private void report() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n| operation | LRS throughput | p50 ms | p95 ms | p99 ms | direct p50 ms | LRS/direct time (p50) | LRS/direct throughput |%n"));
        table.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        results.forEach((name, r) -> table.append(String.format(Locale.ROOT, "| %s | %,.0f %s | %.1f | %.1f | %.1f | %s | %s | %s |%n",
                name, (double) r.get("throughput"), r.get("unit"), (double) r.get("p50_ms"), (double) r.get("p95_ms"),
                (double) r.get("p99_ms"), fmt(r.get("direct_p50_ms")), fmt(r.get("p50_vs_direct")),
                fmt(r.get("throughput_vs_direct")))));
        Map<String, Object> ingest = results.get("batch POST (100 statements)");
        if (ingest != null) {
            table.append(String.format(Locale.ROOT, "%nCPU per statement, batch ingest: LRS %.0f us + store %.0f us + load client "
                            + "%.0f us; direct insert: store %.0f us + load client %.0f us%n",
                    (double) ingest.get("lrs_cpu_us_per_item"), (double) ingest.get("store_cpu_us_per_item"),
                    (double) ingest.get("client_cpu_us_per_item"), (double) ingest.get("direct_store_cpu_us_per_item"),
                    (double) ingest.get("direct_client_cpu_us_per_item")));
        }
        Map<String, Object> single = results.get("single POST (32 clients)");
        if (single != null) {
            table.append(String.format(Locale.ROOT, "%nCPU per single POST: LRS %.0f us + store %.0f us + load client %.0f us%n",
                    (double) single.get("lrs_cpu_us_per_item"), (double) single.get("store_cpu_us_per_item"),
                    (double) single.get("client_cpu_us_per_item")));
        }
        Map<String, Object> paging = results.get("more paging, 100 pages of 100");
        if (paging != null) {
            table.append(String.format(Locale.ROOT, "%nmore paging: first 10%% of pages %.1f ms, last 10%% %.1f ms (ratio %.2f)%n",
                    (double) paging.get("first_10pct_mean_ms"), (double) paging.get("last_10pct_mean_ms"),
                    (double) paging.get("last_over_first")));
        }
        System.out.println(table);
        ObjectNode json = XapiJson.MAPPER.createObjectNode();
        json.put("date", LocalDate.now().toString());
        json.put("statements", statements);
        json.put("batch", BATCH);
        json.put("connections", concurrency);
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("lrs_heap", "-Xmx512m");
        json.set("results", XapiJson.MAPPER.valueToTree(results));
        JsonNode gc = gcSummary("lrs-gc.log");
        json.set("store_gc", gcSummary("store-gc.log"));
        json.set("lrs_gc", gc);
        Files.writeString(out.resolve("results.json"), json.toPrettyString());
        Files.writeString(out.resolve("results.md"), table.toString());
        System.out.println("GC in the LRS: " + gc + "\nwritten: " + out.resolve("results.json") + ", " + out.resolve("results.md"));
    }

    /** Pauses and their total from the LRS's GC log, to show there was no GC thrash. */
    private JsonNode gcSummary(String file) throws IOException {
        Path log = out.resolve(file);
        ObjectNode gc = XapiJson.MAPPER.createObjectNode();
        if (!Files.exists(log)) {
            return gc;
        }
        int pauses = 0;
        double total = 0;
        double longest = 0;
        int full = 0;
        for (String line : Files.readAllLines(log)) {
            int ms = line.lastIndexOf("ms");
            if (line.contains("Pause") && ms > 0) {
                String number = line.substring(line.lastIndexOf(' ', ms - 1) + 1, ms);
                try {
                    double value = Double.parseDouble(number);
                    pauses++;
                    total += value;
                    longest = Math.max(longest, value);
                    if (line.contains("Pause Full")) {
                        full++;
                    }
                } catch (NumberFormatException ignored) {
                    // not a pause line with a duration
                }
            }
        }
        gc.put("pauses", pauses);
        gc.put("full_gcs", full);
        gc.put("total_pause_ms", Math.round(total));
        gc.put("longest_pause_ms", longest);
        return gc;
    }

    private static String fmt(Object value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", (double) value);
    }
}
