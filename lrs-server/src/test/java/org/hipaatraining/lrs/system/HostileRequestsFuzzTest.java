package org.hipaatraining.lrs.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.hipaatraining.lrs.auth.ClientService;
import org.hipaatraining.lrs.auth.Scope;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.TestMongo;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Thousands of generated malformed and hostile requests ({@link HostileRequests}) against the really started server,
 * over raw sockets (so nothing a usual client would refuse is left out). Fails on any 5xx, on a request not answered
 * within {@link #HANG} (a hang), on a thread that dies or an out-of-memory or stack overflow anywhere in the log, on a
 * 4xx whose message names a Java type, and if the server is not healthy afterwards.
 * <p>
 * The normal build sends {@value #DEFAULT_REQUESTS} (about half a minute); {@code -Dfuzz.requests=50000}, or the Maven
 * profile {@code fuzz} (docs/security.md), sends more. Seeded: the seed is printed, {@code -Dfuzz.seed=S} repeats a run and
 * {@code -Dfuzz.seed=S -Dfuzz.only=I} sends only request I of it. Own server and database: the run changes data.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsFuzzTest extends LrsIntegrationTest {

    static final int DEFAULT_REQUESTS = 2_500;
    private static final int HANG = 30_000;
    private static final int WORKERS = 4;
    private static final Pattern JAVA_NAMES = Pattern.compile("\\b(?:java|javax|jakarta|tools\\.jackson|com\\.fasterxml"
            + "|org\\.springframework|org\\.hipaatraining|org\\.apache|org\\.bson|com\\.mongodb)\\.[a-z]+|\\b[A-Z]\\w*Exception\\b");
    private static final Pattern FATAL_LOG = Pattern.compile("java.lang.OutOfMemoryError|java.lang.StackOverflowError|Exception in thread");

    @DynamicPropertySource
    static void ownServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("lrs-fuzz"));
    }

    @Autowired
    ClientService clients;

    private record Outcome(HostileRequests.Request request, int status, String problem) {
    }

    private final Map<String, java.util.concurrent.atomic.AtomicLong> millisByFamily = new ConcurrentHashMap<>();

    @Test
    void hostileRequestsGetA4xxNeverA5xxAHangOrADeadThread(CapturedOutput log) throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
        Integer only = Integer.getInteger("fuzz.only");
        System.out.println("Fuzz seed " + seed + ", " + (only == null ? requests + " requests" : "only request " + only)
                + " (repeat: -Dfuzz.seed=" + seed + ")");
        List<Throwable> threadDeaths = Collections.synchronizedList(new ArrayList<>());
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> threadDeaths.add(e));

        HostileRequests generator = new HostileRequests(seed, targets());
        Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
        List<Outcome> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            for (int i = only == null ? 0 : only; i < (only == null ? requests : only + 1); i++) {
                int index = i;
                workers.submit(() -> {
                    HostileRequests.Request request = generator.request(index);
                    long sent = System.nanoTime();
                    Outcome outcome = send(request);
                    millisByFamily.computeIfAbsent(request.family(), f -> new java.util.concurrent.atomic.AtomicLong())
                            .addAndGet((System.nanoTime() - sent) / 1_000_000);
                    statuses.computeIfAbsent(request.family(), f -> new ConcurrentHashMap<>())
                            .computeIfAbsent(outcome.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (outcome.problem() != null) {
                        failures.add(outcome);
                    }
                });
            }
            workers.shutdown();
            assertThat(workers.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        System.out.println("Fuzz: " + (only == null ? requests : 1) + " requests in " + seconds + " s, seed " + seed);
        new TreeMap<>(statuses).forEach((family, counts) -> System.out.println("  " + family + " " + new TreeMap<>(counts)
                + ", " + millisByFamily.get(family) + " ms in all"));
        failures.sort((a, b) -> Integer.compare(a.request().index(), b.request().index()));
        failures.stream().limit(20).forEach(f -> System.out.println("FAILED " + f.problem() + ": " + f.request().describe()
                + "\n  repeat: -Dfuzz.seed=" + seed + " -Dfuzz.only=" + f.request().index()));
        assertThat(failures).as("requests answered with a 5xx, not at all, or naming Java types (seed %d)", seed)
                .extracting(f -> f.problem() + " " + f.request().describe()).isEmpty();
        assertThat(threadDeaths).as("threads that died").isEmpty();
        assertThat(FATAL_LOG.matcher(log.getAll()).find()).as("an OutOfMemoryError, StackOverflowError or dead thread in the log")
                .isFalse();
        stillHealthy();
    }

    /** What the run aims at: real records and credentials, so requests get past the first checks. */
    private HostileRequests.Targets targets() throws IOException {
        ClientService.IssuedCredential fuzzClient = clients.create("fuzz " + UUID.randomUUID(), EnumSet.of(Scope.ALL));
        String xapiAuth = basic(fuzzClient.key(), fuzzClient.secret());
        XapiHttp admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        var person = admin.postJson("/api/roster/people", "{\"name\":\"Fuzz Target\",\"email\":\"fuzz-target-"
                + UUID.randomUUID() + "@clinic.example\",\"roles\":[\"everyone\"]}");
        String personId = XapiHttp.json(person).get("id").asString();
        String mbox = XapiHttp.uniqueMbox();
        String activity = Statements.activityId();
        String statementId = null;
        for (int i = 0; i < 3; i++) {
            statementId = XapiHttp.json(xapi.postJson("/xapi/statements", Statements.completed(mbox, activity))).get(0).asString();
        }
        String more = XapiHttp.json(xapi.get("/xapi/statements", XapiHttp.params("agent", Statements.agent(mbox), "limit", "1")))
                .get("more").asString();
        var registration = admin.postJson("/api/cmi5/registrations", "{\"courseId\":\"module-privacy\",\"actor\":"
                + "{\"objectType\":\"Agent\",\"name\":\"Fuzz\",\"account\":{\"homePage\":\"https://clinic.example\","
                + "\"name\":\"fuzz-" + UUID.randomUUID() + "\"}}}");
        assertThat(registration.statusCode()).as(registration.body()).isIn(200, 201);
        String[] session = signIn();
        return new HostileRequests.Targets(xapiAuth, basic("admin", ADMIN_PASSWORD), session[0], session[1], personId,
                statementId, more.substring(more.indexOf("more=") + 5),
                XapiHttp.json(registration).get("registration").asString(), activity, Statements.agent(mbox), cmi5Zip());
    }

    /** The admin signed in through the form: the session cookie and a CSRF token from a page of that session. */
    private String[] signIn() throws IOException {
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        String base = "http://127.0.0.1:" + port;
        try {
            String login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASSWORD
                            + "&_csrf=" + csrf(login))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            String page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/admin/people")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .findFirst().orElseThrow().getValue();
            return new String[] {"JSESSIONID=" + session, csrf(page)};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String csrf(String page) {
        java.util.regex.Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    /** Sends one request over a socket, as bytes, and reads the answer to the end (the connection is closed after it). */
    private Outcome send(HostileRequests.Request request) {
        byte[] bytes = request.raw() != null ? request.raw() : bytes(request);
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(HANG);
            boolean written = true;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                written = false; // the server answered (413, 400) and closed before the whole body was sent
            }
            String response = readAll(socket.getInputStream(), started);
            if (response.isEmpty()) {
                // Refused mid-upload without a word is fair only for a body past a limit.
                return written || bytes.length < 1_000_000 ? new Outcome(request, 0, "no response at all")
                        : new Outcome(request, 0, null);
            }
            int status = status(response);
            if (status == 505 && unsupportedHttpVersion(bytes)) {
                return new Outcome(request, status, null); // what RFC 9110 prescribes for HTTP/9.9: not a failure
            }
            if (status >= 500 || status == 0) {
                return new Outcome(request, status, "status " + status + " " + excerpt(response));
            }
            if (status >= 400 && JAVA_NAMES.matcher(body(response)).find()) {
                return new Outcome(request, status, "a " + status + " naming Java types: " + excerpt(response));
            }
            return new Outcome(request, status, null);
        } catch (SocketTimeoutException e) {
            return new Outcome(request, 0, "no answer within " + HANG / 1000 + " s (hang)");
        } catch (IOException e) {
            return new Outcome(request, 0, "connection failed: " + e);
        }
    }

    private byte[] bytes(HostileRequests.Request request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.path()).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        for (String[] header : request.headers()) {
            head.append(header[0]).append(": ").append(header[1].replace("\r", " ").replace("\n", " ")).append("\r\n");
        }
        if (request.body() != null) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (request.body() != null) {
            out.writeBytes(request.body());
        }
        return out.toByteArray();
    }

    private static String readAll(InputStream in, long started) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                if (response.size() < 256 * 1024) {
                    response.write(buffer, 0, n);
                }
                if ((System.nanoTime() - started) / 1_000_000 > HANG) {
                    throw new SocketTimeoutException("still reading after " + HANG + " ms");
                }
            }
        } catch (java.net.SocketException e) {
            // reset after the server answered a request it would not read to the end
        }
        return response.toString(StandardCharsets.ISO_8859_1);
    }

    private static boolean unsupportedHttpVersion(byte[] request) {
        String line = new String(request, 0, Math.min(request.length, 200), StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
        return !line.endsWith(" HTTP/1.1") && !line.endsWith(" HTTP/1.0");
    }

    private static int status(String response) {
        if (!response.startsWith("HTTP/1.1 ") || response.length() < 12) {
            return 0;
        }
        try {
            return Integer.parseInt(response.substring(9, 12));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String body(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? "" : new String(response.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static String excerpt(String response) {
        String text = response.replace("\r\n", " | ");
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    /** Afterwards the server still answers at once, and still stores and reads statements. */
    private void stillHealthy() {
        long start = System.nanoTime();
        assertThat(xapi.anonymous().version(null).get("/xapi/about").statusCode()).isEqualTo(200);
        String mbox = XapiHttp.uniqueMbox();
        assertThat(xapi.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId())).statusCode()).isEqualTo(200);
        assertThat(XapiHttp.json(xapi.get("/xapi/statements", XapiHttp.params("agent", Statements.agent(mbox))))
                .get("statements").size()).isEqualTo(1);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to answer after the run").isLessThan(10_000);
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] cmi5Zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("cmi5.xml"));
            zip.write("""
                    <?xml version="1.0" encoding="utf-8"?>
                    <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
                      <course id="https://vendor.example/course/fuzz">
                        <title><langstring lang="en-US">Fuzz</langstring></title>
                        <description><langstring lang="en-US">Fuzz.</langstring></description>
                      </course>
                      <au id="https://vendor.example/au/1" moveOn="Passed">
                        <title><langstring lang="en-US">AU 1</langstring></title>
                        <description><langstring lang="en-US">Part 1.</langstring></description>
                        <url>au1.html</url>
                      </au>
                    </courseStructure>
                    """.getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("au1.html"));
            zip.write("<!doctype html><title>AU 1</title>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
