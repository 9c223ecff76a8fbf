package org.hipaatraining.packager.player;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.packager.PackageBuilder;
import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.PackageSpec;

/** Real packages built by the packager (with this build's player), unzipped in memory for the test server. */
final class Packages {

    private static final Map<String, Map<String, byte[]>> BUILT = new ConcurrentHashMap<>();
    private static volatile Catalogue catalogue;

    private Packages() {
    }

    static Catalogue catalogue() {
        if (catalogue == null) {
            catalogue = Catalogue.loadDefault();
        }
        return catalogue;
    }

    /** The zip entries (name to bytes) of the per-module package of moduleId in format. */
    static Map<String, byte[]> module(String moduleId, PackageFormat format) {
        return BUILT.computeIfAbsent(moduleId + "/" + format.id(),
                key -> unzip(new PackageBuilder().build(catalogue(), PackageSpec.forModule(moduleId), format)));
    }

    /** The module asking the most questions (then with the most lessons): the longest run. */
    static Module biggestModule() {
        return catalogue().modules().stream()
                .max((a, b) -> Integer.compare(PlayerDriver.questionCount(a) * 100 + a.lessons().size(),
                        PlayerDriver.questionCount(b) * 100 + b.lessons().size()))
                .orElseThrow();
    }

    /** The shortest module with a knowledge check (a quarterly reminder). */
    static Module smallestModuleWithQuestions() {
        return catalogue().modules().stream().filter(m -> !m.questions().isEmpty())
                .min((a, b) -> Integer.compare(PlayerDriver.questionCount(a) * 100 + a.lessons().size(),
                        PlayerDriver.questionCount(b) * 100 + b.lessons().size()))
                .orElseThrow();
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
