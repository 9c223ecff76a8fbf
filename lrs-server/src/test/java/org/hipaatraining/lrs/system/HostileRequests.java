package org.hipaatraining.lrs.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates malformed and hostile requests for every endpoint family: JSON bodies (xAPI and the admin APIs), CSV,
 * multipart (xAPI attachments, cmi5 uploads), form bodies (alternate request syntax, sign-in, LTI), query parameters,
 * headers, paging tokens, dates, zips, and raw HTTP the usual clients cannot send. Request {@code i} of a seed is always
 * the same request, whatever order they run in, so a failure is reproduced from the seed and its index.
 */
final class HostileRequests {

    /** One request; {@code raw} (when set) is sent as is over a socket instead. */
    record Request(int index, String family, String method, String path, List<String[]> headers, byte[] body, byte[] raw) {

        String describe() {
            String bodyText = body == null ? "" : new String(body, 0, Math.min(body.length, 600), StandardCharsets.UTF_8);
            if (raw != null) {
                return "#" + index + " [" + family + "] raw: " + new String(raw, 0, Math.min(raw.length, 800),
                        StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
            }
            return "#" + index + " [" + family + "] " + method + " " + path + " headers "
                    + headers.stream().map(h -> h[0] + ": " + clip(h[1])).collect(Collectors.joining("; "))
                    + " body (" + (body == null ? 0 : body.length) + " bytes) " + bodyText.replace("\r", "\\r").replace("\n", "\\n");
        }

        private static String clip(String s) {
            return s.length() > 120 ? s.substring(0, 120) + "..." : s;
        }
    }

    /** Real things to aim at, made before the run: a person, a more token, a registration, credentials. */
    record Targets(String xapiAuthorization, String adminAuthorization, String adminSessionCookie, String adminCsrfToken,
                   String personId, String statementId, String moreToken, String registrationId, String activityId,
                   String agentJson, byte[] validCmi5Zip) {
    }

    static final List<String> FAMILIES = List.of("xapi-statement-json", "xapi-statement-put", "xapi-query", "xapi-more",
            "xapi-documents", "xapi-activities-agents", "xapi-alternate-syntax", "xapi-multipart", "xapi-headers",
            "roster-csv", "admin-json", "report-dates", "cmi5-upload", "paths", "forms", "headers", "raw-http");

    private static final String STATEMENT = """
            {"actor":{"objectType":"Agent","name":"Fuzz","mbox":"mailto:fuzz@clinic.example"},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"en-US":"completed"}},
             "object":{"objectType":"Activity","id":"https://hipaa-training.org/xapi/activities/module/privacy",
               "definition":{"name":{"en-US":"Privacy"},"type":"http://adlnet.gov/expapi/activities/module"}},
             "result":{"score":{"scaled":0.9,"raw":9,"min":0,"max":10},"success":true,"completion":true,"duration":"PT14M30S"},
             "context":{"registration":"6b1e8a4e-1111-4111-8111-111111111111","platform":"Moodle 4.5",
               "contextActivities":{"parent":[{"id":"https://hipaa-training.org/xapi/activities/course/everyone"}]},
               "extensions":{"https://hipaa-training.org/xapi/extensions/module-version":"1.0.0"}},
             "timestamp":"2026-11-20T15:04:05.123Z"}""";

    private static final String[] STRINGS = {"", " ", "null", "0", "-1", "1e309", "NaN", "true", "[]", "{}", "%", "%zz",
            "%00", "\u0000", "../../etc/passwd", "..%2f..%2f", "<script>alert(1)</script>", "javascript:alert(1)",
            "' OR 1=1 --", "{\"$ne\":null}", "{\"$where\":\"sleep(1000)\"}", "$where", "a.b", "$gt", "\uD800", "\uDFFF",
            "😀", "\u202Eevil", "9999-12-31", "+999999999-12-31", "-999999999-01-01", "2026-02-30", "0000-00-00",
            "2026-01-01T00:00:00.9999999999999Z", "20260101T000000Z", "2026-01-01T24:00:00Z", "2026-01-01T10:00:60+05:00",
            "1.0.3", "2.0.0", "mailto:a@b", "mailto:", "http://", "urn:", "https://lms.example/x|1", "ACTIVE", "DEPARTED",
            "9223372036854775808", "-9223372036854775809", "9".repeat(400), "PT1H", "P", "P1Y2M3DT4H5M6.7S", "en-US",
            "\t\n", "é", "Ω", "a\u0000b", "x".repeat(5_000), "=cmd|' /C calc'!A0", "@SUM(1+1)", "\"", "\\", "\\u0000",
            "front-desk", "everyone", "privacy", "module:privacy", "role:front-desk", "SHA-256", "AQID", "Basic", "*"};

    private final long seed;
    private final Targets targets;

    HostileRequests(long seed, Targets targets) {
        this.seed = seed;
        this.targets = targets;
    }

