package org.hipaatraining.lrs.xapimodel;


import org.hipaatraining.lrs.system.JsonErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict JSON for xAPI: duplicate keys and trailing content are errors, decimals keep their precision,
 * and a parse failure becomes a 400 that says where the JSON broke.
 */
public final class XapiJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private XapiJson() {
    }

    /** Parses a request body; {@code what} names it in error messages ("statement", "document"). */
    public static JsonNode parse(byte[] body, String what) {
        if (body == null || body.length == 0) {
            throw XapiException.badRequest(what + ": the request body is empty; expected JSON");
        }
        try {
            // Parsing the UTF-8 bytes directly is markedly cheaper than decoding them to a String first.
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw XapiException.badRequest(what + ": the request body is empty; expected JSON");
            }
            return node;
        } catch (JacksonException e) {
            throw XapiException.badRequest(what + ": " + JsonErrors.describe(e));
        }
    }

    public static JsonNode parse(String body, String what) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw XapiException.badRequest(what + ": the request body is empty; expected JSON");
            }
            return node;
        } catch (JacksonException e) {
            throw XapiException.badRequest(what + ": " + JsonErrors.describe(e));
        }
    }

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }
}
