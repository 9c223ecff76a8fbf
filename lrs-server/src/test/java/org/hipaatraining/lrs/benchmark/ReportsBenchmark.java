package org.hipaatraining.lrs.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.time.ZoneOffset;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hipaatraining.lrs.support.AdminSignIn;

/**
 * The admin reports at scale (docs/performance.md, "Reports"): loads N statements into an LRS started with
 * {@code -Xmx512m}, then times the statement explorer's first and next page and each filter, a statement's page, the
 * insights page, and the NDJSON and CSV export of every statement (rate, and the LRS's heap from its GC log while
 * exporting).
 * <p>
 * Arguments: a number of statements (default 100,000); {@code --store-uri URI} for a running MongoDB (the
 * {@code lrs_reports_benchmark} database is emptied first), {@code --memory-store} to start mongo-java-server's memory
 * backend in its own JVM and use it through that path; neither: the embedded SQLite store, in a fresh data folder.
 * {@code --reuse-data PATH} measures an embedded store an earlier run loaded (the compliance scale benchmark's
 * {@code --data-dir}, with its roster of 10,000) instead of loading one: the number given is then only the label.
 */
public final class ReportsBenchmark {

    private static final String KEY = "bench";
    private static final String SECRET = "bench-secret-123";
    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final String DATABASE = "lrs_reports_benchmark";
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final int statements;
    private final String storeUri;
    private final boolean memoryStore;
    private final Path reuseData;
    private final Path out = Path.of("target", "reports-benchmark");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).build();
    private final Map<String, String> rows = new LinkedHashMap<>();
    private Process lrsProcess;
    private Process storeProcess;
    private URI lrs;

    private ReportsBenchmark(int statements, String storeUri, boolean memoryStore, Path reuseData) {
        this.reuseData = reuseData;
        this.statements = statements;
        this.storeUri = storeUri;
        this.memoryStore = memoryStore;
    }

    public static void main(String[] rawArgs) throws Exception {
        String[] args = String.join(" ", rawArgs).trim().split("\\s+");
        int statements = 100_000;
        String storeUri = null;
        boolean memory = false;
        Path reuse = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "" -> { }
                case "--store-uri" -> storeUri = args[++i];
                case "--memory-store" -> memory = true;
                case "--reuse-data" -> reuse = Path.of(args[++i]);
                default -> statements = Integer.parseInt(args[i].replace("_", "").replace(",", ""));
            }
        }
        ReportsBenchmark benchmark = new ReportsBenchmark(statements, storeUri, memory, reuse);
        try {
            benchmark.run();
        } finally {
            benchmark.stop();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        String uri = storeUri;
        if (memoryStore) {
            uri = startMemoryStore();
        }
        startLrs(uri);
        String store = uri == null ? "embedded SQLite store" : memoryStore ? "mongo-java-server (memory) via --store-uri" : uri;
        System.out.printf("Reports benchmark: %,d statements; store %s; LRS -Xmx512m%n", statements, store);
        if (reuseData == null) {
            load();
        }
        signIn();
        String person = createPerson();
        timeReports(person);
        exportAll("NDJSON export, every statement", "/api/reports/statements/export.ndjson");
        exportAll("CSV export, every statement", "/api/reports/statements/export.csv");
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n%,d statements, %s, %s%n%n| operation | result |%n| --- | --- |%n", statements, store, LocalDate.now()));
        rows.forEach((name, value) -> table.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        System.out.println(table);
        Files.writeString(out.resolve("results-" + statements + (uri == null ? "-embedded" : "-store-uri") + ".md"), table.toString());
    }

    // ---- processes

    private String startMemoryStore() throws IOException {
        List<String> command = List.of(javaBin(), statements > 200_000 ? "-Xmx16g" : "-Xmx8g", "-cp",
                System.getProperty("java.class.path"), StoreMain.class.getName());
        storeProcess = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(storeProcess.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return line.substring(6) + "/?connectTimeoutMS=120000";
            }
        }
        throw new IllegalStateException("the store process did not start");
    }

    private void startLrs(String uri) throws Exception {
        File jar = new File("target/lrs-server.jar");
        if (!jar.exists()) {
            throw new IllegalStateException("build the server first: mvn -B -q package -DskipTests");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.deleteIfExists(out.resolve("lrs-gc.log"));
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-XX:+UseG1GC",
                "-Xlog:gc:file=" + out.resolve("lrs-gc.log").toAbsolutePath(), "-jar", jar.getPath(), "--server.port=" + port,
                "--lrs.bootstrap.client-key=" + KEY, "--lrs.bootstrap.client-secret=" + SECRET,
                "--lrs.bootstrap.client-name=Benchmark Moodle",
                "--lrs.bootstrap.admin-password=" + ADMIN_PASSWORD, "--logging.level.root=warn",
                "--lrs.packages.build-at-startup=false", "--lrs.backup.enabled=false",
                // the benchmark signs in many times from one address
                "--lrs.security.sign-in.address-max-failures=1000000"));
        if (uri != null) {
            try (var mongo = com.mongodb.client.MongoClients.create(uri)) {
                mongo.getDatabase(DATABASE).drop();
            }
            command.add("--spring.mongodb.uri=" + LrsBenchmark.withDatabase(uri, DATABASE));
        } else if (reuseData != null) {
            command.add("--lrs.data-dir=" + reuseData.toAbsolutePath());
        } else {
            Path data = out.resolve("data");
            if (Files.exists(data)) {
                try (var files = Files.walk(data)) {
                    files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
            command.add("--lrs.data-dir=" + data.toAbsolutePath());
        }
        lrsProcess = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("lrs.log").toFile()).start();
        lrs = URI.create("http://127.0.0.1:" + port);
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (send("GET", "/xapi/about", null, xapiAuth()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the LRS did not start; see " + out.resolve("lrs.log"));
    }

    private void stop() {
        for (Process p : new Process[] {lrsProcess, storeProcess}) {
            if (p != null) {
                p.destroy();
                try {
                    if (!p.waitFor(10, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                }
            }
        }
    }

    // ---- load

    private void load() throws Exception {
        StatementGenerator.Pool pool = new StatementGenerator.Pool(42, 4_000);
        int batches = statements / 100;
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            running.add(workers.submit(() -> {
                while (next.getAndIncrement() < batches) {
                    String batch = pool.batch(100);
                    HttpResponse<String> response = null;
                    for (int attempt = 1; response == null || (attempt <= 3 && response.statusCode() >= 500); attempt++) {
                        try {
                            response = send("POST", "/xapi/statements", batch, xapiAuth());
                        } catch (IOException e) {
                            // on a machine this loaded a connection now and then fails to open: send the batch again
                            if (attempt >= 5) {
                                throw e;
                            }
                            Thread.sleep(200);
                            continue;
                        }
                        if (response.statusCode() >= 500) {
                            System.out.println("batch POST " + response.statusCode() + ", sent again: " + response.body());
                        }
                    }
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("batch POST: " + response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        workers.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        rows.put("load: batch POST of 100 (8 connections), statements and insights counted as they arrive",
                String.format(Locale.ROOT, "%,d statements in %.1f s (%,.0f statements/s)", statements, seconds, statements / seconds));
    }

    private String createPerson() throws Exception {
        String email = StatementGenerator.learnerMbox(17).substring("mailto:".length());
        if (reuseData != null) {
            // the scale benchmark's roster has everyone the generator names: find learner 17 there
            HttpResponse<String> roster = send("GET", "/api/roster/people", null, adminAuth());
            Matcher found = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"[^{}]*?\"email\"\\s*:\\s*\"" + Pattern.quote(email) + "\"")
                    .matcher(roster.body());
            if (!found.find()) {
                throw new IllegalStateException("roster: " + email + " is not on the reused store's roster");
            }
            return found.group(1);
        }
        HttpResponse<String> created = send("POST", "/api/roster/people",
                "{\"name\":\"Learner Seventeen\",\"email\":\"" + email + "\",\"roles\":[\"front-desk\"]}", adminAuth());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("roster: " + created.statusCode() + " " + created.body());
        }
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (!id.find()) {
            throw new IllegalStateException("roster: no id in " + created.body());
        }
        return id.group(1);
    }

    // ---- reports

    private void timeReports(String person) throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        // a registration that was stored (the generator's pool holds 4,000 statements, not every learner and module)
        HttpResponse<String> one = send("GET", "/api/reports/statements?limit=1", null, adminSession());
        Matcher reg = Pattern.compile("\"registration\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(one.body());
        String registration = reg.find() ? reg.group(1) : StatementGenerator.registration(17, 0);
        HttpResponse<String> first = timed("explorer, first page (no filter)", "/admin/statements");
        Matcher older = Pattern.compile("id=\"older\" href=\"([^\"]+)\"").matcher(first.body());
        if (!older.find()) {
            older = Pattern.compile("href=\"([^\"]+)\"[^>]*id=\"older\"").matcher(first.body());
            if (!older.find()) {
                throw new IllegalStateException("no next page link on the explorer's first page");
            }
        }
        timed("explorer, next page", older.group(1).replace("&amp;", "&"));
        String id = firstStatementId(first.body());
        timed("a statement's page", "/admin/statements/" + id);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("person (a roster person)", "person=" + person);
        filters.put("actor (email)", "actor=" + enc(StatementGenerator.learnerMbox(17).substring(7)));
        filters.put("verb (passed)", "verb=passed");
        filters.put("module (privacy)", "module=privacy");
        filters.put("module with related activities", "module=privacy&related=true");
        filters.put("registration (a few statements)", "registration=" + registration);
        filters.put("source (client key)", "source=" + KEY);
        filters.put("stored from/to (today)", "from=" + today + "&to=" + today);
        filters.put("voided only (none)", "voided=only");
        filters.put("actor + verb + module", "actor=" + enc(StatementGenerator.learnerMbox(17).substring(7)) + "&verb=answered&module=privacy");
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            timed("explorer, " + filter.getKey(), "/admin/statements?" + filter.getValue());
        }
        timed("insights page (privacy, everyone, 12 months)", "/admin/insights?module=privacy");
        timed("insights page (privacy, front desk)", "/admin/insights?module=privacy&role=front-desk");
    }

    private static String firstStatementId(String html) {
        Matcher m = Pattern.compile("data-statement=\"([0-9a-f-]{36})\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no statement on the explorer's first page");
        }
        return m.group(1);
    }

    /** One warm-up, then five timed requests: the median and the slowest. */
    private HttpResponse<String> timed(String name, String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null, adminSession());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + ": " + response.statusCode() + " " + response.body());
        }
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            response = send("GET", path, null, adminSession());
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        int lines = count(response.body(), "data-statement=\"");
        rows.put(name, String.format(Locale.ROOT, "p50 %.0f ms, slowest %.0f ms%s", ms[2], ms[4],
                path.startsWith("/admin/statements") && !path.startsWith("/admin/statements/") ? " (" + lines + " lines)" : ""));
        System.out.println(name + ": " + rows.get(name));
        return response;
    }

    private void exportAll(String name, String path) throws Exception {
        long gcLinesBefore = gcLines().size();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request("GET", path, null, adminSession()), HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = body.read(buffer)) > 0) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long exported = path.endsWith(".csv") ? lines - 2 : lines - 1; // comment and header / the first line
        List<String> gc = gcLines();
        int peak = 0;
        int live = Integer.MAX_VALUE;
        int liveMax = 0;
        int committed = 0;
        int collections = 0;
        for (String line : gc.subList((int) Math.min(gcLinesBefore, gc.size()), gc.size())) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                collections++;
                peak = Math.max(peak, Integer.parseInt(m.group(1)));
                live = Math.min(live, Integer.parseInt(m.group(2)));
                liveMax = Math.max(liveMax, Integer.parseInt(m.group(2)));
                committed = Math.max(committed, Integer.parseInt(m.group(3)));
            }
        }
        rows.put(name, String.format(Locale.ROOT, "%,d statements, %,.0f MB in %.1f s: %,.0f statements/s; LRS heap while "
                        + "exporting: %d collections, heap after each %d-%d MB, at most %d MB used before one (%d MB committed)",
                exported, bytes / 1e6, seconds, exported / seconds, collections, collections == 0 ? 0 : live, liveMax, peak, committed));
        System.out.println(name + ": " + rows.get(name));
        // a reused store may hold a few more (the scale benchmark's "after a change" posts)
        if (response.statusCode() != 200 || (reuseData == null ? exported != statements : exported < statements)) {
            throw new IllegalStateException(name + ": status " + response.statusCode() + ", " + exported + " statements");
        }
    }

    private List<String> gcLines() throws IOException {
        Path log = out.resolve("lrs-gc.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    // ---- HTTP

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws IOException {
        try {
            return http.send(request(method, path, body, authorization), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private HttpRequest request(String method, String path, String body, String authorization) {
        // pages and exports: the admin's session cookie, as a signed-in browser sends, so that a page's time is the
        // page's and not one bcrypt check of the password per request (HTTP Basic); xAPI and the roster POST: Basic
        HttpRequest.Builder builder = HttpRequest.newBuilder(lrs.resolve(path))
                .header(authorization.startsWith("JSESSIONID=") ? "Cookie" : "Authorization", authorization)
                .header("X-Experience-API-Version", "1.0.3").timeout(java.time.Duration.ofMinutes(30));
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static String xapiAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    }

    /** The admin's session, signed in once through the sign-in form (with its CSRF token) before the pages are timed. */
    private String adminCookie;

    private void signIn() throws IOException {
        adminCookie = AdminSignIn.sessionCookie(http, lrs, "admin", ADMIN_PASSWORD);
        HttpResponse<String> check = send("GET", "/api/reports/statements?limit=1", null, adminCookie);
        if (check.statusCode() != 200) {
            throw new IllegalStateException("the session does not authenticate: " + check.statusCode());
        }
    }

    private String adminSession() {
        return adminCookie;
    }

    private static String adminAuth() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
