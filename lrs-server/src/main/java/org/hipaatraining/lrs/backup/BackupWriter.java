package org.hipaatraining.lrs.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Writes a backup in mongodump's directory format ({@code <database>/<collection>.bson} and
 * {@code .metadata.json}), so that {@code mongorestore} loads it into any MongoDB, plus a {@link Manifest}. The backup
 * goes to a folder named {@code .partial} first and is renamed when complete, so a folder without that suffix is
 * always a whole backup.
 */
final class BackupWriter {

    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private BackupWriter() {
    }

    static Manifest write(BackupSource source, String database, Path target, Clock clock) {
        if (Files.exists(target)) {
            throw new BackupException(target + " already exists: choose a new folder for each backup");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(partial.resolve(database));
            Map<String, Manifest.Entry> collections = new LinkedHashMap<>();
            for (String collection : source.collections()) {
                collections.put(collection, writeCollection(source, collection, partial.resolve(database)));
                writeMetadata(collection, source.indexes(collection), partial.resolve(database));
            }
            Manifest manifest = new Manifest(clock.instant(), source.describe(), source.pointInTime(), database, collections);
            manifest.write(partial);
            Files.move(partial, target);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup to " + partial, e);
        }
    }

    private static Manifest.Entry writeCollection(BackupSource source, String collection, Path dir) throws IOException {
        MessageDigest sha256 = sha256();
        long[] counts = new long[2];
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(
                Files.newOutputStream(dir.resolve(collection + ".bson")), 1 << 16), sha256)) {
            source.forEachDocument(collection, bytes -> {
                try {
                    out.write(bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                counts[0]++;
                counts[1] += bytes.length;
            });
        }
        return new Manifest.Entry(counts[0], counts[1], HexFormat.of().formatHex(sha256.digest()));
    }

    private static void writeMetadata(String collection, List<Document> indexes, Path dir) throws IOException {
        Document metadata = new Document("options", new Document()).append("indexes", indexes)
                .append("uuid", "").append("collectionName", collection).append("type", "collection");
        Files.writeString(dir.resolve(collection + ".metadata.json"), metadata.toJson(CANONICAL));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
