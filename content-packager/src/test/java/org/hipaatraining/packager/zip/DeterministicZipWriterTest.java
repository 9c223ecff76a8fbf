package org.hipaatraining.packager.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeterministicZipWriterTest {

    private static Map<String, byte[]> entries(String... namesAndTexts) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            entries.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    private static List<ZipEntry> read(byte[] zip) throws IOException {
        List<ZipEntry> list = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                in.readAllBytes();
                list.add(entry);
            }
        }
        return list;
    }

    @Test
    void sameContentInAnyOrderGivesTheSameBytes() {
        byte[] first = DeterministicZipWriter.write(entries("b.txt", "bee", "a/c.txt", "sea", "a.txt", "ay"));
        byte[] second = DeterministicZipWriter.write(entries("a.txt", "ay", "a/c.txt", "sea", "b.txt", "bee"));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void theBuildMachinesTimeZoneDoesNotChangeTheBytes() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            byte[] pacific = DeterministicZipWriter.write(entries("a.txt", "ay"));
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            byte[] tokyo = DeterministicZipWriter.write(entries("a.txt", "ay"));
            assertThat(tokyo).isEqualTo(pacific);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void entriesAreSortedDeflatedFilesWithTheFixedTime() throws IOException {
        List<ZipEntry> read = read(DeterministicZipWriter.write(entries("z.txt", "z", "m/a.txt", "a", "imsmanifest.xml", "<x/>")));

        assertThat(read).extracting(ZipEntry::getName).containsExactly("imsmanifest.xml", "m/a.txt", "z.txt");
        assertThat(read).allSatisfy(entry -> {
            assertThat(entry.getMethod()).isEqualTo(ZipEntry.DEFLATED);
            assertThat(entry.getTimeLocal()).isEqualTo(DeterministicZipWriter.FIXED_TIME);
            assertThat(entry.isDirectory()).isFalse();
            assertThat(entry.getExtra()).as("no extended timestamp (it is UTC, so zone-dependent)").isNull();
        });
    }

    @Test
    void differentContentGivesDifferentBytes() {
        assertThat(DeterministicZipWriter.write(entries("a.txt", "one")))
                .isNotEqualTo(DeterministicZipWriter.write(entries("a.txt", "two")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.sh", "modules/../../evil", "/etc/passwd", "C:/Windows/evil.dll", "c:evil",
            "modules\\evil.js", "a//b", "./a", ""})
    void refusesUnsafeEntryNames(String name) {
        assertThatThrownBy(() -> DeterministicZipWriter.write(entries(name, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsafe zip entry name");
    }

    @Test
    void refusesDirectoryEntries() {
        assertThatThrownBy(() -> DeterministicZipWriter.write(entries("modules/", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"imsmanifest.xml", "modules/privacy/index.html", "modules/privacy/images/a b.png",
            "player/player.js", "a..b/c.txt"})
    void acceptsPlainRelativeNames(String name) {
        assertThat(ZipEntryNames.problem(name)).isEmpty();
    }
}
