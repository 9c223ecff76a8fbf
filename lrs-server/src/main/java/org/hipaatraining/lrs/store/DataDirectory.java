package org.hipaatraining.lrs.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.stereotype.Component;

/**
 * Makes sure {@code lrs.data-dir} exists from the start: the embedded store and the backups live there, and the
 * disk-space health check watches the disk it is on (with MongoDB too, where backups are still written there).
 */
@Component
class DataDirectory {

    DataDirectory(StoreProperties properties) {
        try {
            Files.createDirectories(properties.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create lrs.data-dir " + properties.dataDir().toAbsolutePath(), e);
        }
    }
}
