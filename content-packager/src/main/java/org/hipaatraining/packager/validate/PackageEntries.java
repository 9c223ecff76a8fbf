package org.hipaatraining.packager.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.hipaatraining.packager.zip.ZipEntryNames;

/**
 * The files of a zip someone hands us, read defensively: unsafe names are reported (and their contents not kept),
 * duplicates are reported, and sizes are capped so a zip bomb cannot exhaust memory.
 */
final class PackageEntries {

    /** Far above any real training package (ours are well under 1 MiB), far below what would hurt a server. */
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    static final int MAX_ENTRIES = 20_000;

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Set<String> headerNames = new HashSet<>();
    private boolean truncated;

    private PackageEntries() {
    }

    /** Reads every entry; problems go to {@code findings}. Returns empty when the bytes are not a readable zip. */
    static Optional<PackageEntries> read(InputStream in, Findings findings) {
        PackageEntries entries = new PackageEntries();
        long total = 0;
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                entries.headerNames.add(name);
                if (++count > MAX_ENTRIES) {
                    findings.error("", "more than " + MAX_ENTRIES + " entries; not checked further");
                    entries.truncated = true;
                    return Optional.of(entries);
                }
                Optional<String> unsafe = ZipEntryNames.problem(name);
                if (unsafe.isPresent()) {
                    findings.error(name, "unsafe entry name: " + unsafe.get()
                            + "; an LMS unpacking it could write outside the package folder");
                    continue;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = readCapped(zip, MAX_TOTAL_BYTES - total);
                if (content == null) {
                    findings.error(name, "the package unpacks to more than " + MAX_TOTAL_BYTES / (1024 * 1024)
                            + " MiB; not checked further");
                    entries.truncated = true;
                    return Optional.of(entries);
                }
                total += content.length;
                if (entries.files.putIfAbsent(name, content) != null) {
                    findings.error(name, "appears twice in the zip; unzippers disagree on which copy wins");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // IllegalArgumentException: ZipInputStream's answer to names that are not valid in the zip's charset.
            findings.error("", "not a readable zip file: " + e.getMessage());
            return Optional.empty();
        }
        if (count == 0) {
            findings.error("", "not a zip file, or an empty one");
            return Optional.empty();
        }
        return Optional.of(entries);
    }

    private static byte[] readCapped(InputStream in, long budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > budget) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Whether reading stopped at a size or count cap, so later entries were not seen. */
    boolean truncated() {
        return truncated;
    }

    /** Whether an entry's local header carried this name, safe or not, file or folder. */
    boolean hasHeaderNamed(String name) {
        return headerNames.contains(name);
    }

    boolean contains(String name) {
        return files.containsKey(name);
    }

    byte[] get(String name) {
        return files.get(name);
    }

    Iterable<String> names() {
        return files.keySet();
    }
}
