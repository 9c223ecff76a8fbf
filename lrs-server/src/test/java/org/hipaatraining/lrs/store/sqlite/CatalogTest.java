package org.hipaatraining.lrs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers run on snapshots beside the writer: a table the running write command creates, or drops, must not be what
 * a reader looks for until the command commits (the scale benchmark's first run failed every later read of a new
 * collection with "no such table: u41" after a reader had seen an uncommitted table).
 */
class CatalogTest {

    @TempDir
    Path dir;

    @Test
    void aReaderNeverSeesWhatAnUncommittedWriteCreatedOrDropped() throws Exception {
        SqliteFile file = SqliteFile.open(dir.resolve("store.db"), SqliteFile.Durability.NORMAL);
        try {
            Catalog catalog = new Catalog(file);
            file.write(() -> catalog.ensure("lrs.kept", Catalog.Kind.COLLECTION));
            CountDownLatch created = new CountDownLatch(1);
            CountDownLatch readerDone = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> file.write(() -> {
                catalog.ensure("lrs.activities", Catalog.Kind.COLLECTION);
                catalog.drop("lrs.kept");
                created.countDown();
                await(readerDone);
                return null;
            }));
            assertThat(created.await(10, TimeUnit.SECONDS)).isTrue();

            // while the writer's command is open: the new table is unknown, the dropped one still there, and usable
            assertThat(file.read(() -> catalog.find("lrs.activities"))).isNull();
            Catalog.Table kept = file.read(() -> catalog.find("lrs.kept"));
            assertThat(kept).isNotNull();
            Long keptRows = file.read(() -> file.current().first("SELECT count(*) FROM " + kept.name(), row -> row.getLong(1)));
            assertThat(keptRows).isZero();
            readerDone.countDown();
            writer.get(10, TimeUnit.SECONDS);

            // once committed: the other way round, for readers and the writer alike
            Catalog.Table activities = file.read(() -> catalog.find("lrs.activities"));
            assertThat(activities).isNotNull();
            Long activityRows = file.read(() -> file.current().first("SELECT count(*) FROM " + activities.name(), row -> row.getLong(1)));
            assertThat(activityRows).isZero();
            assertThat(file.read(() -> catalog.find("lrs.kept"))).isNull();
            assertThat(file.write(() -> catalog.find("lrs.kept"))).isNull();
        } finally {
            file.close();
        }
    }

    @Test
    void aTableCreatedByARolledBackWriteIsForgotten() {
        SqliteFile file = SqliteFile.open(dir.resolve("store.db"), SqliteFile.Durability.NORMAL);
        try {
            Catalog catalog = new Catalog(file);
            try {
                file.write(() -> {
                    catalog.ensure("lrs.gone", Catalog.Kind.UNIQUE_INDEX);
                    throw new IllegalStateException("the command fails after creating its table");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertThat(file.read(() -> catalog.find("lrs.gone"))).isNull();
            assertThat(file.write(() -> catalog.find("lrs.gone"))).isNull();
        } finally {
            file.close();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
