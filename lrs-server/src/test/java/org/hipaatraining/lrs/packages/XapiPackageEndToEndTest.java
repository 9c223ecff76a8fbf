package org.hipaatraining.lrs.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ReducedMotion;
import com.sun.net.httpserver.HttpServer;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.ModulePlayer;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole product in one run: the xAPI package an admin downloads from the LRS, played in headless Chromium by a
 * learner, sends its statements to this LRS, and the learner shows up as trained in the compliance records.
 */
class XapiPackageEndToEndTest extends LrsIntegrationTest {

    private static final String MODULE = "reminder-phishing";

    @Test
    void aLearnerPlaysTheDownloadedXapiPackageAndBecomesCompliant() throws Exception {
        XapiHttp admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        Module module = Catalogue.loadDefault().module(MODULE).orElseThrow();
        String email = "pat." + UUID.randomUUID().toString().substring(0, 8) + "@clinic.test";
        HttpResponse<String> person = admin.postJson("/api/roster/people",
                "{\"name\":\"Pat Learner\",\"email\":\"" + email + "\",\"roles\":[\"front-desk\"]}");
        assertThat(person.statusCode()).as(person.body()).isEqualTo(201);

        String fileName = "hipaa-module-" + MODULE + "-" + module.version() + "-xapi.zip";
        HttpResponse<byte[]> zip = admin.getBytes("/api/packages/" + fileName, Map.of());
        assertThat(zip.statusCode()).isEqualTo(200);
        HttpServer content = serve(unzip(zip.body()));
        try (Playwright playwright = Playwright.create();
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                     .setExecutablePath(Paths.get("/usr/bin/chromium"))
                     .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")))) {
            // no transitions: a choice mid-animation is not "stable" for a click
            Page page = browser.newPage(new Browser.NewPageOptions().setReducedMotion(ReducedMotion.REDUCE));
            String registration = UUID.randomUUID().toString();
            page.navigate("http://127.0.0.1:" + content.getAddress().getPort() + "/modules/" + MODULE + "/index.html"
                    + "?endpoint=" + enc(xapi.base() + "/xapi/")
                    + "&auth=" + enc("Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8)))
                    + "&actor=" + enc("{\"name\":[\"Pat Learner\"],\"mbox\":[\"mailto:" + email + "\"]}")
                    + "&registration=" + registration + "&activity_id=" + enc(module.iri()));
            ModulePlayer.play(page.mainFrame(), module);
            page.close(); // pagehide: terminated is sent
        } finally {
            content.stop(0);
        }

        List<JsonNode> statements = statementsOf(email);
        List<String> verbs = statements.stream().map(s -> s.get("verb").get("id").asString()).toList();
        assertThat(verbs).contains(Vocabulary.VERB_INITIALIZED, Vocabulary.VERB_EXPERIENCED, Vocabulary.VERB_ANSWERED,
                Vocabulary.VERB_PASSED, Vocabulary.VERB_COMPLETED, Vocabulary.VERB_TERMINATED);
        if (module.attestation() != null) {
            assertThat(verbs).contains(Vocabulary.VERB_ACKNOWLEDGED);
        }
        assertThat(verbs.stream().filter(Vocabulary.VERB_ANSWERED::equals)).hasSize(ModulePlayer.questionsPerAttempt(module));
        JsonNode passed = statements.stream().filter(s -> s.get("verb").get("id").asString().equals(Vocabulary.VERB_PASSED))
                .findFirst().orElseThrow();
        assertThat(passed.get("object").get("id").asString()).isEqualTo(module.iri());
        assertThat(passed.get("result").get("score").get("scaled").asDouble()).isEqualTo(1.0);
        assertThat(passed.get("context").get("extensions").get(Vocabulary.EXT_MODULE_VERSION).asString()).isEqualTo(module.version());

        String id = XapiHttp.json(person).get("id").asString();
        JsonNode reminders = null;
        for (JsonNode status : XapiHttp.json(admin.get("/api/compliance/people/" + id + "/status"))) {
            if (status.get("requirement").asString().equals("security-reminders")) {
                reminders = status;
            }
        }
        assertThat(reminders).isNotNull();
        assertThat(reminders.get("state").asString()).isEqualTo("COMPLIANT");
        assertThat(reminders.get("completedVersion").asString()).isEqualTo(module.version());
        assertThat(reminders.get("scaled").asDouble()).isEqualTo(1.0);
        assertThat(reminders.get("moduleId").asString()).isEqualTo("reminder-mfa");
    }

    private List<JsonNode> statementsOf(String email) throws InterruptedException {
        String agent = "{\"mbox\":\"mailto:" + email + "\"}";
        // the player sends from a queue: wait until the session's last statement has arrived
        return org.awaitility.Awaitility.await("the player's terminated statement").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
                    JsonNode result = XapiHttp.json(xapi.get("/xapi/statements", XapiHttp.params("agent", agent, "limit", "500")));
                    List<JsonNode> statements = new ArrayList<>();
                    result.get("statements").forEach(statements::add);
                    return statements;
                }, statements -> statements.stream()
                        .anyMatch(s -> s.get("verb").get("id").asString().equals(Vocabulary.VERB_TERMINATED)));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put("/" + entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static HttpServer serve(Map<String, byte[]> files) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath());
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".html") ? "text/html; charset=utf-8"
                    : path.endsWith(".js") ? "text/javascript" : path.endsWith(".css") ? "text/css" : "application/octet-stream");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
