package org.hipaatraining.lrs.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notices leave the server (docs/notifications.md#smtp). Nothing is sent until {@code from} and
 * {@code spring.mail.host} are both set.
 *
 * @param from         the sender, e.g. {@code "Riverside Training <training@riverside.example>"}
 * @param passInterval how often the schedule is checked
 * @param maxAttempts  sends of one notice before it is given up (and shown as failed)
 * @param firstRetry   the wait before the first retry; it doubles with every attempt
 * @param lease        how long an instance may take to send a claimed notice before another may try it
 */
@ConfigurationProperties("lrs.notifications")
public record MailSettings(String from, @DefaultValue("15m") Duration passInterval, @DefaultValue("6") int maxAttempts,
                           @DefaultValue("5m") Duration firstRetry, @DefaultValue("10m") Duration lease) {
}
