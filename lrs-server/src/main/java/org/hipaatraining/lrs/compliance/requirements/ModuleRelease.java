package org.hipaatraining.lrs.compliance.requirements;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A published version of a module. Those from the catalogue's changelog come with the content; a practice publishes
 * its own when it changes a policy the module teaches (for example a new texting policy), which is a material change
 * making the module due again.
 *
 * @param source      {@code catalogue} or {@code practice}
 * @param publishedBy the admin who published a practice release
 */
public record ModuleRelease(String moduleId, String version, LocalDate date, boolean material, String summary,
                            String source, String publishedBy, Instant publishedAt) {

    public static final String CATALOGUE = "catalogue";
    public static final String PRACTICE = "practice";
}
