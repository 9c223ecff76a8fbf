package org.hipaatraining.packager.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.hipaatraining.packager.PackageFormat;
import org.xml.sax.SAXException;

/**
 * The official XSDs for SCORM 1.2, SCORM 2004 4th Edition and cmi5, read from a folder laid out like
 * {@code shared/schemas}: {@code scorm12/}, {@code scorm2004-4th/}, {@code cmi5/}. They are ADL's and IMS's files and
 * are not in this repository; the CLI takes {@code --schemas DIR} and does structural checks only without it.
 * There is no official XSD for tincan.xml, so xAPI packages are always checked structurally.
 */
public final class Schemas {

    /** The files to compile per format; includes and imports between them resolve from the same folder. */
    private static final Map<PackageFormat, List<String>> FILES = Map.of(
            PackageFormat.SCORM_12, List.of("scorm12/imscp_rootv1p1p2.xsd", "scorm12/adlcp_rootv1p2.xsd",
                    "scorm12/imsmd_rootv1p2p1.xsd"),
            PackageFormat.SCORM_2004, List.of("scorm2004-4th/imscp_v1p1.xsd", "scorm2004-4th/adlcp_v1p3.xsd",
                    "scorm2004-4th/adlseq_v1p3.xsd", "scorm2004-4th/adlnav_v1p3.xsd", "scorm2004-4th/imsss_v1p0.xsd"),
            PackageFormat.CMI5, List.of("cmi5/CourseStructure.xsd"));

    private final Path folder;
    private final Map<PackageFormat, Schema> compiled = new EnumMap<>(PackageFormat.class);

    private Schemas(Path folder) {
        this.folder = folder;
    }

    /**
     * The schemas in a folder. Fails at once, naming the missing file, if the folder lacks any of them: a typo in
     * {@code --schemas} should not quietly turn XSD validation off.
     */
    public static Schemas in(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        FILES.values().stream().flatMap(List::stream).map(absolute::resolve).filter(f -> !Files.isRegularFile(f))
                .findFirst().ifPresent(missing -> {
                    throw new IllegalArgumentException("schema folder " + absolute + " has no " + missing.getFileName()
                            + " (expected scorm12/, scorm2004-4th/ and cmi5/ as in shared/schemas)");
                });
        return new Schemas(absolute);
    }

    public Path folder() {
        return folder;
    }

    /** The compiled schema set for a format; empty for xAPI (tincan.xml has no official XSD). */
    public synchronized Optional<Schema> forFormat(PackageFormat format) {
        if (!FILES.containsKey(format)) {
            return Optional.empty();
        }
        return Optional.of(compiled.computeIfAbsent(format, this::compile));
    }

    private Schema compile(PackageFormat format) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // Local files only: the schemas import each other by relative path, and nothing here needs the network.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
            // IMS metadata 1.2.1 fails Xerces' unique-particle check under full checking; the other schemas do not
            // need it. (Verified with the JDK's validator; see shared/schemas/README.md.)
            factory.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
            Source[] sources = FILES.get(format).stream()
                    .map(file -> new StreamSource(folder.resolve(file).toUri().toString())).toArray(Source[]::new);
            return factory.newSchema(sources);
        } catch (SAXException e) {
            throw new IllegalArgumentException("cannot compile the " + format.displayName() + " schemas in " + folder
                    + ": " + e.getMessage(), e);
        }
    }
}
