package org.hipaatraining.lrs.xapi.documents;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.xapi.RequestBodies;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapi.XapiRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Agent Profile Resource: {@code /xapi/agents/profile}. */
@RestController
@RequestMapping("/xapi/agents/profile")
class AgentProfileController {

    private static final Set<String> SINGLE = Set.of("agent", "profileId");
    private static final Set<String> LIST = Set.of("agent", "profileId", "since");

    private final DocumentService documents;

    AgentProfileController(DocumentService documents) {
        this.documents = documents;
    }

    @GetMapping
    ResponseEntity<byte[]> get(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        XapiRequest.allowOnly(params, LIST);
        DocumentKey key = key(params, request);
        if (key.documentId() == null) {
            return DocumentRequests.ids(documents.list(key, DocumentRequests.since(params)));
        }
        if (params.containsKey("since")) {
            throw XapiException.badRequest("since: only allowed when listing profiles (without profileId)");
        }
        return documents.get(key).map(DocumentRequests::document)
                .orElseThrow(() -> XapiException.notFound("no agent profile '" + key.documentId() + "'"));
    }

    @PutMapping
    ResponseEntity<byte[]> put(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        XapiRequest.allowOnly(params, SINGLE);
        documents.put(requireId(key(params, request)), RequestBodies.read(request), DocumentRequests.contentType(request),
                DocumentRequests.preconditions(request), DocumentRequests.profilePut(request));
        return DocumentRequests.noContent();
    }

    @PostMapping
    ResponseEntity<byte[]> post(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        XapiRequest.allowOnly(params, SINGLE);
        documents.post(requireId(key(params, request)), RequestBodies.read(request), DocumentRequests.contentType(request),
                DocumentRequests.preconditions(request));
        return DocumentRequests.noContent();
    }

    @DeleteMapping
    ResponseEntity<byte[]> delete(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        XapiRequest.allowOnly(params, SINGLE);
        documents.delete(requireId(key(params, request)), DocumentRequests.preconditions(request));
        return DocumentRequests.noContent();
    }

    private static DocumentKey key(MultiValueMap<String, String> params, HttpServletRequest request) {
        return new DocumentKey(DocumentKey.Kind.AGENT_PROFILE, null, DocumentRequests.agentKey(params, request), null,
                DocumentRequests.optional(params, "profileId"));
    }

    private static DocumentKey requireId(DocumentKey key) {
        if (key.documentId() == null) {
            throw XapiException.badRequest("profileId: required");
        }
        return key;
    }
}
