package org.hipaatraining.lrs.cmi5;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.validate.Finding;
import org.hipaatraining.packager.validate.PackageValidator;
import org.hipaatraining.packager.validate.Schemas;
import org.hipaatraining.packager.validate.ValidationReport;
import org.hipaatraining.packager.zip.ZipEntryNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a cmi5 zip into a course structure and stored content. The zip is checked first by content-packager's
 * {@link PackageValidator} (entry names that could escape the package folder in local headers and central directory,
 * cmi5.xml structure, AU urls present in the zip, and CourseStructure.xsd when {@code lrs.cmi5.schemas-dir} is set);
 * any error refuses the whole upload, listing what to fix.
 */
@Component
class PackageImport {

    private static final Logger log = LoggerFactory.getLogger(PackageImport.class);
    private static final int LISTED_ERRORS = 10;

    private final ContentStore content;
    private final PackageValidator validator;
    private final CourseStructureReader reader;

    PackageImport(ContentStore content, Cmi5Settings settings, Catalogue catalogue) {
        this.content = content;
        Schemas schemas = settings.schemasDir().isBlank() ? null : Schemas.in(Path.of(settings.schemasDir()));
        if (schemas != null) {
            log.info("cmi5 uploads are validated against the XSD in {}", schemas.folder());
        }
        this.validator = new PackageValidator(schemas);
        this.reader = new CourseStructureReader(catalogue.iriBase() + "/cmi5");
    }

    /** What an import produced: the structure with generated ids, and where its files are. */
    record Imported(CourseStructure structure, String contentKey, String sha256, boolean schemaChecked) {
    }

    /** Validates the zip and stores its files under a content key derived from the course id and the zip's hash. */
    Imported importZip(Path zip, String courseId) {
        ValidationReport report = validator.validate(zip);
        List<Finding> errors = report.errors();
        if (!errors.isEmpty()) {
            throw new Cmi5Exception("the package is not valid: " + errors.stream().limit(LISTED_ERRORS)
                    .map(Finding::toString).collect(Collectors.joining("; "))
                    + (errors.size() > LISTED_ERRORS ? "; and " + (errors.size() - LISTED_ERRORS) + " more" : ""));
        }
        if (report.format() != PackageFormat.CMI5) {
            throw new Cmi5Exception("the package is " + (report.format() == null ? "not an LMS package"
                    : report.format().displayName()) + ", not cmi5: it needs cmi5.xml at the zip root");
        }
        String sha256 = sha256(zip);
        String contentKey = courseId + "@" + sha256.substring(0, 16);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry structureEntry = file.getEntry("cmi5.xml");
            CourseStructure structure;
            try (InputStream in = file.getInputStream(structureEntry)) {
                structure = reader.read(in.readAllBytes(), courseId);
            }
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (entry.isDirectory() || ZipEntryNames.problem(entry.getName()).isPresent()) {
                    continue; // the validator already refused unsafe names; never store one
                }
                try (InputStream in = file.getInputStream(entry)) {
                    content.put(contentKey, entry.getName(), in);
                }
            }
            return new Imported(structure, contentKey, sha256, report.schemaChecked());
        } catch (IOException e) {
            throw new Cmi5Exception("the package could not be read as a zip: " + e.getMessage());
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
