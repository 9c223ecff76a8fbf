package org.hipaatraining.lrs.xapi.documents;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * State documents written and read by the LRS itself rather than by an xAPI client: the cmi5 launcher's
 * {@code LMS.LaunchData}. They land in the same collection under the same key as a State Resource PUT, so AUs read
 * them through {@code /xapi/activities/state} exactly as if an LMS had PUT them.
 */
@Service
public class StateDocuments {

    private final DocumentStore store;
    private final Clock clock;

    StateDocuments(DocumentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Creates or replaces a JSON state document. */
    public void putJson(String activityId, JsonNode agent, String registration, String stateId, JsonNode content) {
        store.upsert(key(activityId, agent, registration, stateId),
                XapiJson.write(content).getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_VALUE, clock.instant());
    }

    /** A JSON state document, if there is one. */
    public Optional<JsonNode> getJson(String activityId, JsonNode agent, String registration, String stateId) {
        return store.find(key(activityId, agent, registration, stateId))
                .map(d -> XapiJson.parse(d.content(), "stored state document"));
    }

    private static DocumentKey key(String activityId, JsonNode agent, String registration, String stateId) {
        return new DocumentKey(DocumentKey.Kind.STATE, activityId, AgentKey.of(agent),
                registration == null ? null : registration.toLowerCase(Locale.ROOT), stateId);
    }
}
