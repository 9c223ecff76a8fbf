package org.hipaatraining.lrs.xapi;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP-level xAPI settings.
 *
 * @param maxBodySize        requests with a larger body are refused with 413 ({@code lrs.xapi.max-body-size})
 * @param consistencyWindow  how far behind "now" X-Experience-API-Consistent-Through is reported: writes in flight on
 *                           any instance finish within it, so everything stored before that time is visible
 * @param corsAllowedOrigins origins allowed to call the LRS from a browser; {@code *} allows any
 */
@ConfigurationProperties("lrs.xapi")
public record XapiSettings(@DefaultValue("16MB") DataSize maxBodySize,
                           @DefaultValue("1s") Duration consistencyWindow,
                           @DefaultValue("*") List<String> corsAllowedOrigins) {
}
