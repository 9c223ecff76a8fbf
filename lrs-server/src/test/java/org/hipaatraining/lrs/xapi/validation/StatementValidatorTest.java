package org.hipaatraining.lrs.xapi.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapimodel.XapiVersion;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The statement rules of xAPI Data, checked without a server: each bad input names the property at fault. */
class StatementValidatorTest {

    private static final String ACTOR = "{\"mbox\":\"mailto:ana@clinic.example\"}";
    private static final String VERB = "{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"}";
    private static final String OBJECT = "{\"id\":\"https://hipaatraining.org/courses/privacy\"}";

    private static String statement(String actor, String verb, String object, String extra) {
        return "{\"actor\":" + actor + ",\"verb\":" + verb + ",\"object\":" + object + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private static void validate(XapiVersion version, String json) {
        JsonNode node = XapiJson.parse(json, "statement");
        new StatementValidator(version).validate(node, "statement");
    }

    @ParameterizedTest
    @EnumSource(XapiVersion.class)
    void aMinimalStatementIsValidInBothVersions(XapiVersion version) {
        assertThatCode(() -> validate(version, statement(ACTOR, VERB, OBJECT, ""))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "actor {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"mbox":"ana@clinic.example"}                              | statement.actor.mbox: must be a 'mailto:' IRI
            {"mbox":"mailto:not-an-address"}                           | statement.actor.mbox: must be a 'mailto:' IRI
            {"mbox_sha1sum":"abc"}                                     | statement.actor.mbox_sha1sum: must be the SHA-1
            {"openid":"not an iri"}                                    | statement.actor.openid: must be an absolute IRI
            {"account":{"name":"ana"}}                                 | statement.actor.account.homePage: is required
            {"account":{"homePage":"https://lms.example","name":"a","x":1}} | statement.actor.account.x: is not a property
            {"name":"Ana"}                                             | exactly one of mbox, mbox_sha1sum, openid, account (found 0)
            {"mbox":"mailto:a@b.example","openid":"https://id.example/a"} | (found 2)
            {"objectType":"agent","mbox":"mailto:a@b.example"}         | must be 'Agent' or 'Group' (case-sensitive)
            {"objectType":"Group"}                                     | an anonymous Group (no mbox, mbox_sha1sum, openid or account) must have a member list
            {"objectType":"Group","member":[]}                         | statement.actor.member: an anonymous Group must list at least one member
            {"objectType":"Group","member":[{"objectType":"Group","mbox":"mailto:g@b.example"}]} | statement.actor.member[0]: a Group's members must be Agents
            {"Mbox":"mailto:a@b.example"}                              | did you mean 'mbox'?
            """)
    void badActorsAreRefusedNamingTheProperty(String actor, String message) {
        assertThatThrownBy(() -> validate(XapiVersion.V1_0_3, statement(actor, VERB, OBJECT, "")))
                .isInstanceOf(XapiException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            verb without id        | {"display":{"en-US":"did"}}                | statement.verb.id: is required
            verb id not an IRI     | {"id":"completed"}                         | statement.verb.id: must be an absolute IRI
            display not a map      | {"id":"http://x.example/v","display":"did"} | statement.verb.display
            """)
    void badVerbsAreRefused(String name, String verb, String message) {
        assertThatThrownBy(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, verb, OBJECT, "")))
                .isInstanceOf(XapiException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            activity id not an IRI        | {"id":"privacy course"}                                  | statement.object.id: must be an absolute IRI
            unknown objectType            | {"objectType":"activity","id":"http://x.example/a"}      | statement.object.objectType: must be one of
            StatementRef without UUID     | {"objectType":"StatementRef","id":"42"}                 | statement.object.id: must be a UUID
            unknown interactionType       | {"id":"http://x.example/a","definition":{"interactionType":"essay"}} | is not an xAPI interaction type
            choices on a true-false       | {"id":"http://x.example/a","definition":{"interactionType":"true-false","choices":[]}} | statement.object.definition.choices: is not allowed
            duplicate component ids       | {"id":"http://x.example/a","definition":{"interactionType":"choice","choices":[{"id":"a"},{"id":"a"}]}} | appears twice in choices
            correct responses alone       | {"id":"http://x.example/a","definition":{"correctResponsesPattern":["a"]}} | is only allowed with an interactionType
            """)
    void badObjectsAreRefused(String name, String object, String message) {
        assertThatThrownBy(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, VERB, object, "")))
                .isInstanceOf(XapiException.class).hasMessageContaining(message);
    }

    @Test
    void aVoidingStatementMustReferToAStatement() {
        String voided = "{\"id\":\"" + StatementValidator.VOIDED_VERB + "\"}";
        assertThatThrownBy(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, voided, OBJECT, "")))
                .hasMessageContaining("statement.object: a statement with the verb 'voided' must have a StatementRef object");
        assertThatCode(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, voided,
                "{\"objectType\":\"StatementRef\",\"id\":\"5d7a4b1e-54c3-4a76-9c1b-0f2a7f7c8e11\"}", "")))
                .doesNotThrowAnyException();
    }

    @Test
    void aSubStatementCannotNestAnother() {
        String inner = "{\"objectType\":\"SubStatement\",\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + OBJECT + "}";
        String outer = "{\"objectType\":\"SubStatement\",\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":" + inner + "}";
        assertThatCode(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, VERB, inner, ""))).doesNotThrowAnyException();
        assertThatThrownBy(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, VERB, outer, "")))
                .hasMessageContaining("statement.object.object: a SubStatement cannot contain another SubStatement");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            scaled above 1          | {"score":{"scaled":1.5}}           | statement.result.score.scaled: must be between -1 and 1
            min not below max       | {"score":{"min":5,"max":5}}        | statement.result.score.max: must be greater than min
            raw below min           | {"score":{"raw":1,"min":2}}        | statement.result.score.raw: must not be less than min
            raw above max           | {"score":{"raw":11,"max":10}}      | statement.result.score.raw: must not be greater than max
            success as a string     | {"success":"true"}                 | statement.result.success: must be true or false
            duration not ISO 8601   | {"duration":"4 minutes"}           | statement.result.duration: must be an ISO 8601 duration
            extension key not IRI   | {"extensions":{"score":1}}         | extension key 'score' is not an IRI
            """)
    void badResultsAreRefused(String name, String result, String message) {
        assertThatThrownBy(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, VERB, OBJECT, "\"result\":" + result)))
                .isInstanceOf(XapiException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            registration not a UUID  | {"registration":"abc"}                 | statement.context.registration: must be a UUID
            team not a Group         | {"team":{"mbox":"mailto:t@x.example"}} | statement.context.team.objectType: a team must be a Group
            language not a tag       | {"language":"english please"}          | statement.context.language: must be an RFC 5646 language tag
            unknown context activity | {"contextActivities":{"parents":[]}}   | statement.context.contextActivities.parents: is not a property
            """)
    void badContextsAreRefused(String name, String context, String message) {
        assertThatThrownBy(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, VERB, OBJECT, "\"context\":" + context)))
                .isInstanceOf(XapiException.class).hasMessageContaining(message);
    }

    @Test
    void revisionAndPlatformOnlyWhenTheObjectIsAnActivity() {
        String agentObject = "{\"objectType\":\"Agent\",\"mbox\":\"mailto:b@x.example\"}";
        assertThatThrownBy(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, VERB, agentObject, "\"context\":{\"platform\":\"Moodle\"}")))
                .hasMessageContaining("statement.context.platform: may only be used when the statement's object is an Activity");
        assertThatCode(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, VERB, OBJECT, "\"context\":{\"platform\":\"Moodle\"}")))
                .doesNotThrowAnyException();
    }

    /** contextAgents and contextGroups are new in xAPI 2.0: a 1.0.3 request may not use them. */
    @ParameterizedTest(name = "{0} with contextAgents -> valid: {1}")
    @CsvSource({"V1_0_3, false", "V2_0_0, true"})
    void contextAgentsExistOnlyInXapi2(XapiVersion version, boolean valid) {
        String json = statement(ACTOR, VERB, OBJECT, "\"context\":{\"contextAgents\":[{\"objectType\":\"contextAgent\","
                + "\"agent\":{\"mbox\":\"mailto:b@x.example\"}}]}");
        if (valid) {
            assertThatCode(() -> validate(version, json)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> validate(version, json)).hasMessageContaining("statement.context.contextAgents: is not a property");
        }
    }

    @ParameterizedTest(name = "request {0}, statement version {1} -> valid: {2}")
    @CsvSource({
            "V1_0_3, 1.0.0, true",
            "V1_0_3, 1.0.3, true",
            "V1_0_3, 2.0.0, false",
            "V2_0_0, 1.0.3, true",
            "V2_0_0, 2.0.0, true",
            "V2_0_0, 0.95, false"})
    void statementVersionMustSuitTheRequestVersion(XapiVersion version, String statementVersion, boolean valid) {
        String json = statement(ACTOR, VERB, OBJECT, "\"version\":\"" + statementVersion + "\"");
        if (valid) {
            assertThatCode(() -> validate(version, json)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> validate(version, json)).hasMessageContaining("statement.version: '" + statementVersion + "'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            id not a UUID               | "id":"statement-1"                           | statement.id: must be a UUID
            timestamp not ISO 8601      | "timestamp":"22/11/2026"                     | statement.timestamp: must be an ISO 8601 timestamp
            unknown top-level property  | "score":1                                    | statement.score: is not a property xAPI allows here
            authority group of three    | "authority":{"objectType":"Group","member":[{"mbox":"mailto:a@x.example"},{"mbox":"mailto:b@x.example"},{"mbox":"mailto:c@x.example"}]} | statement.authority: a Group authority must be an anonymous Group of exactly two Agents
            """)
    void badTopLevelPropertiesAreRefused(String name, String extra, String message) {
        assertThatThrownBy(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, VERB, OBJECT, extra)))
                .isInstanceOf(XapiException.class).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} missing")
    @CsvSource({"actor", "verb", "object"})
    void requiredPropertiesAreNamed(String missing) {
        String json = statement(ACTOR, VERB, OBJECT, "").replaceFirst("\"" + missing + "\":\\{[^}]*\\},?", "");
        assertThatThrownBy(() -> validate(XapiVersion.V1_0_3, json.replace(",}", "}")))
                .hasMessageContaining("statement." + missing + ": is required");
    }

    @Test
    void nullIsNotAnAbsentProperty() {
        assertThatThrownBy(() -> validate(XapiVersion.V1_0_3, statement(ACTOR, VERB, OBJECT, "\"result\":null")))
                .hasMessageContaining("statement.result: must be a JSON object (null is not allowed)");
    }
}
