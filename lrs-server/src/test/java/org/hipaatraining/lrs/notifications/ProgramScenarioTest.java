package org.hipaatraining.lrs.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.LrsApplication;
import org.hipaatraining.lrs.compliance.status.StatusKeeper;
import org.hipaatraining.lrs.support.TestMongo;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;

/**
 * A practice's 400 days with the program running itself, on two server instances sharing one database and a clock the
 * test moves a day at a time: hires, a role change, a material release, a privacy incident, people who train, fail,
 * stall, go on leave and leave. Every mail the SMTP server received is compared with the schedule worked out by hand below
 * (docs/notifications.md#schedule), and each was sent exactly once although both instances ran every pass (and one
 * was restarted halfway).
 */
@Tag("integration") // a whole server, browser or child process: the Failsafe lane (mvn verify)
class ProgramScenarioTest {

    private static final String MODULES = "https://hipaa-training.org/xapi/activities/module/";
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** A Monday after the catalogue's last material release of privacy and security (2.0.0, 2027-01-04). */
    static final LocalDate START = LocalDate.parse("2027-02-01");
    private static final int DAYS = 400;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final String database = "program-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<ConfigurableApplicationContext> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(ConfigurableApplicationContext::close);
    }

    ConfigurableApplicationContext start() {
        ConfigurableApplicationContext server = startServer(database, smtp.getSmtp().getPort());
        servers.add(server);
        return server;
    }

    /** A server with mail on, on the simulated clock, whose scheduled passes wait for the test. */
    static ConfigurableApplicationContext startServer(String database, int smtpPort) {
        return new SpringApplicationBuilder(LrsApplication.class, SimulatedClock.Use.class)
                .run("--server.port=0",
                        "--spring.mongodb.uri=" + TestMongo.uri(database),
                        "--lrs.bootstrap.client-key=scenario", "--lrs.bootstrap.client-secret=scenario-secret-123",
                        "--lrs.bootstrap.admin-password=" + ADMIN_PASSWORD,
                        "--lrs.xapi.consistency-window=0s",
                        "--lrs.practice.name=Riverside Family Medicine",
                        "--lrs.public-url=https://lrs.riverside.test",
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                        "--lrs.notifications.from=Riverside Training <training@riverside.test>",
                        // the test runs the passes itself, day by day
                        "--lrs.notifications.first-pass-delay=1d", "--lrs.compliance.status-day-cron=-",
                        "--lrs.security.sign-in.address-max-failures=1000000");
    }

    static XapiHttp http(ConfigurableApplicationContext server, String user, String password) {
        int port = ((WebServerApplicationContext) server).getWebServer().getPort();
        return XapiHttp.basic(URI.create("http://127.0.0.1:" + port), user, password);
    }

    /** One mail as the test sees it: the day it arrived, to whom, which kind, about whom. */
    record Mail(int day, String to, NoticeKind kind, String about) implements Comparable<Mail> {
        @Override
        public int compareTo(Mail o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return "d%03d %s %s %s".formatted(day, to, kind, about);
        }
    }

    @Test
    void fourHundredDaysOfNoticesAreSentOnceEachToTheRightPeopleInOrder() throws Exception {
        SimulatedClock clock = SimulatedClock.INSTANCE;
        clock.set(START);
        ConfigurableApplicationContext a = start();
        ConfigurableApplicationContext b = start();
        XapiHttp admin = http(a, "admin", ADMIN_PASSWORD);
        XapiHttp lrs = http(a, "scenario", "scenario-secret-123");

        // The program: everyone takes privacy; IT also takes security and the quarterly security reminders.
        ok(admin.putJson("/api/compliance/requirements/roles/everyone",
                "{\"modules\":[\"privacy\"],\"onboardingDays\":30,\"refresherMonths\":12,\"reminderIntervalMonths\":0}",
                Map.of()));
        ok(admin.putJson("/api/compliance/requirements/roles/it", "{\"modules\":[\"privacy\",\"security\"],"
                + "\"onboardingDays\":30,\"refresherMonths\":12,\"reminders\":[\"reminder-phishing\",\"reminder-mfa\"],"
                + "\"reminderIntervalMonths\":3}", Map.of()));
        HttpResponse<String> saved = admin.send("POST", "/admin/notifications/settings", Map.of(), form(
                "dueSoonDays", "7", "overdueEveryDays", "7", "supervisorAfterDays", "7", "privacyOfficerAfterDays", "21",
                "retakeWithinDays", "7", "digestDay", "MONDAY", "summaryDayOfMonth", "1",
                "privacyOfficerName", "Pat Okafor", "privacyOfficerEmail", "privacy@riverside.test", "lmsUrl", ""),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/admin/notifications");

        Map<String, String> ids = new LinkedHashMap<>();
        List<Mail> received = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        LocalDate firstReminder = null;
        List<LocalDate> reminderDone = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            LocalDate today = START.plusDays(day);
            clock.set(today);
            switch (day) {
                case 0 -> {
                    for (String name : List.of("Maria Lopez", "Ann Trainer", "Sam Staller", "Fay Failer", "Leo Leave")) {
                        ids.put(name, hire(admin, name, today, name.equals("Maria Lopez") ? null : "Maria Lopez"));
                    }
                }
                case 3 -> passed(lrs, "maria", "privacy", today);
                case 5 -> started(lrs, "sam", "privacy", today);
                case 10 -> passed(lrs, "ann", "privacy", today);
                case 12 -> failed(lrs, "fay", "privacy", today);
                case 20 -> status(admin, ids.get("Leo Leave"), "ON_LEAVE", today);
                case 33 -> passed(lrs, "fay", "privacy", today);
                case 60 -> passed(lrs, "sam", "privacy", today);
                case 120 -> status(admin, ids.get("Leo Leave"), "ACTIVE", today);
                case 121 -> passed(lrs, "leo", "privacy", today);
                case 150 -> ids.put("Hal Hire", hire(admin, "Hal Hire", today, "Maria Lopez"));
                case 160 -> passed(lrs, "hal", "privacy", today);
                case 200 -> {
                    ok(admin.putJson("/api/roster/people/" + ids.get("Ann Trainer") + "/roles",
                            "{\"roles\":[\"everyone\",\"it\"],\"effective\":\"" + today + "\"}", Map.of()));
                    firstReminder = today.plusMonths(3);
                }
                case 205 -> passed(lrs, "ann", "security", today);
                case 250 -> ok(admin.postJson("/api/compliance/modules/privacy/releases", "{\"version\":\"3.0.0\",\"date\":\""
                        + today + "\",\"material\":true,\"summary\":\"New minimum necessary procedure\"}"));
                case 255 -> {
                    for (String who : List.of("maria", "ann", "sam", "fay", "leo")) {
                        passed(lrs, who, "privacy", today);
                    }
                }
                case 310 -> status(admin, ids.get("Hal Hire"), "DEPARTED", today);
                case 330 -> {
                    // a privacy incident: Sam left a screen unlocked; he is to take security and privacy again within two
                    // weeks
                    HttpResponse<String> event = admin.postJson("/api/compliance/trigger-events", "{\"date\":\"" + today
                            + "\",\"kind\":\"PRIVACY_INCIDENT\",\"description\":\"Workstation left unlocked at the front desk\","
                            + "\"personIds\":[\"" + ids.get("Sam Staller") + "\"],\"modules\":[\"security\",\"privacy\"],\"dueDate\":\""
                            + today.plusDays(14) + "\"}");
                    assertThat(event.statusCode()).as(event.body()).isEqualTo(201);
                }
                case 340 -> {
                    passed(lrs, "sam", "security", today);
                    passed(lrs, "sam", "privacy", today);
                }
                default -> {
                }
            }
            // Ann takes each security reminder two days before it is due; the next is due three months later
            if (firstReminder != null) {
                LocalDate due = reminderDone.isEmpty() ? firstReminder : reminderDone.get(reminderDone.size() - 1).plusMonths(3);
                if (today.equals(due.minusDays(2))) {
                    passed(lrs, "ann", reminderDone.size() % 2 == 0 ? "reminder-phishing" : "reminder-mfa", today);
                    reminderDone.add(today);
                }
            }

            a.getBean(StatusKeeper.class).recomputeMarked();
            a.getBean(StatusKeeper.class).passOfTheDay();
            NotificationPass passA = a.getBean(NotificationPass.class);
            NotificationPass passB = b.getBean(NotificationPass.class);
            CompletableFuture<NotificationPass.Result> onA = CompletableFuture.supplyAsync(passA::run);
            CompletableFuture<NotificationPass.Result> onB = CompletableFuture.supplyAsync(passB::run);
            CompletableFuture.allOf(onA, onB).join();
            if (day == 200) {
                // a restart halfway: the new instance runs the same day's pass again and sends nothing twice
                b.close();
                servers.remove(b);
                b = start();
                b.getBean(NotificationPass.class).run();
            }
            // GreenMail lists messages by mailbox, not by arrival: what is new today is what was not there yesterday
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (seen.add(message.getMessageID())) {
                    received.add(mail(day, message));
                }
            }
        }

        List<Mail> expected = expected(firstReminder, reminderDone);
        assertThat(sorted(received)).containsExactlyElementsOf(sorted(expected));
        assertThat(received).hasSize(expected.size());
        // every mail has its own Message-ID: none was sent twice under the same one either
        assertThat(seen).hasSize(smtp.getReceivedMessages().length);
    }

    /** The schedule worked out by hand from the settings (7, 7, 7, 21, 7, Monday, 1st) and what each person did. */
    private static List<Mail> expected(LocalDate firstReminder, List<LocalDate> reminderDone) {
        String maria = "maria@riverside.test";
        String po = "privacy@riverside.test";
        List<Mail> m = new ArrayList<>();
        // Maria trains at once: her assignment, then the material release's
        m.add(new Mail(0, maria, NoticeKind.ASSIGNED, "privacy"));
        m.add(new Mail(250, maria, NoticeKind.ASSIGNED, "privacy"));
        // Ann trains, takes on IT (security assigned, reminders announced a week before each is due)
        String ann = "ann@riverside.test";
        m.add(new Mail(0, ann, NoticeKind.ASSIGNED, "privacy"));
        m.add(new Mail(200, ann, NoticeKind.ASSIGNED, "security"));
        m.add(new Mail(250, ann, NoticeKind.ASSIGNED, "privacy"));
        LocalDate due = firstReminder;
        for (LocalDate done : reminderDone) {
            m.add(new Mail(day(due.minusDays(7)), ann, NoticeKind.SECURITY_REMINDER, "security-reminders"));
            due = done.plusMonths(3);
        }
        if (day(due.minusDays(7)) < DAYS) {
            m.add(new Mail(day(due.minusDays(7)), ann, NoticeKind.SECURITY_REMINDER, "security-reminders"));
        }
        // Sam starts and stalls: due day 30, reminded weekly from day 31, supervisor on day 37, privacy officer on 51
        String sam = "sam@riverside.test";
        m.add(new Mail(0, sam, NoticeKind.ASSIGNED, "privacy"));
        m.add(new Mail(23, sam, NoticeKind.DUE_SOON, "privacy"));
        for (int d = 31; d < 60; d += 7) {
            m.add(new Mail(d, sam, NoticeKind.OVERDUE, "privacy"));
        }
        m.add(new Mail(37, maria, NoticeKind.ESCALATION_SUPERVISOR, "Sam Staller"));
        m.add(new Mail(51, po, NoticeKind.ESCALATION_PRIVACY_OFFICER, "Sam Staller"));
        m.add(new Mail(250, sam, NoticeKind.ASSIGNED, "privacy"));
        // ... and after the incident on day 330, security and privacy again, both due day 344: one mail assigns both, one
        // reminds of both; he takes them on day 340
        m.add(new Mail(330, sam, NoticeKind.ASSIGNED, "privacy+security"));
        m.add(new Mail(337, sam, NoticeKind.DUE_SOON, "privacy+security"));
        // Fay fails on day 12 and does not retake within a week: her supervisor hears on day 19; she passes on day 33
        String fay = "fay@riverside.test";
        m.add(new Mail(0, fay, NoticeKind.ASSIGNED, "privacy"));
        m.add(new Mail(19, maria, NoticeKind.FAILED_NO_RETAKE, "Fay Failer"));
        m.add(new Mail(23, fay, NoticeKind.DUE_SOON, "privacy"));
        m.add(new Mail(31, fay, NoticeKind.OVERDUE, "privacy"));
        m.add(new Mail(250, fay, NoticeKind.ASSIGNED, "privacy"));
        // Leo is on leave from day 20 to 120 (nothing meanwhile); back 90 days overdue, everyone hears at once
        String leo = "leo@riverside.test";
        m.add(new Mail(0, leo, NoticeKind.ASSIGNED, "privacy"));
        m.add(new Mail(120, leo, NoticeKind.OVERDUE, "privacy"));
        m.add(new Mail(120, maria, NoticeKind.ESCALATION_SUPERVISOR, "Leo Leave"));
        m.add(new Mail(120, po, NoticeKind.ESCALATION_PRIVACY_OFFICER, "Leo Leave"));
        m.add(new Mail(250, leo, NoticeKind.ASSIGNED, "privacy"));
        // Hal is hired on day 150, trains, does not retrain after the release, and leaves on day 310
        String hal = "hal@riverside.test";
        m.add(new Mail(150, hal, NoticeKind.ASSIGNED, "privacy"));
        m.add(new Mail(250, hal, NoticeKind.ASSIGNED, "privacy"));
        m.add(new Mail(273, hal, NoticeKind.DUE_SOON, "privacy"));
        for (int d = 281; d < 310; d += 7) {
            m.add(new Mail(d, hal, NoticeKind.OVERDUE, "privacy"));
        }
        m.add(new Mail(287, maria, NoticeKind.ESCALATION_SUPERVISOR, "Hal Hire"));
        m.add(new Mail(301, po, NoticeKind.ESCALATION_PRIVACY_OFFICER, "Hal Hire"));
        // Maria's team digest every Monday, the privacy officer's summary on the first of each month
        for (int d = 0; d < DAYS; d += 7) {
            m.add(new Mail(d, maria, NoticeKind.SUPERVISOR_DIGEST, "Maria Lopez"));
        }
        for (int d = 0; d < DAYS; d++) {
            if (START.plusDays(d).getDayOfMonth() == 1) {
                m.add(new Mail(d, po, NoticeKind.PRIVACY_OFFICER_SUMMARY, "practice"));
            }
        }
        return m;
    }

    private static String requirement(String title) {
        return title.contains("Security reminder") ? "security-reminders" : title.contains("Security") ? "security"
                : "privacy";
    }

    private static int day(LocalDate date) {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(START, date);
    }

    private static List<Mail> sorted(List<Mail> mails) {
        return mails.stream().sorted().toList();
    }

    /**
     * Reads a received mail back into what the schedule says: the kind header (one kind: a mail combining kinds is not
     * expected here and fails), and whom or what it is about; a mail listing several requirements is about each of them
     * ("privacy+security").
     */
    private static Mail mail(int day, MimeMessage message) throws Exception {
        NoticeKind kind = NoticeKind.valueOf(message.getHeader(NoticeSender.KIND_HEADER)[0]);
        String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
        String subject = message.getSubject();
        List<String> listed = NoticeMailTest.part(message, "text/plain").lines().filter(l -> l.startsWith("  - "))
                .map(ProgramScenarioTest::requirement).sorted().toList();
        String about = switch (kind.audience()) {
            case PERSON -> !listed.isEmpty() ? String.join("+", listed) : requirement(subject);
            default -> kind == NoticeKind.PRIVACY_OFFICER_SUMMARY ? "practice"
                    : kind == NoticeKind.SUPERVISOR_DIGEST ? "Maria Lopez"
                    : subject.substring(0, subject.indexOf(kind == NoticeKind.FAILED_NO_RETAKE ? " has not" : " is "))
                    .replace("Escalation: ", "");
        };
        return new Mail(day, to, kind, about);
    }

    private static String hire(XapiHttp admin, String name, LocalDate day, String supervisor) {
        String email = name.split(" ")[0].toLowerCase() + "@riverside.test";
        HttpResponse<String> created = admin.postJson("/api/roster/people", "{\"name\":\"" + name + "\",\"email\":\""
                + email + "\",\"roles\":[\"everyone\"],\"hireDate\":\"" + day + "\""
                + (supervisor == null ? "" : ",\"supervisor\":\"" + supervisor + "\"") + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private static void status(XapiHttp admin, String id, String status, LocalDate day) {
        ok(admin.putJson("/api/roster/people/" + id + "/status",
                "{\"status\":\"" + status + "\",\"effective\":\"" + day + "\"}", Map.of()));
    }

    private static void passed(XapiHttp lrs, String who, String module, LocalDate day) {
        send(lrs, who, "passed", module, day, 0.9);
    }

    private static void failed(XapiHttp lrs, String who, String module, LocalDate day) {
        send(lrs, who, "failed", module, day, 0.4);
    }

    private static void started(XapiHttp lrs, String who, String module, LocalDate day) {
        send(lrs, who, "initialized", module, day, null);
    }

    private static void send(XapiHttp lrs, String who, String verb, String module, LocalDate day, Double scaled) {
        ObjectNode s = XapiJson.MAPPER.createObjectNode();
        s.put("id", UUID.randomUUID().toString()).put("timestamp", day.atTime(10, 0) + ":00Z");
        s.putObject("actor").put("mbox", "mailto:" + who + "@riverside.test");
        s.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/" + verb);
        s.putObject("object").put("id", MODULES + module).put("objectType", "Activity");
        if (scaled != null) {
            s.putObject("result").put("success", verb.equals("passed")).putObject("score").put("scaled", scaled);
        }
        ObjectNode context = s.putObject("context");
        context.put("registration", UUID.randomUUID().toString());
        context.putObject("extensions").put(Vocabulary.EXT_MODULE_VERSION, module.equals("privacy") && verb.equals("passed")
                && !day.isBefore(START.plusDays(250)) ? "3.0.0" : "2.0.0").put(Vocabulary.EXT_PACKAGE_FORMAT, "xapi");
        HttpResponse<String> response = lrs.postJson("/xapi/statements", s.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static void ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    static byte[] form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
