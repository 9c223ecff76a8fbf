package org.hipaatraining.packager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Policies;
import org.hipaatraining.packager.course.Course;
import org.hipaatraining.packager.course.CourseAssembler;
import org.hipaatraining.packager.course.CourseModule;
import org.hipaatraining.packager.manifest.ManifestWriter;
import org.hipaatraining.packager.page.ModuleData;
import org.hipaatraining.packager.page.ModulePageWriter;
import org.hipaatraining.packager.zip.DeterministicZipWriter;

/**
 * Builds LMS packages from the catalogue: the one entry point for the CLI and for lrs-server's download pages.
 *
 * <pre>{@code
 * byte[] zip = new PackageBuilder().build(Catalogue.loadDefault(), PackageSpec.forRole("front-desk"), PackageFormat.SCORM_12);
 * }</pre>
 *
 * Every package has the same layout (the packager/player contract): the manifest of its format at the root,
 * {@code player/player.js} and {@code player/player.css}, and per module {@code modules/<id>/index.html} plus the
 * module's images. Output is deterministic: the same content, player and format give byte-identical zips.
 */
public final class PackageBuilder {

    private final Map<String, byte[]> player;

    /** A builder packing the player from this jar's {@code /player/} resources. */
    public PackageBuilder() {
        this.player = PlayerFiles.load();
    }

    /** The zip of one package, with the catalogue's model policies in its acknowledgements. */
    public byte[] build(Catalogue catalogue, PackageSpec spec, PackageFormat format) {
        Objects.requireNonNull(catalogue, "catalogue");
        return build(catalogue, catalogue.policies(), spec, format);
    }

    /**
     * The zip of one package whose acknowledgements show these policies: a practice's own versions, which the LRS
     * holds, in place of the catalogue's models (module sections are cited by id; see docs/content-format.md).
     */
    public byte[] build(Catalogue catalogue, Policies policies, PackageSpec spec, PackageFormat format) {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(format, "format");
        return zip(new CourseAssembler(catalogue, policies).assemble(spec), format);
    }

    /**
     * Writes the selected packages in every requested format to {@code outDir} (created if missing), named by
     * {@link PackageSpec#fileName}. Each zip is written to a temporary file first and then moved into place, so an
     * interrupted run never leaves a truncated package someone might upload.
     */
    public List<BuiltPackage> buildAll(Catalogue catalogue, Set<PackageFormat> formats, PackageSelection selection,
                                       Path outDir, ProgressListener progress) {
        return buildAll(catalogue, catalogue.policies(), formats, selection, outDir, progress);
    }

    /** {@link #buildAll(Catalogue, Set, PackageSelection, Path, ProgressListener)} with these policies. */
    public List<BuiltPackage> buildAll(Catalogue catalogue, Policies policies, Set<PackageFormat> formats,
                                       PackageSelection selection, Path outDir, ProgressListener progress) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no package formats requested");
        }
        List<PackageFormat> orderedFormats = formats.stream().sorted().toList();
        List<PackageSpec> specs = selection.specs(catalogue);
        CourseAssembler assembler = new CourseAssembler(catalogue, policies);
        progress.started(specs.size() * orderedFormats.size());
        List<BuiltPackage> built = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            for (PackageSpec spec : specs) {
                Course course = assembler.assemble(spec); // once per spec: lesson processing is format-independent
                for (PackageFormat format : orderedFormats) {
                    byte[] zip = zip(course, format);
                    Path file = outDir.resolve(spec.fileName(catalogue, format));
                    Path partial = outDir.resolve(file.getFileName() + ".part");
                    Files.write(partial, zip);
                    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    BuiltPackage result = new BuiltPackage(spec, format, file, zip.length, HexFormat.of().formatHex(sha256(zip)));
                    built.add(result);
                    progress.built(result);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write packages to " + outDir + ": " + e.getMessage(), e);
        }
        return built;
    }

    private byte[] zip(Course course, PackageFormat format) {
        String packageVersion = packageVersion(course, format);
        Map<String, byte[]> entries = new TreeMap<>(player);
        for (CourseModule module : course.modules()) {
            put(entries, module.launchPath(), ModulePageWriter.write(course, module, format, packageVersion));
            module.images().forEach((image, bytes) -> put(entries, module.folder() + image, bytes));
        }
        List<String> sharedFiles = List.copyOf(player.keySet());
        put(entries, format.manifestName(), ManifestWriter.forFormat(format).write(course, sharedFiles));
        return DeterministicZipWriter.write(entries);
    }

    private static void put(Map<String, byte[]> entries, String name, byte[] bytes) {
        if (entries.putIfAbsent(name, bytes) != null) {
            throw new PackagingException(name + ": two files in the package would have this path");
        }
    }

    /**
     * A short hash of everything the learner sees (module data, images, player) and the format, which the player
     * reports and shows: two packages with the same version behave the same, whenever and wherever they were built.
     */
    private String packageVersion(Course course, PackageFormat format) {
        MessageDigest digest = sha256();
        update(digest, format.id());
        for (CourseModule module : course.modules()) {
            update(digest, ModuleData.toScriptText(ModuleData.toJson(course, module, format, "")));
            module.images().forEach((name, bytes) -> {
                update(digest, name);
                digest.update(bytes);
            });
        }
        player.forEach((name, bytes) -> {
            update(digest, name);
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0); // a separator, so "ab"+"c" and "a"+"bc" differ
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
