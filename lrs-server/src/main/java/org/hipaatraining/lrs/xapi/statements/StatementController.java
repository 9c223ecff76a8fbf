package org.hipaatraining.lrs.xapi.statements;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.auth.XapiClient;
import org.hipaatraining.lrs.xapi.RequestBodies;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapi.XapiRequest;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapimodel.Formats;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The xAPI Statement Resource: {@code /xapi/statements}. */
@RestController
@RequestMapping("/xapi/statements")
class StatementController {

    private static final Set<String> GET_PARAMS = Set.of("statementId", "voidedStatementId", "agent", "verb", "activity",
            "registration", "related_activities", "related_agents", "since", "until", "limit", "format", "attachments",
            "ascending", "more");
    private static final Set<String> SINGLE_GET_PARAMS = Set.of("statementId", "voidedStatementId", "format", "attachments");

    private final StatementService statements;
    private final StatementReader reader;
    private final StatementSettings settings;
    private final MoreTokens moreTokens;

    StatementController(StatementService statements, StatementReader reader, StatementSettings settings,
                        MoreTokens moreTokens) {
        this.statements = statements;
        this.reader = reader;
        this.settings = settings;
        this.moreTokens = moreTokens;
    }

    @PutMapping
    ResponseEntity<Void> put(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                             @AuthenticationPrincipal XapiClient client) {
        XapiRequest.allowOnly(params, Set.of("statementId"));
        String statementId = StatementQuery.single(params, "statementId");
        if (statementId == null) {
            throw XapiException.badRequest("statementId: required to PUT a statement (use POST to let the LRS assign one)");
        }
        if (!Formats.isUuid(statementId)) {
            throw XapiException.badRequest("statementId: must be a UUID");
        }
        Body body = readBody(request);
        if (!body.statements().isObject()) {
            throw XapiException.badRequest("statement: PUT takes one statement as a JSON object");
        }
        var statement = (tools.jackson.databind.node.ObjectNode) body.statements();
        if (statement.has("id") && !(statement.get("id").isString()
                && statement.get("id").asString().equalsIgnoreCase(statementId))) {
            throw XapiException.badRequest("statement.id: does not match the statementId parameter " + statementId);
        }
        statement.put("id", statementId);
        statements.store(List.of(statement), body.parts(), client, XapiRequest.version(request), true);
        return ResponseEntity.noContent().build();
    }

