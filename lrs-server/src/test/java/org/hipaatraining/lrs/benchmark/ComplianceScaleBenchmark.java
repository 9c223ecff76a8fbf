package org.hipaatraining.lrs.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hipaatraining.lrs.support.AdminSignIn;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.JsonNode;

/**
 * The compliance scale benchmark (issue 14, docs/performance.md): the LRS at {@code -Xmx512m} with a roster of 10,000
 * people and 1,000,000 statements from the packaged courses' vocabulary, on the embedded store (default) or a store
 * given by {@code --store-uri} ({@code --store-uri mjs} starts mongo-java-server's memory backend in a process of its
 * own). It times what an admin and an auditor do: the overview, the people list (first and later pages, search,
 * filters), overdue and stalled lists, one person's page, the status and training-records CSVs, and the audit package
 * of the whole practice; then it checks that the kept statuses equal a recomputation from scratch.
 * <p>
 * Arguments: {@code --people N} (10,000), {@code --statements N} (1,000,000), {@code --store-uri URI|mjs},
 * {@code --embedded-sync false} (the embedded store without a sync per commit: what durability costs),
 * {@code --ingest-only} (roster and statements, no pages or reports), {@code --data-dir PATH} (the embedded store's
 * folder, default {@code target/scale-benchmark/data}, emptied first) and {@code --reuse} (keep that folder as an earlier
 * run left it and skip the roster import and the ingest: a 1,000,000-statement load is measured again in a quiet hour,
 * and the reports benchmark can be pointed at the same folder); {@code --phases audit,check} measures only those.
 */
public final class ComplianceScaleBenchmark {

    private static final String KEY = "bench";
    private static final String SECRET = "bench-secret-123";
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final int LOADS = 20;
    private static final String[] FIRST = {"Ana", "Ben", "Chloe", "David", "Elena", "Farah", "George", "Hana", "Ivan",
            "Julia", "Kofi", "Lena", "Marco", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomas", "Uma", "Victor",
            "Wen", "Ximena", "Yusuf", "Zoe"};
    private static final String[] LAST = {"Garcia", "Smith", "Nguyen", "Okafor", "Müller", "Rossi", "Kowalski", "Haddad",
            "Fischer", "Delgado", "Becker", "Lopez", "Cohen", "Silva", "Tanaka", "Ivanova", "Brown", "Reyes", "Patel",
            "O'Neil", "Dubois", "Larsen", "Novak", "Santos", "Yilmaz", "Khan", "Jensen", "Moreau", "Costa", "Weber"};
    private static final String[] ROLES = {"everyone", "front-desk", "clinical", "clinical", "billing", "it", "management"};

    private final int people;
    private final int statements;
    private final String storeArg;
    private final boolean embeddedSync;
    private final boolean ingestOnly;
    private final Path data;
    private final boolean reuse;
    /** What to measure after the load: pages, exports, audit, check (all by default). */
    private List<String> phases = List.of("pages", "exports", "audit", "check");
    private final Path out = Path.of("target", "scale-benchmark");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private Process lrsProcess;
    private Process storeProcess;
    private URI lrs;

    private ComplianceScaleBenchmark(int people, int statements, String storeArg, boolean embeddedSync, boolean ingestOnly,
            Path data, boolean reuse) {
        this.data = data == null ? out.resolve("data") : data;
        this.reuse = reuse;
        this.embeddedSync = embeddedSync;
        this.ingestOnly = ingestOnly;
        this.people = people;
        this.statements = statements;
        this.storeArg = storeArg;
    }

