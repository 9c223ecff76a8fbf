package org.hipaatraining.packager.zip;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which zip entry names are safe. An LMS unpacks a package onto its own disk; a name such as {@code ../../evil.php} or
 * {@code C:\evil} would be written outside the package folder ("zip slip"). The writer refuses to produce such names and
 * the validator reports them in packages from elsewhere.
 */
public final class ZipEntryNames {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private ZipEntryNames() {
    }

    /** Why a name is unsafe, or empty when it is a plain relative path such as {@code modules/privacy/index.html}. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("empty entry name");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("backslash in entry name (Windows unzippers treat it as a folder separator)");
        }
        if (name.startsWith("/")) {
            return Optional.of("absolute path");
        }
        if (DRIVE.matcher(name).matches()) {
            return Optional.of("drive letter");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return Optional.of("control character in entry name");
            }
        }
        String[] segments = name.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("..")) {
                return Optional.of("'..' climbs out of the package folder");
            }
            if (segment.equals(".")) {
                return Optional.of("'.' path segment");
            }
            // A trailing "/" marks a directory entry; an empty segment anywhere else is "a//b".
            if (segment.isEmpty() && i < segments.length - 1) {
                return Optional.of("empty path segment");
            }
        }
        return Optional.empty();
    }

    /** Throws when the name is unsafe; the writer's guard. */
    public static String requireSafe(String name) {
        problem(name).ifPresent(why -> {
            throw new IllegalArgumentException("unsafe zip entry name '" + name + "': " + why);
        });
        return name;
    }
}
