package org.hipaatraining.lrs.xapi.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentsTest extends LrsIntegrationTest {

    private static final String BOUNDARY = "xapi-test-boundary";
    private static final String TYPE = "multipart/mixed; boundary=" + BOUNDARY;
    private static final String SIGNATURE = "http://adlnet.gov/expapi/attachments/signature";

    private static Signer alice;
    private static Signer mallory;

    private record Signer(PrivateKey key, X509Certificate certificate) {
    }

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        alice = keytool(dir, "alice");
        mallory = keytool(dir, "mallory");
    }

    /** A key pair and self-signed certificate from the JDK's keytool (the JDK has no API to make a certificate). */
    private static Signer keytool(Path dir, String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + name, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            keys.load(in, "changeit".toCharArray());
        }
        return new Signer((PrivateKey) keys.getKey(name, "changeit".toCharArray()), (X509Certificate) keys.getCertificate(name));
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static String attachment(String usageType, String contentType, byte[] data, String fileUrl) throws Exception {
        return """
                {"usageType": "%s", "display": {"en-US": "Signed acknowledgement"}, "contentType": "%s",
                 "length": %d, "sha2": "%s"%s}""".formatted(usageType, contentType, data.length, sha256(data),
                fileUrl == null ? "" : ", \"fileUrl\": \"" + fileUrl + "\"");
    }

    private static String withAttachments(String statement, String... attachments) {
        return statement.replace("\"timestamp\":", "\"attachments\": [" + String.join(",", attachments) + "], \"timestamp\":");
    }

    /** A multipart/mixed body: the statements, then one part per (hash, data) pair. */
    private static byte[] multipart(String statements, Object... hashAndData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n" + statements + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < hashAndData.length; i += 2) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: "
                    + "binary\r\nX-Experience-API-Hash: " + hashAndData[i] + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) hashAndData[i + 1]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpResponse<String> post(byte[] body) {
        return xapi.send("POST", "/xapi/statements", Map.of(), body, "Content-Type", TYPE);
    }

    private static String idStatement(String id) {
        return Statements.completed(id, XapiHttp.uniqueMbox(), Statements.COMPLETED, Statements.activityId(),
                UUID.randomUUID().toString());
    }

    @Test
    void anAttachmentIsStoredAndReturnedAsMultipart() throws Exception {
        byte[] pdf = "%PDF-1.4 certificate of completion \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        String id = UUID.randomUUID().toString();
        String statement = withAttachments(idStatement(id), attachment("http://example.org/certificate", "application/pdf", pdf, null));

        HttpResponse<String> post = post(multipart(statement, sha256(pdf), pdf));
        HttpResponse<byte[]> withData = xapi.getBytes("/xapi/statements", params("statementId", id, "attachments", "true"));
        HttpResponse<String> plain = xapi.get("/xapi/statements", params("statementId", id));

        assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
        String contentType = withData.headers().firstValue("Content-Type").orElseThrow();
        assertThat(contentType).startsWith("multipart/mixed");
        List<MultipartMixed.Part> parts = MultipartMixed.parse(withData.body(), MultipartMixed.boundary(contentType));
        assertThat(parts).hasSize(2);
        assertThat(XapiJson.MAPPER.readTree(parts.get(0).body()).get("id").asString()).isEqualTo(id);
        assertThat(parts.get(1).header("X-Experience-API-Hash")).isEqualTo(sha256(pdf));
        assertThat(parts.get(1).header("Content-Transfer-Encoding")).isEqualTo("binary");
        assertThat(parts.get(1).body()).isEqualTo(pdf);
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json(plain).get("attachments").get(0).get("sha2").asString()).isEqualTo(sha256(pdf));
    }

    @Test
    void twoStatementsMayShareOnePart() throws Exception {
        byte[] data = "shared".getBytes(StandardCharsets.UTF_8);
        String a = attachment("http://example.org/evidence", "text/plain", data, null);
        String batch = "[" + withAttachments(idStatement(UUID.randomUUID().toString()), a) + ","
                + withAttachments(idStatement(UUID.randomUUID().toString()), a) + "]";

        assertThat(post(multipart(batch, sha256(data), data)).statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingPartIsRefusedAndNothingStored() throws Exception {
        byte[] data = "evidence".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        String statement = withAttachments(idStatement(id), attachment("http://example.org/evidence", "text/plain", data, null));

        HttpResponse<String> multipartWithoutPart = post(multipart(statement));
        HttpResponse<String> plainJson = xapi.postJson("/xapi/statements", statement);

        assertThat(multipartWithoutPart.statusCode()).isEqualTo(400);
        assertThat(json(multipartWithoutPart).get("message").asString())
                .startsWith("statement.attachments[0]: no multipart part with X-Experience-API-Hash " + sha256(data));
        assertThat(plainJson.statusCode()).isEqualTo(400);
        assertThat(xapi.get("/xapi/statements", params("statementId", id)).statusCode()).isEqualTo(404);
    }

    @Test
    void aPartWhoseHashMatchesNoAttachmentOrWhoseDataDoesNotMatchItsHashIsRefused() throws Exception {
        byte[] data = "evidence".getBytes(StandardCharsets.UTF_8);
        byte[] other = "something else".getBytes(StandardCharsets.UTF_8);
        String id = UUID.randomUUID().toString();
        String statement = withAttachments(idStatement(id), attachment("http://example.org/evidence", "text/plain", data, null));

        HttpResponse<String> wrongHeader = post(multipart(statement, sha256(other), data));
        HttpResponse<String> extraPart = post(multipart(statement, sha256(data), data, sha256(other), other));
        HttpResponse<String> wrongData = post(multipart(statement, sha256(data), other));

        assertThat(wrongHeader.statusCode()).isEqualTo(400);
        assertThat(extraPart.statusCode()).isEqualTo(400);
        assertThat(json(extraPart).get("message").asString()).contains("matches no attachment's sha2");
        assertThat(wrongData.statusCode()).as(wrongData.body()).isEqualTo(400);
        assertThat(xapi.get("/xapi/statements", params("statementId", id)).statusCode()).isEqualTo(404);
    }

    @Test
    void fileUrlAttachmentsNeedNoParts() throws Exception {
        byte[] data = "on the intranet".getBytes(StandardCharsets.UTF_8);
        String a = attachment("http://example.org/evidence", "text/plain", data, "https://intranet.clinic.example/ack.txt");

        HttpResponse<String> asJson = xapi.postJson("/xapi/statements", withAttachments(idStatement(UUID.randomUUID().toString()), a));
        HttpResponse<String> asMultipart = post(multipart(withAttachments(idStatement(UUID.randomUUID().toString()), a)));

        assertThat(asJson.statusCode()).as(asJson.body()).isEqualTo(200);
        assertThat(asMultipart.statusCode()).as(asMultipart.body()).isEqualTo(200);
    }

    private static byte[] signedRequest(String unsigned, JWSObject jws) throws Exception {
        byte[] token = jws.serialize().getBytes(StandardCharsets.US_ASCII);
        return multipart(withAttachments(unsigned, attachment(SIGNATURE, "application/octet-stream", token, null)),
                sha256(token), token);
    }

    private static JWSObject rs256(String payload, Signer signer, boolean x5c) throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256);
        if (x5c) {
            header.x509CertChain(List.of(Base64.encode(signer.certificate().getEncoded())));
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(payload));
        jws.sign(new RSASSASigner(signer.key()));
        return jws;
    }

    @Test
    void signedStatementsAreAcceptedWithOrWithoutACertificate() throws Exception {
        String id = UUID.randomUUID().toString();
        String unsigned = idStatement(id);

        HttpResponse<String> withCertificate = post(signedRequest(unsigned, rs256(unsigned, alice, true)));
        String other = idStatement(UUID.randomUUID().toString());
        HttpResponse<String> withoutCertificate = post(signedRequest(other, rs256(other, alice, false)));

        assertThat(withCertificate.statusCode()).as(withCertificate.body()).isEqualTo(200);
        assertThat(withoutCertificate.statusCode()).as(withoutCertificate.body()).isEqualTo(200);
        assertThat(json(xapi.get("/xapi/statements", params("statementId", id))).get("attachments").get(0)
                .get("usageType").asString()).isEqualTo(SIGNATURE);
    }

    @Test
    void badSignaturesAreRefused() throws Exception {
        String unsigned = idStatement(UUID.randomUUID().toString());
        JWSObject claimsAlice = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertChain(List.of(Base64.encode(alice.certificate().getEncoded()))).build(), new Payload(unsigned));
        claimsAlice.sign(new RSASSASigner(mallory.key()));
        JWSObject hmac = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(unsigned));
        hmac.sign(new MACSigner("a-shared-secret-of-at-least-256-bits-length"));
        String otherStatement = idStatement(UUID.randomUUID().toString());

        HttpResponse<String> wrongKey = post(signedRequest(unsigned, claimsAlice));
        HttpResponse<String> wrongAlgorithm = post(signedRequest(unsigned, hmac));
        HttpResponse<String> wrongPayload = post(signedRequest(unsigned, rs256(otherStatement, alice, true)));
        HttpResponse<String> notAJws = post(multipart(withAttachments(unsigned, attachment(SIGNATURE,
                "application/octet-stream", "junk".getBytes(), null)), sha256("junk".getBytes()), "junk".getBytes()));

        assertThat(json(wrongKey).get("message").asString()).contains("does not verify");
        assertThat(json(wrongAlgorithm).get("message").asString()).contains("HS256");
        assertThat(json(wrongPayload).get("message").asString()).contains("does not match");
        for (HttpResponse<String> refused : List.of(wrongKey, wrongAlgorithm, wrongPayload, notAJws)) {
            assertThat(refused.statusCode()).isEqualTo(400);
        }
    }
}
