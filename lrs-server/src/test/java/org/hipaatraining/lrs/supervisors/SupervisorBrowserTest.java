package org.hipaatraining.lrs.supervisors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.TrainingStatements.daysAgo;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.hipaatraining.lrs.compliance.web.AdminBrowser;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.PracticeFixture.Learner;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.junit.jupiter.api.Test;

/**
 * In Chromium: an admin gives a supervisor a sign-in from the people list's "supervisors without a sign-in", the
 * supervisor signs in, sees exactly their team, adds a coaching note and records a remedial action, and the admin finds
 * both on the person's page. Screenshots at 1280 and 768, none scrolling
 * sideways; the grouped admin navigation opened by keyboard at tablet width.
 */
class SupervisorBrowserTest extends LrsIntegrationTest {

    @Test
    void aSupervisorSignsInSeesTheirTeamAndLeavesACoachingNoteTheAdminSees() {
        PracticeFixture practice = new PracticeFixture(xapi);
        String bossName = "Priya Raman " + practice.run;
        Learner boss = practice.person(bossName, "priya", List.of("management"), 400, "Board");
        Learner ann = practice.person("Ann Alvarez " + practice.run, "ann", List.of("front-desk"), 75, bossName);
        Learner cy = practice.person("Cy Brooks " + practice.run, "cy", List.of("clinical"), 10, bossName);
        Learner dot = practice.person("Dot Chen " + practice.run, "dot", List.of("billing"), 40, "Cy Brooks " + practice.run);
        Learner outsider = practice.person("Eli Stone " + practice.run, "eli", List.of("everyone"), 75, "Someone Else");
        practice.send(TrainingStatements.failed(ann.mbox(), ann.name(), "privacy", daysAgo(5), 0.5));
        practice.send(TrainingStatements.passed(cy.mbox(), cy.name(), "privacy", daysAgo(1), 0.9));

        try (AdminBrowser browser = new AdminBrowser(port)) {
            Page admin = browser.signedIn("admin", ADMIN_PASSWORD, 1280, 900);
            admin.navigate(browser.url("/admin/people"));
            admin.locator("#supervisors-without-sign-in").click();
            admin.waitForSelector("#supervisors-table");
            // the people named as supervisors (Priya, and Cy for Dot), not those who supervise no one
            assertThat(admin.locator("#supervisors-table tr[data-person='" + boss.id() + "']").textContent())
                    .contains(bossName, boss.email());
            assertThat(admin.locator("#supervisors-table tr[data-person='" + boss.id() + "'] td.num").textContent())
                    .isEqualTo("2");
            assertThat(admin.locator("#supervisors-table tr[data-person='" + cy.id() + "']").count()).isEqualTo(1);
            assertThat(admin.locator("#supervisors-table tr[data-person='" + ann.id() + "']").count()).isZero();
            browser.screenshot(admin, "supervisors-without-sign-in-1280");
            admin.locator("#invite-" + boss.id()).click();
            admin.waitForSelector("#issued-password");
            String password = admin.locator("#issued-password").textContent().trim();
            assertThat(admin.locator("#issued-username").textContent()).isEqualTo(boss.email());
            assertThat(password).hasSize(19);
            browser.screenshot(admin, "supervisor-account-1280");
            admin.navigate(browser.url("/admin/people/supervisors-without-sign-in"));
            assertThat(admin.locator("#supervisors-table tr[data-person='" + boss.id() + "']").count()).isZero();
            assertThat(admin.locator("#supervisors-table tr[data-person='" + cy.id() + "']").count()).isEqualTo(1);

            Page supervisor = browser.signedIn(boss.email(), password, 1280, 900);
            assertThat(supervisor.url()).endsWith("/admin/team");
            assertThat(supervisor.locator(".team-member h2").allTextContents())
                    .containsExactly(ann.name(), cy.name(), dot.name());
            assertThat(supervisor.locator("#person-" + ann.id()).textContent()).contains("Failed: needs a retake");
            assertThat(supervisor.locator(".site-header nav a").count()).isEqualTo(1);
            browser.screenshot(supervisor, "team-1280");
            supervisor.setViewportSize(768, 1024);
            browser.screenshot(supervisor, "team-768");

            Locator cySection = supervisor.locator("#person-" + cy.id());
            String note = "Went through the minimum necessary examples with Cy " + practice.run;
            cySection.locator("textarea[name=text]").fill(note);
            cySection.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save note")).click();
            supervisor.waitForSelector(".message.success");
            assertThat(supervisor.locator("#person-" + cy.id() + " .notes").textContent()).contains(note);
            browser.screenshot(supervisor, "team-note-768");

            Locator annSection = supervisor.locator("#person-" + ann.id());
            annSection.locator(".remedial summary").click();
            annSection.locator("select[name=kind]").selectOption("RETRAINING");
            annSection.locator("select[name=moduleId]").selectOption("privacy");
            String action = "Retook the privacy module together after the failed check " + practice.run;
            annSection.locator("textarea[name=action]").fill(action);
            annSection.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record action")).click();
            // the page comes back with the actions folded away: the list is there, not visible
            supervisor.waitForSelector("#actions-" + ann.id(),
                    new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
            assertThat(supervisor.locator("#actions-" + ann.id()).textContent()).contains("Retraining").contains(action);
            browser.screenshot(supervisor, "team-remedial-768");

            Response forbidden = supervisor.navigate(browser.url("/admin/people/" + outsider.id()));
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(supervisor.navigate(browser.url("/admin")).status()).isEqualTo(403);
            assertThat(supervisor.navigate(browser.url("/api/compliance/status")).status()).isEqualTo(403);

            admin.navigate(browser.url("/admin/people/" + ann.id()));
            assertThat(admin.locator("#remedial-table tbody").textContent()).contains("Retraining").contains("privacy")
                    .contains(action).contains(boss.email());

            admin.navigate(browser.url("/admin/people/" + cy.id()));
            assertThat(admin.locator("#coaching-table tbody").textContent()).contains(note).contains(boss.email());
            admin.locator("#coaching").scrollIntoViewIfNeeded();
            browser.screenshot(admin, "person-coaching-1280");
            admin.setViewportSize(768, 1024);
            browser.screenshot(admin, "person-coaching-768");

            // the grouped navigation at tablet width: at most two rows, and a group opens from the keyboard
            admin.navigate(browser.url("/admin"));
            double bar = (Double) admin.evaluate("() => document.querySelector('.site-header .bar').getBoundingClientRect().height");
            System.out.println("admin header height at 768: " + bar + " px");
            assertThat(bar).as("header height at 768").isLessThan(140);
            admin.locator(".nav-setup summary").focus();
            admin.keyboard().press("Enter");
            assertThat(admin.locator(".nav-setup a[href='/admin/lti']").isVisible()).isTrue();
            browser.screenshot(admin, "nav-setup-open-768");
            browser.assertNoPolicyViolations();
        }
    }
}
