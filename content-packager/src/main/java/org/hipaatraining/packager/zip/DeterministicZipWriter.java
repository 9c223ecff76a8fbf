package org.hipaatraining.packager.zip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip whose bytes depend only on the entries' names and contents: the same content gives a byte-identical
 * package, so a rebuilt package can be compared by checksum, an unchanged course is not re-uploaded, and a diff of two
 * builds shows only real changes.
 *
 * <ul>
 *   <li>entries sorted by name (a map iteration order or the file system's listing order would leak in otherwise);</li>
 *   <li>one fixed timestamp, set as local DOS time so the build machine's time zone does not change it, and with
 *       no extended-timestamp field (which would be in UTC);</li>
 *   <li>no permissions: ZipOutputStream records external attributes 0, so every unzipper applies its own default
 *       instead of the build machine's umask;</li>
 *   <li>DEFLATED at a fixed level; no directory entries (unzippers create folders from the paths);</li>
 *   <li>only safe names ({@link ZipEntryNames}): no absolute paths, "..", backslashes or drive letters.</li>
 * </ul>
 */
public final class DeterministicZipWriter {

    /**
     * 1980-02-01 00:00. Not the DOS epoch 1980-01-01 00:00 itself: the JDK uses that exact DOS value to mean "before
     * 1980" and then adds an extended timestamp in UTC, which differs between time zones (as Spring Boot's jars, we
     * use February).
     */
    public static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private DeterministicZipWriter() {
    }

    /** The zip of these entries, by entry name. */
    public static byte[] write(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        write(entries, bytes);
        return bytes.toByteArray();
    }

    public static void write(Map<String, byte[]> entries, OutputStream out) {
        Map<String, byte[]> sorted = new TreeMap<>();
        entries.forEach((name, content) -> sorted.put(ZipEntryNames.requireSafe(name), content));
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, byte[]> entry : sorted.entrySet()) {
                if (entry.getKey().endsWith("/")) {
                    throw new IllegalArgumentException("directory entry '" + entry.getKey() + "': list files only");
                }
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setMethod(ZipEntry.DEFLATED);
                zipEntry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
