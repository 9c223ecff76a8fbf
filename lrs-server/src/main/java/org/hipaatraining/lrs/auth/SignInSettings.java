package org.hipaatraining.lrs.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins are throttled ({@code lrs.security.sign-in.*}): the admin sign-in form, HTTP Basic on the admin
 * API and on xAPI alike.
 *
 * @param accountMaxFailures failures for one account (an admin user or an xAPI client key) within {@code window} that
 *                           lock it for {@code lockDuration}
 * @param addressMaxFailures failures from one client address, for any accounts, within {@code window} that lock the
 *                           address: it is higher, because a clinic's computers may share one address
 * @param window             how far back failures are counted
 * @param lockDuration       how long a lock lasts, unless an admin lifts it sooner
 * @param lockRefresh        how often an instance reads the locks other instances made
 */
@ConfigurationProperties("lrs.security.sign-in")
public record SignInSettings(@DefaultValue("5") int accountMaxFailures,
                             @DefaultValue("50") int addressMaxFailures,
                             @DefaultValue("15m") Duration window,
                             @DefaultValue("15m") Duration lockDuration,
                             @DefaultValue("1s") Duration lockRefresh) {
}
