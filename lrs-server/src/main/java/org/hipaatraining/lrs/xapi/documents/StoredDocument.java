package org.hipaatraining.lrs.xapi.documents;

import java.time.Instant;

/** A stored document; {@code content} is null when only the listing fields were read. */
record StoredDocument(String documentId, byte[] content, String contentType, String etag, Instant updated) {
}
