package org.hipaatraining.packager;

import java.util.Arrays;
import java.util.Locale;

/**
 * The LMS protocols a package can speak. The id is what the player reads from the module data ({@code "format"}), what
 * the LRS records in the package-format context extension, and the suffix of the package file name, so it never changes.
 */
public enum PackageFormat {

    SCORM_12("scorm12", "imsmanifest.xml", "SCORM 1.2"),
    SCORM_2004("scorm2004", "imsmanifest.xml", "SCORM 2004 4th Edition"),
    XAPI("xapi", "tincan.xml", "xAPI (tincan.xml)"),
    CMI5("cmi5", "cmi5.xml", "cmi5");

    private final String id;
    private final String manifestName;
    private final String displayName;

    PackageFormat(String id, String manifestName, String displayName) {
        this.id = id;
        this.manifestName = manifestName;
        this.displayName = displayName;
    }

    /** The stable id: {@code scorm12}, {@code scorm2004}, {@code xapi} or {@code cmi5}. */
    public String id() {
        return id;
    }

    /** The file at the zip root an LMS reads to import the package. */
    public String manifestName() {
        return manifestName;
    }

    public String displayName() {
        return displayName;
    }

    /** The format with this id (case-insensitive), for command lines and settings. */
    public static PackageFormat fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown package format '" + id + "'; expected one of "
                        + Arrays.stream(values()).map(PackageFormat::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
