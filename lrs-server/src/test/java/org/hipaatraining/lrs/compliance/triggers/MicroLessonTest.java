package org.hipaatraining.lrs.compliance.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.packager.PackageBuilder;
import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.PackageSpec;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.ModulePlayer;
import org.hipaatraining.lrs.support.PolicyViolations;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A privacy officer writes a micro-lesson for a privacy incident: bad lessons are refused naming the field, the person
 * named gets it as a requirement with the incident as reason, its packages download, the cmi5 launcher launches it and
 * the packaged player is played through in Chromium, after which the person is compliant and the audit package lists
 * the event with its lesson, its questions and who passed it.
 */
class MicroLessonTest extends LrsIntegrationTest {

    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    private Catalogue catalogue;

    @BeforeAll
    static void startBrowser() {
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

    private static ObjectNode question(String prompt, int correct, String... choices) {
        ObjectNode q = XapiJson.MAPPER.createObjectNode().put("prompt", prompt).put("correct", correct)
                .put("explanation", "Because the number on file is the one the lab confirmed.");
        ArrayNode list = q.putArray("choices");
        for (String c : choices) {
            list.add(c);
        }
        return q;
    }

    private ObjectNode event(PracticeFixture practice, Learner learner, ObjectNode... questions) {
        ObjectNode body = XapiJson.MAPPER.createObjectNode().put("date", practice.today.toString())
                .put("kind", "PRIVACY_INCIDENT").put("description", "Lab result faxed to the wrong number " + practice.run)
                .put("dueDate", practice.today.plusDays(14).toString());
        body.putArray("personIds").add(learner.id());
        body.putArray("modules");
        ObjectNode lesson = body.putObject("microLesson").put("title", "Faxing lab results " + practice.run)
                .put("text", "On Monday a lab result went to a wrong fax number.\n\nBefore sending, check the number "
                        + "against the chart, and use the cover sheet. <script>alert('x')</script>");
        ArrayNode list = lesson.putArray("questions");
        for (ObjectNode q : questions) {
            list.add(q);
        }
        return body;
    }

    @Test
    void anEventsMicroLessonIsAssignedLaunchedPlayedAndCountedAndTheAuditPackageListsIt() {
        PracticeFixture practice = new PracticeFixture(xapi);
        Learner learner = practice.person("Mia Lesson " + practice.run, "mia", List.of("front-desk"), 400, "Dr. Lesson");
        XapiHttp admin = practice.admin();
        String path = "/api/compliance/trigger-events";

        // refused, naming the field: no question, four questions, no right answer, an empty text
        ObjectNode none = event(practice, learner);
        assertRefused(admin.postJson(path, XapiJson.write(none)), "microLesson.questions: one to 3 questions (0 given)");
        ObjectNode q = question("Which number do you fax to?", 1, "The number the caller gives", "The number in the chart");
        ObjectNode four = event(practice, learner, q, q, q, q);
        assertRefused(admin.postJson(path, XapiJson.write(four)), "microLesson.questions: one to 3 questions (4 given)");
        ObjectNode noRight = event(practice, learner, question("Which?", 5, "a", "b"));
        assertRefused(admin.postJson(path, XapiJson.write(noRight)), "microLesson.questions[0].correct:");
        ObjectNode emptyText = event(practice, learner, q);
        ((ObjectNode) emptyText.get("microLesson")).put("text", " ");
        assertRefused(admin.postJson(path, XapiJson.write(emptyText)), "microLesson.text: required");
        assertThat(admin.get(path).body()).doesNotContain(practice.run);

        ObjectNode good = event(practice, learner, q,
                question("What goes with every fax of patient information?", 0, "A cover sheet", "A phone call", "Nothing"));
        HttpResponse<String> created = admin.postJson(path, XapiJson.write(good));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String lessonId = "event-" + XapiHttp.json(created).get("id").asString();

        // due, with the incident as the reason, before the request answered (an event naming people)
        JsonNode due = practice.statuses(learner).get(lessonId);
        assertThat(due).as("the micro-lesson's status").isNotNull();
        assertThat(due.get("state").asString()).isEqualTo("NEVER_STARTED");
        assertThat(due.get("dueDate").asString()).isEqualTo(practice.today.plusDays(14).toString());
        assertThat(due.get("reason").asString()).contains("Privacy incident", "wrong number " + practice.run);
        assertThat(due.get("moduleTitle").asString()).isEqualTo("Faxing lab results " + practice.run);

        // packages for an LMS, the same model and builder as the catalogue's modules
        Module module = catalogue.module(lessonId).orElseThrow();
        assertThat(zipEntries(admin, "/api/packages/hipaa-module-" + lessonId + "-1.0.0-cmi5.zip"))
                .contains("cmi5.xml", "modules/" + lessonId + "/index.html", "player/player.js");
        assertThat(zipEntries(admin, "/api/packages/hipaa-module-" + lessonId + "-1.0.0-scorm12.zip")).contains("imsmanifest.xml");
        String page = new String(zipEntry(admin, "/api/packages/hipaa-module-" + lessonId + "-1.0.0-xapi.zip",
                "modules/" + lessonId + "/index.html"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).as("the practice's text is escaped, never markup").doesNotContain("<script>alert");

        // any server instance builds the same bytes from the event as stored: here, from the event the API returns
        TriggerEvent stored = XapiJson.MAPPER.treeToValue(XapiJson.MAPPER.readTree(admin.get(path).body()).valueStream()
                .filter(e -> lessonId.equals("event-" + e.get("id").asString())).findFirst().orElseThrow(), TriggerEvent.class);
        Module rebuilt = stored.microLesson().module(catalogue.iriBase(), stored.microLessonModuleId(),
                stored.microLessonDescription(), java.time.LocalDate.ofInstant(stored.recordedAt(), java.time.ZoneOffset.UTC));
        Catalogue elsewhere = Catalogue.loadDefault().withAuthoredModules(id -> java.util.Optional.of(rebuilt).filter(m -> m.id().equals(id)));
        byte[] built = new PackageBuilder().build(elsewhere, PackageSpec.forModule(lessonId), PackageFormat.CMI5);
        assertThat(admin.getBytes("/api/packages/hipaa-module-" + lessonId + "-1.0.0-cmi5.zip", Map.of()).body())
                .as("the served cmi5 zip, byte for byte").isEqualTo(built);

        // launched through the cmi5 launcher as the person, and played in the packaged player
        ObjectNode actor = XapiJson.MAPPER.createObjectNode().put("objectType", "Agent").put("name", learner.name());
        actor.putObject("account").put("homePage", "https://clinic.example").put("name", "mia-" + practice.run);
        HttpResponse<String> linked = admin.postJson("/api/roster/people/" + learner.id() + "/identities", actor.toString());
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        HttpResponse<String> registered = admin.postJson("/api/cmi5/registrations", XapiJson.MAPPER.createObjectNode()
                .put("courseId", "module-" + lessonId).set("actor", actor).toString());
        assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
        String registration = XapiHttp.json(registered).get("registration").asString();
        HttpResponse<String> launched = admin.postJson("/api/cmi5/registrations/" + registration + "/launch",
                XapiJson.MAPPER.createObjectNode().put("auId", module.iri())
                        .put("returnURL", "https://lms.clinic.example/course/1").toString());
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(200);
        PolicyViolations policy = new PolicyViolations();
        try (BrowserContext context = browser.newContext()) {
            Page player = policy.watch(context.newPage());
            player.navigate(XapiHttp.json(launched).get("url").asString());
            ModulePlayer.play(player.mainFrame(), module);
            // the statement queue delivers in the background: compliant once the passed statement is in
            JsonNode done = Awaitility.await("the micro-lesson compliant").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> practice.statuses(learner).get(lessonId),
                            s -> s != null && s.get("state").asString().equals("COMPLIANT"));
            assertThat(done.get("reason").asString()).contains("wrong number " + practice.run);
            assertThat(done.get("completedOn").asString()).isEqualTo(practice.today.toString());
            assertThat(done.get("scaled").asDouble()).isEqualTo(1.0);
        }
        policy.assertNone();

        // the audit package: the event, its lesson and questions, and who passed it
        HttpResponse<byte[]> pdf = admin.getBytes("/api/reports/audit.pdf", params("person", learner.id()));
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = text(pdf.body()).replaceAll("\\s+", " ");
        assertThat(text).contains("Trigger events", "Lab result faxed to the wrong number " + practice.run,
                "Lesson written by the practice: Faxing lab results " + practice.run,
                "Which number do you fax to?", "The number in the chart (right answer)",
                "What goes with every fax of patient information?", "Passed by", "Mia Lesson " + practice.run);
    }

    private static void assertRefused(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(message);
    }

    private static List<String> zipEntries(XapiHttp admin, String path) {
        HttpResponse<byte[]> zip = admin.getBytes(path, Map.of());
        assertThat(zip.statusCode()).as(path).isEqualTo(200);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static byte[] zipEntry(XapiHttp admin, String path, String name) {
        HttpResponse<byte[]> zip = admin.getBytes(path, Map.of());
        assertThat(zip.statusCode()).as(path).isEqualTo(200);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(name + " not in " + path);
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
