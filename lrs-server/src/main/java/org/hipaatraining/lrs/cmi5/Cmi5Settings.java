package org.hipaatraining.lrs.cmi5;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The cmi5 launcher's settings ({@code lrs.cmi5.*}).
 *
 * @param tokenLifetime     how long after launch the fetch URL and its auth-token work (a session longer than this
 *                          must be launched again)
 * @param sessionTimeout    a session with no statement for this long, and not terminated, is recorded as abandoned
 * @param terminatedGrace   how long after {@code terminated} late statements of the session are still accepted
 *                          (9.3.8: the LMS waits a period of its choosing, then rejects)
 * @param schemasDir        a folder laid out like shared/schemas (with cmi5/CourseStructure.xsd); when set, uploaded
 *                          cmi5.xml files are validated against the official XSD; blank for structural checks only
 * @param maxPackageSize    uploads larger than this are refused
 * @param abandonSweep      how often sessions past the timeout are looked for
 * @param contentUrl        where learners' browsers load AU files from, e.g. {@code https://content.lrs.clinic.example}
 *                          (another host name of this server); blank for the public URL. A separate origin keeps
 *                          uploaded third-party AUs away from the admin pages' cookies
 */
@ConfigurationProperties("lrs.cmi5")
public record Cmi5Settings(@DefaultValue("8h") Duration tokenLifetime,
                           @DefaultValue("8h") Duration sessionTimeout,
                           @DefaultValue("10s") Duration terminatedGrace,
                           @DefaultValue("") String schemasDir,
                           @DefaultValue("256MB") DataSize maxPackageSize,
                           @DefaultValue("5m") Duration abandonSweep,
                           @DefaultValue("") String contentUrl) {

    /** The base of AU file links: {@code content-url} when set, else {@code base}. */
    String contentBase(String base) {
        if (contentUrl.isBlank()) {
            return base;
        }
        return contentUrl.endsWith("/") ? contentUrl.substring(0, contentUrl.length() - 1) : contentUrl;
    }
}
