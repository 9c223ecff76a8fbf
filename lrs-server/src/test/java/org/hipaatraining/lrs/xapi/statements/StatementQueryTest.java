package org.hipaatraining.lrs.xapi.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatementQueryTest extends LrsIntegrationTest {

    private List<String> post(int count, String mbox, String verb, String activity, String registration) {
        List<String> ids = new ArrayList<>();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            batch.append(i == 0 ? "" : ",").append(Statements.completed(id, mbox, verb, activity, registration));
        }
        assertThat(xapi.postJson("/xapi/statements", batch.append("]").toString()).statusCode()).isEqualTo(200);
        return ids;
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("statements").forEach(s -> ids.add(s.get("id").asString()));
        return ids;
    }

    @Test
    void anEmptyResultIsAnEmptyListWithAnEmptyMore() {
        JsonNode result = json(xapi.get("/xapi/statements", params("agent", Statements.agent(XapiHttp.uniqueMbox()))));

        assertThat(result.get("statements")).isEmpty();
        assertThat(result.get("more").asString()).isEmpty();
    }

    @Test
    void filtersCombine() {
        String mbox = XapiHttp.uniqueMbox();
        String activity = Statements.activityId();
        String registration = UUID.randomUUID().toString();
        List<String> wanted = post(2, mbox, Statements.COMPLETED, activity, registration);
        post(1, mbox, Statements.ANSWERED, activity, registration);
        post(1, mbox, Statements.COMPLETED, Statements.activityId(), registration);
        post(1, XapiHttp.uniqueMbox(), Statements.COMPLETED, activity, registration);

        JsonNode result = json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox),
                "verb", Statements.COMPLETED, "activity", activity, "registration", registration)));

        assertThat(ids(result)).containsExactlyInAnyOrderElementsOf(wanted);
    }

    @Test
    void relatedActivitiesAlsoMatchesContextActivities() {
        String mbox = XapiHttp.uniqueMbox();
        List<String> posted = post(1, mbox, Statements.COMPLETED, Statements.activityId(), UUID.randomUUID().toString());
        String role = "https://hipaa-training.org/xapi/activities/role/front-desk";

        JsonNode narrow = json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox), "activity", role)));
        JsonNode broad = json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox), "activity", role,
                "related_activities", "true")));

        assertThat(narrow.get("statements")).isEmpty();
        assertThat(ids(broad)).isEqualTo(posted);
    }

    @Test
    void relatedAgentsAlsoMatchesTheAuthority() {
        String authority = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"http://localhost:" + 0
                + "/xapi/clients\",\"name\":\"" + KEY + "\"}}";
        String mbox = XapiHttp.uniqueMbox();
        post(1, mbox, Statements.COMPLETED, Statements.activityId(), UUID.randomUUID().toString());

        JsonNode byAuthority = json(xapi.get("/xapi/statements", params("agent", authority, "related_agents", "true",
                "limit", "1")));

        assertThat(byAuthority.get("statements")).hasSize(1);
    }

    @Test
    void mboxDomainsCompareCaseInsensitively() {
        String local = "casey-" + UUID.randomUUID();
        post(1, "mailto:" + local + "@Clinic.Example", Statements.COMPLETED, Statements.activityId(),
                UUID.randomUUID().toString());

        JsonNode result = json(xapi.get("/xapi/statements", params("agent", Statements.agent("mailto:" + local
                + "@clinic.example"))));

        assertThat(result.get("statements")).hasSize(1);
    }

    @Test
    void moreLinksPageThroughEverythingOnceAndKeepTheFilters() {
        String mbox = XapiHttp.uniqueMbox();
        String activity = Statements.activityId();
        List<String> posted = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {
            posted.addAll(post(50, mbox, Statements.COMPLETED, activity, UUID.randomUUID().toString()));
        }
        post(10, XapiHttp.uniqueMbox(), Statements.COMPLETED, activity, UUID.randomUUID().toString());

        List<String> seen = new ArrayList<>();
        JsonNode page = json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox), "limit", "40")));
        int pages = 1;
        seen.addAll(ids(page));
        while (!page.get("more").asString().isEmpty()) {
            String more = page.get("more").asString();
            assertThat(more).startsWith("/xapi/statements?more=").doesNotContain("object");
            if (pages == 2) {
                // statements stored while paging do not shift the pages being read
                post(5, mbox, Statements.COMPLETED, activity, UUID.randomUUID().toString());
            }
            page = json(xapi.get(more));
            seen.addAll(ids(page));
            pages++;
        }

        assertThat(pages).isEqualTo(7);
        assertThat(seen).hasSize(250).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(posted);
    }

    @Test
    void ascendingReturnsOldestFirstAndDefaultNewestFirst() {
        String mbox = XapiHttp.uniqueMbox();
        String first = post(1, mbox, Statements.COMPLETED, Statements.activityId(), UUID.randomUUID().toString()).get(0);
        pause();
        String second = post(1, mbox, Statements.COMPLETED, Statements.activityId(), UUID.randomUUID().toString()).get(0);

        assertThat(ids(json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox))))))
                .containsExactly(second, first);
        assertThat(ids(json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox), "ascending", "true")))))
                .containsExactly(first, second);
    }

    @Test
    void sinceIsExclusiveAndUntilInclusiveOnStored() {
        String mbox = XapiHttp.uniqueMbox();
        String first = post(1, mbox, Statements.COMPLETED, Statements.activityId(), UUID.randomUUID().toString()).get(0);
        pause();
        String second = post(1, mbox, Statements.COMPLETED, Statements.activityId(), UUID.randomUUID().toString()).get(0);
        String firstStored = json(xapi.get("/xapi/statements", params("statementId", first))).get("stored").asString();

        assertThat(ids(json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox), "since", firstStored)))))
                .containsExactly(second);
        assertThat(ids(json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox), "until", firstStored)))))
                .containsExactly(first);
    }

    @Test
    void idsFormatKeepsOnlyIdentifiers() {
        String mbox = XapiHttp.uniqueMbox();
        String id = post(1, mbox, Statements.COMPLETED, Statements.activityId(), UUID.randomUUID().toString()).get(0);

        JsonNode s = json(xapi.get("/xapi/statements", params("statementId", id, "format", "ids")));

        assertThat(s.get("actor").has("name")).isFalse();
        assertThat(s.get("actor").get("mbox").asString()).isEqualTo(mbox);
        assertThat(s.get("verb").has("display")).isFalse();
        assertThat(s.get("object").has("definition")).isFalse();
    }

    @Test
    void canonicalFormatPicksOneLanguageByAcceptLanguage() {
        String id = post(1, XapiHttp.uniqueMbox(), Statements.COMPLETED, Statements.activityId(),
                UUID.randomUUID().toString()).get(0);

        JsonNode spanish = json(xapi.get("/xapi/statements", params("statementId", id, "format", "canonical"),
                "Accept-Language", "es-MX, es;q=0.9"));

        assertThat(spanish.get("verb").get("display").propertyNames()).containsExactly("es");
    }

    @Test
    void readMineSeesOnlyItsOwnStatements() {
        var issued = createClient("statements/write,statements/read/mine");
        XapiHttp mine = xapi.credentials(issued.get("key"), issued.get("secret"));
        String mbox = XapiHttp.uniqueMbox();
        String own = json(mine.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId())))
                .get(0).asString();
        String others = post(1, mbox, Statements.COMPLETED, Statements.activityId(), UUID.randomUUID().toString()).get(0);

        assertThat(ids(json(mine.get("/xapi/statements", params("agent", Statements.agent(mbox)))))).containsExactly(own);
        assertThat(mine.get("/xapi/statements", params("statementId", others)).statusCode()).isEqualTo(404);
    }

    @Test
    void aMoreLinkFromAnotherServerInstanceWorksBecauseItCarriesItsOwnState() {
        String mbox = XapiHttp.uniqueMbox();
        post(3, mbox, Statements.COMPLETED, Statements.activityId(), UUID.randomUUID().toString());
        String more = json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox), "limit", "2")))
                .get("more").asString();

        // The token alone, read by this instance's token checker, gives the same query and position.
        MoreToken token = moreTokens.read(more.substring(more.indexOf("more=") + 5));
        assertThat(token.query().limit()).isEqualTo(2);
        assertThat(token.query().agentKey()).isEqualTo("mbox|" + mbox);
    }

    @org.springframework.beans.factory.annotation.Autowired
    private MoreTokens moreTokens;

    private Map<String, String> createClient(String scopes) {
        XapiHttp admin = XapiHttp.basic(URI.create("http://127.0.0.1:" + port), "admin", ADMIN_PASSWORD);
        String body = "{\"name\":\"Test LMS\",\"scopes\":[\"" + scopes.replace(",", "\",\"") + "\"]}";
        JsonNode created = json(admin.postJson("/api/admin/clients", body));
        Map<String, String> issued = new HashMap<>();
        issued.put("key", created.get("key").asString());
        issued.put("secret", created.get("secret").asString());
        return issued;
    }

    /** Statements stored in different milliseconds, so stored order is defined: waits for the clock's next one. */
    private static void pause() {
        long now = System.currentTimeMillis();
        while (System.currentTimeMillis() <= now) {
            Thread.onSpinWait();
        }
    }
}
