package org.hipaatraining.lrs.xapi.statements;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.Test;

/** What a statement is about, as the query filters see it (xAPI Communication, GET statements: agent, activity, related_*). */
class StatementFacetsTest {

    private static StatementFacets facets(String json) {
        return StatementFacets.of(XapiJson.parse(json, "statement"));
    }

    @Test
    void anActivityStatementNamesItsActorVerbActivityAndRegistration() {
        StatementFacets f = facets("""
                {"actor":{"mbox":"mailto:Ana@Clinic.Example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},
                 "object":{"id":"https://hipaatraining.org/m/privacy"},
                 "authority":{"account":{"homePage":"https://lrs.example","name":"client"}},
                 "context":{"registration":"A1B2C3D4-0000-4000-8000-000000000001",
                            "instructor":{"mbox":"mailto:boss@clinic.example"},
                            "contextActivities":{"parent":[{"id":"https://hipaatraining.org/c/all"}],
                                                 "category":{"id":"https://w3id.org/xapi/cmi5/context/categories/cmi5"}}}}
                """);
        assertThat(f.actor()).isEqualTo("mbox|mailto:Ana@clinic.example");
        assertThat(f.agents()).containsExactly("mbox|mailto:Ana@clinic.example");
        assertThat(f.relatedAgents()).containsExactlyInAnyOrder("mbox|mailto:Ana@clinic.example",
                "account|https://lrs.example|client", "mbox|mailto:boss@clinic.example");
        assertThat(f.verb()).isEqualTo("http://adlnet.gov/expapi/verbs/passed");
        assertThat(f.activity()).isEqualTo("https://hipaatraining.org/m/privacy");
        assertThat(f.relatedActivities()).containsExactlyInAnyOrder("https://hipaatraining.org/m/privacy",
                "https://hipaatraining.org/c/all", "https://w3id.org/xapi/cmi5/context/categories/cmi5");
        assertThat(f.registration()).isEqualTo("a1b2c3d4-0000-4000-8000-000000000001");
    }

    @Test
    void anAgentObjectIsAnAgentOfTheStatementAndAGroupBringsItsMembers() {
        StatementFacets f = facets("""
                {"actor":{"objectType":"Group","name":"front desk","member":[{"mbox":"mailto:a@x.example"},{"openid":"https://id.example/b"}]},
                 "verb":{"id":"http://x.example/v"},"object":{"objectType":"Agent","mbox":"mailto:c@x.example"}}
                """);
        assertThat(f.actor()).as("an anonymous group has no key").isNull();
        assertThat(f.agents()).containsExactlyInAnyOrder("mbox|mailto:a@x.example", "openid|https://id.example/b",
                "mbox|mailto:c@x.example");
        assertThat(f.activity()).isNull();
        assertThat(f.relatedActivities()).isEmpty();
        assertThat(f.toDocument()).doesNotContainKeys("actor", "activity", "registration");
    }

    @Test
    void aSubStatementsAgentsAndActivitiesAreRelatedButNotDirect() {
        StatementFacets f = facets("""
                {"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://x.example/planned"},
                 "object":{"objectType":"SubStatement","actor":{"mbox":"mailto:b@x.example"},"verb":{"id":"http://x.example/v"},
                           "object":{"id":"https://x.example/act"},
                           "context":{"contextActivities":{"parent":[{"id":"https://x.example/parent"}]}}}}
                """);
        assertThat(f.agents()).containsExactly("mbox|mailto:a@x.example");
        assertThat(f.relatedAgents()).containsExactlyInAnyOrder("mbox|mailto:a@x.example", "mbox|mailto:b@x.example");
        assertThat(f.activity()).isNull();
        assertThat(f.relatedActivities()).containsExactlyInAnyOrder("https://x.example/act", "https://x.example/parent");
    }

    @Test
    void xapi2ContextAgentsAndGroupsAreRelated() {
        StatementFacets f = facets("""
                {"actor":{"mbox":"mailto:a@x.example"},"verb":{"id":"http://x.example/v"},"object":{"id":"https://x.example/act"},
                 "context":{"contextAgents":[{"objectType":"contextAgent","agent":{"mbox":"mailto:coach@x.example"}}],
                            "contextGroups":[{"objectType":"contextGroup","group":{"objectType":"Group","mbox":"mailto:team@x.example"}}]}}
                """);
        assertThat(f.relatedAgents()).contains("mbox|mailto:coach@x.example", "group|mbox|mailto:team@x.example");
        assertThat(f.agents()).containsExactly("mbox|mailto:a@x.example");
    }
}
