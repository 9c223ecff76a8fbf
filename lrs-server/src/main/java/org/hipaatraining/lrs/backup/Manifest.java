package org.hipaatraining.lrs.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code manifest.json} beside the dump: when and from what the backup was taken, and for every collection how many
 * documents and the SHA-256 of its {@code .bson} file, so that a copy can be checked before it is trusted.
 */
record Manifest(Instant created, String source, boolean pointInTime, String database, Map<String, Entry> collections) {

    static final String FILE = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Entry(long documents, long bytes, String sha256) {
    }

    void write(Path dir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "mongodump directory (mongorestore --dir=" + dir.getFileName() + ")");
        root.put("created", created.toString());
        root.put("source", source);
        root.put("pointInTime", pointInTime);
        root.put("database", database);
        ObjectNode all = root.putObject("collections");
        collections.forEach((name, e) -> all.putObject(name).put("documents", e.documents()).put("bytes", e.bytes())
                .put("sha256", e.sha256()));
        try {
            Files.writeString(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupException(dir + " is not a backup of this LRS: it has no " + FILE);
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            Map<String, Entry> collections = new LinkedHashMap<>();
            root.path("collections").properties().forEach(e -> collections.put(e.getKey(),
                    new Entry(e.getValue().path("documents").asLong(), e.getValue().path("bytes").asLong(),
                            e.getValue().path("sha256").asString())));
            return new Manifest(Instant.parse(root.path("created").asString()), root.path("source").asString(),
                    root.path("pointInTime").asBoolean(), root.path("database").asString(), collections);
        } catch (IOException | RuntimeException e) {
            throw new BackupException(file + " cannot be read: " + e.getMessage());
        }
    }
}
