package org.hipaatraining.lrs.xapi.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.NodeScripts;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rustici's TinCanJS, the xAPI client inside most authored content, against the running LRS. */
class TincanJsClientTest extends LrsIntegrationTest {

    private static final Path PROJECT = Path.of("src/test/js/tincan");

    @Test
    void tincanJsSendsQueriesPagesAndKeepsState() {
        NodeScripts.install(PROJECT);

        NodeScripts.Result run = NodeScripts.node(PROJECT, "tincan-client.cjs", "http://127.0.0.1:" + port + "/xapi/",
                KEY, SECRET);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode out = XapiJson.MAPPER.readTree(run.stdout());
        assertThat(out.get("saveStatementStatus").asInt()).isEqualTo(204);
        assertThat(out.get("saveStatementsStatus").asInt()).isEqualTo(200);
        assertThat(texts(out.get("queriedIds"))).containsExactlyInAnyOrderElementsOf(texts(out.get("sentIds")));
        assertThat(out.get("pages").asInt()).isEqualTo(4);
        assertThat(out.get("state").get("lesson").asInt()).isEqualTo(4);
        assertThat(out.get("stateEtag").asString()).matches("\"[0-9a-f]{40}\"");
        assertThat(out.get("updatedState").get("lesson").asInt()).isEqualTo(5);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asString()));
        return texts;
    }
}
