package org.hipaatraining.lrs.xapi;

import java.time.Duration;
import java.util.List;

import org.hipaatraining.lrs.xapimodel.XapiVersion;
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
 * @param defaultVersion     the version named in the response to a request that names none (such a request is refused,
 *                           except on /about); 2.0.0 unless a deployment serves only 1.0.3 clients
 */
@ConfigurationProperties("lrs.xapi")
public record XapiSettings(@DefaultValue("16MB") DataSize maxBodySize,
                           @DefaultValue("1s") Duration consistencyWindow,
                           @DefaultValue("*") List<String> corsAllowedOrigins,
                           @DefaultValue("2.0.0") String defaultVersion) {

    public XapiVersion defaultXapiVersion() {
        return XapiVersion.fromHeader(defaultVersion).orElseThrow(() ->
                new IllegalStateException("lrs.xapi.default-version: '" + defaultVersion + "' is not 1.0.3 or 2.0.0"));
    }
}
