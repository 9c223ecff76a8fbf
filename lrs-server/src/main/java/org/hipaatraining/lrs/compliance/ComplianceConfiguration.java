package org.hipaatraining.lrs.compliance;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Compliance records are derived from statements; a scheduled catch-up keeps them complete on every instance. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ComplianceConfiguration {
}
