package org.hipaatraining.lrs.forwarding;

import java.time.Instant;
import java.time.LocalDate;

import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * One webhook event: a change in a person's standing, with no statement content.
 *
 * @param id          the idempotency id: the same change always has the same id, on every instance and every replay
 * @param requirement the requirement (module id) concerned, or null for an event about the person as a whole
 * @param state       the requirement's state (COMPLIANT, FAILED, OVERDUE, ...), or the person's overall state
 *                    (COMPLIANT or NOT_COMPLIANT) for an event about the person
 */
public record ComplianceEvent(String id, ComplianceEventType type, Instant at, String personId, String email,
                              String employeeId, String requirement, String state, LocalDate dueDate) {

    /** The body sent, exactly as signed. */
    public String json() {
        ObjectNode body = XapiJson.MAPPER.createObjectNode();
        body.put("id", id);
        body.put("type", type.wireName());
        body.put("occurredAt", at.toString());
        ObjectNode person = body.putObject("person");
        person.put("id", personId);
        person.put("email", email);
        person.put("employeeId", employeeId);
        body.put("requirement", requirement);
        body.put("state", state);
        body.put("dueDate", dueDate == null ? null : dueDate.toString());
        return XapiJson.write(body);
    }
}
