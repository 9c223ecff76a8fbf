package org.hipaatraining.lrs.lti;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * LTI 1.3 tool settings ({@code lrs.lti.*}).
 *
 * @param loginTtl             how long a login's state and nonce stay valid: the platform must post the launch within it
 * @param clockSkew            tolerance for iat/exp in platform tokens, for clocks that are a little apart
 * @param gradeSweepInterval   how often every watched launch is checked for passes the fast path may have missed
 * @param retryInitial         the first wait before a failed score post is retried; it doubles up to {@code retryMax}
 * @param retryMax             the longest wait between retries of a score post
 * @param sendInterval         how often the score outbox is looked at
 */
@ConfigurationProperties("lrs.lti")
public record LtiSettings(@DefaultValue("10m") Duration loginTtl,
                          @DefaultValue("60s") Duration clockSkew,
                          @DefaultValue("60s") Duration gradeSweepInterval,
                          @DefaultValue("30s") Duration retryInitial,
                          @DefaultValue("1h") Duration retryMax,
                          @DefaultValue("5s") Duration sendInterval) {
}
