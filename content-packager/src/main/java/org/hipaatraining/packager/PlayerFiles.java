package org.hipaatraining.packager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner player every package ships under {@code player/}: one script and one style sheet, read from this jar's
 * {@code /player/} resources, so a packager jar always packs the player it was released with.
 */
final class PlayerFiles {

    static final List<String> NAMES = List.of("player.css", "player.js");

    private PlayerFiles() {
    }

    /** The player's files by zip path ({@code player/player.js}), in name order. */
    static Map<String, byte[]> load() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : NAMES) {
            try (InputStream in = PlayerFiles.class.getResourceAsStream("/player/" + name)) {
                if (in == null) {
                    throw new PackagingException("the player file /player/" + name + " is not on the classpath;"
                            + " it belongs in content-packager/src/main/resources/player/");
                }
                files.put("player/" + name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read /player/" + name, e);
            }
        }
        return files;
    }
}
