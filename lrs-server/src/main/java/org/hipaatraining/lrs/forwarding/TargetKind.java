package org.hipaatraining.lrs.forwarding;

/** Where a target's deliveries go and in what form. */
public enum TargetKind {
    /** Another LRS: statements POSTed to its Statement Resource, as JSON or multipart/mixed with attachments. */
    XAPI_LRS,
    /** Any HTTPS endpoint: statements POSTed as NDJSON batches (one statement per line), signed. */
    NDJSON,
    /** Compliance webhooks: one small signed JSON event per request, no statement content. */
    WEBHOOK;

    boolean forwardsStatements() {
        return this != WEBHOOK;
    }
}
