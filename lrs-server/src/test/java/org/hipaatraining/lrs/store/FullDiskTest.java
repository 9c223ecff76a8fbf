package org.hipaatraining.lrs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hipaatraining.lrs.LrsApplication;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.Tag;

/**
 * A real full disk: the data folder on a small tmpfs that is filled up. Writes get 503 (never a 200 that is then
 * lost), reads and health keep answering (health red), and once space is freed the LRS writes again without a
 * restart; after a restart every acknowledged statement is there. Skipped where this machine may not mount a tmpfs
 * (the SQLite store's own tests cover the same failure through SQLite's page limit).
 */
@Tag("integration") // a whole server, browser or child process: the Failsafe lane (mvn verify)
class FullDiskTest {

    @TempDir
    Path work;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }

    private boolean mountTmpfs(Path at, String size) throws Exception {
        Files.createDirectories(at);
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString())
                .redirectErrorStream(true).start();
        return mounting.waitFor() == 0;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LrsApplication.class).run("--server.port=0", "--lrs.embedded=sqlite",
                "--lrs.data-dir=" + dataDir, "--lrs.bootstrap.client-key=disk", "--lrs.bootstrap.client-secret=disk-secret-123",
                "--lrs.bootstrap.admin-password=disk-admin-password", "--lrs.packages.build-at-startup=false",
                "--lrs.xapi.consistency-window=0s", "--management.health.diskspace.threshold=1MB");
    }

    private static XapiHttp xapi(ConfigurableApplicationContext context, String key, String secret) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return XapiHttp.basic(URI.create("http://127.0.0.1:" + port), key, secret);
    }

    @Test
    void aFullDiskRefusesWritesWithoutLosingAcknowledgedOnesAndRecoversWhenSpaceIsFreed() throws Exception {
        mount = work.resolve("disk");
        assumeTrue(mountTmpfs(mount, "24m"), "this machine does not let tests mount a tmpfs");
        Path data = mount.resolve("data");
        String mbox = XapiHttp.uniqueMbox();
        List<String> acknowledged = new ArrayList<>();
        try (ConfigurableApplicationContext lrs = start(data)) {
            XapiHttp xapi = xapi(lrs, "disk", "disk-secret-123");
            XapiHttp admin = xapi(lrs, "admin", "disk-admin-password");
            Path filler = mount.resolve("filler");
            fill(filler, mount, 400 * 1024);

            int refused = 0;
            for (int i = 0; i < 2000 && refused == 0; i++) {
                HttpResponse<String> response = xapi.postJson("/xapi/statements", "[" + Statements.completed(mbox,
                        Statements.PRIVACY) + "," + Statements.completed(mbox, Statements.PRIVACY) + "]");
                if (response.statusCode() == 200) {
                    XapiHttp.json(response).forEach(id -> acknowledged.add(id.asString()));
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
                    refused++;
                }
            }
            assertThat(refused).as("the disk filled up").isOne();
            assertThat(admin.get("/actuator/health", Map.of()).statusCode()).isEqualTo(503);
            for (String id : acknowledged) {
                assertThat(xapi.get("/xapi/statements", XapiHttp.params("statementId", id)).statusCode()).isEqualTo(200);
            }

            Files.delete(filler);
            HttpResponse<String> again = xapi.postJson("/xapi/statements", Statements.completed(mbox, Statements.PRIVACY));
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            acknowledged.add(XapiHttp.json(again).get(0).asString());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(admin.get("/actuator/health", Map.of()))
                            .satisfies(h -> assertThat(h.statusCode()).as(h.body()).isEqualTo(200)));
        }
        try (ConfigurableApplicationContext restarted = start(data)) {
            XapiHttp xapi = xapi(restarted, "disk", "disk-secret-123");
            for (String id : acknowledged) {
                assertThat(xapi.get("/xapi/statements", XapiHttp.params("statementId", id)).statusCode()).as(id).isEqualTo(200);
            }
        }
    }

    /** Fills the file system up to {@code leave} free bytes. */
    private static void fill(Path filler, Path mount, long leave) throws IOException {
        long free = Files.getFileStore(mount).getUsableSpace();
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            for (long written = 0; written + block.length < free - leave; written += block.length) {
                out.write(block);
            }
        }
    }
}
