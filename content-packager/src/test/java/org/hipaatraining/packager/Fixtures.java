package org.hipaatraining.packager;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.hipaatraining.content.Catalogue;

/**
 * Shared test inputs: the small fixture catalogue in src/test/resources/fixture-content (two modules: alpha with an
 * image, role variants, questions and an attestation; beta with none of those), the official XSDs, and unzipping.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path contentFolder() {
        try {
            return Path.of(Fixtures.class.getResource("/fixture-content/catalogue.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Catalogue catalogue() {
        return Catalogue.load(contentFolder());
    }

    /** A writable copy of the fixture content, for tests that break a file on purpose. */
    public static Path copyContent(Path target) {
        Path source = contentFolder();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The official XSDs: {@code -Dpackager.schemas=DIR}, or {@code shared/schemas} found by walking up from the working
     * directory (the workspace keeps them beside the repository, not in it). Fails the test when they are missing,
     * because "schema-valid" is the point of the tests that ask for them.
     */
    public static Path schemasFolder() {
        String property = System.getProperty("packager.schemas");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/schemas");
            if (Files.isRegularFile(candidate.resolve("cmi5/CourseStructure.xsd"))) {
                return candidate;
            }
        }
        return fail("The official SCORM and cmi5 XSDs were not found: put them in shared/schemas next to the repository"
                + " (scorm12/, scorm2004-4th/, cmi5/) or run with -Dpackager.schemas=DIR");
    }

    /** A zip written with the JDK directly (names and texts alternating), so names our writer refuses can be made. */
    public static byte[] rawZip(String... namesAndTexts) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The entries of a zip by name, in name order. */
    public static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    public static String text(Map<String, byte[]> entries, String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            fail("no " + name + " in the package; it has " + entries.keySet());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
