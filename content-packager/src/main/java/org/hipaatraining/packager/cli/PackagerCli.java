package org.hipaatraining.packager.cli;

import java.io.UncheckedIOException;

import org.hipaatraining.content.ContentException;
import org.hipaatraining.packager.PackagingException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code content-packager}: builds LMS packages from the course content and checks packages before upload.
 *
 * <pre>
 * java -jar content-packager-VERSION-cli.jar build --out dist --format scorm12 --role front-desk
 * java -jar content-packager-VERSION-cli.jar validate dist/*.zip --schemas ../shared/schemas
 * </pre>
 */
@Command(name = "content-packager", mixinStandardHelpOptions = true, versionProvider = PackagerCli.Version.class,
        subcommands = {BuildCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class},
        description = {
                "Builds the HIPAA course content into SCORM 1.2, SCORM 2004 4th Edition, xAPI (tincan.xml) and cmi5"
                        + " packages for an LMS, and validates packages before they are uploaded.",
                "",
                "Run 'content-packager help build' or 'content-packager help validate' for the options."},
        footer = {"", "Exit codes: 0 done, 1 packaging failed or a package has errors, 2 bad command line.",
                "Documentation: docs/packaging.md"})
public final class PackagerCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line, for main and for tests that run it in-process: content and packaging problems are
     * printed as one line naming the file, not as a stack trace, because the person reading it edits content.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PackagerCli());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof PackagingException || exception instanceof ContentException
                    || exception instanceof UncheckedIOException || exception instanceof IllegalArgumentException) {
                cmd.getErr().println(cmd.getColorScheme().errorText("error: " + exception.getMessage()));
                return 1;
            }
            throw exception;
        });
        return commandLine;
    }

    @Override
    public void run() {
        // No subcommand: show what there is to do rather than nothing.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest (Maven writes it); "development build" when run from classes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PackagerCli.class.getPackage().getImplementationVersion();
            return new String[] {
                    "content-packager " + (version == null ? "(development build)" : version),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
