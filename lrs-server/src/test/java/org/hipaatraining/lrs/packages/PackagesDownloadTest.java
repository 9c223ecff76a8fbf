package org.hipaatraining.lrs.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An LMS admin signs in and downloads the right zip: every role and module, in every format. */
class PackagesDownloadTest extends LrsIntegrationTest {

    @Test
    void adminsListAndDownloadPackagesThatMatchTheCatalogue() throws IOException {
        XapiHttp admin = XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
        JsonNode list = XapiHttp.json(admin.get("/api/packages"));
        List<String> names = new ArrayList<>();
        list.forEach(p -> names.add(p.get("fileName").asString()));
        assertThat(names).contains("hipaa-role-front-desk-scorm12.zip", "hipaa-role-billing-cmi5.zip",
                "hipaa-role-everyone-scorm2004.zip", "hipaa-role-it-xapi.zip");
        assertThat(names).anyMatch(n -> n.matches("hipaa-module-privacy-\\d+\\.\\d+\\.\\d+-cmi5\\.zip"));

        HttpResponse<byte[]> zip = admin.getBytes("/api/packages/hipaa-role-billing-cmi5.zip", Map.of());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Disposition").orElse("")).contains("hipaa-role-billing-cmi5.zip");
        List<String> entries = entries(zip.body());
        assertThat(entries).contains("cmi5.xml", "player/player.js", "player/player.css", "modules/privacy/index.html",
                "modules/role-billing/index.html").doesNotContain("imsmanifest.xml", "tincan.xml");

        HttpResponse<byte[]> again = admin.getBytes("/api/packages/hipaa-role-billing-cmi5.zip", Map.of());
        assertThat(again.body()).isEqualTo(zip.body());
        assertThat(again.headers().firstValue("ETag")).isEqualTo(zip.headers().firstValue("ETag"));

        assertThat(admin.getBytes("/api/packages/hipaa-role-surgeon-cmi5.zip", Map.of()).statusCode()).isEqualTo(404);
        assertThat(xapi.anonymous().getBytes("/api/packages/hipaa-role-billing-cmi5.zip", Map.of()).statusCode()).isEqualTo(401);
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
