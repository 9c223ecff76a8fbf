package org.hipaatraining.lrs.xapi.agents;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapi.XapiRequest;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapi.validation.StatementValidator;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Agents Resource: the Person object for an agent. This LRS does not merge identities across identifiers, so the
 * Person lists exactly the identifier (and name) it was asked about.
 */
@RestController
class AgentController {

    @GetMapping("/xapi/agents")
    ResponseEntity<String> get(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        XapiRequest.allowOnly(params, Set.of("agent"));
        List<String> values = params.get("agent");
        if (values == null || values.size() != 1) {
            throw XapiException.badRequest("agent: required, once");
        }
        JsonNode agent = XapiJson.parse(values.get(0), "agent");
        new StatementValidator(XapiRequest.version(request)).agent(agent, "agent");
        ObjectNode person = XapiJson.MAPPER.createObjectNode().put("objectType", "Person");
        if (agent.has("name")) {
            person.putArray("name").add(agent.get("name"));
        }
        for (String ifi : List.of("mbox", "mbox_sha1sum", "openid", "account")) {
            if (agent.has(ifi)) {
                person.putArray(ifi).add(agent.get(ifi));
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(XapiJson.write(person));
    }
}
