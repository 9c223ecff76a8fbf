package org.hipaatraining.packager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** player.js is joined from its parts: every part once, in the declared order, and the same file in every format. */
class PlayerFilesTest {

    private static final Path PARTS = Path.of("src/main/resources/player/parts");

    @Test
    void everyPartInTheFolderIsJoinedAndEveryJoinedPartExists() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(PARTS)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js")).sorted().toList();
        }

        assertThat(PlayerFiles.SCRIPT_PARTS).containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void theScriptIsOneFunctionHoldingThePartsInOrder() throws IOException {
        String script = new String(PlayerFiles.script(), StandardCharsets.UTF_8);

        assertThat(script).contains("(function () {\n'use strict';\n").endsWith("})();\n");
        List<Integer> positions = new ArrayList<>();
        for (String part : PlayerFiles.SCRIPT_PARTS) {
            String text = Files.readString(PARTS.resolve(part));
            assertThat(script).containsOnlyOnce("// ==== parts/" + part + "\n\n" + text);
            positions.add(script.indexOf("// ==== parts/" + part));
        }
        assertThat(positions).isSorted();
    }

    @Test
    void everyFormatShipsTheSameScript() {
        PackageBuilder builder = new PackageBuilder();
        for (PackageFormat format : PackageFormat.values()) {
            byte[] script = Fixtures.unzip(builder.build(Fixtures.catalogue(), PackageSpec.forModule("alpha"), format))
                    .get("player/player.js");
            assertThat(script).as(format.id()).isEqualTo(PlayerFiles.script());
        }
    }
}
