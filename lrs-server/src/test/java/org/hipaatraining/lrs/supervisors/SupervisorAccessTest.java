package org.hipaatraining.lrs.supervisors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.TrainingStatements.daysAgo;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A supervisor's sign-in opens their team page and nothing else: every other page, report, setting and API is a 403,
 * and a coaching note about someone off their team too. Admins make the sign-in from the person's page.
 */
class SupervisorAccessTest extends LrsIntegrationTest {

    @Test
    void aSupervisorSeesTheirTeamAndGets403OnEverythingElse() {
        PracticeFixture practice = new PracticeFixture(xapi);
        String bossName = "Rhea Vance " + practice.run;
        Learner boss = practice.person(bossName, "rhea", List.of("management"), 300, "Board");
        Learner ann = practice.person("Ann Team " + practice.run, "ann", List.of("front-desk"), 60, bossName);
        Learner cy = practice.person("Cy Below " + practice.run, "cy", List.of("everyone"), 20, "Ann Team " + practice.run);
        Learner other = practice.person("Oli Other " + practice.run, "oli", List.of("everyone"), 60, "Someone Else " + practice.run);
        practice.send(TrainingStatements.failed(ann.mbox(), ann.name(), "privacy", daysAgo(2), 0.4));

        XapiHttp supervisor = signIn(practice, boss);

        HttpResponse<String> team = supervisor.get("/admin/team");
        assertThat(team.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(team.body());
        assertThat(page.select(".team-member").eachAttr("data-person")).containsExactlyInAnyOrder(ann.id(), cy.id());
        assertThat(page.select("#person-" + ann.id()).text()).contains("Failed: needs a retake");
        assertThat(page.select(".site-header nav a").eachAttr("href")).containsExactly("/admin/team");
        assertThat(page.select(".site-header nav a[aria-current=page]")).hasSize(1);

        for (String path : List.of("/admin", "/admin/people", "/admin/people/" + ann.id(), "/admin/people/" + other.id(), "/admin/people/supervisors-without-sign-in",
                "/admin/overdue", "/admin/setup", "/admin/notifications", "/admin/statements", "/admin/audit-packages",
                "/admin/sign-in-locks", "/api/compliance/status", "/api/compliance/people/" + ann.id() + "/status",
                "/api/reports/status.csv", "/api/reports/audit.pdf?person=" + ann.id(), "/api/practice", "/api/roster/people")) {
            assertThat(supervisor.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(supervisor.putJson("/api/practice", "{\"name\":\"Taken over\"}", Map.of()).statusCode()).isEqualTo(403);
        assertThat(form(supervisor, "/admin/people/" + other.id() + "/remedial-actions", "action=x").statusCode()).isEqualTo(403);
        assertThat(form(supervisor, "/admin/people/" + other.id() + "/supervisor-account", "username=x").statusCode()).isEqualTo(403);

        // coaching notes: on the team, yes; anyone else, 403; an empty one, 400 naming the field
        assertThat(form(supervisor, "/admin/team/people/" + cy.id() + "/coaching-notes", "text=Talked+through+phishing")
                .statusCode()).isEqualTo(302);
        assertThat(form(supervisor, "/admin/team/people/" + other.id() + "/coaching-notes", "text=Nosy").statusCode())
                .isEqualTo(403);
        HttpResponse<String> empty = form(supervisor, "/admin/team/people/" + cy.id() + "/coaching-notes", "text=+");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("text:");

        Document cyPage = Jsoup.parse(practice.admin().get("/admin/people/" + cy.id()).body());
        assertThat(cyPage.select("#coaching-table tbody").text()).contains("Talked through phishing", "rhea." + practice.run);
        assertThat(Jsoup.parse(practice.admin().get("/admin/people/" + other.id()).body()).select("#coaching-table tbody").text())
                .contains("None yet");
    }

    @Test
    void aSupervisorRecordsRemedialActionsForTheirTeamOnlyAndAdminsSeeThemOnTheRecordAndInTheAuditPackage() throws Exception {
        PracticeFixture practice = new PracticeFixture(xapi);
        String bossName = "Vera Boss " + practice.run;
        Learner boss = practice.person(bossName, "vera", List.of("management"), 300, "Board");
        Learner dan = practice.person("Dan Team " + practice.run, "dan", List.of("everyone"), 60, bossName);
        Learner eve = practice.person("Eve Below " + practice.run, "eve", List.of("everyone"), 60, "Dan Team " + practice.run);
        Learner out = practice.person("Olga Out " + practice.run, "olga", List.of("everyone"), 60, "Someone Else " + practice.run);
        XapiHttp supervisor = signIn(practice, boss);
        String day = practice.today.minusDays(2).toString();

        HttpResponse<String> sanction = form(supervisor, "/admin/team/people/" + dan.id() + "/remedial-actions",
                "kind=SANCTION&moduleId=privacy&date=" + day + "&action=" + URLEncoder.encode(
                        "Written warning, step 1 of the sanction policy, after a misdirected fax", StandardCharsets.UTF_8));
        assertThat(sanction.statusCode()).as(sanction.body()).isEqualTo(302);
        assertThat(form(supervisor, "/admin/team/people/" + eve.id() + "/remedial-actions",
                "kind=RETRAINING&action=Retook+the+privacy+module+together").statusCode()).as("a report of a report")
                .isEqualTo(302);
        // off the team: 403, and nothing is recorded
        assertThat(form(supervisor, "/admin/team/people/" + out.id() + "/remedial-actions",
                "kind=COACHING&action=Nosy").statusCode()).isEqualTo(403);
        assertThat(form(supervisor, "/admin/team/people/no-such-person/remedial-actions",
                "kind=COACHING&action=Nosy").statusCode()).isEqualTo(403);
        // bad input: 400 naming the field, the draft kept
        HttpResponse<String> noKind = form(supervisor, "/admin/team/people/" + dan.id() + "/remedial-actions",
                "action=Talked");
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(noKind.body()).contains("kind:");
        HttpResponse<String> future = form(supervisor, "/admin/team/people/" + dan.id() + "/remedial-actions",
                "kind=COACHING&date=" + practice.today.plusDays(1) + "&action=Planned+talk");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("date:").contains("Planned talk");
        assertThat(form(supervisor, "/admin/team/people/" + dan.id() + "/remedial-actions", "kind=COACHING&action=+")
                .statusCode()).isEqualTo(400);

        Document team = Jsoup.parse(supervisor.get("/admin/team").body());
        assertThat(team.select("#actions-" + dan.id()).text()).contains(day, "Sanction (sanction policy, 45 CFR 164.530(e))",
                "privacy", "Written warning, step 1", "by vera." + practice.run);
        assertThat(team.select("#person-" + eve.id() + " .remedial summary").text()).isEqualTo("Remedial actions (1)");

        Document danPage = Jsoup.parse(practice.admin().get("/admin/people/" + dan.id()).body());
        assertThat(danPage.select("#remedial-table tbody tr")).hasSize(1);
        assertThat(danPage.select("#remedial-table tbody").text()).contains(day, "Sanction", "privacy",
                "Written warning, step 1 of the sanction policy", "vera." + practice.run);
        assertThat(Jsoup.parse(practice.admin().get("/admin/people/" + out.id()).body()).select("#remedial-table tbody")
                .text()).contains("None recorded");

        HttpResponse<byte[]> audit = practice.admin().getBytes("/api/reports/audit.pdf", Map.of("person", dan.id()));
        assertThat(audit.statusCode()).isEqualTo(200);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(audit.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("1 remedial action").contains("Sanction (sanction policy, 45 CFR 164.530(e))")
                    .contains("Written warning, step 1 of the sanction policy").contains("vera." + practice.run);
        }
    }

    @Test
    void anotherPasswordReplacesTheFirstAndATakenUserNameIsA400() {
        PracticeFixture practice = new PracticeFixture(xapi);
        Learner boss = practice.person("Tess Lead " + practice.run, "tess", List.of("management"), 300, "Board");
        XapiHttp first = signIn(practice, boss);
        assertThat(first.get("/admin/team").statusCode()).isEqualTo(200);

        String again = issue(practice, boss, null);
        assertThat(first.get("/admin/team").statusCode()).as("the old password").isEqualTo(401);
        assertThat(XapiHttp.basic(xapi.base(), boss.email(), again).version(null).get("/admin/team").statusCode()).isEqualTo(200);

        Learner second = practice.person("Uma Lead " + practice.run, "uma", List.of("management"), 300, "Board");
        HttpResponse<String> taken = form(practice.admin(), "/admin/people/" + second.id() + "/supervisor-account",
                "username=" + URLEncoder.encode(boss.email(), StandardCharsets.UTF_8));
        assertThat(taken.statusCode()).isEqualTo(400);
        assertThat(taken.body()).contains("username:");
        assertThat(practice.admin().get("/admin/team").statusCode()).as("an admin has no team").isEqualTo(403);

        // the supervisor sets a password only they know
        XapiHttp current = XapiHttp.basic(xapi.base(), boss.email(), again).version(null);
        HttpResponse<String> wrong = form(current, "/admin/team/password", "currentPassword=nope&newPassword=long-enough-1");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("currentPassword:");
        HttpResponse<String> shortOne = form(current, "/admin/team/password", "currentPassword=" + again + "&newPassword=short");
        assertThat(shortOne.statusCode()).isEqualTo(400);
        assertThat(shortOne.body()).contains("newPassword:");
        assertThat(form(current, "/admin/team/password", "currentPassword=" + again + "&newPassword=tess-own-password-1")
                .statusCode()).isEqualTo(302);
        again = "tess-own-password-1";
        assertThat(XapiHttp.basic(xapi.base(), boss.email(), again).version(null).get("/admin/team").statusCode()).isEqualTo(200);

        HttpResponse<String> left = practice.admin().putJson("/api/roster/people/" + boss.id() + "/status",
                "{\"status\":\"DEPARTED\"}", Map.of());
        assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
        assertThat(XapiHttp.basic(xapi.base(), boss.email(), again).version(null).get("/admin/team").statusCode())
                .as("a departed supervisor").isEqualTo(403);
    }

    /** Gives the person a supervisor sign-in (user name: their email) and signs in with it over HTTP Basic. */
    static XapiHttp signIn(PracticeFixture practice, Learner person) {
        return XapiHttp.basic(practice.admin().base(), person.email(), issue(practice, person, person.email())).version(null);
    }

    private static String issue(PracticeFixture practice, Learner person, String username) {
        HttpResponse<String> issued = form(practice.admin(), "/admin/people/" + person.id() + "/supervisor-account",
                username == null ? "" : "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        return Jsoup.parse(issued.body()).select("#issued-password").text();
    }

    private static HttpResponse<String> form(XapiHttp as, String path, String body) {
        return as.send("POST", path, Map.of(), body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
    }
}
