package org.hipaatraining.packager.validate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.zip.ZipEntryNames;
import org.w3c.dom.Document;

/**
 * Checks any zip before it goes to an LMS, ours or someone else's: safe entry names, exactly which manifest it has
 * (SCORM 1.2 or 2004 by namespace and schemaversion, tincan.xml, cmi5.xml), the official XSD when {@link Schemas} are
 * given, and that everything the manifest launches or lists is in the zip. Problems are findings, not exceptions, so
 * one run reports all of them.
 */
public final class PackageValidator {

    private static final Set<String> MANIFESTS = Set.of(ScormManifestCheck.MANIFEST, Cmi5Check.FILE, TinCanCheck.FILE);

    private final Schemas schemas;

    /** Structural checks only (no XSDs at hand). */
    public PackageValidator() {
        this(null);
    }

    /** @param schemas the official XSDs, or null for structural checks only */
    public PackageValidator(Schemas schemas) {
        this.schemas = schemas;
    }

    public ValidationReport validate(Path zip) {
        try (InputStream in = Files.newInputStream(zip)) {
            return validate(in, zip.getFileName().toString(), zip);
        } catch (IOException e) {
            Findings findings = new Findings();
            findings.error("", "cannot read " + zip + ": " + e.getMessage());
            return new ValidationReport(zip.toString(), null, false, findings.list());
        }
    }

    public ValidationReport validate(byte[] zip, String source) {
        return validate(new ByteArrayInputStream(zip), source, null);
    }

    /** @param file the zip on disk, whose central directory is checked too; null for bytes in memory */
    private ValidationReport validate(InputStream in, String source, Path file) {
        Findings findings = new Findings();
        Optional<PackageEntries> read = PackageEntries.read(in, MANIFESTS, findings);
        if (read.isEmpty()) {
            return new ValidationReport(source, null, false, findings.list());
        }
        PackageEntries entries = read.get();
        if (file != null && !entries.truncated()) {
            checkCentralDirectory(file, entries, findings);
        }
        boolean scorm = entries.contains(ScormManifestCheck.MANIFEST);
        boolean cmi5 = entries.contains(Cmi5Check.FILE);
        boolean tincan = entries.contains(TinCanCheck.FILE);
        if (!scorm && !cmi5 && !tincan) {
            reportMissingManifest(entries, findings);
            return new ValidationReport(source, null, false, findings.list());
        }
        if (cmi5 && tincan) {
            findings.error("", "both cmi5.xml and tincan.xml at the root: LMSs handle that badly; ship one");
        } else if (scorm && (cmi5 || tincan)) {
            findings.warning("", "imsmanifest.xml and " + (cmi5 ? Cmi5Check.FILE : TinCanCheck.FILE)
                    + " at the root: each LMS picks one, so learners may get different tracking");
        }
        PackageFormat format = null;
        boolean schemaChecked = false;
        if (cmi5) {
            format = PackageFormat.CMI5;
            schemaChecked = checkCmi5(entries, findings);
        }
        if (tincan) {
            format = format == null ? PackageFormat.XAPI : format;
            XmlChecks.parse(entries.get(TinCanCheck.FILE), TinCanCheck.FILE, findings)
                    .ifPresent(document -> TinCanCheck.check(document, entries, findings));
        }
        if (scorm) {
            Document document = XmlChecks.parse(entries.get(ScormManifestCheck.MANIFEST), ScormManifestCheck.MANIFEST,
                    findings).orElse(null);
            PackageFormat version = document == null ? null : ScormVersion.of(document, findings);
            if (version != null) {
                format = version;
                schemaChecked = validateSchema(version, entries.get(ScormManifestCheck.MANIFEST),
                        ScormManifestCheck.MANIFEST, findings);
                new ScormManifestCheck(version, entries, findings).check(document);
            }
        }
        return new ValidationReport(source, format, schemaChecked, findings.list());
    }

    private boolean checkCmi5(PackageEntries entries, Findings findings) {
        Optional<Document> document = XmlChecks.parse(entries.get(Cmi5Check.FILE), Cmi5Check.FILE, findings);
        if (document.isEmpty()) {
            return false;
        }
        boolean checked = validateSchema(PackageFormat.CMI5, entries.get(Cmi5Check.FILE), Cmi5Check.FILE, findings);
        Cmi5Check.check(document.get(), entries, findings);
        return checked;
    }

    private boolean validateSchema(PackageFormat format, byte[] xml, String file, Findings findings) {
        if (schemas == null) {
            return false;
        }
        return schemas.forFormat(format).map(schema -> {
            XmlChecks.validate(xml, schema, file, findings);
            return true;
        }).orElse(false);
    }

    private static void reportMissingManifest(PackageEntries entries, Findings findings) {
        for (String name : entries.names()) {
            String file = name.substring(name.lastIndexOf('/') + 1);
            if (file.equals(ScormManifestCheck.MANIFEST) || file.equals(Cmi5Check.FILE) || file.equals(TinCanCheck.FILE)) {
                findings.error(name, "the manifest must be at the zip root, not in a folder (Moodle: \"bad imsmanifest"
                        + " location\"); zip the folder's contents, not the folder");
                return;
            }
        }
        findings.error("", "no imsmanifest.xml, tincan.xml or cmi5.xml at the zip root: not an LMS package");
    }

    /**
     * Unzippers differ on whether they trust the local headers or the central directory, and a crafted zip can name
     * an entry differently in each; so the central directory's names are checked too.
     */
    private static void checkCentralDirectory(Path zip, PackageEntries entries, Findings findings) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (entries.hasHeaderNamed(entry.getName())) {
                    continue; // already checked as it was read
                }
                findings.error(entry.getName(), "in the zip's central directory but under another name in the entries"
                        + ZipEntryNames.problem(entry.getName()).map(why -> "; unsafe name: " + why).orElse(""));
            }
        } catch (IOException | IllegalArgumentException e) {
            // Not readable as a zip by its central directory; the entry-by-entry read reports what is wrong.
        }
    }
}
