package org.hipaatraining.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

import org.hipaatraining.lrs.LrsApplication;
import org.hipaatraining.lrs.auth.ClientService;
import org.hipaatraining.lrs.auth.Scope;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.Tag;

/** The embedded SQLite store (no spring.mongodb.uri): what one run stores, the next run still has. */
@Tag("integration") // a whole server, browser or child process: the Failsafe lane (mvn verify)
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStoreTest {

    private static final String KEY = "embedded-client";
    private static final String SECRET = "embedded-client-secret";

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Command-line arguments, as in production: they outrank application.yml (builder properties would not).
        return new SpringApplicationBuilder(LrsApplication.class).run(
                "--server.port=0",
                "--lrs.embedded=sqlite",
                "--lrs.data-dir=" + dataDir,
                "--lrs.bootstrap.client-key=" + KEY,
                "--lrs.bootstrap.client-secret=" + SECRET,
                "--lrs.bootstrap.admin-password=embedded-admin-password",
                "--lrs.xapi.consistency-window=0s");
    }

    private static XapiHttp xapi(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return XapiHttp.basic(URI.create("http://127.0.0.1:" + port), KEY, SECRET);
    }

    @Test
    void statementsStateAndClientsSurviveARestart(@TempDir Path dataDir, CapturedOutput output) {
        String mbox = XapiHttp.uniqueMbox();
        Map<String, String> state = params("activityId", Statements.activityId(), "agent", Statements.agent(mbox),
                "stateId", "resume");
        String id;
        ClientService.IssuedCredential created;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            XapiHttp xapi = xapi(first);
            HttpResponse<String> post = xapi.postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId()));
            assertThat(post.statusCode()).isEqualTo(200);
            id = json(post).get(0).asString();
            assertThat(xapi.putJson("/xapi/activities/state", "{\"page\":9}", state).statusCode()).isEqualTo(204);
            created = first.getBean(ClientService.class).create("made in the first run", EnumSet.of(Scope.ALL_READ));
        }
        Path file = dataDir.resolve("lrs.sqlite").toAbsolutePath();
        assertThat(file).exists();
        assertThat(output.getOut()).contains("Store: SQLite file " + file + " (every write synced to disk");

        try (ConfigurableApplicationContext second = start(dataDir)) {
            XapiHttp xapi = xapi(second);
            HttpResponse<String> read = xapi.get("/xapi/statements", params("statementId", id));
            HttpResponse<String> byAgent = xapi.get("/xapi/statements", params("agent", Statements.agent(mbox)));
            HttpResponse<String> resumed = xapi.get("/xapi/activities/state", state);
            HttpResponse<String> reader = xapi.credentials(created.key(), created.secret())
                    .get("/xapi/statements", params("statementId", id));

            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(json(read).get("actor").get("mbox").asString()).isEqualTo(mbox);
            assertThat(json(byAgent).get("statements")).hasSize(1);
            assertThat(resumed.body()).isEqualTo("{\"page\":9}");
            assertThat(reader.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anEarlierH2DataFolderIsCopiedIntoTheSqliteStoreOnce(@TempDir Path dataDir, CapturedOutput output) throws Exception {
        String mbox = XapiHttp.uniqueMbox();
        String id;
        // an LRS of the previous release: its data in lrs.mv.db, written through mongo-java-server's H2 backend
        try (ConfigurableApplicationContext old = new SpringApplicationBuilder(LrsApplication.class).run(
                "--server.port=0", "--spring.mongodb.uri=" + OldH2Store.start(dataDir) + "/lrs",
                "--lrs.bootstrap.client-key=" + KEY, "--lrs.bootstrap.client-secret=" + SECRET,
                "--lrs.bootstrap.admin-password=embedded-admin-password", "--lrs.xapi.consistency-window=0s")) {
            HttpResponse<String> post = xapi(old).postJson("/xapi/statements", Statements.completed(mbox, Statements.activityId()));
            assertThat(post.statusCode()).isEqualTo(200);
            id = json(post).get(0).asString();
        } finally {
            OldH2Store.stop();
        }

        try (ConfigurableApplicationContext upgraded = start(dataDir)) {
            XapiHttp xapi = xapi(upgraded);
            HttpResponse<String> read = xapi.get("/xapi/statements", params("statementId", id));
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(json(xapi.get("/xapi/statements", params("agent", Statements.agent(mbox)))).get("statements")).hasSize(1);
        }
        assertThat(output.getOut()).contains("Copied").contains("documents from the H2 store");
        assertThat(dataDir.resolve("lrs.mv.db")).doesNotExist();
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("lrs.mv.db.migrated-"));
        }
    }

    /** The previous release's embedded store: mongo-java-server on H2 in {@code dataDir/lrs.mv.db}. */
    private static final class OldH2Store {
        private static de.bwaldvogel.mongo.MongoServer server;

        static String start(Path dataDir) {
            server = new de.bwaldvogel.mongo.MongoServer(
                    new de.bwaldvogel.mongo.backend.h2.H2Backend(dataDir.resolve("lrs.mv.db").toString()));
            return server.bindAndGetConnectionString();
        }

        static void stop() {
            server.shutdownNow();
        }
    }

    @Test
    void theMemoryStoreSaysNothingPersists(@TempDir Path dataDir, CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LrsApplication.class).run(
                "--server.port=0", "--lrs.embedded=memory", "--lrs.data-dir=" + dataDir,
                "--lrs.bootstrap.admin-password=embedded-admin-password")) {
            assertThat(context.isRunning()).isTrue();
        }

        assertThat(output.getOut()).contains("Store: mongo-java-server in memory (nothing is persisted)");
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }
}
