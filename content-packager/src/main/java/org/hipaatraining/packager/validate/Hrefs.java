package org.hipaatraining.packager.validate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Turns a manifest's href (a resource href, a file href, a launch url) into the zip entry it names, the way an LMS
 * serving the unpacked folder would: query and fragment dropped, percent-escapes decoded, "." and ".." resolved.
 */
final class Hrefs {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    /** Where an href points. */
    sealed interface Target permits Entry, External, Unsafe {
    }

    /** A file inside the package. */
    record Entry(String path) implements Target {
    }

    /** Somewhere else (an absolute URL): nothing to look for in the zip. */
    record External(String url) implements Target {
    }

    /** Out of the package folder, or not a path at all. */
    record Unsafe(String why) implements Target {
    }

    private Hrefs() {
    }

    /**
     * @param base a folder inside the package ("" for the root, or e.g. {@code content/} from an {@code xml:base})
     */
    static Target resolve(String base, String href) {
        String value = href == null ? "" : href.trim();
        if (SCHEME.matcher(value).matches()) {
            return new External(value);
        }
        int cut = indexOfAny(value, '?', '#');
        String path = cut < 0 ? value : value.substring(0, cut);
        if (path.isEmpty()) {
            return new Unsafe("empty path");
        }
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Unsafe("bad percent-escape");
        }
        if (path.startsWith("/") || path.contains("\\")) {
            return new Unsafe("absolute path or backslash");
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : (base + path).split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return new Unsafe("climbs out of the package with '..'");
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty() ? new Unsafe("empty path") : new Entry(String.join("/", segments));
    }

    /**
     * Reports an href that names a file missing from the zip, climbs out of it, or points outside the package
     * (a warning: it works online, but the package is no longer self-contained).
     */
    static void checkInZip(String base, String href, PackageEntries entries, Findings findings, String file,
                           String what) {
        Target target = resolve(base, href);
        if (target instanceof Entry entry && !entries.contains(entry.path())) {
            findings.error(file, what + " \"" + href + "\": no such file in the zip");
        } else if (target instanceof Unsafe unsafe) {
            findings.error(file, what + " \"" + href + "\": " + unsafe.why());
        } else if (target instanceof External) {
            findings.warning(file, what + " \"" + href + "\" is outside the package; offline LMSs cannot load it");
        }
    }

    private static int indexOfAny(String value, char a, char b) {
        int first = value.indexOf(a);
        int second = value.indexOf(b);
        if (first < 0) {
            return second;
        }
        return second < 0 ? first : Math.min(first, second);
    }
}
