package org.hipaatraining.lrs.cmi5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Uploading cmi5 zips: what is refused, and how blocks and the course become satisfied in an uploaded structure. */
class Cmi5CourseUploadTest extends LrsIntegrationTest {

    private static final String NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

    private Cmi5Client cmi5;

    @BeforeEach
    void setUp() {
        cmi5 = new Cmi5Client(XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD));
    }

    private static String courseId() {
        return "vendor-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String structure(String namespace, String body) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <courseStructure xmlns="%s">
                  <course id="https://vendor.example/course/fire">
                    <title><langstring lang="en-US">Fire safety</langstring></title>
                    <description><langstring lang="en-US">Extinguishers and exits.</langstring></description>
                  </course>
                  %s
                </courseStructure>
                """.formatted(namespace, body);
    }

    private static String au(String n, String moveOn, String extra) {
        return """
                <au id="https://vendor.example/au/%s" moveOn="%s"%s>
                  <title><langstring lang="en-US">AU %s</langstring></title>
                  <description><langstring lang="en-US">Part %s.</langstring></description>
                  <url>au%s.html</url>
                </au>""".formatted(n, moveOn, extra, n, n, n);
    }

    private static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, String> files(String xml, String... aus) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("cmi5.xml", xml);
        for (String n : aus) {
            files.put("au" + n + ".html", "<!doctype html><title>AU " + n + "</title>");
        }
        return files;
    }

    private HttpResponse<String> upload(String courseId, byte[] zip) {
        return cmi5.admin().send("POST", "/api/cmi5/courses", params("courseId", courseId), zip,
                "Content-Type", "application/zip");
    }

    private static String error(HttpResponse<String> response) {
        return XapiHttp.json(response).get("detail").asString();
    }

    @Test
    void refusesUnsafeNamesWrongNamespacesOtherFormatsAndCatalogueIds() {
        Map<String, String> slip = files(structure(NS, au("1", "Passed", "")), "1");
        slip.put("../escape.html", "gotcha");
        HttpResponse<String> zipSlip = upload(courseId(), zip(slip));
        assertThat(zipSlip.statusCode()).isEqualTo(400);
        assertThat(error(zipSlip)).contains("../escape.html").contains("unsafe entry name");

        HttpResponse<String> namespace = upload(courseId(), zip(files(structure("http://example.com/wrong", au("1", "Passed", "")), "1")));
        assertThat(namespace.statusCode()).isEqualTo(400);
        assertThat(error(namespace)).contains("namespace");

        HttpResponse<String> missingUrl = upload(courseId(), zip(files(structure(NS, au("1", "Passed", "")))));
        assertThat(missingUrl.statusCode()).isEqualTo(400);
        assertThat(error(missingUrl)).contains("au1.html");

        HttpResponse<String> tincan = upload(courseId(), zip(Map.of("tincan.xml",
                "<tincan xmlns=\"http://projecttincan.com/tincan.xsd\"><activities/></tincan>")));
        assertThat(tincan.statusCode()).isEqualTo(400);

        HttpResponse<String> reserved = upload("module-mine", zip(files(structure(NS, au("1", "Passed", "")), "1")));
        assertThat(reserved.statusCode()).isEqualTo(409);
    }

    @Test
    void validatesAgainstCourseStructureXsdWhenTheSchemasArePresent() {
        Assumptions.assumeTrue(schemasDir().isPresent(), "shared/schemas is not on this machine");
        HttpResponse<String> unknownAttribute = upload(courseId(), zip(files(structure(NS, au("1", "Passed",
                " colour=\"red\"")), "1")));
        assertThat(unknownAttribute.statusCode()).as(unknownAttribute.body()).isEqualTo(400);
        assertThat(error(unknownAttribute)).contains("colour");
    }

    @Test
    void multipartUploadIsListedServedAndReplacedByTheSameId() {
        String courseId = courseId();
        byte[] zip = zip(files(structure(NS, au("1", "Completed", "")), "1"));
        String boundary = "----cmi5" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"courseId\"\r\n\r\n" + courseId
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fire.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = cmi5.admin().send("POST", "/api/cmi5/courses", Map.of(), body.toByteArray(),
                "Content-Type", "multipart/form-data; boundary=" + boundary);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(XapiHttp.json(created).get("fileName").asString()).isEqualTo("fire.zip");

        List<String> listed = new ArrayList<>();
        XapiHttp.json(cmi5.admin().get("/api/cmi5/courses")).get("imported").forEach(c -> listed.add(c.get("courseId").asString()));
        assertThat(listed).contains(courseId);
        assertThat(cmi5.admin().anonymous().get("/cmi5/content/" + courseId + "/au1.html").body()).contains("AU 1");

        HttpResponse<String> replaced = upload(courseId, zip(files(structure(NS, au("1", "Completed", "") + au("2", "Passed", "")),
                "1", "2")));
        assertThat(replaced.statusCode()).isEqualTo(201);
        assertThat(XapiHttp.json(replaced).get("aus").size()).isEqualTo(2);
        assertThat(XapiHttp.json(replaced).at("/aus/0/activityId").asString())
                .as("generated ids survive a re-upload").isEqualTo(XapiHttp.json(created).at("/aus/0/activityId").asString());
        assertThat(cmi5.admin().anonymous().get("/cmi5/content/" + courseId + "/au2.html").statusCode()).isEqualTo(200);
        assertThat(cmi5.admin().anonymous().get("/cmi5/content/" + courseId + "/cmi5.xml/../au1.html").statusCode())
                .isIn(400, 404);
    }

    @Test
    void blocksAndTheCourseAreSatisfiedWhenTheirAusAre() {
        String courseId = courseId();
        String xml = structure(NS, """
                <block id="https://vendor.example/block/a">
                  <title><langstring lang="en-US">Block A</langstring></title>
                  <description><langstring lang="en-US">Two AUs.</langstring></description>
                  %s
                  %s
                </block>
                %s""".formatted(au("1", "Passed", " masteryScore=\"0.5\""), au("2", "NotApplicable", ""),
                au("3", "CompletedOrPassed", "")));
        assertThat(upload(courseId, zip(files(xml, "1", "2", "3"))).statusCode()).isEqualTo(201);
        String registration = cmi5.register(courseId, Cmi5Client.newActor());
        assertThat(satisfied(registration)).isEmpty();

        play(registration, "https://vendor.example/au/1", "passed");
        assertThat(satisfied(registration)).containsExactly("https://w3id.org/xapi/cmi5/activitytype/block");

        play(registration, "https://vendor.example/au/3", "completed");
        assertThat(satisfied(registration)).containsExactlyInAnyOrder("https://w3id.org/xapi/cmi5/activitytype/block",
                "https://w3id.org/xapi/cmi5/activitytype/course");
    }

    @Test
    void aCourseOfNotApplicableAusIsSatisfiedAtRegistration() {
        String courseId = courseId();
        assertThat(upload(courseId, zip(files(structure(NS, au("1", "NotApplicable", "")), "1"))).statusCode()).isEqualTo(201);
        String registration = cmi5.register(courseId, Cmi5Client.newActor());
        assertThat(satisfied(registration)).containsExactly("https://w3id.org/xapi/cmi5/activitytype/course");
    }

    private void play(String registration, String auId, String verb) {
        Cmi5Client.Launch launch = cmi5.launch(registration, auId, null);
        XapiHttp au = cmi5.au(launch);
        for (String v : List.of("initialized", verb, "terminated")) {
            HttpResponse<String> r = au.postJson("/xapi/statements", Cmi5Client.statement(launch, v, 0.9).toString());
            assertThat(r.statusCode()).as(v + ": " + r.body()).isEqualTo(200);
        }
    }

    /** The object types of the registration's satisfied statements. */
    private List<String> satisfied(String registration) {
        JsonNode result = XapiHttp.json(xapi.get("/xapi/statements", params("registration", registration,
                "verb", "https://w3id.org/xapi/adl/verbs/satisfied")));
        List<String> types = new ArrayList<>();
        result.get("statements").forEach(s -> types.add(s.at("/object/definition/type").asString()));
        return types;
    }
}
