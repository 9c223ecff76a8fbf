package org.hipaatraining.lrs.xapi.statements;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageSize the most statements one GET returns; {@code limit=0} and larger limits get this many, with a more link
 */
@ConfigurationProperties("lrs.statements")
public record StatementSettings(@DefaultValue("100") int pageSize) {
}
