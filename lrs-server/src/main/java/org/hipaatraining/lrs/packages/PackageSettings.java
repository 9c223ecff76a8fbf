package org.hipaatraining.lrs.packages;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Course packages served for download ({@code lrs.packages.*}).
 *
 * @param buildAtStartup build every package in the background at start-up, so the first download is instant
 */
@ConfigurationProperties("lrs.packages")
public record PackageSettings(@DefaultValue("true") boolean buildAtStartup) {
}
