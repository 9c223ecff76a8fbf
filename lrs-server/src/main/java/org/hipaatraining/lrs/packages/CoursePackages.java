package org.hipaatraining.lrs.packages;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.policies.PracticePolicies;
import org.hipaatraining.packager.PackageBuilder;
import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.PackageSelection;
import org.hipaatraining.packager.PackageSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The course packages built from the catalogue this server counts records by, so the zip an LMS admin downloads always
 * matches the module versions and activity IRIs the LRS expects, with the practice's policies in force in their
 * acknowledgements. Builds are deterministic, so every server instance serves byte-identical files without sharing
 * storage; each instance builds them in the background at start-up, and again when a new policy version is published
 * (a zip is kept with the policy versions it was built with).
 */
@Service
public class CoursePackages {

    private static final Logger log = LoggerFactory.getLogger(CoursePackages.class);

    private final Catalogue catalogue;
    private final PackageBuilder builder = new PackageBuilder();
    private final PracticePolicies policies;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    private final boolean buildAtStartup;

    CoursePackages(Catalogue catalogue, PracticePolicies policies, PackageSettings settings) {
        this.catalogue = catalogue;
        this.policies = policies;
        this.buildAtStartup = settings.buildAtStartup();
    }

    /** One downloadable package. */
    public record Available(String fileName, String kind, String id, String title, String format, String formatName) {
    }

    /** Every package: a course per role, then a package per module, each in every format. */
    public List<Available> all() {
        List<Available> available = new ArrayList<>();
        for (PackageSpec spec : PackageSelection.EVERYTHING.specs(catalogue)) {
            for (PackageFormat format : PackageFormat.values()) {
                available.add(new Available(spec.fileName(catalogue, format), spec.isRole() ? "role" : "module", spec.id(),
                        title(spec), format.id(), format.displayName()));
            }
        }
        return available;
    }

    public Optional<Available> find(String fileName) {
        return all().stream().filter(a -> a.fileName().equals(fileName)).findFirst().or(() -> authored(fileName));
    }

    /**
     * The packages of a module the practice wrote (a trigger event's micro-lesson, {@code hipaa-module-event-...}),
     * which the catalogue resolves but does not list: the trigger events page links them.
     */
    public List<Available> ofAuthoredModule(String moduleId) {
        return catalogue.module(moduleId).filter(m -> !catalogue.lists(m.id())).stream()
                .flatMap(m -> java.util.Arrays.stream(PackageFormat.values()).map(format -> new Available(
                        PackageSpec.forModule(m.id()).fileName(catalogue, format), "module", m.id(),
                        m.title() + " (" + m.version() + ")", format.id(), format.displayName())))
                .toList();
    }

    private Optional<Available> authored(String fileName) {
        for (PackageFormat format : PackageFormat.values()) {
            String prefix = "hipaa-module-";
            String suffix = "-" + format.id() + ".zip";
            if (fileName.startsWith(prefix) && fileName.endsWith(suffix)) {
                String idAndVersion = fileName.substring(prefix.length(), fileName.length() - suffix.length());
                int dash = idAndVersion.lastIndexOf('-');
                if (dash > 0) {
                    return ofAuthoredModule(idAndVersion.substring(0, dash)).stream()
                            .filter(a -> a.fileName().equals(fileName)).findFirst();
                }
            }
        }
        return Optional.empty();
    }

    private record Built(String policiesKey, byte[] zip) {
    }

    /** The zip with the policies in force, built on first use and after a policy changes. */
    public byte[] zip(Available available) {
        return zip(available, policies.current());
    }

    private byte[] zip(Available available, PracticePolicies.Current current) {
        return built.compute(available.fileName(), (name, kept) -> kept != null && kept.policiesKey().equals(current.key())
                ? kept : new Built(current.key(), builder.build(catalogue, current.policies(),
                available.kind().equals("role") ? PackageSpec.forRole(available.id()) : PackageSpec.forModule(available.id()),
                PackageFormat.fromId(available.format())))).zip();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildInBackground() {
        if (!buildAtStartup) {
            return;
        }
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                List<Available> all = all();
                PracticePolicies.Current current = policies.current();
                all.forEach(a -> zip(a, current));
                log.info("Course packages ready: {} (SCORM 1.2, SCORM 2004, xAPI, cmi5) in {} ms", all.size(),
                        (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("Course packages could not be built; downloads will retry and report the error", e);
            }
        }, "course-packages");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private String title(PackageSpec spec) {
        return spec.isRole() ? catalogue.role(spec.id()).map(r -> r.title()).orElse(spec.id())
                : catalogue.module(spec.id()).map(m -> m.title() + " (" + m.version() + ")").orElse(spec.id());
    }
}
