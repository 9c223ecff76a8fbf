package org.hipaatraining.lrs.cmi5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.NodeScripts;
import org.hipaatraining.lrs.support.PolicyViolations;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The AU side played by the real @xapi/cmi5 library in headless Chromium: a small test AU page runs initialize,
 * complete, pass and terminate against a launch made through the admin API, for our catalogue package and for an
 * uploaded zip (served by the LRS), and tries what a misbehaving AU might.
 */
class Cmi5BrowserTest extends LrsIntegrationTest {

    private static final Path PROJECT = Path.of("src/test/js/cmi5");
    private static Playwright playwright;
    private static Browser browser;
    private static byte[] page;
    private static byte[] library;

    private Cmi5Client cmi5;
    private final PolicyViolations policy = new PolicyViolations();

    @BeforeAll
    static void startBrowser() throws IOException {
        NodeScripts.install(PROJECT);
        library = Files.readAllBytes(PROJECT.resolve("node_modules/@xapi/cmi5/dist/Cmi5.umd.js"));
        try (InputStream in = Cmi5BrowserTest.class.getResourceAsStream("/cmi5/test-au.html")) {
            page = in.readAllBytes();
        }
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--no-first-run")));
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void noPolicyViolations() {
        policy.assertNone();
    }

    @BeforeEach
    void setUp() {
        cmi5 = new Cmi5Client(XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD));
    }

    @Test
    void ourModulePackageIsLaunchedAndPlayedByXapiCmi5() {
        String registration = cmi5.register("module-privacy", Cmi5Client.newActor());
        Cmi5Client.Launch launch = cmi5.launch(registration, Cmi5Client.PRIVACY, null);
        assertThat(cmi5.admin().get(launch.path()).body()).as("the packaged AU page").contains("<html");

        JsonNode result = play(testPage(launch), "pass");

        assertThat(result.get("ok").asBoolean()).as(XapiJson.write(result)).isTrue();
        assertThat(result.at("/launchData/launchMode").asString()).isEqualTo("Normal");
        assertThat(result.at("/launchData/masteryScore").asDouble()).isEqualTo(0.8);
        assertThat(verbs(registration)).containsExactly("launched", "initialized", "completed", "passed", "satisfied",
                "terminated");
        JsonNode passed = statements(registration, "http://adlnet.gov/expapi/verbs/passed").get(0);
        assertThat(passed.at("/result/score/scaled").asDouble()).isEqualTo(0.9);
        assertThat(passed.at("/context/extensions").get("https://w3id.org/xapi/cmi5/context/extensions/sessionid")
                .asString()).isEqualTo(launch.sessionId());
        assertThat(passed.at("/context/contextActivities/grouping/0/id").asString()).isEqualTo(Cmi5Client.PRIVACY);
        assertThat(passed.at("/authority/account/name").asString()).isEqualTo("cmi5:" + launch.sessionId());

        HttpResponse<String> launchData = xapi.get("/xapi/activities/state", params("activityId", launch.activityId(),
                "agent", launch.actor().toString(), "registration", registration, "stateId", "LMS.LaunchData"));
        assertThat(XapiHttp.json(launchData).get("moveOn").asString()).isEqualTo("CompletedAndPassed");

        Cmi5Client.Launch again = cmi5.launch(registration, Cmi5Client.PRIVACY, null);
        JsonNode second = play(testPage(again), "pass-again");
        assertThat(second.at("/passAgain/status").asInt()).as(XapiJson.write(second)).isEqualTo(400);
        assertThat(second.at("/passAgain/data/message").asString()).contains("'passed' was already recorded");
        assertThat(second.get("ok").asBoolean()).as("the session still terminates").isTrue();
    }

