package org.hipaatraining.lrs.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import com.nimbusds.jwt.SignedJWT;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.support.ModulePlayer;
import org.hipaatraining.lrs.support.PolicyViolations;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * LTI in a real browser (headless Chromium): the LMS course page frames the tool, the OIDC login and the platform's
 * form post run as in Moodle, the learner plays the module in the frame, and the LMS receives one score.
 */
class LtiBrowserTest extends LtiIntegrationTest {

    private static final String MODULE = "reminder-phishing";

    @Autowired
    Catalogue catalogue;

    private Playwright playwright;
    private final PolicyViolations policy = new PolicyViolations();
    private Browser browser;

    @BeforeEach
    void startBrowser() {
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--no-first-run")));
    }

    @AfterEach
    void stopBrowser() {
        policy.assertNone();
        browser.close();
        playwright.close();
    }

    @Test
    void aLearnerLaunchedFromTheLmsPlaysTheModuleInTheFrameAndTheLmsGetsTheirScore() throws InterruptedException {
        String hint = "hint-" + UUID.randomUUID();
        PlatformSimulator.Launch launch = PlatformSimulator.Launch.resourceLink("user-" + UUID.randomUUID(), Map.of("module", MODULE));
        platform.launchesByLoginHint.put(hint, launch);
        // no transitions: a choice mid-animation is not "stable" for a click
        Page page = policy.watch(browser.newPage(new Browser.NewPageOptions().setReducedMotion(ReducedMotion.REDUCE)));
        page.navigate(platform.base() + "/course?" + query(Map.of("src", loginUrl(hint))));

        Frame tool = org.awaitility.Awaitility.await("the module opened in the LMS's frame").atMost(java.time.Duration.ofSeconds(15))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> page.frames().stream().filter(f -> f.url().contains("/cmi5/content/")).findFirst().orElse(null),
                        java.util.Objects::nonNull);
        assertThat(tool.url()).contains("/modules/" + MODULE + "/index.html?endpoint=");
        ModulePlayer.play(tool, catalogue.module(MODULE).orElseThrow());
        page.close();

        // one score arrives, and no second one follows it
        org.awaitility.Awaitility.await("the LMS's score").atMost(java.time.Duration.ofSeconds(15))
                .until(() -> !platform.scores.isEmpty());
        org.awaitility.Awaitility.await("no second score").during(java.time.Duration.ofMillis(1500))
                .atMost(java.time.Duration.ofSeconds(3)).until(() -> platform.scores.size() == 1);
        JsonNode score = XapiJson.parse(platform.scores.get(0), "score");
        assertThat(score.get("userId").asString()).isEqualTo(launch.sub());
        assertThat(score.get("scoreGiven").asDouble()).isEqualTo(100.0);
        assertThat(platform.authRequests).hasSize(1);
    }

    @Test
    void aTeacherPicksAModuleAndTheLmsReceivesTheSignedLink() throws Exception {
        String hint = "hint-" + UUID.randomUUID();
        platform.launchesByLoginHint.put(hint, PlatformSimulator.Launch.resourceLink("teacher-" + UUID.randomUUID(), Map.of())
                .deepLinking());
        Page page = policy.watch(browser.newPage());
        page.navigate(loginUrl(hint));

        page.getByLabel(catalogue.module("privacy").orElseThrow().title()).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the LMS")).click();
        page.waitForSelector("#done");

        assertThat(platform.deepLinkResponses).hasSize(1);
        List<Object> items = SignedJWT.parse(platform.deepLinkResponses.get(0)).getJWTClaimsSet()
                .getListClaim(LtiClaims.CONTENT_ITEMS);
        assertThat(items).hasSize(1);
        assertThat(((Map<?, ?>) items.get(0)).get("custom")).isEqualTo(Map.of("module", "privacy"));
    }

    private String loginUrl(String hint) {
        return TOOL + "/lti/login?" + query(Map.of("iss", platform.issuer(), "login_hint", hint,
                "target_link_uri", TOOL + "/lti/launch", "client_id", platform.clientId,
                "lti_deployment_id", platform.deploymentId));
    }
}
