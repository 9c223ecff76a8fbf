package org.hipaatraining.lrs.xapi.statements;

/** The raw data of one attachment, identified by the SHA-2 the statement's attachment object names. */
record AttachmentPart(String sha2, String contentType, byte[] content) {
}
