package org.hipaatraining.lrs.forwarding;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A place deliveries go, as an admin configured it.
 *
 * @param xapiVersion   for {@link TargetKind#XAPI_LRS}: the version spoken, 1.0.3 or 2.0.0
 * @param credentials   for LRS and NDJSON targets: how to authenticate
 * @param signingSecret for NDJSON and webhook targets: the HMAC key of {@link WebhookSignature}
 * @param selection     for statement targets: which statements
 * @param events        for webhook targets: which event types (empty: all)
 */
public record Target(String id, String name, TargetKind kind, URI url, String xapiVersion, Credentials credentials,
                     String signingSecret, StatementSelection selection, Set<ComplianceEventType> events,
                     boolean paused, Instant createdAt) {

    public static final List<String> XAPI_VERSIONS = List.of("1.0.3", "2.0.0");

    boolean wants(ComplianceEventType type) {
        return events.isEmpty() || events.contains(type);
    }
}
