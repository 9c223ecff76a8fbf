package org.hipaatraining.content;

import java.nio.file.Path;

/** The real content, read from the source folder (so a test failure points at the file an author edits). */
final class Content {

    static final Path FOLDER = Path.of("src/main/resources/content");

    private static Catalogue catalogue;

    private Content() {
    }

    static synchronized Catalogue catalogue() {
        if (catalogue == null) {
            catalogue = Catalogue.load(FOLDER);
        }
        return catalogue;
    }
}
