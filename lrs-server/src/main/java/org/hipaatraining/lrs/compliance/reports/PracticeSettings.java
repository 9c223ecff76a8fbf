package org.hipaatraining.lrs.compliance.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who the records belong to, as reports and certificates name it.
 *
 * @param name {@code lrs.practice.name}: the covered entity or business associate, e.g. "Riverside Family Medicine"
 */
@ConfigurationProperties("lrs.practice")
public record PracticeSettings(@DefaultValue("(set lrs.practice.name)") String name) {
}
