package org.hipaatraining.lrs.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.RawBsonDocument;
import org.hipaatraining.lrs.store.sqlite.SqliteBackend;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.TestMongo;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of the running LRS's store restores into an empty store with every collection equal, document by
 * document and byte for byte; a damaged backup is found by its check and never restored.
 */
class BackupTest extends LrsIntegrationTest {

    @TempDir
    Path work;

    @Test
    void aBackupTakenWhileTheLrsRunsRestoresEveryCollectionExactly() {
        String mbox = XapiHttp.uniqueMbox();
        for (int i = 0; i < 20; i++) {
            assertThat(xapi.postJson("/xapi/statements", Statements.completed(mbox, Statements.PRIVACY)).statusCode()).isEqualTo(200);
        }
        assertThat(xapi.putJson("/xapi/activities/state", "{\"page\":3}", XapiHttp.params("activityId", Statements.PRIVACY,
                "agent", Statements.agent(mbox), "stateId", "resume")).statusCode()).isEqualTo(204);

        Path backup = work.resolve("backup");
        try (BackupSource source = new SqliteBackupSource(TestMongo.file(), "lrs-it")) {
            BackupWriter.write(source, "lrs-it", backup, Clock.systemUTC());
        }
        BackupCheck.Result check = BackupCheck.verify(backup);
        assertThat(check.problems()).isEmpty();
        assertThat(check.manifest().pointInTime()).isTrue();
        assertThat(check.manifest().collections()).containsKeys("statements", "training_events", "documents", "clients");
        assertThat(backup.resolve("lrs-it/statements.metadata.json")).content().contains("facets.agents");

        SqliteBackend fresh = SqliteBackend.open(work.resolve("restored/lrs.sqlite"), false);
        MongoServer server = new MongoServer(fresh);
        try (MongoClient restored = MongoClients.create(server.bindAndGetConnectionString());
             MongoClient original = MongoClients.create(TestMongo.uri("lrs-it"))) {
            BackupRestore.restore(backup, restored.getDatabase("lrs-it"), false);
            for (String collection : check.manifest().collections().keySet()) {
                assertThat(all(restored.getDatabase("lrs-it"), collection)).as(collection)
                        .hasSize((int) check.manifest().collections().get(collection).documents());
            }
            // the statements written before the backup are all there, byte for byte
            List<RawBsonDocument> before = all(original.getDatabase("lrs-it"), "statements").stream()
                    .filter(d -> d.toJson().contains(mbox)).toList();
            List<RawBsonDocument> after = all(restored.getDatabase("lrs-it"), "statements").stream()
                    .filter(d -> d.toJson().contains(mbox)).toList();
            assertThat(after).hasSize(20).isEqualTo(before);
            assertThat(restored.getDatabase("lrs-it").getCollection("statements").listIndexes().into(new ArrayList<>()))
                    .hasSizeGreaterThan(5);
            assertThatThrownBy(() -> BackupRestore.restore(backup, restored.getDatabase("lrs-it"), false))
                    .hasMessageContaining("already holds");
        } finally {
            server.shutdownNow();
        }
    }

    private static List<RawBsonDocument> all(MongoDatabase database, String collection) {
        return database.getCollection(collection, RawBsonDocument.class).find().sort(Sorts.ascending("_id"))
                .into(new ArrayList<>());
    }

    @Test
    void theCommandLineBacksUpChecksAndRestoresAnEmbeddedStoreAndRefusesADamagedBackup() throws Exception {
        Path data = work.resolve("data");
        SqliteBackend backend = SqliteBackend.open(data.resolve("lrs.sqlite"), true);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            var statements = client.getDatabase("lrs").getCollection("statements");
            for (int i = 0; i < 1200; i++) {
                statements.insertOne(new org.bson.Document("_id", UUID.randomUUID().toString()).append("n", i)
                        .append("bytes", new org.bson.types.Binary(new byte[]{1, 0, 2})));
            }
        } finally {
            server.shutdownNow();
        }
        Path out = work.resolve("nightly");
        assertThat(cli("backup", "--out", out.toString(), "--lrs.data-dir=" + data)).startsWith("0:");
        assertThat(cli("verify-backup", out.toString())).startsWith("0:").contains("OK: 1 collections, 1200 documents");
        assertThat(cli("backup", "--out", out.toString(), "--lrs.data-dir=" + data)).startsWith("1:").contains("already exists");

        Path restoredData = work.resolve("restored");
        assertThat(cli("restore", "--from", out.toString(), "--lrs.data-dir=" + restoredData)).startsWith("0:")
                .contains("1200 documents");

        Path bson = out.resolve("lrs/statements.bson");
        byte[] bytes = Files.readAllBytes(bson);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(bson, bytes);
        assertThat(cli("verify-backup", out.toString())).startsWith("2:").contains("DAMAGED");
        assertThat(cli("restore", "--from", out.toString(), "--replace", "--lrs.data-dir=" + restoredData))
                .startsWith("1:").contains("damaged, nothing was restored");
    }

    /** Runs a command as {@code java -jar lrs-server.jar ...} would; returns "exit code: output". */
    private static String cli(String... args) {
        java.io.PrintStream previousOut = System.out;
        java.io.PrintStream previousErr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true));
        System.setErr(new java.io.PrintStream(captured, true));
        int code;
        try {
            code = BackupCli.run(args);
        } finally {
            System.setOut(previousOut);
            System.setErr(previousErr);
        }
        return code + ": " + captured;
    }
}
