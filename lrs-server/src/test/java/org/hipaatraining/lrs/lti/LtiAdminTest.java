package org.hipaatraining.lrs.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The admin side: registering platforms, rotating keys, importing members, the admin page. */
class LtiAdminTest extends LtiIntegrationTest {

    @Autowired
    RosterService roster;

    @Test
    void aPlatformNeedsEveryFieldAndHttpsAndIsRegisteredOnce() {
        HttpResponse<String> empty = admin.postJson("/api/lti/platforms", "{\"name\":\"x\"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("issuer: required").contains("clientId: required").contains("deploymentIds")
                .contains("authLoginUrl: required").contains("tokenUrl: required").contains("jwksUrl: required");
        HttpResponse<String> plainHttp = admin.postJson("/api/lti/platforms", platform.registrationJson("x")
                .replace(platform.base() + "/auth", "http://moodle.example/mod/lti/auth.php"));
        assertThat(plainHttp.statusCode()).isEqualTo(400);
        assertThat(plainHttp.body()).contains("authLoginUrl").contains("https");
        HttpResponse<String> twice = admin.postJson("/api/lti/platforms", platform.registrationJson("Again"));
        assertThat(twice.statusCode()).isEqualTo(409);

        HttpResponse<String> listed = admin.get("/api/lti/platforms");
        assertThat(listed.body()).contains(platform.clientId);
        assertThat(XapiHttp.basic(xapi.base(), KEY, SECRET).get("/api/lti/platforms").statusCode()).isEqualTo(401);
    }

    @Test
    void aDeletedPlatformCannotLaunchAnyMore() {
        assertThat(admin.delete("/api/lti/platforms/" + platformId, Map.of()).statusCode()).isEqualTo(204);
        HttpResponse<String> response = get(TOOL + "/lti/login?" + query(Map.of("iss", platform.issuer(),
                "login_hint", "x", "target_link_uri", TOOL + "/lti/launch", "client_id", platform.clientId)));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void rotatingKeepsTheOldKeyPublishedUntilItIsRemoved() {
        List<String> before = kids();
        HttpResponse<String> rotated = admin.postJson("/api/lti/keys/rotate", "");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        String newKid = XapiHttp.json(rotated).get("kid").asString();
        List<String> after = kids();
        assertThat(after).containsAll(before).contains(newKid).hasSize(before.size() + 1);
        JsonNode listed = XapiHttp.json(admin.get("/api/lti/keys"));
        assertThat(listed.get(0).get("kid").asString()).isEqualTo(newKid);
        assertThat(listed.get(0).get("signing").asBoolean()).isTrue();

        assertThat(admin.delete("/api/lti/keys/" + newKid, Map.of()).statusCode()).isEqualTo(409);
        String old = before.get(0);
        assertThat(admin.delete("/api/lti/keys/" + old, Map.of()).statusCode()).isEqualTo(204);
        assertThat(kids()).doesNotContain(old).contains(newKid);

        // the platform's token endpoint accepts assertions signed with the new key (checked against /lti/jwks)
        platform.members.add(Map.of("user_id", "m-" + UUID.randomUUID(), "name", "Rota Member", "status", "Active"));
        assertThat(admin.postJson("/api/lti/platforms/" + platformId + "/import-members",
                "{\"contextMembershipsUrl\":\"" + platform.base() + "/memberships\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void courseMembersAreImportedIntoTheRosterWithTheirPlatformAccount() {
        String active = "m-" + UUID.randomUUID();
        String inactive = "m-" + UUID.randomUUID();
        String email = "lee." + UUID.randomUUID().toString().substring(0, 8) + "@clinic.test";
        platform.members.add(Map.of("user_id", active, "name", "Lee Member", "email", email, "status", "Active",
                "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner")));
        platform.members.add(Map.of("user_id", inactive, "given_name", "Old", "family_name", "Member", "status", "Inactive"));

        HttpResponse<String> imported = admin.postJson("/api/lti/platforms/" + platformId + "/import-members",
                "{\"contextMembershipsUrl\":\"" + platform.base() + "/memberships\",\"role\":\"billing\"}");

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode result = XapiHttp.json(imported);
        assertThat(result.get("members").asInt()).isEqualTo(2);
        assertThat(result.get("onRoster").asInt()).isEqualTo(1);
        Person person = roster.byIdentity("account|" + platform.issuer() + "|" + active).orElseThrow();
        assertThat(person.email()).isEqualTo(email);
        assertThat(person.rolesOn(java.time.LocalDate.now())).containsExactly("billing");
        assertThat(roster.byIdentity("account|" + platform.issuer() + "|" + inactive)).isEmpty();
        assertThat(platform.tokenScopes).contains(LtiClaims.SCOPE_MEMBERSHIPS);

        HttpResponse<String> foreign = admin.postJson("/api/lti/platforms/" + platformId + "/import-members",
                "{\"contextMembershipsUrl\":\"https://elsewhere.example/members\"}");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("not a URL of");
    }

    @Test
    void theAdminPageShowsTheUrlsForMoodleAndAKeyForCanvas() {
        HttpResponse<String> page = admin.get("/admin/lti");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(TOOL + "/lti/launch").contains(TOOL + "/lti/login").contains(TOOL + "/lti/jwks")
                .contains("Simulated Moodle").contains("oidc_initiation_url").contains("LtiDeepLinkingRequest")
                .contains("name=\"_csrf\"");
    }

    private List<String> kids() {
        List<String> kids = new ArrayList<>();
        XapiHttp.json(get(TOOL + "/lti/jwks")).get("keys").forEach(k -> kids.add(k.get("kid").asString()));
        return kids;
    }
}
