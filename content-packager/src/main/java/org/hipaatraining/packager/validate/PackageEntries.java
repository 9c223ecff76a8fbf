package org.hipaatraining.packager.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.hipaatraining.packager.zip.ZipEntryNames;

/**
 * The files of a zip someone hands us, read defensively: unsafe names are reported (and their contents not kept),
 * duplicates are reported, and sizes are capped so a zip bomb cannot exhaust memory. Only the manifests' contents are
 * kept (each at most {@link #MAX_MANIFEST_BYTES}); every other entry is read through and counted, never held, so the
 * memory a zip can take is bounded whatever it unpacks to.
 */
final class PackageEntries {

    /** Far above any real training package (ours are well under 1 MiB), far below what would hurt a server's disk. */
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    static final int MAX_ENTRIES = 20_000;
    /** Real manifests are kilobytes; a manifest is parsed in memory, so it is the one thing whose size must be small. */
    static final int MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

    private final Set<String> kept;
    private final Map<String, byte[]> manifests = new LinkedHashMap<>();
    private final Set<String> files = new LinkedHashSet<>();
    private final Set<String> headerNames = new HashSet<>();
    private boolean truncated;

    private PackageEntries(Set<String> kept) {
        this.kept = kept;
    }

    /**
     * Reads every entry; problems go to {@code findings}. Returns empty when the bytes are not a readable zip.
     *
     * @param manifests the entry names whose contents are kept for {@link #get}
     */
    static Optional<PackageEntries> read(InputStream in, Set<String> manifests, Findings findings) {
        PackageEntries entries = new PackageEntries(manifests);
        long total = 0;
        int count = 0;
        byte[] buffer = new byte[8192];
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
                boolean keep = manifests.contains(name);
                ByteArrayOutputStream content = keep ? new ByteArrayOutputStream() : null;
                long budget = Math.min(MAX_TOTAL_BYTES - total, keep ? MAX_MANIFEST_BYTES : Long.MAX_VALUE);
                long size = measure(zip, buffer, budget, content);
                if (size < 0) {
                    findings.error(name, keep && MAX_TOTAL_BYTES - total > MAX_MANIFEST_BYTES
                            ? "larger than " + MAX_MANIFEST_BYTES / (1024 * 1024) + " MiB: not a manifest; not checked further"
                            : "the package unpacks to more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MiB; not checked further");
                    entries.truncated = true;
                    return Optional.of(entries);
                }
                total += size;
                if (!entries.files.add(name)) {
                    findings.error(name, "appears twice in the zip; unzippers disagree on which copy wins");
                } else if (keep) {
                    entries.manifests.put(name, content.toByteArray());
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

    /** The entry's size, read through {@code buffer} (and copied to {@code keep} when given); -1 past {@code budget}. */
    private static long measure(InputStream in, byte[] buffer, long budget, ByteArrayOutputStream keep) throws IOException {
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > budget) {
                return -1;
            }
            if (keep != null) {
                keep.write(buffer, 0, n);
            }
        }
        return read;
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
        return files.contains(name);
    }

    /** The contents of a manifest named when reading; null for any other entry (their contents are not kept). */
    byte[] get(String name) {
        return manifests.get(name);
    }

    Iterable<String> names() {
        return files;
    }
}