    @Test
    void ourPlayerStartsItsSessionFromTheLaunchUrl() throws InterruptedException {
        String registration = cmi5.register("module-privacy", Cmi5Client.newActor());
        Cmi5Client.Launch launch = cmi5.launch(registration, Cmi5Client.PRIVACY, null);
        try (var context = browser.newContext()) {
            policy.watch(context.newPage()).navigate(launch.json().get("url").asString());
            List<JsonNode> initialized = org.awaitility.Awaitility.await("the packaged player's initialized")
                    .atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(200))
                    .until(() -> statements(registration, "http://adlnet.gov/expapi/verbs/initialized"), list -> !list.isEmpty());
            assertThat(initialized).as("the packaged player's initialized").hasSize(1);
            assertThat(initialized.get(0).at("/object/id").asString()).isEqualTo(launch.activityId());
            assertThat(initialized.get(0).at("/context/extensions")
                    .get("https://w3id.org/xapi/cmi5/context/extensions/sessionid").asString()).isEqualTo(launch.sessionId());
            assertThat(initialized.get(0).at("/authority/account/name").asString()).isEqualTo("cmi5:" + launch.sessionId());
        }
    }

    @Test
    void misuseByTheAuIsRefused() {
        String registration = cmi5.register("module-privacy", Cmi5Client.newActor());
        JsonNode result = play(testPage(cmi5.launch(registration, Cmi5Client.PRIVACY, null)), "misuse");

        assertThat(result.get("ok").asBoolean()).as(XapiJson.write(result)).isTrue();
        assertThat(result.at("/refetch/error-code").asString()).as("the fetch URL works once").isEqualTo("1");
        assertThat(result.at("/otherActor/status").asInt()).isEqualTo(403);
        assertThat(result.at("/otherRegistration/status").asInt()).isEqualTo(403);
        assertThat(verbs(registration)).containsExactly("launched", "initialized", "terminated");
    }

    @Test
    void uploadedPackageIsServedAndPlayed() throws IOException {
        String courseId = "upload-" + Long.toHexString(System.nanoTime());
        HttpResponse<String> upload = cmi5.admin().send("POST", "/api/cmi5/courses",
                params("courseId", courseId, "fileName", "test-au.zip"), testPackage(), "Content-Type", "application/zip");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        String auId = XapiHttp.json(upload).at("/aus/0/auId").asString();

        String registration = cmi5.register(courseId, Cmi5Client.newActor());
        Cmi5Client.Launch launch = cmi5.launch(registration, auId, null);
        HttpResponse<String> served = cmi5.admin().anonymous().get(launch.path());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

        JsonNode result = play(launch.json().get("url").asString(), "pass");

        assertThat(result.get("ok").asBoolean()).as(XapiJson.write(result)).isTrue();
        assertThat(verbs(registration)).containsExactly("launched", "initialized", "completed", "passed", "satisfied",
                "terminated");
    }

    /** The launch URL with the test AU page in place of the packaged one, on the LRS's origin. */
    private String testPage(Cmi5Client.Launch launch) {
        URI url = URI.create(launch.json().get("url").asString());
        return xapi.base() + "/test-au/index.html?" + url.getRawQuery();
    }

    private JsonNode play(String url, String scenario) {
        try (var context = browser.newContext()) {
            Page tab = policy.watch(context.newPage());
            tab.route(xapi.base() + "/test-au/**", route -> route.fulfill(new Route.FulfillOptions()
                    .setStatus(200).setBodyBytes(route.request().url().contains("Cmi5.umd.js") ? library : page)
                    .setContentType(route.request().url().contains(".js") ? "text/javascript" : "text/html")));
            tab.navigate(url + "#" + scenario);
            tab.waitForFunction("() => window.__result !== undefined", null,
                    new Page.WaitForFunctionOptions().setTimeout(30_000));
            return XapiJson.MAPPER.readTree((String) tab.evaluate("() => JSON.stringify(window.__result)"));
        }
    }

    private List<String> verbs(String registration) {
        List<String> verbs = new ArrayList<>();
        statements(registration, null).forEach(s -> {
            String id = s.at("/verb/id").asString();
            verbs.add(id.substring(id.lastIndexOf('/') + 1));
        });
        return verbs;
    }

    /** The registration's statements in stored order. */
    private List<JsonNode> statements(String registration, String verb) {
        var query = verb == null ? params("registration", registration, "ascending", "true")
                : params("registration", registration, "verb", verb, "ascending", "true");
        List<JsonNode> list = new ArrayList<>();
        XapiHttp.json(xapi.get("/xapi/statements", query)).get("statements").forEach(list::add);
        return list;
    }

    /** A cmi5 zip holding the test AU page and the library, with moveOn CompletedAndPassed and a masteryScore. */
    private static byte[] testPackage() throws IOException {
        String xml = """
                <?xml version="1.0" encoding="utf-8"?>
                <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
                  <course id="https://vendor.example/courses/test-au">
                    <title><langstring lang="en-US">Test AU course</langstring></title>
                    <description><langstring lang="en-US">One AU that passes.</langstring></description>
                  </course>
                  <au id="https://vendor.example/courses/test-au/au/1" moveOn="CompletedAndPassed" masteryScore="0.7">
                    <title><langstring lang="en-US">The test AU</langstring></title>
                    <description><langstring lang="en-US">Initializes, completes, passes, terminates.</langstring></description>
                    <url>au/index.html</url>
                  </au>
                </courseStructure>
                """;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : List.of(new Object[] {"cmi5.xml", xml.getBytes(StandardCharsets.UTF_8)},
                    new Object[] {"au/index.html", page}, new Object[] {"au/Cmi5.umd.js", library})) {
                zip.putNextEntry(new ZipEntry((String) entry[0]));
                zip.write((byte[]) entry[1]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
