package org.hipaatraining.lrs.forwarding;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Statement forwarding and compliance webhooks ({@code lrs.forwarding.*}, docs/forwarding.md).
 *
 * @param pollInterval       how often each instance looks for targets with something to deliver
 * @param batchSize          statements per request to an LRS or NDJSON target (webhook events go one per request)
 * @param lease              how long an instance holds a target; another instance takes it over once it runs out
 * @param requestTimeout     how long one request may take before it counts as failed
 * @param roundTime          how long an instance keeps delivering to one target before giving other work a turn
 * @param settle             how far behind "now" forwarding reads, on top of the xAPI consistency window: statements
 *                           and events stored on other instances with a slightly late clock are not passed over
 * @param backoffBase        the wait after a first failure; it doubles with each failure in a row, with jitter
 * @param backoffMax         the longest wait between two tries
 * @param deadLetterAfter    a batch that has failed for this long is set aside as dead letters and the target moves
 *                           on (replay brings it back); long enough that a target down for a day catches up in order
 * @param deliveriesKept     recent deliveries kept per target for the admin page
 * @param allowHttp          allow plain http:// targets other than the loopback (https is required otherwise)
 * @param eventsCheckInterval how often every kept status is compared with what was announced (a safety net for
 *                           changes an instance did not announce before it stopped)
 * @param deliveriesRetention delivery records (tries, and dead letters once resolved by a replay) older than this
 *                           are removed; unresolved dead letters are kept whatever their age
 * @param eventsReplayWindow  compliance events older than this are removed from the event log once every webhook
 *                           target has delivered them: a replay can reach back this far
 * @param pruneInterval       how often the delivery records and the event log are pruned
 * @param secretKey           the AES key (base64 of 16, 24 or 32 bytes) that encrypts targets' secrets in the
 *                           database; every instance on one database needs the same. Empty: on the embedded store a
 *                           key file in the data folder (made at first start), on MongoDB secrets cannot be stored
 */
@ConfigurationProperties("lrs.forwarding")
public record ForwardingSettings(@DefaultValue("1s") Duration pollInterval,
                                 @DefaultValue("100") int batchSize,
                                 @DefaultValue("30s") Duration lease,
                                 @DefaultValue("10s") Duration requestTimeout,
                                 @DefaultValue("20s") Duration roundTime,
                                 @DefaultValue("1s") Duration settle,
                                 @DefaultValue("2s") Duration backoffBase,
                                 @DefaultValue("10m") Duration backoffMax,
                                 @DefaultValue("7d") Duration deadLetterAfter,
                                 @DefaultValue("50") int deliveriesKept,
                                 @DefaultValue("false") boolean allowHttp,
                                 @DefaultValue("15m") Duration eventsCheckInterval,
                                 @DefaultValue("90d") Duration deliveriesRetention,
                                 @DefaultValue("90d") Duration eventsReplayWindow,
                                 @DefaultValue("1h") Duration pruneInterval,
                                 @DefaultValue("") String secretKey) {

    /** The key stays out of logs and error messages. */
    @Override
    public String toString() {
        return "ForwardingSettings[batchSize=" + batchSize + ", lease=" + lease + ", secretKey="
                + (secretKey == null || secretKey.isBlank() ? "(none)" : "(set)") + "]";
    }
}
