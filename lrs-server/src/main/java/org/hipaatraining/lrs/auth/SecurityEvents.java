package org.hipaatraining.lrs.auth;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security events for log-in monitoring (HIPAA 164.308(a)(5)(ii)(C)): failed sign-ins, locks and their lifting,
 * admin sign-ins. One logger, {@code org.hipaatraining.lrs.security}, so an operator can route these lines to their own
 * file or alerting. Names come from the client and are logged with control characters replaced (no forged lines).
 */
final class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("org.hipaatraining.lrs.security");

    private SecurityEvents() {
    }

    static void signInFailed(SignInAttempt attempt, String reason) {
        log.warn("sign-in failed: channel={} account=\"{}\" address={} reason={}", attempt.channel().value(),
                clean(attempt.account()), clean(attempt.address()), reason);
    }

    static void refusedWhileLocked(SignInAttempt attempt, String lock) {
        log.warn("sign-in refused, locked: channel={} account=\"{}\" address={} lock={}", attempt.channel().value(),
                clean(attempt.account()), clean(attempt.address()), clean(lock));
    }

    static void locked(String lock, int failures, Instant until) {
        log.warn("sign-in lock: {} after {} failed attempts, until {}", clean(lock), failures, until);
    }

    static void lifted(String lock, String admin) {
        log.warn("sign-in lock lifted: {} by {}", clean(lock), clean(admin));
    }

    static void signedIn(String account, String address) {
        log.info("signed in: channel=admin-form account=\"{}\" address={}", clean(account), clean(address));
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
        return printable.length() > 200 ? printable.substring(0, 200) + "..." : printable;
    }
}
