package org.hipaatraining.packager.manifest;

import java.util.List;

import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.course.Course;

/**
 * Writes the one file at the zip root an LMS imports a package by. Everything else in a package is the same in every
 * format; this is where the formats differ (besides the player's runtime adapter, chosen by the module data).
 */
public interface ManifestWriter {

    PackageFormat format();

    /**
     * @param course      what the package holds
     * @param sharedFiles zip paths of files every module uses (the player), sorted
     * @return the manifest's bytes, UTF-8 XML, stored at {@link PackageFormat#manifestName()}
     */
    byte[] write(Course course, List<String> sharedFiles);

    static ManifestWriter forFormat(PackageFormat format) {
        return switch (format) {
            case SCORM_12 -> new Scorm12ManifestWriter();
            case SCORM_2004 -> new Scorm2004ManifestWriter();
            case XAPI -> new TinCanManifestWriter();
            case CMI5 -> new Cmi5ManifestWriter();
        };
    }
}
