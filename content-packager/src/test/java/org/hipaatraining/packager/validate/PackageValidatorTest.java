package org.hipaatraining.packager.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hipaatraining.packager.Fixtures;
import org.hipaatraining.packager.PackageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made zips, good and bad, the way packages from other tools arrive. */
class PackageValidatorTest {

    private static final String SCORM12 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="m" version="1.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                      xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
              <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
              <organizations default="org">
                <organization identifier="org">
                  <title>Course</title>
                  <item identifier="i1" identifierref="r1"><title>Module</title>%s</item>
                </organization>
              </organizations>
              <resources>
                <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="index.html">
                  <file href="index.html"/>
                </resource>
              </resources>
            </manifest>
            """;

    private final PackageValidator structural = new PackageValidator();

    static byte[] zip(String... namesAndTexts) {
        return Fixtures.rawZip(namesAndTexts);
    }

    private ValidationReport check(byte[] zip) {
        return structural.validate(zip, "test.zip");
    }

    @Test
    void minimalScorm12PackagePasses() {
        ValidationReport report = check(zip("imsmanifest.xml", SCORM12.formatted(""), "index.html", "<p>hi</p>"));

        assertThat(report.findings()).isEmpty();
        assertThat(report.format()).isEqualTo(PackageFormat.SCORM_12);
        assertThat(report.schemaChecked()).isFalse();
    }

    @Test
    void missingLaunchFileIsAnError() {
        ValidationReport report = check(zip("imsmanifest.xml", SCORM12.formatted("")));

        assertThat(report.hasErrors()).isTrue();
        assertThat(report.errors()).extracting(Finding::toString)
                .contains("error: imsmanifest.xml: resource \"r1\" href \"index.html\": no such file in the zip");
    }

    @Test
    void parentDirectoryEntryIsRejected() {
        ValidationReport report = check(zip("imsmanifest.xml", SCORM12.formatted(""), "index.html", "x",
                "../evil", "rm -rf /"));

        assertThat(report.errors()).singleElement().satisfies(finding -> {
            assertThat(finding.file()).isEqualTo("../evil");
            assertThat(finding.message()).contains("unsafe entry name", "'..'");
        });
    }

    @Test
    void absoluteAndBackslashNamesAreRejected() {
        ValidationReport report = check(zip("imsmanifest.xml", SCORM12.formatted(""), "index.html", "x",
                "/etc/cron.d/evil", "x", "..\\..\\evil.bat", "x"));

        assertThat(report.errors()).extracting(Finding::file).containsExactly("/etc/cron.d/evil", "..\\..\\evil.bat");
    }

    @Test
    void manifestThatIsNotXmlIsAnError() {
        ValidationReport report = check(zip("imsmanifest.xml", "<manifest><unclosed></manifest>", "index.html", "x"));

        assertThat(report.errors()).singleElement().extracting(Finding::message).asString()
                .startsWith("not well-formed XML");
        assertThat(report.format()).isNull();
    }

    @Test
    void doctypesAreRefusedSoNoExternalEntityIsRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><m>&x;</m>";

        ValidationReport report = check(zip("cmi5.xml", xxe));

        assertThat(report.errors()).singleElement().extracting(Finding::message).asString().contains("DOCTYPE");
    }

    @Test
    void manifestInAFolderIsExplained() {
        ValidationReport report = check(zip("course/imsmanifest.xml", SCORM12.formatted(""), "course/index.html", "x"));

        assertThat(report.errors()).singleElement().satisfies(finding -> {
            assertThat(finding.file()).isEqualTo("course/imsmanifest.xml");
            assertThat(finding.message()).contains("zip root");
        });
    }

    @Test
    void zipWithoutAnyManifestIsNotAPackage() {
        assertThat(check(zip("index.html", "x")).errors()).extracting(Finding::message)
                .containsExactly("no imsmanifest.xml, tincan.xml or cmi5.xml at the zip root: not an LMS package");
    }

    @Test
    void bytesThatAreNotAZipAreAnError() {
        ValidationReport report = check("just text".getBytes(StandardCharsets.UTF_8));

        assertThat(report.hasErrors()).isTrue();
        assertThat(report.format()).isNull();
    }

    @Test
    void itemPointingAtAMissingResourceIsAnError() {
        String manifest = SCORM12.formatted("").replace("identifierref=\"r1\"", "identifierref=\"nope\"");

        ValidationReport report = check(zip("imsmanifest.xml", manifest, "index.html", "x"));

        assertThat(report.errors()).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .contains("refers to resource \"nope\", which does not exist"))
                .anySatisfy(m -> assertThat(m).contains("no item launches a SCO"));
    }

    @Test
    void scorm2004NamespaceWithUnknownSchemaVersionWarnsAboutMoodle() {
        String manifest = """
                <manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
                          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
                  <metadata><schema>ADL SCORM</schema><schemaversion>2004 5th Edition</schemaversion></metadata>
                  <organizations default="o"><organization identifier="o"><title>T</title>
                    <item identifier="i" identifierref="r"><title>M</title></item></organization></organizations>
                  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="a.html">
                    <file href="a.html"/></resource></resources>
                </manifest>""";

        ValidationReport report = check(zip("imsmanifest.xml", manifest, "a.html", "x"));

        assertThat(report.format()).isEqualTo(PackageFormat.SCORM_2004);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).singleElement().extracting(Finding::message).asString()
                .contains("Moodle will treat the package as SCORM 1.2");
    }

    @Test
    void schemaVersionContradictingTheNamespaceIsAnError() {
        String manifest = SCORM12.formatted("").replace("<schemaversion>1.2", "<schemaversion>2004 4th Edition");

        assertThat(check(zip("imsmanifest.xml", manifest, "index.html", "x")).errors()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("says SCORM 2004 4th Edition but the manifest namespace is SCORM 1.2's"));
    }

    @Test
    void officialSchemaCatchesWhatStructureDoesNot() {
        byte[] zip = zip("imsmanifest.xml", SCORM12.formatted("<adlcp:masteryscore>80</adlcp:masteryscore><bogus/>"),
                "index.html", "x");

        assertThat(check(zip).findings()).isEmpty();
        ValidationReport withXsd = new PackageValidator(Schemas.in(Fixtures.schemasFolder())).validate(zip, "test.zip");
        assertThat(withXsd.schemaChecked()).isTrue();
        assertThat(withXsd.errors()).singleElement().extracting(Finding::message).asString()
                .startsWith("schema: line ").contains("bogus");
    }

    @Test
    void cmi5InTheWrongNamespaceGetsTheClassicMessage() {
        String cmi5 = """
                <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure">
                  <course id="https://example.org/c"><title><langstring>T</langstring></title></course>
                </courseStructure>""";

        assertThat(check(zip("cmi5.xml", cmi5)).errors()).singleElement().extracting(Finding::message).asString()
                .contains("Cannot find the declaration of element 'courseStructure'");
    }

    @Test
    void cmi5AuProblemsAreEachReported() {
        String cmi5 = """
                <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
                  <course id="https://example.org/c"><title><langstring>T</langstring></title>
                    <description><langstring>D</langstring></description></course>
                  <au id="https://example.org/au" moveOn="Finished" masteryScore="1.5">
                    <title><langstring>A</langstring></title><description><langstring>D</langstring></description>
                    <url>modules/a/index.html?x=1</url>
                  </au>
                  <au id="relative-id"><title><langstring>B</langstring></title>
                    <description><langstring>D</langstring></description><url>https://example.org/au.html</url></au>
                </courseStructure>""";

        assertThat(check(zip("cmi5.xml", cmi5)).errors()).extracting(Finding::message).containsExactly(
                "<au id=\"https://example.org/au\">: moveOn=\"Finished\" is not one of [NotApplicable, Passed, Completed,"
                        + " CompletedAndPassed, CompletedOrPassed]",
                "<au id=\"https://example.org/au\">: masteryScore 1.5 is not between 0 and 1",
                "<au id=\"https://example.org/au\"> <url> \"modules/a/index.html?x=1\": no such file in the zip",
                "<au id=\"relative-id\">: the id must be an absolute IRI");
    }

    @Test
    void tincanAndCmi5TogetherIsAnError() {
        String tincan = """
                <tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>
                  <activity id="https://example.org/a" type="http://adlnet.gov/expapi/activities/course">
                    <name>A</name><launch lang="en-US">index.html</launch></activity></activities></tincan>""";
        String cmi5 = """
                <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
                  <course id="https://example.org/c"><title><langstring>T</langstring></title>
                    <description><langstring>D</langstring></description></course>
                  <au id="https://example.org/au"><title><langstring>A</langstring></title>
                    <description><langstring>D</langstring></description><url>index.html</url></au>
                </courseStructure>""";

        ValidationReport report = check(zip("tincan.xml", tincan, "cmi5.xml", cmi5, "index.html", "x"));

        assertThat(report.errors()).extracting(Finding::message)
                .containsExactly("both cmi5.xml and tincan.xml at the root: LMSs handle that badly; ship one");
    }

    @Test
    void tincanWithoutALaunchHasNothingToOpen() {
        String tincan = """
                <tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>
                  <activity id="https://example.org/a" type="http://adlnet.gov/expapi/activities/course">
                    <name>A</name></activity></activities></tincan>""";

        assertThat(check(zip("tincan.xml", tincan)).errors()).extracting(Finding::message)
                .containsExactly("no activity has a <launch>: the LMS has no page to open");
    }

    /**
     * Renames entries by patching bytes (same length, so the zip stays readable): the JDK's writer refuses duplicate
     * and mismatched names, hostile zips do not. {@code onlyLast} patches only the central directory's copy.
     */
    static byte[] rename(byte[] zip, String from, String to, boolean onlyLast) {
        byte[] find = from.getBytes(StandardCharsets.UTF_8);
        byte[] replace = to.getBytes(StandardCharsets.UTF_8);
        byte[] patched = zip.clone();
        int last = -1;
        for (int i = 0; i + find.length <= patched.length; i++) {
            if (java.util.Arrays.equals(patched, i, i + find.length, find, 0, find.length)) {
                last = i;
                if (!onlyLast) {
                    System.arraycopy(replace, 0, patched, i, replace.length);
                }
            }
        }
        if (onlyLast && last >= 0) {
            System.arraycopy(replace, 0, patched, last, replace.length);
        }
        return patched;
    }

    @Test
    void duplicateEntriesAreAnError() {
        byte[] zip = rename(zip("imsmanifest.xml", SCORM12.formatted(""), "index.html", "a", "index.htmX", "b"),
                "index.htmX", "index.html", false);

        ValidationReport report = check(zip);

        assertThat(report.errors()).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("appears twice"));
    }

    @Test
    void centralDirectoryNameDifferentFromTheEntrysNameIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sneaky.zip");
        Files.write(file, rename(zip("imsmanifest.xml", SCORM12.formatted(""), "index.html", "x", "aa/evil.sh", "x"),
                "aa/evil.sh", "../evil.sh", true));

        ValidationReport report = structural.validate(file);

        assertThat(report.errors()).singleElement().satisfies(finding -> {
            assertThat(finding.file()).isEqualTo("../evil.sh");
            assertThat(finding.message()).contains("central directory", "unsafe name");
        });
    }

    @Test
    void validatesAZipOnDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("good.zip");
        Files.write(file, zip("imsmanifest.xml", SCORM12.formatted(""), "index.html", "x"));

        ValidationReport report = structural.validate(file);

        assertThat(report.source()).isEqualTo("good.zip");
        assertThat(report.findings()).isEmpty();
    }

    /** A 100 MB file of zeros compresses to about 100 KB; checking it must not hold it in memory. */
    @Test
    void aZipBombIsMeasuredNotHeld(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bomb.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new java.util.zip.ZipEntry("imsmanifest.xml"));
            out.write(SCORM12.formatted("").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new java.util.zip.ZipEntry("index.html"));
            out.write(new byte[1024]);
            out.putNextEntry(new java.util.zip.ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) {
                out.write(zeros);
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        ValidationReport report = structural.validate(file);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(Files.size(file)).isLessThan(1024 * 1024);
        assertThat(report.findings()).isEmpty();
        assertThat(allocated).as("bytes allocated while checking the zip").isLessThan(32L * 1024 * 1024);
    }

    @Test
    void aManifestTooLargeToParseIsAnError() {
        ValidationReport report = check(zip("imsmanifest.xml", "<!--" + "x".repeat(PackageEntries.MAX_MANIFEST_BYTES) + "-->"));

        assertThat(report.errors()).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("not a manifest"));
    }
}
