package org.hipaatraining.lrs.compliance.status;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How kept statuses are brought up to date ({@code lrs.compliance.*}, docs/running.md).
 *
 * @param statusPassInterval how often the people marked for a recompute are recomputed
 * @param statusDayCron      when, in UTC, the statuses that change by the date alone are recomputed ({@code -} for never)
 */
@ConfigurationProperties("lrs.compliance")
public record ComplianceSettings(@DefaultValue("2s") Duration statusPassInterval,
                                 @DefaultValue("0 5 0 * * *") String statusDayCron) {
}