    Request request(int index) {
        Random r = new Random(seed * 1_000_003L + index);
        String family = FAMILIES.get(index % FAMILIES.size());
        Builder b = new Builder(index, family);
        switch (family) {
            case "xapi-statement-json" -> xapiStatementJson(r, b);
            case "xapi-statement-put" -> xapiStatementPut(r, b);
            case "xapi-query" -> xapiQuery(r, b);
            case "xapi-more" -> xapiMore(r, b);
            case "xapi-documents" -> xapiDocuments(r, b);
            case "xapi-activities-agents" -> xapiActivitiesAgents(r, b);
            case "xapi-alternate-syntax" -> alternateSyntax(r, b);
            case "xapi-multipart" -> xapiMultipart(r, b);
            case "xapi-headers" -> xapiHeaders(r, b);
            case "roster-csv" -> rosterCsv(r, b);
            case "admin-json" -> adminJson(r, b);
            case "report-dates" -> reportDates(r, b);
            case "cmi5-upload" -> cmi5Upload(r, b);
            case "paths" -> paths(r, b);
            case "forms" -> forms(r, b);
            case "headers" -> headers(r, b);
            default -> raw(r, b);
        }
        return b.build();
    }

    // ---- families

    private void xapiStatementJson(Random r, Builder b) {
        b.xapi(r, version(r)).method("POST").path("/xapi/statements").header("Content-Type", "application/json");
        String body = r.nextInt(4) == 0 ? "[" + mutatedJson(r, STATEMENT, 3) + "," + mutatedJson(r, STATEMENT, 1) + "]"
                : mutatedJson(r, STATEMENT, 1 + r.nextInt(4));
        b.body(r.nextInt(15) == 0 ? truncate(r, body) : body);
    }

    private void xapiStatementPut(Random r, Builder b) {
        String id = r.nextBoolean() ? UUID.randomUUID().toString() : pick(r, STRINGS);
        b.xapi(r, version(r)).method(r.nextInt(8) == 0 ? "DELETE" : "PUT")
                .path("/xapi/statements" + query("statementId", id)).header("Content-Type", "application/json")
                .body(mutatedJson(r, STATEMENT, r.nextInt(3)));
    }

    private void xapiQuery(Random r, Builder b) {
        String[] names = {"statementId", "voidedStatementId", "agent", "verb", "activity", "registration",
                "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending",
                "more", "bogus"};
        Map<String, String> params = new LinkedHashMap<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String name = pick(r, names);
            String value = switch (name) {
                case "agent" -> r.nextBoolean() ? mutatedJson(r, targets.agentJson(), 1) : pick(r, STRINGS);
                case "statementId", "voidedStatementId" -> r.nextBoolean() ? targets.statementId() : pick(r, STRINGS);
                case "since", "until" -> r.nextBoolean() ? hostileTimestamp(r) : pick(r, STRINGS);
                case "limit" -> r.nextBoolean() ? Integer.toString(r.nextInt()) : pick(r, STRINGS);
                default -> pick(r, STRINGS);
            };
            params.put(name, value);
        }
        b.xapi(r, version(r)).method(r.nextInt(10) == 0 ? "HEAD" : "GET").path("/xapi/statements" + query(params));
    }

    private void xapiMore(Random r, Builder b) {
        String token = targets.moreToken();
        String forged = switch (r.nextInt(7)) {
            case 0 -> flip(r, token);
            case 1 -> token.substring(0, r.nextInt(token.length()));
            case 2 -> {
                int dot = token.indexOf('.');
                String json = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
                yield b64(mutatedJson(r, json, 1 + r.nextInt(3))) + token.substring(dot);
            }
            case 3 -> b64(mutatedJson(r, "{\"l\":100,\"f\":\"EXACT\",\"at\":\"2026-01-01T00:00:00Z\",\"id\":\""
                    + UUID.randomUUID() + "\"}", 2)) + "." + b64("sig");
            case 4 -> pick(r, STRINGS);
            case 5 -> token + "&limit=1000000";
            default -> token + token.substring(token.indexOf('.'));
        };
        b.xapi(r, version(r)).method("GET").path("/xapi/statements" + query("more", forged));
    }

    private void xapiDocuments(Random r, Builder b) {
        String resource = pick(r, new String[] {"/xapi/activities/state", "/xapi/activities/profile", "/xapi/agents/profile"});
        Map<String, String> params = new LinkedHashMap<>();
        if (r.nextInt(5) > 0) {
            params.put("activityId", r.nextBoolean() ? targets.activityId() : pick(r, STRINGS));
        }
        if (r.nextInt(5) > 0) {
            params.put("agent", r.nextBoolean() ? mutatedJson(r, targets.agentJson(), r.nextInt(2)) : pick(r, STRINGS));
        }
        String id = resource.endsWith("state") ? "stateId" : "profileId";
        if (r.nextInt(3) > 0) {
            params.put(id, r.nextBoolean() ? "fuzz-" + r.nextInt(5) : pick(r, STRINGS));
        }
        if (r.nextInt(4) == 0) {
            params.put(r.nextBoolean() ? "registration" : "since", pick(r, STRINGS));
        }
        String method = pick(r, new String[] {"GET", "PUT", "POST", "DELETE", "HEAD"});
        b.xapi(r, version(r)).method(method).path(resource + query(params));
        if (r.nextInt(3) == 0) {
            b.header(r.nextBoolean() ? "If-Match" : "If-None-Match", pick(r, new String[] {"*", "\"abc\"", "W/\"x\"", "", "\"",
                    pick(r, STRINGS)}));
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            b.header("Content-Type", pick(r, new String[] {"application/json", "text/plain", "application/octet-stream",
                    "application/json; charset=bogus", "multipart/mixed"}));
            b.body(r.nextBoolean() ? mutatedJson(r, "{\"page\":2,\"bookmark\":\"x\"}", r.nextInt(3)).getBytes(StandardCharsets.UTF_8)
                    : randomBytes(r, 200));
        }
    }

