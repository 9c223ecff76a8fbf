package org.hipaatraining.packager.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.packager.BuiltPackage;
import org.hipaatraining.packager.PackageBuilder;
import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.PackageSelection;
import org.hipaatraining.packager.ProgressListener;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code content-packager build}: writes packages for roles and modules in the chosen formats. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds LMS packages for roles and modules.",
                "A role's course holds the role's modules, each its own SCO/AU; a module package holds one module."
                        + " With no --role and no --module, builds every role and every module."},
        footer = {"", "Examples:",
                "  content-packager build --out dist",
                "  content-packager build --out dist --format scorm12 --role front-desk",
                "  content-packager build --out dist --format cmi5,xapi --module privacy",
                "  content-packager build --out dist --content my-content"})
final class BuildCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--content", paramLabel = "DIR",
            description = "Content folder with catalogue.yaml (default: the content built into this jar).")
    private Path content;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the zips to.")
    private Path out;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "scorm12, scorm2004, xapi, cmi5; comma-separated or repeated (default: all four).")
    private List<String> formats = new ArrayList<>();

    @Option(names = "--role", paramLabel = "ID", description = "Build the course of this role (repeatable).")
    private List<String> roles = new ArrayList<>();

    @Option(names = "--module", paramLabel = "ID", description = "Build the package of this module (repeatable).")
    private List<String> modules = new ArrayList<>();

    @Override
    public Integer call() {
        Set<PackageFormat> chosen = formats.isEmpty() ? EnumSet.allOf(PackageFormat.class) : EnumSet.noneOf(PackageFormat.class);
        formats.forEach(id -> chosen.add(PackageFormat.fromId(id)));
        Catalogue catalogue = content == null ? Catalogue.loadDefault() : Catalogue.load(content);
        PackageSelection selection = PackageSelection.of(new LinkedHashSet<>(roles), new LinkedHashSet<>(modules));
        PrintWriter stdout = spec.commandLine().getOut();

        List<BuiltPackage> built;
        try (BarListener progress = new BarListener()) {
            built = new PackageBuilder().buildAll(catalogue, chosen, selection, out, progress);
        }
        for (BuiltPackage p : built) {
            stdout.printf("  %-52s %8s  sha256 %s%n", p.file().getFileName(), kilobytes(p.size()), p.sha256().substring(0, 16));
        }
        stdout.printf("Wrote %d package%s to %s%n", built.size(), built.size() == 1 ? "" : "s", out.toAbsolutePath().normalize());
        stdout.flush();
        return 0;
    }

    private static String kilobytes(long bytes) {
        return (bytes + 1023) / 1024 + " KB";
    }

    /**
     * A progress bar on the terminal while many packages are written; nothing when output is redirected (CI logs,
     * tests), where the list printed at the end says the same without control characters.
     */
    private static final class BarListener implements ProgressListener, AutoCloseable {

        private ProgressBar bar;

        @Override
        public void started(int total) {
            if (total > 1 && System.console() != null) {
                bar = new ProgressBarBuilder().setTaskName("Packaging").setInitialMax(total).build();
            }
        }

        @Override
        public void built(BuiltPackage builtPackage) {
            if (bar != null) {
                bar.setExtraMessage(builtPackage.file().getFileName().toString());
                bar.step();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
