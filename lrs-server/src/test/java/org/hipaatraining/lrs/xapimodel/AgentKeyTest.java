package org.hipaatraining.lrs.xapimodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Keys are stored (facets, roster identifiers, documents): these pin their format. */
class AgentKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "{\"mbox\": \"mailto:Kim.Lee@Clinic.Example\"}; mbox|mailto:Kim.Lee@clinic.example",
            "{\"mbox_sha1sum\": \"ABC123\"}; sha1|abc123",
            "{\"openid\": \"https://id.example/kim\"}; openid|https://id.example/kim",
            "{\"account\": {\"homePage\": \"https://lms.example\", \"name\": \"42\"}}; account|https://lms.example|42",
            "{\"objectType\": \"Group\", \"mbox\": \"mailto:team@clinic.example\"}; group|mbox|mailto:team@clinic.example"})
    void keyOfAnAgentOrGroup(String agent, String key) {
        assertThat(AgentKey.of(json(agent))).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kim@clinic.example", "Kim.Lee@Clinic.Example"})
    void emailKeyIsTheMboxKey(String email) {
        assertThat(AgentKey.ofEmail(email)).isEqualTo(AgentKey.of(json("{\"mbox\": \"mailto:" + email + "\"}")));
    }

    @ParameterizedTest
    @CsvSource({"https://lms.example, 42", "https://lms.example/people, a|b"})
    void accountKeyReadsBack(String homePage, String name) {
        String key = AgentKey.ofAccount(homePage, name);
        assertThat(key).isEqualTo(AgentKey.of(json("{\"account\": {\"homePage\": \"" + homePage + "\", \"name\": \""
                + name + "\"}}")));
        assertThat(AgentKey.accountOf(key)).isEqualTo(new AgentKey.Account(homePage, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mbox|mailto:kim@clinic.example", "group|account|https://lms.example|42", "person|p-1"})
    void noAccountInOtherKeys(String key) {
        assertThat(AgentKey.accountOf(key)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mbox|mailto:kim@clinic.example", "sha1|abc123", "openid|https://id.example/kim",
            "account|https://lms.example|42"})
    void agentOfAKeyHasThatKey(String key) {
        assertThat(AgentKey.of(AgentKey.toAgent(key))).isEqualTo(key);
        assertThat(AgentKey.isGroup(key)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"group|mbox|mailto:team@clinic.example", "person|p-1"})
    void noAgentForAGroupOrPlaceholder(String key) {
        assertThat(AgentKey.toAgent(key)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"group|mbox|mailto:team@clinic.example", "group|account|https://lms.example|42"})
    void groupKeys(String key) {
        assertThat(AgentKey.isGroup(key)).isTrue();
    }

    private static JsonNode json(String s) {
        return XapiJson.parse(s, "agent");
    }
}
