package org.hipaatraining.lrs.backup;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import org.bson.RawBsonDocument;

/**
 * Checks a backup against its manifest before anyone relies on it: every collection file present, of the recorded
 * SHA-256, holding the recorded number of documents, each of which parses as BSON.
 */
final class BackupCheck {

    private BackupCheck() {
    }

    /** What was found: problems (none means the backup is whole) and the documents counted. */
    record Result(Manifest manifest, List<String> problems, long documents) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    static Result verify(Path dir) {
        Manifest manifest = Manifest.read(dir);
        List<String> problems = new ArrayList<>();
        long total = 0;
        for (var entry : manifest.collections().entrySet()) {
            Path file = dir.resolve(manifest.database()).resolve(entry.getKey() + ".bson");
            if (!Files.isRegularFile(file)) {
                problems.add(entry.getKey() + ": " + file.getFileName() + " is missing");
                continue;
            }
            try {
                MessageDigest sha256 = BackupWriter.sha256();
                long[] count = {0};
                read(file, sha256, bytes -> {
                    new RawBsonDocument(bytes).toBsonDocument(); // parses every field
                    count[0]++;
                });
                String hash = HexFormat.of().formatHex(sha256.digest());
                if (!hash.equals(entry.getValue().sha256())) {
                    problems.add(entry.getKey() + ": SHA-256 is " + hash + ", the manifest says " + entry.getValue().sha256());
                }
                if (count[0] != entry.getValue().documents()) {
                    problems.add(entry.getKey() + ": " + count[0] + " documents, the manifest says " + entry.getValue().documents());
                }
                total += count[0];
            } catch (IOException | RuntimeException e) {
                problems.add(entry.getKey() + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return new Result(manifest, problems, total);
    }

    /** Reads a .bson file: documents one after another, each starting with its length. */
    static void read(Path file, MessageDigest digest, Consumer<byte[]> each) throws IOException {
        try (InputStream raw = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), digest);
             DataInputStream in = new DataInputStream(raw)) {
            byte[] lengthBytes = new byte[4];
            while (true) {
                try {
                    in.readFully(lengthBytes);
                } catch (EOFException end) {
                    return;
                }
                int length = (lengthBytes[0] & 0xFF) | (lengthBytes[1] & 0xFF) << 8 | (lengthBytes[2] & 0xFF) << 16
                        | (lengthBytes[3] & 0xFF) << 24;
                if (length < 5 || length > 48 * 1024 * 1024) {
                    throw new IOException("a document length of " + length + " bytes: the file is damaged");
                }
                byte[] document = new byte[length];
                System.arraycopy(lengthBytes, 0, document, 0, 4);
                in.readFully(document, 4, length - 4);
                each.accept(document);
            }
        }
    }
}