    @PostMapping
    ResponseEntity<List<String>> post(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                                      @AuthenticationPrincipal XapiClient client) {
        XapiRequest.allowOnly(params, Set.of());
        Body body = readBody(request);
        JsonNode json = body.statements();
        List<JsonNode> batch = new ArrayList<>();
        boolean single = json.isObject();
        if (single) {
            batch.add(json);
        } else if (json.isArray()) {
            json.forEach(batch::add);
            if (batch.isEmpty()) {
                throw XapiException.badRequest("statements: the array is empty; send at least one statement");
            }
        } else {
            throw XapiException.badRequest("statements: the body must be a statement object or an array of statements");
        }
        List<String> ids = statements.store(batch, body.parts(), client, XapiRequest.version(request), single);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ids);
    }

    @GetMapping
    ResponseEntity<byte[]> get(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                               @AuthenticationPrincipal XapiClient client) {
        XapiRequest.allowOnly(params, GET_PARAMS);
        List<Locale.LanguageRange> languages = languages(request);
        String statementId = StatementQuery.single(params, "statementId");
        String voidedId = StatementQuery.single(params, "voidedStatementId");
        if (statementId != null || voidedId != null) {
            if (statementId != null && voidedId != null) {
                throw XapiException.badRequest("statementId and voidedStatementId cannot be used together");
            }
            XapiRequest.allowOnly(params, SINGLE_GET_PARAMS, "with statementId or voidedStatementId");
            String id = statementId != null ? statementId : voidedId;
            String name = statementId != null ? "statementId" : "voidedStatementId";
            if (!Formats.isUuid(id)) {
                throw XapiException.badRequest(name + ": must be a UUID");
            }
            StatementQuery.Format format = StatementQuery.format(params);
            boolean attachments = StatementQuery.bool(params, "attachments");
            StatementReader.Found found = reader.byId(id, voidedId != null, format, languages, client)
                    .orElseThrow(() -> XapiException.notFound("no " + (voidedId != null ? "voided " : "")
                            + "statement with id " + id));
            byte[] json = found.json().getBytes(StandardCharsets.UTF_8);
            return respond(json, attachments ? Set.copyOf(found.attachments()) : null, found.stored());
        }
        StatementQuery query;
        PageCursor after = null;
        String more = StatementQuery.single(params, "more");
        if (more != null) {
            XapiRequest.allowOnly(params, Set.of("more"), "with more");
            MoreToken token = moreTokens.read(more);
            query = token.query();
            after = token.after();
        } else {
            query = StatementQuery.parse(params, XapiRequest.version(request), settings.pageSize());
        }
        StatementReader.Page page = reader.query(query, after, languages, client);
        byte[] json = statementResult(page, request);
        return respond(json, query.attachments() ? page.attachments() : null, page.lastModified());
    }

    private static byte[] statementResult(StatementReader.Page page, HttpServletRequest request) {
        StringBuilder out = new StringBuilder(256 + page.statements().size() * 1024);
        out.append("{\"statements\":[");
        for (int i = 0; i < page.statements().size(); i++) {
            out.append(i == 0 ? "" : ",").append(page.statements().get(i).json());
        }
        out.append("],\"more\":");
        String more = page.more() == null ? "" : request.getContextPath() + "/xapi/statements?more=" + page.more();
        out.append(XapiJson.MAPPER.writeValueAsString(more)).append('}');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** JSON, or multipart/mixed with the attachments' data after it when {@code attachments} is not null. */
    private ResponseEntity<byte[]> respond(byte[] json, Set<String> attachments, Instant lastModified) {
        HttpHeaders headers = new HttpHeaders();
        if (lastModified != null) {
            headers.set(HttpHeaders.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC)));
        }
        if (attachments == null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            return new ResponseEntity<>(json, headers, HttpStatus.OK);
        }
        String boundary = "xapi-" + UUID.randomUUID();
        List<MultipartMixed.Part> parts = new ArrayList<>();
        parts.add(new MultipartMixed.Part(Map.of("Content-Type", "application/json"), json));
        for (AttachmentPart part : reader.attachments(attachments).values()) {
            Map<String, String> partHeaders = new LinkedHashMap<>();
            partHeaders.put("Content-Type", part.contentType());
            partHeaders.put("Content-Transfer-Encoding", "binary");
            partHeaders.put("X-Experience-API-Hash", part.sha2());
            parts.add(new MultipartMixed.Part(partHeaders, part.content()));
        }
        headers.set(HttpHeaders.CONTENT_TYPE, "multipart/mixed; boundary=" + boundary);
        return new ResponseEntity<>(MultipartMixed.write(boundary, parts), headers, HttpStatus.OK);
    }

    // ---- request bodies

    private record Body(JsonNode statements, Map<String, AttachmentPart> parts) {
    }

    private Body readBody(HttpServletRequest request) {
        String contentType = request.getContentType();
        byte[] raw = RequestBodies.read(request);
        if (contentType == null) {
            throw XapiException.badRequest("Content-Type: required; use application/json or multipart/mixed");
        }
        MediaType type = RequestBodies.mediaType(contentType);
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return new Body(XapiJson.parse(raw, "statement"), Map.of());
        }
        if ("multipart".equals(type.getType()) && "mixed".equals(type.getSubtype())) {
            return multipart(raw, MultipartMixed.boundary(contentType));
        }
        throw XapiException.badRequest("Content-Type: '" + contentType + "' is not accepted for statements; "
                + "use application/json, or multipart/mixed for statements with attachments");
    }

    private static Body multipart(byte[] raw, String boundary) {
        List<MultipartMixed.Part> parts = MultipartMixed.parse(raw, boundary);
        if (parts.isEmpty()) {
            throw XapiException.badRequest("multipart body: no parts");
        }
        MultipartMixed.Part first = parts.get(0);
        String firstType = first.header("Content-Type");
        if (firstType == null || !RequestBodies.mediaType(firstType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
            throw XapiException.badRequest("multipart body: the first part must be the statements with Content-Type application/json");
        }
        JsonNode statements = XapiJson.parse(first.body(), "statement");
        Map<String, AttachmentPart> attachments = new LinkedHashMap<>();
        for (int i = 1; i < parts.size(); i++) {
            MultipartMixed.Part part = parts.get(i);
            String hash = part.header("X-Experience-API-Hash");
            if (hash == null || hash.isBlank()) {
                throw XapiException.badRequest("multipart body: part " + (i + 1) + " has no X-Experience-API-Hash header");
            }
            String encoding = part.header("Content-Transfer-Encoding");
            if (encoding == null || !"binary".equalsIgnoreCase(encoding)) {
                throw XapiException.badRequest("multipart body: part " + (i + 1)
                        + " must have the header Content-Transfer-Encoding: binary");
            }
            if (!matchesSha2(part.body(), hash)) {
                throw XapiException.badRequest("multipart body: the data of part " + (i + 1)
                        + " does not have the SHA-2 hash its X-Experience-API-Hash header names (" + hash + ")");
            }
            String partType = part.header("Content-Type");
            attachments.put(hash, new AttachmentPart(hash, partType == null ? "application/octet-stream" : partType, part.body()));
        }
        return new Body(statements, attachments);
    }

    /** True when {@code data} hashes to {@code hex} with the SHA-2 function its length implies. */
    private static boolean matchesSha2(byte[] data, String hex) {
        List<String> algorithms = switch (hex.length()) {
            case 56 -> List.of("SHA-224", "SHA-512/224");
            case 64 -> List.of("SHA-256", "SHA-512/256");
            case 96 -> List.of("SHA-384");
            case 128 -> List.of("SHA-512");
            default -> List.of();
        };
        for (String algorithm : algorithms) {
            try {
                if (java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(data))
                        .equalsIgnoreCase(hex)) {
                    return true;
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    private static List<Locale.LanguageRange> languages(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
