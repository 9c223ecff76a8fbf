package org.hipaatraining.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the content files are read from: a folder, or the {@code content/} resources of the course-content jar.
 * Files are read by the paths the YAML names; nothing lists directories, which is what makes the jar case work.
 */
interface ContentSource {

    byte[] read(String relativePath);

    /** Whether an optional file is there (talking points, policies). */
    boolean exists(String relativePath);

    String describe(String relativePath);

    static ContentSource directory(Path root) {
        return new ContentSource() {
            @Override
            public byte[] read(String relativePath) {
                Path file = root.resolve(relativePath).normalize();
                if (!file.startsWith(root.normalize())) {
                    throw new ContentException(relativePath + ": points outside the content folder");
                }
                try {
                    return Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    throw new ContentException(describe(relativePath) + ": file not found");
                } catch (IOException e) {
                    throw new ContentException(describe(relativePath) + ": cannot be read: " + e.getMessage(), e);
                }
            }

            @Override
            public boolean exists(String relativePath) {
                Path file = root.resolve(relativePath).normalize();
                return file.startsWith(root.normalize()) && Files.isRegularFile(file);
            }

            @Override
            public String describe(String relativePath) {
                return root.resolve(relativePath).toString();
            }
        };
    }

    static ContentSource classpath(String base) {
        return new ContentSource() {
            @Override
            public byte[] read(String relativePath) {
                try (InputStream in = Catalogue.class.getResourceAsStream(base + relativePath)) {
                    if (in == null) {
                        throw new ContentException(describe(relativePath) + ": file not found");
                    }
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new ContentException(describe(relativePath) + ": cannot be read: " + e.getMessage(), e);
                }
            }

            @Override
            public boolean exists(String relativePath) {
                return Catalogue.class.getResource(base + relativePath) != null;
            }

            @Override
            public String describe(String relativePath) {
                return "classpath:" + base + relativePath;
            }
        };
    }
}
