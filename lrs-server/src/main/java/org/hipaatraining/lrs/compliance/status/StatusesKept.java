package org.hipaatraining.lrs.compliance.status;

import java.util.List;

/**
 * Published after people's statuses were recomputed and kept, with what was computed, for features that react to a
 * person's standing (compliance webhooks). Synchronous and not durable: a listener that must not miss a change also
 * reads {@link ComplianceService#forEachKept} now and then. Listeners must be quick and must not throw.
 */
public record StatusesKept(List<KeptStatus> statuses) {
}
