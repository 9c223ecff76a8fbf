package org.hipaatraining.packager.validate;

/**
 * One thing the validator found in a package.
 *
 * @param file    the zip entry it is about ({@code imsmanifest.xml}, {@code ../evil}), or "" for the zip as a whole
 * @param message what is wrong, in words a person uploading packages understands
 */
public record Finding(Severity severity, String file, String message) {

    public enum Severity {
        /** An LMS will reject the package or learners will hit the problem. */
        ERROR,
        /** Works in some LMSs, worth fixing. */
        WARNING
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + (file.isEmpty() ? "" : file + ": ") + message;
    }
}
