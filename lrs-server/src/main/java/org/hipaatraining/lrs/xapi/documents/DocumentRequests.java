package org.hipaatraining.lrs.xapi.documents;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.xapi.RequestBodies;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapi.XapiRequest;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapimodel.Timestamps;
import org.hipaatraining.lrs.xapimodel.Formats;
import org.hipaatraining.lrs.xapi.validation.StatementValidator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/** Parameter parsing and responses shared by the three document resources. */
final class DocumentRequests {

    private DocumentRequests() {
    }

    static String required(MultiValueMap<String, String> params, String name) {
        String value = optional(params, name);
        if (value == null) {
            throw XapiException.badRequest(name + ": required");
        }
        return value;
    }

    static String optional(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw XapiException.badRequest(name + ": given more than once");
        }
        return values.get(0);
    }

    static String activityId(MultiValueMap<String, String> params) {
        String activityId = required(params, "activityId");
        if (!Formats.isIri(activityId)) {
            throw XapiException.badRequest("activityId: must be an IRI");
        }
        return activityId;
    }

    /** The agent parameter as JSON, validated as an Agent, and its key. */
    static String agentKey(MultiValueMap<String, String> params, HttpServletRequest request) {
        JsonNode agent = agent(required(params, "agent"), request);
        return AgentKey.of(agent);
    }

    static JsonNode agent(String json, HttpServletRequest request) {
        JsonNode agent = XapiJson.parse(json, "agent");
        new StatementValidator(XapiRequest.version(request)).agentOrGroup(agent, "agent");
        if (AgentKey.of(agent) == null) {
            throw XapiException.badRequest("agent: must have an identifier (mbox, mbox_sha1sum, openid or account)");
        }
        return agent;
    }

    static String registration(MultiValueMap<String, String> params) {
        String registration = optional(params, "registration");
        if (registration != null && !Formats.isUuid(registration)) {
            throw XapiException.badRequest("registration: must be a UUID");
        }
        return registration == null ? null : registration.toLowerCase(Locale.ROOT);
    }

    static Instant since(MultiValueMap<String, String> params) {
        String since = optional(params, "since");
        return since == null ? null : Timestamps.param("since", since);
    }

    static DocumentService.Preconditions preconditions(HttpServletRequest request) {
        return new DocumentService.Preconditions(request.getHeader(HttpHeaders.IF_MATCH),
                request.getHeader(HttpHeaders.IF_NONE_MATCH));
    }

    /** How a PUT without preconditions is treated on the profile resources in the request's version. */
    static DocumentService.BlindPut profilePut(HttpServletRequest request) {
        return XapiRequest.version(request).isV2() ? DocumentService.BlindPut.CONFLICT_IF_EXISTS
                : DocumentService.BlindPut.REQUIRE_PRECONDITION;
    }

    static String contentType(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        RequestBodies.mediaType(contentType);
        return contentType;
    }

    static ResponseEntity<byte[]> document(StoredDocument document) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, document.contentType())
                .eTag("\"" + document.etag() + "\"")
                .header(HttpHeaders.LAST_MODIFIED, httpDate(document.updated()))
                .body(document.content());
    }

    static ResponseEntity<byte[]> ids(List<StoredDocument> documents) {
        var ids = XapiJson.MAPPER.createArrayNode();
        documents.forEach(d -> ids.add(d.documentId()));
        var response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        documents.stream().map(StoredDocument::updated).max(Instant::compareTo)
                .ifPresent(latest -> response.header(HttpHeaders.LAST_MODIFIED, httpDate(latest)));
        return response.body(XapiJson.write(ids).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static ResponseEntity<byte[]> noContent() {
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
