package org.hipaatraining.lrs.xapi.statements;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signed statements (xAPI Data 2.6): a JWS in an attachment whose usageType is the signature IRI. The LRS checks that
 * the JWS parses, uses RS256/384/512, carries the statement (as it was before the signature was attached) as its
 * payload, and, when the JWS header includes an X.509 chain ({@code x5c}), that the signature verifies with it.
 */
final class SignedStatements {

    static final String SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";
    private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    private SignedStatements() {
    }

    static boolean isSignature(JsonNode attachment) {
        return SIGNATURE_USAGE.equals(attachment.path("usageType").asString());
    }

    /** Verifies the signature attachment {@code signature} of {@code statement}, given its raw data. */
    static void verify(JsonNode statement, JsonNode signature, byte[] jwsBytes, String path) {
        if (!"application/octet-stream".equals(signature.path("contentType").asString())) {
            throw XapiException.badRequest(path + ": a signature attachment must have contentType application/octet-stream");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(new String(jwsBytes, StandardCharsets.US_ASCII).trim());
        } catch (ParseException e) {
            throw XapiException.badRequest(path + ": the signature is not a JWS in compact serialization: " + e.getMessage());
        }
        JWSAlgorithm algorithm = jws.getHeader().getAlgorithm();
        if (!ALLOWED.contains(algorithm)) {
            throw XapiException.badRequest(path + ": the signature uses " + algorithm + "; xAPI allows only RS256, RS384, RS512");
        }
        JsonNode payload;
        try {
            payload = XapiJson.parse(jws.getPayload().toString(), path + " payload");
        } catch (XapiException e) {
            throw XapiException.badRequest(path + ": the JWS payload is not the statement as JSON");
        }
        if (!payload.isObject() || !signs(payload, unsigned(statement))
                || (payload.has("id") && !payload.path("id").asString().equalsIgnoreCase(statement.path("id").asString()))) {
            throw XapiException.badRequest(path + ": the JWS payload does not match the statement it signs");
        }
        List<Base64> chain = jws.getHeader().getX509CertChain();
        if (chain != null && !chain.isEmpty()) {
            verifyWithCertificate(jws, chain.get(0), path);
        }
    }

    private static void verifyWithCertificate(JWSObject jws, Base64 certificate, String path) {
        try {
            X509Certificate cert = X509CertUtils.parseWithException(certificate.decode());
            if (!(cert.getPublicKey() instanceof RSAPublicKey key) || !jws.verify(new RSASSAVerifier(key))) {
                throw XapiException.badRequest(path + ": the signature does not verify with the certificate in x5c");
            }
        } catch (CertificateException | JOSEException e) {
            throw XapiException.badRequest(path + ": the x5c certificate cannot be used: " + e.getMessage());
        }
    }

    /**
     * Whether the payload is the statement, LRS-set fields aside. A statement forwarded from another LRS carries that
     * LRS's {@code stored}, and the {@code timestamp} it set equal to it when the signer gave none: such a timestamp is
     * the LRS's too, not the signer's.
     */
    private static boolean signs(JsonNode payload, JsonNode statement) {
        String signed = StatementComparison.digest(payload);
        if (signed.equals(StatementComparison.digest(statement))) {
            return true;
        }
        if (!payload.has("timestamp") && statement.has("stored") && statement.path("timestamp").equals(statement.path("stored"))) {
            ObjectNode withoutTimestamp = (ObjectNode) statement.deepCopy();
            withoutTimestamp.remove("timestamp");
            return signed.equals(StatementComparison.digest(withoutTimestamp));
        }
        return false;
    }

    /** The statement as it was before the signature attachment was added. */
    private static JsonNode unsigned(JsonNode statement) {
        ObjectNode copy = (ObjectNode) statement.deepCopy();
        if (copy.has("attachments")) {
            ArrayNode kept = XapiJson.MAPPER.createArrayNode();
            copy.get("attachments").forEach(a -> {
                if (!isSignature(a)) {
                    kept.add(a);
                }
            });
            if (kept.isEmpty()) {
                copy.remove("attachments");
            } else {
                copy.set("attachments", kept);
            }
        }
        return copy;
    }
}
