package org.hipaatraining.lrs.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.hipaatraining.lrs.store.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A backup of the embedded store every day (by default at 02:30 server time) into {@code lrs.data-dir/backups}, checked
 * against its manifest, keeping the newest {@code lrs.backup.keep}. Copy that folder off the machine: a backup on the
 * same disk does not survive the disk. With MongoDB, use the database's own backups (docs/mongodb.md).
 */
@Component("backupHealthIndicator")
public class DailyBackup extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DailyBackup.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'lrs-'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path storeFile;
    private final Path folder;
    private final int keep;
    private final boolean enabled;
    private final Clock clock;
    private volatile Instant lastSuccess;
    private volatile String lastFailure;

    DailyBackup(StoreProperties store, @Value("${spring.mongodb.uri:}") String mongoUri,
                @Value("${lrs.backup.dir:}") String dir, @Value("${lrs.backup.keep:14}") int keep,
                @Value("${lrs.backup.enabled:true}") boolean enabled, Clock clock) {
        super("The backup state cannot be read");
        this.storeFile = store.dataDir().resolve("lrs.sqlite");
        this.folder = dir.isBlank() ? store.dataDir().resolve("backups") : Path.of(dir);
        this.keep = Math.max(1, keep);
        this.enabled = enabled && mongoUri.isBlank() && store.embedded() != StoreProperties.EmbeddedKind.MEMORY;
        this.clock = clock;
    }

    @Scheduled(cron = "${lrs.backup.cron:0 30 2 * * *}")
    void daily() {
        if (enabled && Files.isRegularFile(storeFile)) {
            backUpNow();
        }
    }

    /** What an admin sees: whether daily backups run, where, the last one, and the backups kept. */
    public record Status(boolean enabled, Path folder, Instant lastSuccess, String lastFailure, List<String> kept) {
    }

    public Status status() {
        List<String> kept = List.of();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> all = Files.list(folder)) {
                kept = all.map(p -> p.getFileName().toString()).filter(n -> n.matches("lrs-\\d{8}-\\d{6}"))
                        .sorted(Comparator.reverseOrder()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Status(enabled, folder.toAbsolutePath(), lastSuccess, lastFailure, kept);
    }

    /** Takes a backup now (the embedded store only); returns its folder. */
    public Path backUpNow() {
        if (!enabled) {
            throw new BackupException("Backups from the LRS are for the embedded store; with MongoDB use its own backups "
                    + "or java -jar lrs-server.jar backup --out DIR");
        }
        Path target = folder.resolve(NAME.format(clock.instant()));
        try (BackupSource source = new SqliteBackupSource(storeFile, "lrs")) {
            Files.createDirectories(folder);
            BackupWriter.write(source, "lrs", target, clock);
            BackupCheck.Result check = BackupCheck.verify(target);
            if (!check.ok()) {
                throw new BackupException(String.join("; ", check.problems()));
            }
            lastSuccess = clock.instant();
            lastFailure = null;
            log.info("Backup of the embedded store: {} documents in {}", check.documents(), target);
            prune();
            return target;
        } catch (IOException | RuntimeException e) {
            lastFailure = e.getMessage();
            log.error("The daily backup failed: {}", e.toString());
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void prune() throws IOException {
        List<Path> backups;
        try (Stream<Path> all = Files.list(folder)) {
            backups = all.filter(p -> p.getFileName().toString().matches("lrs-\\d{8}-\\d{6}") && Files.isDirectory(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
            try (Stream<Path> files = Files.walk(old)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("enabled", enabled).withDetail("folder", folder.toAbsolutePath().toString());
        if (lastSuccess != null) {
            builder.withDetail("lastBackup", lastSuccess.toString());
        }
        if (lastFailure != null) {
            builder.withDetail("lastFailure", lastFailure);
        }
    }
}
