package org.hipaatraining.packager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner player every package ships under {@code player/}: one script and one style sheet, read from this jar's
 * {@code /player/} resources, so a packager jar always packs the player it was released with.
 *
 * <p>The script is authored as plain-script parts in {@code /player/parts/} and joined here, in {@link #SCRIPT_PARTS}
 * order, into one {@code player/player.js}: every part inside one function, so they share one scope as the single
 * file always did (nothing global but {@code window.HipaaPlayer}). The Node tests in {@code src/test/js/player/} load
 * parts the same way (docs/packaging.md, "The player").
 */
final class PlayerFiles {

    /** The script's parts, in the order joined: a part may use what an earlier one declares; start.js runs it all. */
    static final List<String> SCRIPT_PARTS = List.of("util.js", "draw.js", "state.js", "ui.js", "adapters-scorm.js",
            "statement-queue.js", "adapters-xapi.js", "start.js");

    static final String STYLE_SHEET = "player.css";
    static final String SCRIPT = "player.js";

    private static final String OPENING = """
            /*
             * HIPAA training player. Renders one module from the inline #module-data JSON (see the package contract) and
             * reports progress through the adapter its "format" names: scorm12, scorm2004, xapi or cmi5 (or "local" when no
             * LMS is found). Plain ES2017, no dependencies. One file shared by every module of a package, joined by the
             * packager from the parts in content-packager/src/main/resources/player/parts/: edit those, not this file.
             */
            (function () {
            'use strict';
            """;
    private static final String CLOSING = "})();\n";

    private PlayerFiles() {
    }

    /** The player's files by zip path ({@code player/player.css}, {@code player/player.js}), in name order. */
    static Map<String, byte[]> load() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("player/" + STYLE_SHEET, resource(STYLE_SHEET));
        files.put("player/" + SCRIPT, script());
        return files;
    }

    /** player.js: the parts joined in order, each introduced by a comment naming it. */
    static byte[] script() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(OPENING.getBytes(StandardCharsets.UTF_8));
        for (String part : SCRIPT_PARTS) {
            byte[] bytes = resource("parts/" + part);
            out.writeBytes(("\n// ==== parts/" + part + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                out.write('\n');
            }
        }
        out.writeBytes(CLOSING.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = PlayerFiles.class.getResourceAsStream("/player/" + name)) {
            if (in == null) {
                throw new PackagingException("the player file /player/" + name + " is not on the classpath;"
                        + " it belongs in content-packager/src/main/resources/player/");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /player/" + name, e);
        }
    }
}
