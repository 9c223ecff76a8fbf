package org.hipaatraining.lrs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.JsonNode;

/**
 * A practice's people and training, set up through the public APIs: people on the roster through {@code /api/roster}
 * as the admin, statements through {@code /xapi/statements} as the bootstrap client. Emails and employee ids carry a
 * run id, because every test shares one database.
 */
public final class PracticeFixture {

    /** Someone on the roster and the mbox their statements are sent with. */
    public record Learner(String id, String name, String employeeId, String email) {

        public String mbox() {
            return "mailto:" + email;
        }
    }

    public final String run = UUID.randomUUID().toString().substring(0, 8);
    public final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final XapiHttp xapi;
    private final XapiHttp admin;

    public PracticeFixture(XapiHttp xapi) {
        this.xapi = xapi;
        this.admin = XapiHttp.basic(xapi.base(), "admin", LrsIntegrationTest.ADMIN_PASSWORD);
    }

    public XapiHttp admin() {
        return admin;
    }

    /** Adds a person hired {@code hiredDaysAgo} days ago; {@code key} makes the email and employee id unique. */
    public Learner person(String name, String key, List<String> roles, int hiredDaysAgo, String supervisor) {
        String email = key + "." + run + "@clinic.test";
        String employeeId = key.toUpperCase() + "-" + run;
        ObjectNode body = XapiJson.MAPPER.createObjectNode().put("name", name).put("email", email)
                .put("employeeId", employeeId).put("hireDate", today.minusDays(hiredDaysAgo).toString())
                .put("supervisor", supervisor);
        ArrayNode roleArray = body.putArray("roles");
        roles.forEach(roleArray::add);
        HttpResponse<String> created = admin.postJson("/api/roster/people", XapiJson.write(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Learner(XapiHttp.json(created).get("id").asString(), name, employeeId, email);
    }

    /** Sends a statement and returns its id. */
    public String send(ObjectNode statement) {
        HttpResponse<String> response = xapi.postJson("/xapi/statements", XapiJson.write(statement));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return statement.get("id").asString();
    }

    /** A person's statuses by requirement, as the compliance API reports them. */
    public Map<String, JsonNode> statuses(Learner learner) {
        HttpResponse<String> response = admin.get("/api/compliance/people/" + learner.id() + "/status");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> byRequirement = new java.util.HashMap<>();
        XapiHttp.json(response).forEach(s -> byRequirement.put(s.get("requirement").asString(), s));
        return byRequirement;
    }
}
