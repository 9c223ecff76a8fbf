package org.hipaatraining.packager.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.hipaatraining.packager.validate.Finding;
import org.hipaatraining.packager.validate.PackageValidator;
import org.hipaatraining.packager.validate.Schemas;
import org.hipaatraining.packager.validate.ValidationReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code content-packager validate}: checks zips (ours or anyone's) before they go to an LMS. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks LMS packages before upload.",
                "Checks safe zip entry names, which manifest it is (SCORM 1.2, SCORM 2004, tincan.xml, cmi5.xml), the"
                        + " official XSDs when --schemas is given, and that every launched or listed file exists."
                        + " Exits with 1 when any package has an error; warnings alone exit with 0."},
        footer = {"", "Example:", "  content-packager validate dist/*.zip --schemas ../shared/schemas"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PKG.zip", arity = "1..*", description = "The packages to check.")
    private List<Path> packages = new ArrayList<>();

    @Option(names = "--schemas", paramLabel = "DIR",
            description = "Folder with the official XSDs (scorm12/, scorm2004-4th/, cmi5/). Without it only structural"
                    + " checks run.")
    private Path schemas;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PackageValidator validator = new PackageValidator(schemas == null ? null : Schemas.in(schemas));
        if (schemas == null) {
            stdout.println("No --schemas folder: structural checks only, no XSD validation.");
        }
        int failed = 0;
        for (Path zip : packages) {
            ValidationReport report = validator.validate(zip);
            String format = report.format() == null ? "unknown format" : report.format().displayName();
            String verdict = report.hasErrors() ? "FAILED" : "OK";
            stdout.printf("%s: %s%s: %s (%d error%s, %d warning%s)%n", zip, format,
                    report.schemaChecked() ? " (with XSD)" : " (structural)", verdict,
                    report.errors().size(), report.errors().size() == 1 ? "" : "s",
                    report.warnings().size(), report.warnings().size() == 1 ? "" : "s");
            for (Finding finding : report.findings()) {
                stdout.println("  " + finding);
            }
            if (report.hasErrors()) {
                failed++;
            }
        }
        stdout.flush();
        return failed == 0 ? 0 : 1;
    }
}
