package org.hipaatraining.lrs.xapi.documents;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.auth.XapiClient;
import org.hipaatraining.lrs.xapi.RequestBodies;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapi.XapiRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The State Resource: {@code /xapi/activities/state}, documents per activity, agent and (optionally) registration. */
@RestController
@RequestMapping("/xapi/activities/state")
class StateController {

    private static final Set<String> SINGLE = Set.of("activityId", "agent", "registration", "stateId");
    private static final Set<String> LIST = Set.of("activityId", "agent", "registration", "stateId", "since");
    /** The cmi5 launch data document: written by the LMS before launch, read-only for the launched AU. */
    static final String LAUNCH_DATA = "LMS.LaunchData";

    private final DocumentService documents;

    StateController(DocumentService documents) {
        this.documents = documents;
    }

    @GetMapping
    ResponseEntity<byte[]> get(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                               @AuthenticationPrincipal XapiClient client) {
        XapiRequest.allowOnly(params, LIST);
        DocumentKey key = key(params, request, client, false);
        if (key.documentId() == null) {
            return DocumentRequests.ids(documents.list(key, DocumentRequests.since(params)));
        }
        if (params.containsKey("since")) {
            throw XapiException.badRequest("since: only allowed when listing states (without stateId)");
        }
        return documents.get(key).map(DocumentRequests::document)
                .orElseThrow(() -> XapiException.notFound("no state document '" + key.documentId() + "'"));
    }

    @PutMapping
    ResponseEntity<byte[]> put(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                               @AuthenticationPrincipal XapiClient client) {
        XapiRequest.allowOnly(params, SINGLE);
        DocumentKey key = requireId(key(params, request, client, true));
        documents.put(key, RequestBodies.read(request), DocumentRequests.contentType(request),
                DocumentRequests.preconditions(request), XapiRequest.version(request).isV2()
                        ? DocumentService.BlindPut.CONFLICT_IF_EXISTS : DocumentService.BlindPut.OVERWRITE);
        return DocumentRequests.noContent();
    }

    @PostMapping
    ResponseEntity<byte[]> post(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                                @AuthenticationPrincipal XapiClient client) {
        XapiRequest.allowOnly(params, SINGLE);
        DocumentKey key = requireId(key(params, request, client, true));
        documents.post(key, RequestBodies.read(request), DocumentRequests.contentType(request),
                DocumentRequests.preconditions(request));
        return DocumentRequests.noContent();
    }

    @DeleteMapping
    ResponseEntity<byte[]> delete(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                                  @AuthenticationPrincipal XapiClient client) {
        XapiRequest.allowOnly(params, SINGLE);
        DocumentKey key = key(params, request, client, true);
        if (key.documentId() == null) {
            documents.deleteAll(key);
        } else {
            documents.delete(key, DocumentRequests.preconditions(request));
        }
        return DocumentRequests.noContent();
    }

    /**
     * The document a request names. A launch token may only use the state of its own actor, activity and registration,
     * and may read but never change or delete {@code LMS.LaunchData} (cmi5 10.2.1: the LMS writes it, the AU reads it).
     */
    private static DocumentKey key(MultiValueMap<String, String> params, HttpServletRequest request, XapiClient client,
                                   boolean write) {
        String activityId = DocumentRequests.activityId(params);
        String agentKey = DocumentRequests.agentKey(params, request);
        String registration = DocumentRequests.registration(params);
        String stateId = DocumentRequests.optional(params, "stateId");
        XapiClient.LaunchRestriction restriction = client.restriction();
        if (restriction != null) {
            if (!restriction.actorKey().equals(agentKey) || !restriction.activityId().equals(activityId)
                    || !restriction.registration().equalsIgnoreCase(registration == null ? "" : registration)) {
                throw XapiException.forbidden("this launch token may only use the state of its own actor, activity "
                        + "and registration");
            }
            if (write && (stateId == null || LAUNCH_DATA.equals(stateId))) {
                throw XapiException.forbidden("a launch token cannot change or delete " + LAUNCH_DATA
                        + (stateId == null ? " (deleting every state document would)" : ""));
            }
        }
        return new DocumentKey(DocumentKey.Kind.STATE, activityId, agentKey, registration, stateId);
    }

    private static DocumentKey requireId(DocumentKey key) {
        if (key.documentId() == null) {
            throw XapiException.badRequest("stateId: required");
        }
        return key;
    }
}
