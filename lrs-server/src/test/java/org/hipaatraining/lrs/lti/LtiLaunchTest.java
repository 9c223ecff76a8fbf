package org.hipaatraining.lrs.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** OIDC login and resource link launches against the platform simulator, and every way a launch must be refused. */
class LtiLaunchTest extends LtiIntegrationTest {

    @Autowired
    RosterService roster;

    @Autowired
    Catalogue catalogue;

    @Test
    void loginRedirectsToThePlatformWithEveryOidcParameter() {
        Login login = login("hint-1");
        assertThat(login.location().toString()).startsWith(platform.base() + "/auth?");
        assertThat(login.params()).containsEntry("scope", "openid").containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post").containsEntry("prompt", "none")
                .containsEntry("client_id", platform.clientId).containsEntry("redirect_uri", TOOL + "/lti/launch")
                .containsEntry("login_hint", "hint-1").containsEntry("lti_message_hint", "hint+/=hint-1");
        assertThat(login.state()).hasSizeGreaterThan(20);
        assertThat(login.nonce()).hasSizeGreaterThan(20).isNotEqualTo(login.state());
    }

    @Test
    void aModuleLinkPutsTheLearnerOnTheRosterAndOpensTheModule() {
        String sub = "user-" + UUID.randomUUID();
        HttpResponse<String> launched = launch(PlatformSimulator.Launch.resourceLink(sub, Map.of("module", "privacy")));

        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(302);
        URI course = URI.create(launched.headers().firstValue("Location").orElseThrow());
        assertThat(course.getPath()).isEqualTo("/cmi5/content/module-privacy/modules/privacy/index.html");
        Map<String, String> params = PlatformSimulator.form(course.getRawQuery());
        assertThat(params).containsKeys("endpoint", "fetch", "actor", "registration", "activityId");
        assertThat(params.get("endpoint")).isEqualTo(TOOL + "/xapi/");
        JsonNode actor = XapiJson.parse(params.get("actor"), "actor");
        assertThat(actor.get("account").get("homePage").asString()).isEqualTo(platform.issuer());
        assertThat(actor.get("account").get("name").asString()).isEqualTo(sub);

        Person person = roster.byIdentity("account|" + platform.issuer() + "|" + sub).orElseThrow();
        assertThat(person.name()).isEqualTo("Pat " + sub);
        assertThat(person.rolesOn(java.time.LocalDate.now())).containsExactly("everyone");

        HttpResponse<String> page = get(course.toString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");

        // the AU's side of cmi5: one fetch gives a token bound to this learner and registration
        URI fetch = URI.create(params.get("fetch"));
        HttpResponse<String> fetched = xapi.anonymous().send("POST", fetch.getPath(), Map.of(), new byte[0]);
        String token = XapiHttp.json(fetched).get("auth-token").asString();
        String[] basic = new String(java.util.Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split(":", 2);
        XapiHttp au = xapi.credentials(basic[0], basic[1]);
        HttpResponse<String> launchData = au.get("/xapi/activities/state", XapiHttp.params("activityId",
                params.get("activityId"), "agent", params.get("actor"), "registration", params.get("registration"),
                "stateId", "LMS.LaunchData"));
        assertThat(launchData.statusCode()).as(launchData.body()).isEqualTo(200);
        JsonNode template = XapiHttp.json(launchData).get("contextTemplate");
        assertThat(template.at("/contextActivities/grouping/0/id").asString())
                .isEqualTo(catalogue.module("privacy").orElseThrow().iri());

        ObjectNode initialized = XapiJson.MAPPER.createObjectNode();
        initialized.set("actor", actor);
        initialized.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/initialized");
        initialized.putObject("object").put("id", params.get("activityId"));
        initialized.putObject("context").put("registration", params.get("registration")).setAll((ObjectNode) template);
        ((ObjectNode) initialized.get("context").get("contextActivities")).putArray("category").addObject()
                .put("id", "https://w3id.org/xapi/cmi5/context/categories/cmi5");
        HttpResponse<String> stored = au.postJson("/xapi/statements", initialized.toString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

        JsonNode someoneElse = XapiJson.parse("""
                {"account": {"homePage": "%s", "name": "someone-else"}}""".formatted(platform.issuer()), "actor");
        initialized.set("actor", someoneElse);
        initialized.remove("id");
        assertThat(au.postJson("/xapi/statements", initialized.toString()).statusCode())
                .as("the token writes only this learner's statements").isEqualTo(403);
    }

    @Test
    void aRoleLinkAddsTheLearnerInThatRoleAndOpensTheRolesFirstModule() {
        String sub = "user-" + UUID.randomUUID();
        HttpResponse<String> launched = launch(PlatformSimulator.Launch.resourceLink(sub, Map.of("role", "front-desk")));

        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(302);
        String first = catalogue.role("front-desk").orElseThrow().moduleIds().get(0);
        assertThat(launched.headers().firstValue("Location").orElseThrow())
                .contains("/cmi5/content/role-front-desk/modules/" + first + "/index.html?");
        Person person = roster.byIdentity("account|" + platform.issuer() + "|" + sub).orElseThrow();
        assertThat(person.rolesOn(java.time.LocalDate.now())).containsExactly("front-desk");
    }

    @Test
    void aLinkLaunchedBeforeKeepsItsTargetWhenTheCustomParameterIsGone() {
        PlatformSimulator.Launch first = PlatformSimulator.Launch.resourceLink("user-" + UUID.randomUUID(), Map.of("module", "breach"));
        assertThat(launch(first).statusCode()).isEqualTo(302);
        PlatformSimulator.Launch again = new PlatformSimulator.Launch("user-" + UUID.randomUUID(), "Sam", null,
                LtiClaims.RESOURCE_LINK_REQUEST, first.resourceLinkId(), Map.of(), true, b -> { }, null);
        HttpResponse<String> launched = launch(again);
        assertThat(launched.statusCode()).isEqualTo(302);
        assertThat(launched.headers().firstValue("Location").orElseThrow()).contains("/modules/breach/index.html?");
    }

    @Test
    void aLinkThatNamesNoTrainingIsRefusedWithAnExplanation() {
        HttpResponse<String> launched = launch(PlatformSimulator.Launch.resourceLink("user-" + UUID.randomUUID(), Map.of()));
        assertThat(launched.statusCode()).isEqualTo(400);
        assertThat(launched.body()).contains("does not say which training it opens").contains("module=");
    }

    @Test
    void aUserWithTheEmailOfSomeoneOnTheRosterIsLinkedToThem() {
        String email = "kim." + UUID.randomUUID().toString().substring(0, 8) + "@clinic.test";
        HttpResponse<String> created = admin.postJson("/api/roster/people",
                "{\"name\":\"Kim Existing\",\"email\":\"" + email + "\",\"roles\":[\"clinical\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String sub = "user-" + UUID.randomUUID();
        PlatformSimulator.Launch launch = new PlatformSimulator.Launch(sub, "Kim", email.toUpperCase(),
                LtiClaims.RESOURCE_LINK_REQUEST, "link-" + UUID.randomUUID(), Map.of("module", "privacy"), false, b -> { }, null);
        assertThat(launch(launch).statusCode()).isEqualTo(302);
        Person person = roster.byIdentity("account|" + platform.issuer() + "|" + sub).orElseThrow();
        assertThat(person.id()).isEqualTo(XapiHttp.json(created).get("id").asString());
    }

    @Test
    void aForgedSignatureIsRefused() {
        assertRefused(launch(base().signedBy(platform.unpublishedKey)), 401, "key");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertRefused(launch(base().with(b -> b.issueTime(new Date(System.currentTimeMillis() - 600_000))
                .expirationTime(new Date(System.currentTimeMillis() - 300_000)))), 401, "expired");
    }

    @Test
    void aTokenForAnotherToolIsRefused() {
        assertRefused(launch(base().with(b -> b.audience("some-other-tool"))), 401, "meant for");
        assertRefused(launch(base().with(b -> b.audience(java.util.List.of(platform.clientId, "other")).claim("azp", "other"))),
                401, "azp");
    }

    @Test
    void aTokenForAnotherLinkThanTheLoginIsRefused() {
        assertRefused(launch(base().with(b -> b.claim(LtiClaims.TARGET_LINK_URI, "https://lms.example/other-tool"))),
                401, "login was for " + TOOL + "/lti/launch");
        assertThat(launch(base().with(b -> b.claim(LtiClaims.TARGET_LINK_URI, TOOL + "/lti/launch"))).statusCode())
                .isEqualTo(302);
    }

    @Test
    void anotherIssuerIsRefused() {
        assertRefused(launch(base().with(b -> b.issuer("https://evil.example"))), 401, "issued by");
    }

    @Test
    void aReplayedTokenIsRefused() {
        Login login = login("hint-replay");
        String idToken = platform.idToken(login.nonce(), base());
        assertThat(postLaunch(idToken, login.state()).statusCode()).isEqualTo(302);
        // the same form post again: the state is used up
        assertRefused(postLaunch(idToken, login.state()), 401, "state");
        // the old token with a fresh login: its nonce belongs to the old one
        assertRefused(postLaunch(idToken, login("hint-replay-2").state()), 401, "nonce");
    }

    @Test
    void anUnknownStateIsRefused() {
        Login login = login("hint-state");
        assertRefused(postLaunch(platform.idToken(login.nonce(), base()), "made-up-state"), 401, "state");
    }

    @Test
    void anUnregisteredDeploymentIsRefused() {
        assertRefused(launch(base().with(b -> b.claim(LtiClaims.DEPLOYMENT_ID, "deployment-nobody-added"))), 401, "Deployment");
    }

    @Test
    void otherMessageTypesAndVersionsAreRefused() {
        assertRefused(launch(base().with(b -> b.claim(LtiClaims.MESSAGE_TYPE, "LtiSubmissionReviewRequest"))), 400, "type");
        assertRefused(launch(base().with(b -> b.claim(LtiClaims.VERSION, "1.1"))), 400, "version");
    }

    @Test
    void aLoginFromAnUnregisteredPlatformIsRefused() {
        HttpResponse<String> response = get(TOOL + "/lti/login?" + query(Map.of("iss", "https://unknown-lms.example",
                "login_hint", "x", "target_link_uri", TOOL + "/lti/launch")));
        assertRefused(response, 401, "not registered");
    }

    private PlatformSimulator.Launch base() {
        return PlatformSimulator.Launch.resourceLink("user-" + UUID.randomUUID(), Map.of("module", "privacy"));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String says) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).contains("data-lti-error").contains(says);
    }
}