    private void xapiActivitiesAgents(Random r, Builder b) {
        if (r.nextBoolean()) {
            b.path("/xapi/activities" + query("activityId", r.nextBoolean() ? targets.activityId() : pick(r, STRINGS)));
        } else {
            b.path("/xapi/agents" + query("agent", mutatedJson(r, targets.agentJson(), r.nextInt(3))));
        }
        b.xapi(r, version(r)).method(r.nextInt(6) == 0 ? "POST" : "GET");
    }

    private void alternateSyntax(Random r, Builder b) {
        String method = pick(r, new String[] {"PUT", "POST", "GET", "DELETE", "HEAD", "put", "PATCH", "", "%zz"});
        List<String> fields = new ArrayList<>();
        if (r.nextInt(4) > 0) {
            fields.add("Authorization=" + enc(r.nextInt(5) == 0 ? "Basic " + b64("nobody:x") : targets.xapiAuthorization()));
        }
        if (r.nextInt(4) > 0) {
            fields.add("X-Experience-API-Version=" + enc(r.nextInt(5) == 0 ? "2.0.0" : "1.0.3"));
        }
        if (r.nextBoolean()) {
            fields.add("Content-Type=" + enc(pick(r, new String[] {"application/json", "text/plain", "multipart/mixed"})));
        }
        if (r.nextBoolean()) {
            fields.add("statementId=" + enc(r.nextBoolean() ? UUID.randomUUID().toString() : pick(r, STRINGS)));
        }
        fields.add("content=" + (r.nextInt(5) == 0 ? pick(r, new String[] {"%zz", "%", "%u0041", "%E0%A4%A"})
                : enc(mutatedJson(r, STATEMENT, r.nextInt(3)))));
        if (r.nextInt(4) == 0) {
            fields.add(pick(r, new String[] {"%zz=1", "=", "&&&", "a=%", "limit=" + enc(pick(r, STRINGS))}));
        }
        String methodQuery = r.nextInt(8) == 0 ? "method=" + method + "&extra=1" : "method=" + enc(method);
        b.method(r.nextInt(10) == 0 ? "PUT" : "POST").path("/xapi/statements?" + methodQuery)
                .header("Content-Type", r.nextInt(8) == 0 ? "text/plain" : "application/x-www-form-urlencoded")
                .body(String.join("&", fields));
    }

    private void xapiMultipart(Random r, Builder b) {
        String boundary = pick(r, new String[] {"b", "xapi-fuzz", "", "\"quoted\"", "a".repeat(100)});
        String attachment = "hello attachment";
        String sha = sha256(attachment);
        String statement = STATEMENT.replace("\"timestamp\"", "\"attachments\":[{\"usageType\":\"http://example.com/u\","
                + "\"display\":{\"en-US\":\"a\"},\"contentType\":\"text/plain\",\"length\":16,\"sha2\":\"" + sha + "\"}],"
                + "\"timestamp\"");
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append("\r\nContent-Type: application/json\r\n\r\n")
                .append(r.nextInt(3) == 0 ? mutatedJson(r, statement, 1) : statement).append("\r\n");
        if (r.nextInt(4) > 0) {
            body.append("--").append(boundary).append("\r\n");
            if (r.nextBoolean()) {
                body.append("Content-Type: text/plain\r\n");
            }
            if (r.nextInt(4) > 0) {
                body.append("Content-Transfer-Encoding: ").append(r.nextInt(4) == 0 ? "base64" : "binary").append("\r\n");
            }
            if (r.nextInt(4) > 0) {
                body.append("X-Experience-API-Hash: ").append(r.nextInt(4) == 0 ? pick(r, STRINGS) : sha).append("\r\n");
            }
            body.append("\r\n").append(attachment).append("\r\n");
        }
        if (r.nextInt(4) > 0) {
            body.append("--").append(boundary).append("--");
        }
        String text = r.nextInt(5) == 0 ? truncate(r, body.toString()) : body.toString();
        if (r.nextInt(6) == 0) {
            text = text.replace("\r\n", "\n");
        }
        b.xapi(r, version(r)).method(r.nextInt(5) == 0 ? "PUT" : "POST")
                .path("/xapi/statements" + (r.nextInt(5) == 0 ? "?statementId=" + UUID.randomUUID() : ""))
                .header("Content-Type", pick(r, new String[] {"multipart/mixed; boundary=" + boundary, "multipart/mixed",
                        "multipart/mixed; boundary=", "multipart/form-data; boundary=" + boundary,
                        "multipart/mixed; boundary=" + boundary + "; charset=x"}))
                .body(text);
    }

