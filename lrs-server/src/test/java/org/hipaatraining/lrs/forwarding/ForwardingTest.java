package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hipaatraining.lrs.support.XapiHttp.json;
import static org.hipaatraining.lrs.support.XapiHttp.params;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.hipaatraining.lrs.LrsApplication;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.PracticeFixture;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.TestMongo;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Forwarding end to end. Statements: two forwarding instances (B and C, on a database of their own, so that only
 * they deliver) send to a second LRS (the test's own server) through a {@link ScriptedReceiver} that fails, throttles, loses answers and
 * times out on a schedule, or to an NDJSON endpoint. Webhooks: the test's own server finds compliance events.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForwardingTest extends LrsIntegrationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ACTIVITIES = "https://hipaa-training.org/xapi/activities/test/fwd-" + RUN + "/";

    private static ConfigurableApplicationContext b;
    private static ConfigurableApplicationContext c;
    private static ScriptedReceiver scripted;

    @Autowired
    ComplianceEventLog eventLog;

    @BeforeAll
    static void start() throws Exception {
        String store = "lrs-fwd-" + RUN;
        // started side by side: each instance's start-up is mostly waiting on its own
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> instance(store));
        b = instance(store);
        c = second.get(120, java.util.concurrent.TimeUnit.SECONDS);
        scripted = new ScriptedReceiver();
    }

    private static ConfigurableApplicationContext instance(String database) {
        return new SpringApplicationBuilder(LrsApplication.class).run("--server.port=0",
                "--spring.mongodb.uri=" + TestMongo.uri(database), "--lrs.bootstrap.client-key=" + KEY,
                "--lrs.bootstrap.client-secret=" + SECRET, "--lrs.bootstrap.admin-password=" + ADMIN_PASSWORD,
                "--lrs.xapi.consistency-window=0s", "--lrs.forwarding.poll-interval=200ms", "--lrs.forwarding.settle=200ms",
                "--lrs.forwarding.backoff-base=200ms", "--lrs.forwarding.backoff-max=1s",
                "--lrs.forwarding.request-timeout=2s", "--lrs.forwarding.lease=4s", "--lrs.forwarding.round-time=2s",
                "--lrs.compliance.status-pass-interval=1h", "--lrs.notifications.pass-interval=1h",
                "--lrs.forwarding.secret-key=" + FORWARDING_KEY);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[]{b, c}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
        if (scripted != null) {
            scripted.close();
        }
    }

    private static URI base(ConfigurableApplicationContext context) {
        return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static XapiHttp xapiOf(ConfigurableApplicationContext context) {
        return XapiHttp.basic(base(context), KEY, SECRET);
    }

    private static XapiHttp adminOf(URI base) {
        return XapiHttp.basic(base, "admin", ADMIN_PASSWORD);
    }

    private static JsonNode create(XapiHttp admin, String body) {
        HttpResponse<String> created = admin.postJson("/api/forwarding/targets", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private static String lrsTarget(String name, URI url, String activities) {
        return """
                {"name": "%s", "kind": "XAPI_LRS", "url": "%s/xapi", "xapiVersion": "1.0.3",
                 "credentials": {"kind": "BASIC", "username": "%s", "secret": "%s"},
                 "selection": {"activities": ["%s*"]}}
                """.formatted(name, url, KEY, SECRET, activities);
    }

    /** Posts {@code count} statements of one learner in POSTs of 1 to 4, alternately to each instance; their ids. */
    private static List<String> post(String mbox, String activities, int count, XapiHttp... to) {
        List<String> ids = new ArrayList<>();
        for (int i = 0, request = 0; i < count; request++) {
            int size = Math.min(count - i, 1 + request % 4);
            StringBuilder batch = new StringBuilder("[");
            for (int j = 0; j < size; j++, i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                batch.append(j == 0 ? "" : ",").append(Statements.completed(id, mbox, Statements.COMPLETED,
                        activities + "a" + i, UUID.randomUUID().toString()));
            }
            HttpResponse<String> posted = to[request % to.length].postJson("/xapi/statements", batch.append(']').toString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        }
        return ids;
    }

    /** Every statement of a learner on an LRS, in its stored order: ids and stored times. */
    private static List<JsonNode> storedOn(XapiHttp lrs, String mbox) {
        List<JsonNode> all = new ArrayList<>();
        JsonNode page = json(lrs.get("/xapi/statements", params("agent", Statements.agent(mbox), "ascending", "true",
                "limit", "500")));
        page.get("statements").forEach(all::add);
        return all;
    }

    private static List<String> ids(List<JsonNode> statements) {
        return statements.stream().map(s -> s.get("id").asString()).toList();
    }

    @Test
    @Order(1)
    void everyStatementReachesTheOtherLrsOnceAndInOrderThroughFailuresThrottlingAndTimeouts() throws Exception {
        URI lrs = scripted.at("/lrs1", xapi.base(), ScriptedReceiver.Act.FAIL_500, ScriptedReceiver.Act.THROTTLE_429,
                ScriptedReceiver.Act.STORE_THEN_500, ScriptedReceiver.Act.PASS, ScriptedReceiver.Act.STORE_THEN_TIME_OUT,
                ScriptedReceiver.Act.PASS, ScriptedReceiver.Act.FAIL_500);
        String activities = ACTIVITIES + "lrs1/";
        XapiHttp admin = adminOf(base(b));
        String id = create(admin, lrsTarget("R through a flaky network", lrs, activities)).get("target").get("id").asString();
        String mbox = XapiHttp.uniqueMbox();
        XapiHttp onB = xapiOf(b);

        List<String> posted = new ArrayList<>(post(mbox, activities, 30, onB, xapiOf(c)));
        // a voiding statement goes too, and voids on the receiver as here
        String voided = posted.get(2);
        String voiding = UUID.randomUUID().toString();
        assertThat(onB.postJson("/xapi/statements", """
                {"id": "%s", "actor": {"mbox": "%s"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "%s"}}""".formatted(voiding, mbox, voided)).statusCode())
                .isEqualTo(200);
        String withAttachment = postWithAttachment(onB, mbox, activities + "certificate");
        String signed = postSigned(xapiOf(c), mbox, activities + "acknowledgement");
        posted.addAll(post(mbox, activities, 10, onB, xapiOf(c)));

        List<String> expected = new ArrayList<>(ids(storedOn(onB, mbox))); // the source's stored order, voided aside
        assertThat(expected).hasSize(posted.size() + 3 - 1);
        XapiHttp onR = xapi;
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250))
                .until(() -> storedOn(onR, mbox).size() == expected.size());

        List<JsonNode> received = storedOn(onR, mbox);
        assertThat(ids(received)).containsExactlyInAnyOrderElementsOf(expected);
        // in order as the receiver sees it: each statement stored there no earlier than the one before it here
        List<Instant> storedThere = expected.stream().map(s -> received.stream().filter(r -> r.get("id").asString().equals(s))
                .findFirst().orElseThrow().get("stored").asString()).map(Instant::parse).toList();
        for (int i = 1; i < storedThere.size(); i++) {
            assertThat(storedThere.get(i)).as("statement %d of %d", i, storedThere.size()).isAfterOrEqualTo(storedThere.get(i - 1));
        }
        assertThat(onR.get("/xapi/statements", params("voidedStatementId", voided)).statusCode()).isEqualTo(200);
        assertThat(onR.get("/xapi/statements", params("statementId", voided)).statusCode()).isEqualTo(404);
        HttpResponse<byte[]> attachment = onR.getBytes("/xapi/statements", params("statementId", withAttachment,
                "attachments", "true"));
        assertThat(new String(attachment.body(), StandardCharsets.ISO_8859_1)).contains(CERTIFICATE);
        HttpResponse<byte[]> signature = onR.getBytes("/xapi/statements", params("statementId", signed, "attachments", "true"));
        assertThat(new String(signature.body(), StandardCharsets.ISO_8859_1)).contains("application/octet-stream")
                .contains("http://adlnet.gov/expapi/attachments/signature");

        // the receiver may hold every statement before the sender knows: an answer lost after storing is sent again
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
                json(admin.get("/api/forwarding/targets/" + id)).get("status").asString().equals("CAUGHT_UP"));
        JsonNode target = json(admin.get("/api/forwarding/targets/" + id));
        assertThat(target.get("delivered").asLong()).isEqualTo(posted.size() + 3);
        assertThat(target.get("failed").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(target.get("status").asString()).isEqualTo("CAUGHT_UP");
        assertThat(target.get("credentials").get("secret").asString()).doesNotContain(SECRET);
        List<Integer> statuses = new ArrayList<>();
        json(admin.get("/api/forwarding/targets/" + id + "/deliveries")).forEach(d -> statuses.add(d.get("status").asInt()));
        assertThat(statuses).contains(200, 500, 429, 0);
    }

    private static final String CERTIFICATE = "certificate of completion " + RUN;

    private static String postWithAttachment(XapiHttp lrs, String mbox, String activity) throws Exception {
        byte[] content = CERTIFICATE.getBytes(StandardCharsets.ISO_8859_1);
        String id = UUID.randomUUID().toString();
        String statement = """
                {"id": "%s", "actor": {"mbox": "%s"}, "verb": {"id": "%s"}, "object": {"id": "%s"},
                 "attachments": [{"usageType": "https://hipaa-training.org/xapi/attachments/certificate",
                   "display": {"en-US": "certificate"}, "contentType": "text/plain", "length": %d, "sha2": "%s"}]}
                """.formatted(id, mbox, Statements.COMPLETED, activity, content.length, sha256(content));
        postMultipart(lrs, statement, "text/plain", content);
        return id;
    }

    /**
     * A statement signed as xAPI signs (RS256 JWS of the statement, as a signature attachment), with no timestamp of
     * its own: the source LRS sets one equal to stored, which the receiving LRS must tell apart from the signer's.
     */
    private static String postSigned(XapiHttp lrs, String mbox, String activity) throws Exception {
        String id = UUID.randomUUID().toString();
        String unsigned = """
                {"id": "%s", "actor": {"mbox": "%s"}, "verb": {"id": "%s"}, "object": {"id": "%s"}}"""
                .formatted(id, mbox, Statements.COMPLETED, activity);
        java.security.KeyPairGenerator keys = java.security.KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.RS256), new com.nimbusds.jose.Payload(unsigned));
        jws.sign(new com.nimbusds.jose.crypto.RSASSASigner(keys.generateKeyPair().getPrivate()));
        byte[] token = jws.serialize().getBytes(StandardCharsets.US_ASCII);
        String signed = unsigned.substring(0, unsigned.lastIndexOf('}')) + """
                , "attachments": [{"usageType": "http://adlnet.gov/expapi/attachments/signature",
                   "display": {"en-US": "signature"}, "contentType": "application/octet-stream", "length": %d, "sha2": "%s"}]}
                """.formatted(token.length, sha256(token));
        postMultipart(lrs, signed, "application/octet-stream", token);
        return id;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static void postMultipart(XapiHttp lrs, String statement, String contentType, byte[] content) {
        String boundary = "fwd-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Type: application/json\r\n\r\n" + statement + "\r\n--" + boundary
                + "\r\nContent-Type: " + contentType + "\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: "
                + sha256Unchecked(content) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> posted = lrs.send("POST", "/xapi/statements", Map.of(), body.toByteArray(),
                "Content-Type", "multipart/mixed; boundary=" + boundary);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    }

    private static String sha256Unchecked(byte[] content) {
        try {
            return sha256(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(2)
    void twoInstancesNeverDeliverTheSameBatchAndTheNdjsonArrivesInStoredOrderSigned() throws Exception {
        URI endpoint = scripted.at("/ndjson", null, ScriptedReceiver.Act.FAIL_500, ScriptedReceiver.Act.PASS,
                ScriptedReceiver.Act.THROTTLE_429, ScriptedReceiver.Act.PASS, ScriptedReceiver.Act.FAIL_500);
        String activities = ACTIVITIES + "ndjson/";
        JsonNode created = create(adminOf(base(c)), """
                {"name": "Warehouse", "kind": "NDJSON", "url": "%s", "selection": {"activities": ["%s*"]}}
                """.formatted(endpoint, activities));
        String secret = created.get("signingSecret").asString();
        String mbox = XapiHttp.uniqueMbox();

        post(mbox, activities, 60, xapiOf(b), xapiOf(c));
        List<String> expected = ids(storedOn(xapiOf(b), mbox));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> lines(scripted.accepted("/ndjson")).size() >= expected.size());

        assertThat(lines(scripted.accepted("/ndjson"))).containsExactlyElementsOf(expected);
        assertThat(scripted.maxInFlight("/ndjson")).isEqualTo(1);
        for (ScriptedReceiver.Received r : scripted.accepted("/ndjson")) {
            long timestamp = Long.parseLong(r.header(WebhookSignature.TIMESTAMP));
            assertThat(WebhookSignature.verify(secret, timestamp, r.body(), r.header(WebhookSignature.SIGNATURE))).isTrue();
        }
    }

    private static List<String> lines(List<ScriptedReceiver.Received> batches) {
        List<String> ids = new ArrayList<>();
        for (ScriptedReceiver.Received r : batches) {
            for (String line : new String(r.body(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    ids.add(parse(line).get("id").asString());
                }
            }
        }
        return ids;
    }

    private static JsonNode parse(String text) {
        return org.hipaatraining.lrs.xapimodel.XapiJson.parse(text, "test");
    }

    @Test
    @Order(3)
    void aKilledInstanceMidBatchLosesNothingAndALeftLeaseIsTakenOverOnceItRunsOut() throws Exception {
        URI lrs = scripted.at("/lrs2", xapi.base(), ScriptedReceiver.Act.STORE_THEN_HANG);
        String activities = ACTIVITIES + "lrs2/";
        String id = create(adminOf(base(b)), lrsTarget("R, killed mid-batch", lrs, activities)).get("target").get("id").asString();
        String mbox = XapiHttp.uniqueMbox();
        List<String> posted = post(mbox, activities, 12, xapiOf(b), xapiOf(c));

        assertThat(scripted.awaitHanging(20)).isTrue();
        TargetStore targets = b.getBean(TargetStore.class);
        String holder = targets.find(id).orElseThrow().state().leaseOwner();
        // the holder, or (its request already timed out and the lease is between tries) either: both are on the target
        ConfigurableApplicationContext killed = c.getBean(ForwardingWorker.class).owner().equals(holder) ? c : b;
        ConfigurableApplicationContext survivor = killed == b ? c : b;
        killed.close();
        scripted.release();

        XapiHttp onR = xapi;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> storedOn(onR, mbox).size() == posted.size());
        assertThat(ids(storedOn(onR, mbox))).containsExactlyInAnyOrderElementsOf(posted);
        // the batch in flight is sent again when the closed instance held it; when the lease had passed to the other
        // instance between tries, the released request itself succeeds: either way every statement arrives once
        assertThat(scripted.all("/lrs2")).as("requests to the receiving LRS").isNotEmpty();

        // an instance that stopped without a word keeps its lease until it runs out; then the survivor takes over
        TargetStore survivors = survivor.getBean(TargetStore.class);
        // (the survivor's own worker takes the lease for a moment at each poll, even with nothing to send: try again)
        java.util.concurrent.atomic.AtomicReference<Instant> left = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            left.set(Instant.now().plusSeconds(3));
            return survivors.claim(id, "left-by-a-crash", "crashed", Instant.now(), left.get()).isPresent();
        });
        Instant leftUntil = left.get();
        String later = XapiHttp.uniqueMbox();
        List<String> more = post(later, activities, 3, xapiOf(survivor));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> storedOn(onR, later).size() == more.size());
        assertThat(Instant.now()).isAfter(leftUntil);
    }

    @Test
    @Order(4)
    void webhooksAreSignedAsDocumentedAndAReplayFromADateSendsExactlyTheEventsSince() throws Exception {
        URI hook = scripted.at("/hooks", null, ScriptedReceiver.Act.FAIL_500);
        XapiHttp admin = adminOf(xapi.base());
        JsonNode created = create(admin, """
                {"name": "HR system", "kind": "WEBHOOK", "url": "%s",
                 "events": ["person.added", "requirement.completed", "requirement.failed"]}""".formatted(hook));
        String id = created.get("target").get("id").asString();
        String secret = created.get("signingSecret").asString();
        assertThat(created.get("target").get("signingSecret").asString()).doesNotContain(secret.substring(6, 20));

        PracticeFixture practice = new PracticeFixture(xapi);
        PracticeFixture.Learner ann = practice.person("Ann Forward", "ann-" + RUN, List.of("everyone"), 10, null);
        practice.send(TrainingStatements.passed(ann.mbox(), ann.name(), "privacy", Instant.now().minusSeconds(60), 0.9));
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsAbout(ann.id()).contains("requirement.completed"));
        assertThat(eventsAbout(ann.id())).startsWith("person.added");

        Instant replayFrom = Instant.now();
        await().atMost(Duration.ofSeconds(2)).until(() -> Instant.now().isAfter(replayFrom.plusMillis(5)));
        PracticeFixture.Learner bo = practice.person("Bo Forward", "bo-" + RUN, List.of("everyone"), 10, null);
        practice.send(TrainingStatements.failed(bo.mbox(), bo.name(), "security", Instant.now().minusSeconds(60), 0.3));
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsAbout(bo.id()).contains("requirement.failed"));

        for (ScriptedReceiver.Received r : scripted.accepted("/hooks")) {
            assertThat(verifiedAsDocumented(secret, r)).as(new String(r.body(), StandardCharsets.UTF_8)).isTrue();
            assertThat(r.header(WebhookSignature.EVENT_ID)).isEqualTo(parse(new String(r.body(), StandardCharsets.UTF_8))
                    .get("id").asString());
        }
        assertThat(new String(scripted.accepted("/hooks").get(0).body(), StandardCharsets.UTF_8))
                .contains("\"email\":\"" + ann.email()).doesNotContain("\"verb\"");

        int before = scripted.accepted("/hooks").size();
        HttpResponse<String> replay = admin.postJson("/api/forwarding/targets/" + id + "/replay", "",
                params("from", replayFrom.toString()));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        List<String> expected = new ArrayList<>();
        eventLog.after(Position.from(replayFrom), 10_000).stream()
                .filter(e -> e.type() != ComplianceEventType.PERSON_COMPLIANT && e.type() != ComplianceEventType.PERSON_OVERDUE)
                .forEach(e -> expected.add(e.id()));
        assertThat(expected).isNotEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> scripted.accepted("/hooks").size() >= before + expected.size());
        List<String> replayed = scripted.accepted("/hooks").subList(before, before + expected.size()).stream()
                .map(r -> r.header(WebhookSignature.EVENT_ID)).toList();
        assertThat(replayed).containsExactlyElementsOf(expected);
        assertThat(new LinkedHashSet<>(replayed)).doesNotContainAnyElementsOf(eventIdsBefore(replayFrom));
    }

    /** The check in docs/forwarding.md: HMAC-SHA256 over "<timestamp>.<body>", hex, after "v1=". */
    private static boolean verifiedAsDocumented(String secret, ScriptedReceiver.Received r) throws Exception {
        String timestamp = r.header("X-Hipaa-Timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(r.body()));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                r.header("X-Hipaa-Signature").getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> eventsAbout(String personId) {
        List<String> types = new ArrayList<>();
        for (ScriptedReceiver.Received r : scripted.accepted("/hooks")) {
            JsonNode event = parse(new String(r.body(), StandardCharsets.UTF_8));
            if (event.path("person").path("id").asString("").equals(personId)) {
                types.add(event.get("type").asString());
            }
        }
        return types;
    }

    private List<String> eventIdsBefore(Instant t) {
        return eventLog.after(Position.from(t.minusSeconds(600)), 10_000).stream().filter(e -> e.at().isBefore(t))
                .map(ComplianceEvent::id).toList();
    }
}