    public static void main(String[] rawArgs) throws Exception {
        String[] args = String.join(" ", rawArgs).trim().split("\\s+");
        int people = 10_000;
        int statements = 1_000_000;
        String store = null;
        boolean sync = true;
        boolean ingestOnly = false;
        Path data = null;
        boolean reuse = false;
        String phases = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "" -> { }
                case "--people" -> people = Integer.parseInt(args[++i]);
                case "--statements" -> statements = Integer.parseInt(args[++i]);
                case "--store-uri" -> store = args[++i];
                case "--embedded-sync" -> sync = Boolean.parseBoolean(args[++i]);
                case "--ingest-only" -> ingestOnly = true;
                case "--data-dir" -> data = Path.of(args[++i]);
                case "--reuse" -> reuse = true;
                case "--phases" -> phases = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (--people N, --statements N,"
                        + " --store-uri URI|mjs, --embedded-sync true|false, --ingest-only, --data-dir PATH, --reuse, --phases pages,exports,audit,check)");
            }
        }
        ComplianceScaleBenchmark benchmark = new ComplianceScaleBenchmark(people, statements, store, sync, ingestOnly, data, reuse);
        if (phases != null) {
            benchmark.phases = List.of(phases.split(","));
        }
        try {
            benchmark.run();
        } finally {
            benchmark.stop();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        startLrs();
        System.out.printf("Scale benchmark: %,d people, %,d statements, store %s, LRS -Xmx512m at %s%n", people, statements,
                storeArg == null ? "embedded (SQLite, every commit synced: " + embeddedSync + ")" : storeArg, lrs);
        if (reuse) {
            System.out.println("reusing the store in " + data + " as an earlier run loaded it: no roster import, no ingest");
        } else {
            importRoster();
            ingest();
        }
        settle();
        signIn(); // after the load: a session outlives a 30-minute ingest no better than a browser's would
        if (!ingestOnly) {
            if (phases.contains("pages")) {
                pages();
            }
            if (phases.contains("exports")) {
                exports();
            }
            if (phases.contains("audit")) {
                audit();
            }
            if (phases.contains("check")) {
                check();
            }
        }
        results.put("lrs_heap", heap());
        Files.writeString(out.resolve("results.json"), XapiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println(XapiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    }

    // ---- the load

    private void importRoster() {
        Random random = new Random(7);
        long start = System.nanoTime();
        LocalDate today = LocalDate.now();
        for (int from = 0; from < people; from += 1000) {
            StringBuilder csv = new StringBuilder("employee_id,name,email,roles,hire_date,supervisor\n");
            for (int i = from; i < Math.min(people, from + 1000); i++) {
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                String role = ROLES[random.nextInt(ROLES.length)];
                csv.append("E%05d,\"%s\",%s,%s,%s,\"Supervisor %03d\"\n".formatted(i, name,
                        StatementGenerator.learnerMbox(i).substring("mailto:".length()),
                        role.equals("everyone") ? role : "everyone;" + role, today.minusDays(random.nextInt(1100)), i % 150));
            }
            HttpResponse<String> response = send(request("/api/roster/import").header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("roster import: " + response.statusCode() + " " + response.body());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        results.put("roster_import", Map.of("people", people, "seconds", round(seconds)));
        System.out.printf("roster: %,d people imported in %.1f s%n", people, seconds);
    }

    private void ingest() throws Exception {
        StatementGenerator.Pool pool = new StatementGenerator.Pool(42, 40_000, people);
        int batches = statements / 100;
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < batches) {
                    postBatch(pool.batch(100));
                    if (i % 1000 == 0) {
                        System.out.printf("  %,d statements sent (%.0f s)%n", (long) i * 100, (System.nanoTime() - start) / 1e9);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        clients.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        results.put("ingest", Map.of("statements", statements, "seconds", round(seconds),
                "statements_per_s", Math.round(statements / seconds)));
        System.out.printf("ingest: %,d statements in %.0f s (%.0f/s)%n", statements, seconds, statements / seconds);
    }

    private void postBatch(String batch) {
        HttpResponse<String> response = send(request("/xapi/statements").header("Content-Type", "application/json")
                .header("X-Experience-API-Version", "1.0.3").POST(HttpRequest.BodyPublishers.ofString(batch)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("batch POST: " + response.statusCode() + " " + response.body());
        }
    }

    /** Until every accepted batch is in the records and the kept statuses. */
    private void settle() throws InterruptedException {
        long start = System.nanoTime();
        while (!get("/actuator/health").body().contains("\"unfinishedBatches\":0")) {
            Thread.sleep(500);
        }
        results.put("settle_seconds", round((System.nanoTime() - start) / 1e9));
    }

    // ---- what admins and auditors do

    private void pages() {
        String first = get("/admin/people").body();
        String next = nextLink(first);
        String later = next;
        for (int i = 0; i < 9 && later != null; i++) {
            String page = get(later).body();
            String following = nextLink(page);
            if (following == null) {
                break;
            }
            later = following;
        }
        List<String> personLinks = new ArrayList<>();
        Matcher links = Pattern.compile("href=\"(/admin/people/[A-Za-z0-9-]+)\"").matcher(first);
        while (links.find() && personLinks.size() < LOADS) {
            personLinks.add(links.group(1));
        }
        String overdue = get("/admin/overdue").body();
        time("overview /admin", i -> "/admin");
        // the overview's counts are cached until a status changes: here one statement (untimed) before each view
        StatementGenerator.Pool changes = new StatementGenerator.Pool(43, 1_000, people);
        time("overview /admin, after a change", () -> postBatch(changes.batch(1)), i -> "/admin");
        time("people, first page", i -> "/admin/people");
        time("people, 2nd page", i -> next);
        String tenth = later;
        time("people, 10th page", i -> tenth);
        time("people, search by surname", i -> "/admin/people?q=" + enc(LAST[i % LAST.length].toLowerCase(Locale.ROOT)));
        time("people, search by email", i -> "/admin/people?q=" + enc("learner" + (i * 487 % people) + "@"));
        time("people, role filter", i -> "/admin/people?role=" + ROLES[1 + i % (ROLES.length - 1)]);
        time("people, state filter (overdue)", i -> "/admin/people?state=OVERDUE");
        time("people, supervisor filter", i -> "/admin/people?supervisor=" + enc("Supervisor %03d".formatted(i % 150)));
        time("overdue, first page", i -> "/admin/overdue");
        String overdueNext = nextLink(overdue);
        if (overdueNext != null) {
            time("overdue, 2nd page", i -> overdueNext);
        }
        time("stalled, first page", i -> "/admin/stalled");
        time("one person's page", i -> personLinks.get(i % personLinks.size()));
    }

    private void exports() {
        download("status.csv (everyone)", "/api/reports/status.csv", 3);
        download("training-records.csv (six years)", "/api/reports/training-records.csv", 1);
        download("roster.csv", "/api/reports/roster.csv", 1);
    }

    private void audit() throws InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> started = send(request("/api/reports/audit-packages").POST(HttpRequest.BodyPublishers.noBody()));
        if (started.statusCode() != 202) {
            throw new IllegalStateException("audit package: " + started.statusCode() + " " + started.body());
        }
        String location = started.headers().firstValue("Location").orElseThrow();
        Double thousand = null;
        JsonNode job;
        while (true) {
            job = XapiJson.MAPPER.readTree(get(location).body());
            if (thousand == null && job.get("peopleDone").asInt() >= Math.min(1000, people)) {
                thousand = (System.nanoTime() - start) / 1e9;
            }
            if (!job.get("state").asString().matches("QUEUED|RUNNING")) {
                break;
            }
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("state", job.get("state").asString());
        entry.put("people", job.get("peopleTotal").asInt());
        entry.put("parts", job.get("parts").size());
        entry.put("bytes", job.path("bytes").asLong());
        entry.put("seconds_first_1000_people", thousand == null ? null : round(thousand));
        entry.put("seconds_all", round(seconds));
        results.put("audit package, whole practice", entry);
        System.out.printf("audit package: %s, %d parts, %,d bytes; first 1,000 people %.1f s, all %.1f s%n",
                entry.get("state"), entry.get("parts"), entry.get("bytes"), thousand, seconds);
    }

    private void check() {
        long start = System.nanoTime();
        JsonNode check = XapiJson.MAPPER.readTree(get("/api/compliance/status-check").body());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("people", check.get("people").asInt());
        entry.put("differing", check.get("differing").asInt());
        entry.put("overview_counts_agree", check.get("overviewCountsAgree").asBoolean());
        entry.put("seconds", round((System.nanoTime() - start) / 1e9));
        results.put("kept statuses vs recomputation", entry);
        System.out.printf("status check: %d of %d people differ (%.1f s)%n", check.get("differing").asInt(),
                check.get("people").asInt(), (System.nanoTime() - start) / 1e9);
    }

    // ---- measuring

    private void time(String name, java.util.function.IntFunction<String> path) {
        time(name, () -> { }, path);
    }

    /** Times LOADS views of a page, each after {@code before} (untimed). */
    private void time(String name, Runnable before, java.util.function.IntFunction<String> path) {
        get(path.apply(0)); // one untimed load: the first of a shape compiles its code paths
        long[] nanos = new long[LOADS];
        long bytes = 0;
        for (int i = 0; i < LOADS; i++) {
            before.run();
            long start = System.nanoTime();
            HttpResponse<String> response = get(path.apply(i));
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + response.statusCode() + " " + path.apply(i));
            }
            bytes += response.body().length();
        }
        java.util.Arrays.sort(nanos);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("p50_ms", round(nanos[LOADS / 2 - 1] / 1e6));
        entry.put("p95_ms", round(nanos[(int) Math.ceil(0.95 * LOADS) - 1] / 1e6));
        entry.put("max_ms", round(nanos[LOADS - 1] / 1e6));
        entry.put("kb_per_page", bytes / LOADS / 1024);
        results.put(name, entry);
        System.out.printf("%-36s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  %d KB%n", name, entry.get("p50_ms"),
                entry.get("p95_ms"), entry.get("max_ms"), bytes / LOADS / 1024);
    }

    private void download(String name, String path, int times) {
        List<Double> seconds = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            try (InputStream body = send(page(path).GET(), HttpResponse.BodyHandlers.ofInputStream()).body()) {
                bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        seconds.sort(Comparator.naturalOrder());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seconds_best", round(seconds.get(0)));
        entry.put("seconds_worst", round(seconds.get(seconds.size() - 1)));
        entry.put("megabytes", round(bytes / 1e6));
        results.put(name, entry);
        System.out.printf("%-36s %.1f s (worst %.1f s), %.1f MB%n", name, seconds.get(0), seconds.get(seconds.size() - 1), bytes / 1e6);
    }

    /** The LRS's heap from its GC log: the most it held before a collection and the most that stayed after one. */
    private Map<String, Object> heap() throws IOException {
        Pattern pause = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
        long before = 0;
        long after = 0;
        long committed = 0;
        for (String line : Files.readAllLines(out.resolve("lrs-gc.log"))) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                before = Math.max(before, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                committed = Math.max(committed, Long.parseLong(m.group(3)));
            }
        }
        return Map.of("max_used_before_gc_mb", before, "max_live_after_gc_mb", after, "max_committed_mb", committed,
                "limit_mb", 512);
    }

    private static String nextLink(String html) {
        Matcher m = Pattern.compile("href=\"([^\"]*after=[^\"]+)\"").matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    // ---- processes and HTTP

    private void startLrs() throws Exception {
        File jar = new File("target/lrs-server.jar");
        if (!jar.exists()) {
            throw new IllegalStateException("build the server first: mvn -B -q package -DskipTests");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        if (Files.exists(data) && !reuse) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + out.resolve("lrs-gc.log").toAbsolutePath(), "-jar", jar.getPath(),
                "--server.port=" + port, "--lrs.data-dir=" + data.toAbsolutePath(),
                "--lrs.bootstrap.client-key=" + KEY, "--lrs.bootstrap.client-secret=" + SECRET,
                "--lrs.bootstrap.admin-password=" + ADMIN_PASSWORD, "--logging.level.root=warn",
                "--lrs.packages.build-at-startup=false", "--lrs.backup.enabled=false"));
        command.add("--lrs.embedded-sync=" + embeddedSync);
        if (storeArg != null) {
            command.add("--spring.mongodb.uri=" + LrsBenchmark.withDatabase(storeUri(), "lrs_scale_benchmark"));
        }
        lrsProcess = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("lrs.log").toFile()).start();
        lrs = URI.create("http://127.0.0.1:" + port);
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(lrs.resolve("/xapi/about")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the LRS did not start; see " + out.resolve("lrs.log"));
    }

    private String storeUri() throws IOException {
        if (!storeArg.equals("mjs")) {
            return storeArg;
        }
        storeProcess = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx12g",
                "-cp", System.getProperty("java.class.path"), StoreMain.class.getName()).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(storeProcess.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("READY ")) {
                return line.substring(6) + "/?connectTimeoutMS=120000";
            }
        }
        throw new IllegalStateException("the store process did not start");
    }

    private void stop() {
        Stream.of(lrsProcess, storeProcess).filter(java.util.Objects::nonNull).forEach(p -> {
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(lrs.resolve(path)).timeout(Duration.ofMinutes(30)).header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString(((path.startsWith("/xapi") ? KEY + ":" + SECRET
                : ADMIN + ":" + ADMIN_PASSWORD)).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String path) {
        return send(page(path).GET());
    }

    /** The admin's session cookie, signed in once through the sign-in form: what the pages and exports are timed with. */
    private String adminCookie;

    /**
     * Signs in as a browser does (the form, with its CSRF token), so that a timed page costs the page, not one bcrypt
     * check of the password per request (HTTP Basic, about 230 ms on this machine). POSTs keep HTTP Basic (no CSRF).
     */
    private void signIn() {
        adminCookie = AdminSignIn.sessionCookie(http, lrs, ADMIN, ADMIN_PASSWORD);
    }

    /** A GET of an admin page or API with the session cookie (xAPI paths: the client's Basic credentials). */
    private HttpRequest.Builder page(String path) {
        if (adminCookie == null || path.startsWith("/xapi")) {
            return request(path);
        }
        return HttpRequest.newBuilder(lrs.resolve(path)).timeout(Duration.ofMinutes(30)).header("Cookie", adminCookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