    private void xapiHeaders(Random r, Builder b) {
        String path = pick(r, new String[] {"/xapi/statements", "/xapi/about", "/xapi/activities/state", "/xapi/agents",
                "/xapi/activities", "/xapi/statements?limit=1", "/xapi/", "/xapi"});
        b.method(pick(r, new String[] {"GET", "POST", "PUT", "OPTIONS", "DELETE", "PATCH", "TRACE"})).path(path);
        b.header("X-Experience-API-Version", pick(r, new String[] {"1.0.3", "2.0.0", "1.0.0", "1.0", "0.95", "3.0.0", "",
                "1.0.3, 2.0.0", pick(r, STRINGS)}));
        b.header("Authorization", authorization(r));
        if (r.nextBoolean()) {
            b.header("Content-Type", pick(r, new String[] {"application/json", "application/json;;", "*/*", "text/html",
                    "application/json; charset=\"", "multipart/mixed; boundary=\"unclosed", pick(r, STRINGS)}));
            b.body(mutatedJson(r, STATEMENT, r.nextInt(2)));
        }
        hostileHeaders(r, b);
    }

    private void rosterCsv(Random r, Builder b) {
        StringBuilder csv = new StringBuilder(r.nextInt(5) == 0 ? "\uFEFF" : "");
        csv.append(pick(r, new String[] {"name,email,roles", "name,email,roles,employee_id,hire_date,supervisor,status,accounts",
                "Name;Email;Roles", "", "name,name,roles", "\"name,email,roles", "email,roles"})).append('\n');
        int rows = r.nextInt(5);
        for (int i = 0; i < rows; i++) {
            List<String> cells = new ArrayList<>();
            int n = 1 + r.nextInt(9);
            for (int c = 0; c < n; c++) {
                String value = r.nextInt(3) == 0 ? pick(r, STRINGS) : "fuzz-" + r.nextInt(100) + "@clinic.example";
                cells.add(switch (r.nextInt(6)) {
                    case 0 -> "\"" + value;
                    case 1 -> "\"" + value + "\"x";
                    case 2 -> "\"" + value.replace("\"", "\"\"") + "\"";
                    default -> value.replace(",", ";").replace("\n", " ");
                });
            }
            csv.append(String.join(",", cells)).append(r.nextInt(4) == 0 ? "\r\n" : "\n");
        }
        b.admin(r).method("POST").path("/api/roster/import" + (r.nextInt(4) == 0 ? query("effective", pick(r, STRINGS)) : ""))
                .header("Content-Type", pick(r, new String[] {"text/csv", "text/plain", "text/csv; charset=utf-8", "application/json"}))
                .body(r.nextInt(12) == 0 ? randomBytes(r, 300) : csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void adminJson(Random r, Builder b) {
        String person = r.nextInt(4) == 0 ? pick(r, STRINGS) : targets.personId();
        String[][] endpoints = {
                {"POST", "/api/roster/people", "{\"name\":\"Fuzz Person\",\"email\":\"fz@clinic.example\",\"roles\":[\"everyone\"],"
                        + "\"hireDate\":\"2026-01-01\",\"accounts\":[\"https://lms.example|1\"]}"},
                {"PUT", "/api/roster/people/" + person, "{\"name\":\"Fuzz Person\",\"roles\":[\"everyone\"]}"},
                {"PUT", "/api/roster/people/" + person + "/roles", "{\"roles\":[\"front-desk\"],\"effective\":\"2026-01-01\"}"},
                {"PUT", "/api/roster/people/" + person + "/status", "{\"status\":\"ON_LEAVE\",\"effective\":\"2026-01-01\"}"},
                {"POST", "/api/roster/people/" + person + "/identities", "{\"account\":{\"homePage\":\"https://lms.example\",\"name\":\"fz\"}}"},
                {"POST", "/api/compliance/people/" + person + "/remedial-actions", "{\"moduleId\":\"privacy\",\"date\":\"2026-01-01\",\"action\":\"x\"}"},
                {"POST", "/api/compliance/modules/privacy/releases", "{\"version\":\"9.9.9\",\"date\":\"2026-01-01\",\"material\":false,\"summary\":\"s\"}"},
                {"PUT", "/api/compliance/requirements/roles/front-desk", "{\"modules\":[\"privacy\"]}"},
                {"PUT", "/api/compliance/requirements/retraining-days", "{\"retrainingDays\":365}"},
                {"PUT", "/api/compliance/activity-mappings", "{\"activityIri\":\"https://lms.example/a\",\"moduleId\":\"privacy\",\"completionCounts\":true}"},
                {"POST", "/api/admin/clients", "{\"name\":\"fuzz\",\"scopes\":[\"statements/read\"]}"},
                {"POST", "/api/lti/platforms", "{\"name\":\"p\",\"issuer\":\"https://lms.example\",\"clientId\":\"c\",\"deploymentIds\":[\"d\"],"
                        + "\"authLoginUrl\":\"https://lms.example/auth\",\"tokenUrl\":\"http://127.0.0.1:1/token\",\"jwksUrl\":\"http://127.0.0.1:1/jwks\"}"},
                {"POST", "/api/lti/platforms/" + pick(r, STRINGS).replace("/", "") + "/import-members",
                        "{\"contextMembershipsUrl\":\"http://127.0.0.1:1/m\",\"role\":\"everyone\"}"},
                {"POST", "/api/cmi5/registrations", "{\"courseId\":\"module-privacy\",\"actor\":" + targets.agentJson() + "}"},
                {"POST", "/api/cmi5/registrations/" + targets.registrationId() + "/launch", "{\"auId\":\"privacy\",\"returnUrl\":\"https://lms.example\"}"},
                {"POST", "/api/cmi5/registrations/" + targets.registrationId() + "/waive", "{\"auId\":\"x\",\"reason\":\"Tested Out\"}"},
        };
        String[] endpoint = endpoints[r.nextInt(endpoints.length)];
        String body = r.nextInt(10) == 0 ? deepArray(r) : mutatedJson(r, endpoint[2], 1 + r.nextInt(3));
        b.admin(r).method(endpoint[0]).path(safePath(endpoint[1]))
                .header("Content-Type", r.nextInt(10) == 0 ? pick(r, STRINGS) : "application/json").body(body);
    }

    private void reportDates(Random r, Builder b) {
        String[] paths = {"/api/reports/status.csv", "/api/reports/training-records.csv", "/api/reports/roster.csv",
                "/api/reports/audit.pdf", "/api/compliance/status", "/api/compliance/overview", "/api/compliance/people/"
                + targets.personId() + "/status", "/api/compliance/people/" + targets.personId() + "/transcript",
                "/api/reports/certificates/" + targets.statementId() + ".pdf", "/admin/overdue", "/admin/people",
                "/admin/people/" + targets.personId(), "/api/compliance/activity-mappings/unmapped", "/api/packages",
                "/api/compliance/modules/privacy/releases"};
        String path = paths[r.nextInt(paths.length)];
        if (path.endsWith("audit.pdf") && r.nextInt(3) > 0) {
            path = "/api/reports/training-records.csv"; // the PDF is slow to make: fewer of them
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : new String[] {"from", "to", "on", "role", "module", "state", "overdue", "person", "q"}) {
            if (r.nextInt(4) == 0) {
                params.put(name, r.nextBoolean() ? hostileDate(r) : pick(r, STRINGS));
            }
        }
        b.admin(r).method("GET").path(safePath(path) + query(params)).header("Accept", pick(r, new String[] {"*/*",
                "text/html", "application/json", "text/csv", "application/pdf", "image/png"}));
    }

    private void cmi5Upload(Random r, Builder b) {
        byte[] zip = switch (r.nextInt(7)) {
            case 0 -> randomBytes(r, 2_000);
            case 1 -> java.util.Arrays.copyOf(targets.validCmi5Zip(), r.nextInt(targets.validCmi5Zip().length));
            case 2 -> zip(r, Map.of("../evil.html", "x", "cmi5.xml", "<courseStructure/>"));
            case 3 -> zip(r, Map.of("cmi5.xml", mutatedXml(r)));
            case 4 -> zeros(r);
            case 5 -> zip(r, Map.of("cmi5.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
            default -> targets.validCmi5Zip();
        };
        Map<String, String> params = new LinkedHashMap<>();
        if (r.nextBoolean()) {
            params.put("courseId", r.nextBoolean() ? "fuzz-" + r.nextInt(3) : pick(r, STRINGS));
        }
        if (r.nextBoolean()) {
            b.admin(r).method("POST").path("/api/cmi5/courses" + query(params))
                    .header("Content-Type", pick(r, new String[] {"application/zip", "application/octet-stream", "application/x-zip-compressed"}))
                    .body(zip);
            return;
        }
        String boundary = "fuzzboundary" + r.nextInt(1000);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + (r.nextInt(6) == 0 ? "zip" : "file")
                + "\"; filename=\"" + pick(r, new String[] {"c.zip", "../../c.zip", "", "\u0000.zip", "c\".zip"})
                + "\"\r\nContent-Type: application/zip\r\n\r\n");
        body.writeBytes(zip);
        if (r.nextInt(4) > 0) {
            write(body, "\r\n--" + boundary + "--\r\n");
        }
        b.admin(r).method("POST").path("/api/cmi5/courses" + query(params))
                .header("Content-Type", pick(r, new String[] {"multipart/form-data; boundary=" + boundary, "multipart/form-data",
                        "multipart/form-data; boundary=other", "multipart/form-data; boundary="}))
                .body(body.toByteArray());
    }

    private void paths(Random r, Builder b) {
        String[] paths = {"/cmi5/content/module-privacy/../../admin", "/cmi5/content/%2e%2e/%2e%2e/etc/passwd",
                "/cmi5/content/module-privacy/" + pick(r, STRINGS).replace(" ", "%20"), "/cmi5/content/x", "/verify/x",
                "/verify/" + UUID.randomUUID(), "/api/packages/../../pom.xml", "/api/packages/x.zip", "/api/packages/%00.zip",
                "/api/roster/people/%2F", "/api/admin/clients/x", "/admin/people/..;/x", "/admin//people", "/assets/../application.yml",
                "/webjars/chart.js/x", "/error", "/error?x=1", "/lti/jwks", "/api/openapi", "/api/docs", "/xapi/about?x=%zz".replace("%zz", "%25zz"),
                "/admin/people/;jsessionid=x", "/api/cmi5/courses/" + "a".repeat(3000), "/api/lti/keys/" + UUID.randomUUID(),
                "/api/compliance/modules/privacy/releases/9.9.9", "/api/compliance/requirements/roles/nope",
                "/api/admin/sign-in-locks?id=" + enc(pick(r, STRINGS)), "/login?error", "/admin/sign-in-locks",
                "/api/forwarding/targets", "/api/forwarding/targets/" + enc(pick(r, STRINGS)).replace("%", "x"),
                "/admin/forwarding/" + enc(pick(r, STRINGS)).replace("%", "x")};
        b.method(pick(r, new String[] {"GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"}))
                .path(safePath(paths[r.nextInt(paths.length)]));
        if (r.nextInt(3) > 0) {
            b.admin(r);
        }
        if (r.nextInt(4) == 0) {
            b.header("Content-Type", "application/json").body(mutatedJson(r, "{\"a\":1}", 1));
        }
    }

    private void forms(Random r, Builder b) {
        String[][] forms = {
                {"/login", "username=" + enc(pick(r, STRINGS)) + "&password=x"},
                {"/lti/login", "iss=" + enc(pick(r, STRINGS)) + "&login_hint=" + enc(pick(r, STRINGS)) + "&target_link_uri="
                        + enc(pick(r, STRINGS)) + "&client_id=" + enc(pick(r, STRINGS))},
                {"/lti/launch", "id_token=" + enc(r.nextBoolean() ? pick(r, STRINGS) : b64("{\"alg\":\"none\"}") + "." + b64("{}") + ".")
                        + "&state=" + enc(pick(r, STRINGS))},
                {"/lti/deep-link", "token=" + enc(pick(r, STRINGS)) + "&item=" + enc(pick(r, STRINGS))},
                {"/cmi5/fetch/" + UUID.randomUUID() + "/" + enc(pick(r, STRINGS)).replace("%", "x"), ""},
                {"/admin/people/" + targets.personId() + "/remedial-actions", "action=" + enc(pick(r, STRINGS)) + "&date="
                        + enc(hostileDate(r)) + "&moduleId=" + enc(pick(r, STRINGS))},
                {"/admin/modules/privacy/releases", "version=" + enc(pick(r, STRINGS)) + "&date=" + enc(hostileDate(r))},
                {"/admin/lms-activities/map", "activityIri=" + enc(pick(r, STRINGS)) + "&moduleId=" + enc(pick(r, STRINGS))
                        + "&completionCounts=" + enc(pick(r, STRINGS))},
                {"/admin/lms-activities/unmap", "activityIri=" + enc(pick(r, STRINGS))},
                {"/admin/lti/platforms", "name=" + enc(pick(r, STRINGS)) + "&issuer=" + enc(pick(r, STRINGS))},
                {"/admin/sign-in-locks/lift", "id=" + enc(pick(r, STRINGS))},
                {"/admin/forwarding/" + enc(pick(r, STRINGS)).replace("%", "x") + "/replay", "from=" + enc(hostileDate(r))},
        };
        String[] form = forms[r.nextInt(forms.length)];
        String body = r.nextInt(6) == 0 ? form[1] + "&" + pick(r, new String[] {"%zz=1", "a=%", "=", "%"}) : form[1];
        b.method(r.nextInt(8) == 0 ? "GET" : "POST").path(form[0])
                .header("Content-Type", r.nextInt(8) == 0 ? "multipart/form-data; boundary=x" : "application/x-www-form-urlencoded")
                .body(body);
        if (form[0].startsWith("/admin")) {
            b.admin(r);
        }
    }

    private void headers(Random r, Builder b) {
        String[] paths = {"/admin", "/api/roster/people", "/api/reports/status.csv", "/login", "/xapi/about",
                "/api/compliance/overview", "/lti/jwks", "/verify/" + targets.statementId(), "/api/packages"};
        String path = paths[r.nextInt(paths.length)];
        b.method(pick(r, new String[] {"GET", "HEAD", "OPTIONS"})).path(path);
        if (path.startsWith("/xapi") || r.nextInt(4) == 0) {
            b.header("Authorization", authorization(r));
        } else {
            b.admin(r);
        }
        hostileHeaders(r, b);
    }

    /** What usual clients refuse to send: broken request lines, bad escapes, chunking and header syntax errors. */
    private void raw(Random r, Builder b) {
        String auth = "Authorization: " + (r.nextBoolean() ? targets.adminAuthorization() : targets.xapiAuthorization()) + "\r\n";
        String json = mutatedJson(r, STATEMENT, 1);
        String request = switch (r.nextInt(12)) {
            case 0 -> "GET /xapi/statements?since=%zz HTTP/1.1\r\nHost: x\r\nX-Experience-API-Version: 1.0.3\r\n" + auth + "\r\n";
            case 1 -> "POST /xapi/statements?method=PUT&statementId=%zz HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 9\r\n\r\ncontent=%";
            case 2 -> "POST /xapi/statements HTTP/1.1\r\nHost: x\r\nX-Experience-API-Version: 1.0.3\r\n" + auth
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + json + "\r\n0\r\n\r\n";
            case 3 -> "POST /xapi/statements HTTP/1.1\r\nHost: x\r\nX-Experience-API-Version: 1.0.3\r\n" + auth
                    + "Content-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 50\r\n\r\n" + json;
            case 4 -> "GET /admin/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n";
            case 5 -> "GET /api/roster/people/%00 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
            case 6 -> "GET /xapi/statements HTTP/1.1\r\nHost: x\r\nX-Experience-API-Version: 1.0.3\r\n" + auth
                    + "Accept-Language: " + "x,".repeat(2000) + "\r\n\r\n";
            case 7 -> "BREW /xapi/about HTTP/1.1\r\nHost: x\r\n\r\n";
            case 8 -> "GET /xapi/about HTTP/9.9\r\nHost: x\r\n\r\n";
            case 9 -> "GET /api/reports/status.csv?on=%2B999999999-12-31 HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
            case 10 -> "POST /api/roster/import HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: text/csv\r\nContent-Length: 21\r\n\r\n"
                    + "name,email,roles\n\"a,b";
            default -> "GET /xapi/statements HTTP/1.1\r\nHost: x\r\nX-Experience-API-Version: 1.0.3\r\nAuthorization: Basic "
                    + pick(r, new String[] {"%%%", "", "Og==", b64(":"), b64("a".repeat(3000) + ":b"), "\u00ff"}) + "\r\n\r\n";
        };
        // every raw request asks for the connection to close after the answer, so reading to the end ends
        int head = request.indexOf("\r\n") + 2;
        b.raw((request.substring(0, head) + "Connection: close\r\n" + request.substring(head)).getBytes(StandardCharsets.ISO_8859_1));
    }

    // ---- pieces

    private void hostileHeaders(Random r, Builder b) {
        String[][] headers = {{"Accept", "*/*;q=x"}, {"Accept", "text/html, application/json;q=0.5"}, {"Accept", "\u00ff"},
                {"Accept-Language", "x".repeat(5000)}, {"Accept-Language", "en-US;q=2, *;q=-1"}, {"Accept-Language", ",,,;;;"},
                {"If-Match", "\"\"\""}, {"If-None-Match", "*, \"a\""}, {"Range", "bytes=9999999999-"},
                {"X-Forwarded-For", "evil, 1.2.3.4, \u00ff"}, {"X-Forwarded-Host", "evil.example"}, {"X-Forwarded-Proto", "gopher"},
                {"X-Forwarded-Port", "99999999"}, {"Origin", "null"}, {"Origin", "https://evil.example"},
                {"Access-Control-Request-Method", "DELETE"}, {"Cookie", "JSESSIONID=" + "a".repeat(200)},
                {"Cookie", "JSESSIONID=\u00ff; XSRF-TOKEN=x"}, {"X-CSRF-TOKEN", pick(r, STRINGS)}, {"Sec-Fetch-Site", "cross-site"},
                {"Content-Type", "multipart/form-data; boundary="}, {"If-Modified-Since", "yesterday"},
                {"X-Experience-API-Version", pick(r, STRINGS)}};
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            String[] h = headers[r.nextInt(headers.length)];
            b.header(h[0], h[1]);
        }
    }

    /** Mostly good credentials: every wrong one costs the server a deliberately slow hash check (and the run time). */
    private String authorization(Random r) {
        return switch (r.nextInt(14)) {
            case 0, 1, 2, 8, 9, 10 -> targets.xapiAuthorization();
            case 3, 11, 12 -> targets.adminAuthorization();
            case 4 -> "Basic " + b64("unknown-" + r.nextInt(1_000_000) + ":x");
            case 5 -> "Basic " + pick(r, new String[] {"", "%%%", "Og==", b64("nocolon"), "a".repeat(3000)});
            case 6 -> "Bearer " + pick(r, STRINGS);
            case 7 -> pick(r, STRINGS);
            default -> "Basic " + b64("launch.x:" + pick(r, STRINGS));
        };
    }

    private static String version(Random r) {
        return r.nextInt(10) == 0 ? pick(r, new String[] {"", "1.0", "2.0", "0.9", "3.0.0"}) : r.nextBoolean() ? "1.0.3" : "2.0.0";
    }

    /** A JSON text with {@code mutations} random changes: values of the wrong kind, keys removed or added, nesting. */
    static String mutatedJson(Random r, String json, int mutations) {
        JsonNode root;
        try {
            root = XapiJson.MAPPER.readTree(json);
        } catch (RuntimeException e) {
            return json;
        }
        for (int i = 0; i < mutations; i++) {
            root = mutate(r, root);
        }
        String text = XapiJson.write(root);
        if (r.nextInt(20) == 0 && text.startsWith("{\"")) {
            int end = text.indexOf("\":", 2);
            if (end > 0) {
                String firstKey = text.substring(1, end + 2);
                text = "{" + firstKey + "1," + text.substring(1); // a duplicate key
            }
        }
        return text;
    }

    private static JsonNode mutate(Random r, JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty() || r.nextInt(12) == 0) {
            return hostileValue(r);
        }
        JsonNode target = containers.get(r.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>(object.propertyNames());
            switch (r.nextInt(4)) {
                case 0 -> {
                    if (!keys.isEmpty()) {
                        object.remove(keys.get(r.nextInt(keys.size())));
                    }
                }
                case 1 -> object.set(pick(r, new String[] {"$ne", "a.b", "Actor", "objectType", "id", "bogus", "", "\u0000"}),
                        hostileValue(r));
                default -> {
                    if (!keys.isEmpty()) {
                        object.set(keys.get(r.nextInt(keys.size())), hostileValue(r));
                    }
                }
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || r.nextBoolean()) {
                array.add(hostileValue(r));
            } else {
                array.set(r.nextInt(array.size()), hostileValue(r));
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainer()) {
            into.add(node);
            node.values().forEach(child -> collect(child, into));
        }
    }

    private static JsonNode hostileValue(Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(11)) {
            case 0 -> f.nullNode();
            case 1 -> f.numberNode(r.nextBoolean() ? Long.MAX_VALUE : -r.nextInt());
            case 2 -> f.numberNode(new java.math.BigDecimal("1e" + (r.nextInt(700) - 350)));
            case 3 -> f.booleanNode(r.nextBoolean());
            case 4 -> f.arrayNode().add(f.stringNode(pick(r, STRINGS)));
            case 5 -> f.objectNode().put("$ne", (String) null);
            case 6 -> {
                JsonNode deep = f.stringNode("x");
                for (int i = 0; i < 40 + r.nextInt(40); i++) {
                    deep = f.arrayNode().add(deep);
                }
                yield deep;
            }
            case 7 -> f.objectNode().put("mbox", pick(r, STRINGS)).put("objectType", pick(r, new String[] {"Agent", "Group", "x"}));
            default -> f.stringNode(pick(r, STRINGS));
        };
    }

    private static String deepArray(Random r) {
        int depth = 600 + r.nextInt(5000);
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String hostileTimestamp(Random r) {
        String[] forms = {"2026-01-01T00:00:00." + "9".repeat(1 + r.nextInt(30)) + "Z", "2026-13-01T00:00:00Z",
                "+10000-01-01T00:00:00Z", "2026-01-01T00:00:00-00:00", "2026-01-01T23:59:60Z", "2026-01-01T10:15:60Z",
                "20260101T101530,5+0530", "2026-01-01", "2026-01-01T00:00:00+24:00", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999-12:00"};
        return pick(r, forms);
    }

    private static String hostileDate(Random r) {
        return pick(r, new String[] {"+999999999-12-31", "-999999999-01-01", "+10000-01-01", "0000-01-01", "0001-01-01",
                "9999-12-31", "2026-02-29", "2024-02-29", "2026-1-1", "01/02/2026", "2026-01-01T00:00:00Z", "-1"});
    }

    private String mutatedXml(Random r) {
        String xml = "<?xml version=\"1.0\"?><courseStructure xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\">"
                + "<course id=\"https://example.com/c\"><title><langstring lang=\"en\">T</langstring></title></course>"
                + "<au id=\"https://example.com/au\" moveOn=\"" + pick(r, new String[] {"Passed", "x", ""}) + "\" masteryScore=\""
                + pick(r, new String[] {"0.8", "2", "-1", "NaN", ""}) + "\"><title><langstring lang=\"en\">A</langstring></title>"
                + "<url>" + pick(r, new String[] {"index.html", "javascript:alert(1)", "../x", "", "https://evil.example"})
                + "</url></au></courseStructure>";
        return r.nextInt(4) == 0 ? truncate(r, xml) : xml;
    }

    private static byte[] zip(Random r, Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A small zip that unpacks to up to 64 MB of zeros. */
    private static byte[] zeros(Random r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("cmi5.xml"));
            out.write("<courseStructure/>".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0, n = 1 + r.nextInt(64); i < n; i++) {
                out.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String truncate(Random r, String text) {
        return text.isEmpty() ? text : text.substring(0, r.nextInt(text.length()));
    }

    private static String flip(Random r, String text) {
        char[] chars = text.toCharArray();
        int i = r.nextInt(chars.length);
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static byte[] randomBytes(Random r, int max) {
        byte[] bytes = new byte[r.nextInt(max + 1)];
        r.nextBytes(bytes);
        return bytes;
    }

    private static String query(String name, String value) {
        return "?" + enc(name) + "=" + enc(value);
    }

    private static String query(Map<String, String> params) {
        return params.isEmpty() ? "" : "?" + params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** A path the HTTP client accepts: characters outside URI syntax percent-encoded, escapes kept. */
    private static String safePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte c : path.getBytes(StandardCharsets.UTF_8)) {
            int ch = c & 0xff;
            boolean allowed = ch > 32 && ch < 127 && "\"<>\\^`{|} ".indexOf(ch) < 0;
            out.append(allowed ? String.valueOf((char) ch) : String.format("%%%02X", ch));
        }
        return out.toString().replaceAll("%(?![0-9A-Fa-f]{2})", "%25");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** Builds a request; credentials, when chosen, come first so a family's own headers can override them. */
    private final class Builder {
        private final int index;
        private final String family;
        private String method = "GET";
        private String path = "/";
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body;
        private byte[] raw;

        Builder(int index, String family) {
            this.index = index;
            this.family = family;
        }

        Builder xapi(Random r, String version) {
            if (!version.isEmpty()) {
                header("X-Experience-API-Version", version);
            }
            return header("Authorization", r.nextInt(25) == 0 ? authorization(r) : targets.xapiAuthorization());
        }

        /** An admin's request: mostly the signed-in page session with its CSRF token (Basic costs a slow hash check each time). */
        Builder admin(Random r) {
            int how = r.nextInt(25);
            if (how == 0) {
                return header("Authorization", authorization(r));
            }
            if (how < 6) {
                return header("Authorization", targets.adminAuthorization());
            }
            return header("Cookie", targets.adminSessionCookie()).header("X-CSRF-TOKEN", targets.adminCsrfToken());
        }

        Builder method(String method) {
            this.method = method;
            return this;
        }

        Builder path(String path) {
            this.path = path;
            return this;
        }

        Builder header(String name, String value) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            headers.add(new String[] {name, value});
            return this;
        }

        Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        Builder body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        Builder raw(byte[] bytes) {
            this.raw = bytes;
            return this;
        }

        Request build() {
            return new Request(index, family, method, path, headers, body, raw);
        }
    }
}
