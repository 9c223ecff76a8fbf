package org.hipaatraining.packager.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hipaatraining.packager.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The CLI run in-process, as a user would type it; exit codes are what scripts and CI rely on. */
class PackagerCliTest {

    @TempDir
    Path out;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = PackagerCli.commandLine();
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        return commandLine.execute(args);
    }

    private String content() {
        return Fixtures.contentFolder().toString();
    }

    @Test
    void buildWritesTheSelectedPackages() {
        int exit = run("build", "--content", content(), "--out", out.toString(), "--format", "scorm12,cmi5",
                "--role", "front-desk", "--module", "beta");

        assertThat(exit).as(stderr.toString()).isZero();
        assertThat(out.resolve("hipaa-role-front-desk-scorm12.zip")).isRegularFile();
        assertThat(out.resolve("hipaa-role-front-desk-cmi5.zip")).isRegularFile();
        assertThat(out.resolve("hipaa-module-beta-1.0.0-scorm12.zip")).isRegularFile();
        assertThat(out.resolve("hipaa-module-beta-1.0.0-cmi5.zip")).isRegularFile();
        assertThat(stdout.toString()).contains("hipaa-role-front-desk-scorm12.zip", "Wrote 4 packages to");
    }

    @Test
    void builtPackagesValidateWithTheOfficialSchemas() {
        assertThat(run("build", "--content", content(), "--out", out.toString())).isZero();

        int exit = run("validate", "--schemas", Fixtures.schemasFolder().toString(),
                out.resolve("hipaa-role-clinical-scorm2004.zip").toString(),
                out.resolve("hipaa-module-alpha-2.1.0-cmi5.zip").toString(),
                out.resolve("hipaa-module-alpha-2.1.0-xapi.zip").toString());

        assertThat(exit).as(stdout.toString()).isZero();
        assertThat(stdout.toString()).contains("hipaa-role-clinical-scorm2004.zip: SCORM 2004 4th Edition (with XSD): OK",
                "hipaa-module-alpha-2.1.0-xapi.zip: xAPI (tincan.xml) (structural): OK");
    }

    @Test
    void validateExitsWithOneWhenAPackageHasErrors() throws IOException {
        Path bad = out.resolve("bad.zip");
        Files.write(bad, Fixtures.rawZip("index.html", "x", "../evil", "x"));

        int exit = run("validate", bad.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stdout.toString()).contains("No --schemas folder", "bad.zip: unknown format (structural): FAILED",
                "error: ../evil: unsafe entry name");
    }

    @Test
    void unknownFormatIsOneLineNotAStackTrace() {
        int exit = run("build", "--content", content(), "--out", out.toString(), "--format", "aicc");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString().strip()).startsWith("error: unknown package format 'aicc'").doesNotContain("\tat ");
    }

    @Test
    void unknownRoleNamesTheRolesThereAre() {
        int exit = run("build", "--content", content(), "--out", out.toString(), "--role", "janitor");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString()).contains("error: role 'janitor' is not in roles.yaml; roles are [front-desk, clinical]");
    }

    @Test
    void brokenContentNamesTheFile(@TempDir Path content) {
        Fixtures.copyContent(content);
        Fixtures.write(content.resolve("modules/beta/lessons/lock-screen.html"),
                "<h2 id=\"lock-it\">Lock</h2><section class=\"scenario\"><h2>S</h2><img src=\"images/lock.png\" alt=\"Lock\"></section>");

        int exit = run("build", "--content", content.toString(), "--out", out.toString(), "--module", "beta");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr.toString())
                .contains("error: beta/lessons/lock-screen.html: <img src=\"images/lock.png\">: no such image");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        assertThat(run("build")).isEqualTo(2);
        assertThat(stderr.toString()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void schemasFolderWithoutTheXsdsIsRefused() throws IOException {
        Path zip = out.resolve("x.zip");
        Files.write(zip, new byte[] {1});

        assertThat(run("validate", "--schemas", out.toString(), zip.toString())).isEqualTo(1);
        assertThat(stderr.toString()).contains("error: schema folder", "has no");
    }

    @Test
    void helpAndVersionWork() {
        assertThat(run("--help")).isZero();
        assertThat(stdout.toString()).contains("Usage: content-packager", "build", "validate");
        assertThat(run("--version")).isZero();
        assertThat(stdout.toString()).contains("content-packager ");
        assertThat(run("help", "build")).isZero();
        assertThat(stdout.toString()).contains("--format=FORMAT");
    }
}
