package org.hipaatraining.lrs.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.hipaatraining.lrs.compliance.status.StatusKeeper;
import org.hipaatraining.lrs.compliance.web.AdminBrowser;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.Tag;

/**
 * What the notices look like and do: parts, recipients and the one link of each mail; the link's page and its
 * cmi5 launch; a failed send retried with backoff and reported on the admin page; and the HTML parts at phone width.
 */
@Tag("integration") // a whole server, browser or child process: the Failsafe lane (mvn verify)
class NoticeMailTest {

    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final LocalDate MONDAY = LocalDate.parse("2027-03-01");

    private GreenMail smtp;
    private int smtpPort;
    private ConfigurableApplicationContext server;
    private XapiHttp admin;
    private int port;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        SimulatedClock.INSTANCE.set(MONDAY);
        server = ProgramScenarioTest.startServer("mail-" + UUID.randomUUID().toString().substring(0, 8), smtpPort);
        port = ((WebServerApplicationContext) server).getWebServer().getPort();
        admin = ProgramScenarioTest.http(server, "admin", ADMIN_PASSWORD);
        ProgramScenarioTest.ok(admin.send("POST", "/admin/notifications/settings", Map.of(), ProgramScenarioTest.form(
                "dueSoonDays", "7", "overdueEveryDays", "7", "supervisorAfterDays", "7", "privacyOfficerAfterDays", "21",
                "retakeWithinDays", "7", "digestDay", "MONDAY", "summaryDayOfMonth", "1",
                "privacyOfficerName", "Pat Okafor", "privacyOfficerEmail", "privacy@riverside.test"),
                "Content-Type", "application/x-www-form-urlencoded"), 302);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        smtp.stop();
    }

    @Test
    void noticesNameThePracticeTheModuleAndTheDueDateWithOneLinkThatLaunchesTheTraining() throws Exception {
        hire("Maria Lopez", MONDAY, null);
        hire("Sam Staller", MONDAY.minusDays(40), "Maria Lopez");
        String nia = hire("Nia Newman", MONDAY, "Maria Lopez");

        NotificationPass.Result result = pass();

        // three modules each (the everyone role): one mail per person listing them, and one to the supervisor about
        // each of her people; every notice is its own piece of evidence, with the Message-ID of the mail it went in
        Map<String, List<MimeMessage>> byRecipient = byRecipient(smtp.getReceivedMessages());
        assertThat(kinds(byRecipient.get("nia@riverside.test"))).containsExactly("ASSIGNED");
        assertThat(kinds(byRecipient.get("sam@riverside.test"))).containsExactly("OVERDUE");
        assertThat(kinds(byRecipient.get("maria@riverside.test"))).containsExactlyInAnyOrder("ASSIGNED",
                "ESCALATION_SUPERVISOR", "SUPERVISOR_DIGEST");
        assertThat(kinds(byRecipient.get("privacy@riverside.test"))).containsExactly("PRIVACY_OFFICER_SUMMARY");
        assertThat(smtp.getReceivedMessages()).hasSize(6);
        assertThat(result.sent()).isEqualTo(smtp.getReceivedMessages().length);
        assertThat(result.planned()).isEqualTo(3 + 3 + 3 + 3 + 2);

        MimeMessage assigned = byRecipient.get("nia@riverside.test").get(0);
        List<Notice> niasNotices = server.getBean(NoticeLedger.class).ofPerson(nia, 10);
        assertThat(niasNotices).hasSize(3).allSatisfy(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKind.ASSIGNED);
            assertThat(n.status()).isEqualTo(Notice.Status.SENT);
            assertThat(n.messageId()).isEqualTo(assigned.getMessageID());
            assertThat(n.subject()).isEqualTo(subject(assigned));
        });
        assertThat(niasNotices).extracting(Notice::requirement).doesNotHaveDuplicates();
        assertThat(assigned.getFrom()[0].toString()).contains("training@riverside.test");
        assertThat(assigned.getRecipients(Message.RecipientType.TO)).hasSize(1);
        assertThat(subject(assigned)).isEqualTo("Training assigned: 3 modules (due Mar 31)");
        String text = part(assigned, "text/plain");
        String html = part(assigned, "text/html");
        for (String part : List.of(text, html)) {
            assertThat(part).contains("Riverside Family Medicine").contains("Wednesday, March 31, 2027")
                    .contains("HIPAA Privacy Rule essentials").contains("assigned")
                    .doesNotContain("statement", "score", "xapi");
            for (Notice n : niasNotices) {
                assertThat(part).contains(n.moduleTitle());
            }
        }
        assertThat(text).contains("  - HIPAA Privacy Rule essentials: due Wednesday, March 31, 2027, state assigned");
        MimeMessage escalation = byRecipient.get("maria@riverside.test").stream()
                .filter(m -> header(m).equals("ESCALATION_SUPERVISOR")).findFirst().orElseThrow();
        assertThat(subject(escalation)).isEqualTo("Sam Staller is overdue on 3 trainings");
        assertThat(part(escalation, "text/plain")).contains("overdue 10 days").contains("https://lrs.riverside.test/admin/team");
        List<String> links = links(text);
        assertThat(links).hasSize(1);
        assertThat(links.get(0)).startsWith("https://lrs.riverside.test/start/");
        assertThat(html).containsOnlyOnce("href=\"" + links.get(0) + "\"");

        // the link: a page with one button, which uses it up and launches the module through the cmi5 launcher
        String local = links.get(0).replace("https://lrs.riverside.test", "http://127.0.0.1:" + port);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(local)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Start HIPAA Privacy Rule essentials").contains("start-privacy");
        String csrf = field(page.body(), "_csrf");
        HttpResponse<String> launched = browser.send(HttpRequest.newBuilder(URI.create(local))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&module=privacy")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(launched.statusCode()).isEqualTo(303);
        String location = launched.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://lrs.riverside.test/cmi5/content/module-privacy/").contains("fetch=")
                .contains("registration=");
        assertThat(json(admin.get("/api/roster/people/" + nia)).get("identifiers").toString())
                .contains("account|https://lrs.riverside.test/people|" + nia);
        // each module launches once from the link; the page shows which were opened
        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(URI.create(local))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&module=privacy")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("This link has been used or has run out");
        HttpResponse<String> pageAgain = browser.send(HttpRequest.newBuilder(URI.create(local)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pageAgain.body()).contains("HIPAA Privacy Rule essentials: opened from this link")
                .doesNotContain("start-privacy").contains("start-security");
        String security = browser.send(HttpRequest.newBuilder(URI.create(local))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + field(pageAgain.body(), "_csrf") + "&module=security"))
                .build(), HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElseThrow();
        assertThat(security).startsWith("https://lrs.riverside.test/cmi5/content/module-security/");

        // the same day's pass again sends nothing
        assertThat(pass().sent()).isZero();

        // the HTML parts at phone width, for a person to look at
        try (AdminBrowser chromium = new AdminBrowser(port)) {
            Map<String, MimeMessage> oneOfEach = new LinkedHashMap<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                oneOfEach.putIfAbsent(m.getHeader(NoticeSender.KIND_HEADER)[0], m);
            }
            assertThat(oneOfEach).containsKeys("ASSIGNED", "OVERDUE", "ESCALATION_SUPERVISOR", "SUPERVISOR_DIGEST",
                    "PRIVACY_OFFICER_SUMMARY");
            Files.createDirectories(AdminBrowser.SCREENSHOTS);
            for (Map.Entry<String, MimeMessage> e : oneOfEach.entrySet()) {
                String name = "mail-" + e.getKey().toLowerCase().replace('_', '-');
                String mailHtml = part(e.getValue(), "text/html");
                Files.writeString(AdminBrowser.SCREENSHOTS.resolve(name + ".html"), mailHtml);
                Page phone = chromium.page(390, 844);
                phone.setContent(mailHtml);
                chromium.screenshot(phone, name + "-390");
            }
        }
    }

    @Test
    void aFailedSendIsRetriedWithBackoffAndShownOnTheAdminPageMeanwhile() throws Exception {
        String ola = hire("Ola Ortiz", MONDAY, null);
        smtp.stop();

        NotificationPass.Result failed = pass();

        // one mail with her three assignments and the privacy officer's monthly summary (it is the 1st)
        assertThat(failed.failed()).isEqualTo(2);
        HttpResponse<String> page = admin.get("/admin/notifications");
        assertThat(page.body()).contains("Notices that could not be sent").contains("will retry")
                .contains("ola@riverside.test");

        smtp.start();
        SimulatedClock.INSTANCE.set(MONDAY); // still inside the first backoff (5 minutes): nothing yet
        assertThat(server.getBean(NotificationPass.class).run().sent()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        SimulatedClock.INSTANCE.advance(java.time.Duration.ofMinutes(6));
        NotificationPass.Result retried = server.getBean(NotificationPass.class).run();

        // the three notices that failed together are sent together
        assertThat(retried.retried()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        List<Notice> notices = server.getBean(NoticeLedger.class).ofPerson(ola, 10);
        assertThat(notices).hasSize(3).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(Notice.Status.SENT);
            assertThat(n.attempts()).isEqualTo(2);
            assertThat(n.messageId()).isNotBlank();
        });
        assertThat(notices).extracting(Notice::messageId).containsOnly(notices.get(0).messageId());
        assertThat(admin.get("/admin/notifications").body()).doesNotContain("will retry");

        HttpResponse<String> csv = admin.get("/admin/notifications/notices.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).hasSize(5);
        assertThat(csv.body()).startsWith("created_utc,kind,person_id").contains("ASSIGNED,").contains(",SENT,2,");

        // the person's audit package lists them as reminders sent
        HttpResponse<byte[]> audit = admin.getBytes("/api/reports/audit.pdf", Map.of("person", ola));
        assertThat(audit.statusCode()).isEqualTo(200);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(audit.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("3 notices sent about them in the period (reminders sent)").contains("Reminders sent")
                    .contains("Assignment").contains("ola@riverside.test");
        }

        try (AdminBrowser chromium = new AdminBrowser(port)) {
            for (int width : List.of(1280, 768)) {
                Page signedIn = chromium.signedIn("admin", ADMIN_PASSWORD, width, 900);
                signedIn.navigate(chromium.url("/admin/notifications"));
                chromium.screenshot(signedIn, "notifications-" + width);
                signedIn.navigate(chromium.url("/admin/people/" + ola));
                signedIn.locator("#notices").scrollIntoViewIfNeeded();
                assertThat(signedIn.locator("#notices-table tbody tr")).isNotNull();
                assertThat(signedIn.locator("#notices-table tbody tr").count()).isEqualTo(3);
                chromium.screenshot(signedIn, "person-notices-" + width);
            }
            chromium.assertNoPolicyViolations();
        }
    }

    private NotificationPass.Result pass() {
        server.getBean(StatusKeeper.class).recomputeMarked();
        server.getBean(StatusKeeper.class).passOfTheDay();
        return server.getBean(NotificationPass.class).run();
    }

    private String hire(String name, LocalDate hired, String supervisor) {
        String email = name.split(" ")[0].toLowerCase() + "@riverside.test";
        HttpResponse<String> created = admin.postJson("/api/roster/people", "{\"name\":\"" + name + "\",\"email\":\""
                + email + "\",\"roles\":[\"everyone\"],\"hireDate\":\"" + hired + "\""
                + (supervisor == null ? "" : ",\"supervisor\":\"" + supervisor + "\"") + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private static Map<String, List<MimeMessage>> byRecipient(MimeMessage[] messages) throws Exception {
        Map<String, List<MimeMessage>> by = new LinkedHashMap<>();
        for (MimeMessage m : messages) {
            by.computeIfAbsent(m.getRecipients(Message.RecipientType.TO)[0].toString(), k -> new ArrayList<>()).add(m);
        }
        return by;
    }

    private static List<String> kinds(List<MimeMessage> messages) throws Exception {
        List<String> kinds = new ArrayList<>();
        for (MimeMessage m : messages) {
            kinds.add(m.getHeader(NoticeSender.KIND_HEADER)[0]);
        }
        return kinds;
    }

    private static String header(MimeMessage m) {
        try {
            return m.getHeader(NoticeSender.KIND_HEADER)[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a part of the given type, wherever it is in the multipart tree. */
    static String part(MimeMessage message, String type) throws Exception {
        String found = find((Multipart) message.getContent(), type);
        assertThat(found).as("a %s part", type).isNotNull();
        return found;
    }

    private static String find(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<String> links(String text) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("https?://\\S+").matcher(text);
        while (m.find()) {
            links.add(m.group());
        }
        return links;
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a %s field", name).isTrue();
        return m.group(1);
    }
}
