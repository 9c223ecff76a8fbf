package org.hipaatraining.lrs.xapi.documents;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules the three document resources share: ETag preconditions, the 409 for a blind overwrite, and merging JSON
 * objects on POST.
 */
@Service
class DocumentService {

    private static final int MERGE_ATTEMPTS = 5;

    private final DocumentStore store;
    private final Clock clock;

    DocumentService(DocumentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The If-Match / If-None-Match headers of a request, with quotes removed. */
    record Preconditions(String ifMatch, String ifNoneMatch) {

        boolean none() {
            return ifMatch == null && ifNoneMatch == null;
        }
    }

    Optional<StoredDocument> get(DocumentKey key) {
        return store.find(key);
    }

    List<StoredDocument> list(DocumentKey scope, Instant since) {
        return store.list(scope, since);
    }

    /** What a PUT with neither If-Match nor If-None-Match may do; the resources and versions differ. */
    enum BlindPut {
        /** Replace or create (the State Resource in xAPI 1.0.3). */
        OVERWRITE,
        /** Create, but 409 on an existing document (xAPI 2.0). */
        CONFLICT_IF_EXISTS,
        /** 409 on an existing document, 400 otherwise: the profile resources in 1.0.3 require a precondition. */
        REQUIRE_PRECONDITION
    }

    /** Stores a document in place of any existing one, subject to the request's preconditions. */
    void put(DocumentKey key, byte[] content, String contentType, Preconditions conditions, BlindPut blindPut) {
        checkJson(content, contentType);
        Optional<StoredDocument> existing = store.find(key);
        checkPreconditions(existing, conditions);
        if (conditions.none() && existing.isEmpty() && blindPut == BlindPut.REQUIRE_PRECONDITION) {
            throw XapiException.badRequest("If-Match or If-None-Match: required to PUT a profile document "
                    + "(If-None-Match: * to create it, If-Match with its ETag to replace it)");
        }
        Instant now = clock.instant();
        if (existing.isEmpty()) {
            if (!store.insert(key, content, contentType, now)) {
                throw XapiException.preconditionFailed("the document was created by another request meanwhile; read it and retry");
            }
            return;
        }
        if (conditions.none() && blindPut != BlindPut.OVERWRITE) {
            throw XapiException.conflict("the document already exists: send If-Match with its ETag to replace it, "
                    + "or If-None-Match: * to create it only if absent");
        }
        if (!store.replaceIf(key, existing.get().etag(), content, contentType, now)) {
            throw XapiException.preconditionFailed("the document was changed by another request meanwhile; read it and retry");
        }
    }

    /** Merges a JSON object into the stored one (one level deep), or stores it when there is none. */
    void post(DocumentKey key, byte[] content, String contentType, Preconditions conditions) {
        if (!isJson(contentType) || !XapiJson.parse(content, "document").isObject()) {
            throw XapiException.badRequest("POST merges JSON objects: send Content-Type application/json with a JSON object, "
                    + "or use PUT to store a document of another type");
        }
        for (int attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
            Optional<StoredDocument> existing = store.find(key);
            checkPreconditions(existing, conditions);
            Instant now = clock.instant();
            if (existing.isEmpty()) {
                if (store.insert(key, content, contentType, now)) {
                    return;
                }
                continue;
            }
            StoredDocument current = existing.get();
            JsonNode stored = isJson(current.contentType()) ? XapiJson.parse(current.content(), "stored document") : null;
            if (stored == null || !stored.isObject()) {
                throw XapiException.badRequest("POST merges JSON objects, but the stored document is not a JSON object; "
                        + "use PUT to replace it");
            }
            JsonNode update = XapiJson.parse(content, "document");
            ((ObjectNode) stored).setAll((ObjectNode) update);
            byte[] merged = XapiJson.write(stored).getBytes(StandardCharsets.UTF_8);
            if (store.replaceIf(key, current.etag(), merged, MediaType.APPLICATION_JSON_VALUE, now)) {
                return;
            }
        }
        throw XapiException.conflict("the document kept changing while merging; retry");
    }

    void delete(DocumentKey key, Preconditions conditions) {
        Optional<StoredDocument> existing = store.find(key);
        checkPreconditions(existing, conditions);
        if (existing.isPresent() && !store.deleteIf(key, existing.get().etag())) {
            throw XapiException.preconditionFailed("the document was changed by another request meanwhile; read it and retry");
        }
    }

    void deleteAll(DocumentKey scope) {
        store.deleteScope(scope);
    }

    private static void checkPreconditions(Optional<StoredDocument> existing, Preconditions conditions) {
        if (conditions.ifMatch() != null) {
            boolean matches = existing.isPresent()
                    && ("*".equals(conditions.ifMatch()) || etagMatches(conditions.ifMatch(), existing.get().etag()));
            if (!matches) {
                throw XapiException.preconditionFailed("If-Match: the document's current ETag is not " + conditions.ifMatch());
            }
        }
        if (conditions.ifNoneMatch() != null && existing.isPresent()
                && ("*".equals(conditions.ifNoneMatch()) || etagMatches(conditions.ifNoneMatch(), existing.get().etag()))) {
            throw XapiException.preconditionFailed("If-None-Match: the document already exists");
        }
    }

    /** An If-Match list may name several ETags, quoted or not. */
    private static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1);
            }
            if (c.equalsIgnoreCase(etag)) {
                return true;
            }
        }
        return false;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A document that says it is JSON must be JSON. */
    private static void checkJson(byte[] content, String contentType) {
        if (isJson(contentType)) {
            XapiJson.parse(content, "document");
        }
    }
}
