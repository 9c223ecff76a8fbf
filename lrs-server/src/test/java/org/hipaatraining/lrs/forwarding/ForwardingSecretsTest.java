package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hipaatraining.lrs.support.XapiHttp.json;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.hipaatraining.lrs.support.Statements;
import org.hipaatraining.lrs.support.XapiHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Targets' secrets at rest: encrypted in the database with a key that is not there, plaintext from before migrated
 * at start, and a key that cannot read them is a clear message on the API and the admin page, never a 500 and never
 * a delivery without the credentials or signature.
 */
class ForwardingSecretsTest extends LrsIntegrationTest {

    private static ScriptedReceiver receiver;

    @Autowired
    MongoTemplate mongo;
    @Autowired
    SecretsMigration migration;
    @Autowired
    TargetStore targets;

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private XapiHttp admin() {
        return XapiHttp.basic(xapi.base(), "admin", ADMIN_PASSWORD);
    }

    private MongoCollection<Document> stored() {
        return mongo.getCollection(TargetStore.TARGETS);
    }

    private String create(String body) {
        HttpResponse<String> created = admin().postJson("/api/forwarding/targets", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("target").get("id").asString();
    }

    @Test
    void secretsAreEncryptedInTheDatabaseAndPlaintextFromBeforeIsMigrated() {
        String lrs = create("""
                {"name": "Secret LRS", "kind": "XAPI_LRS", "url": "https://lrs.example/xapi", "xapiVersion": "1.0.3",
                 "credentials": {"kind": "BASIC", "username": "clinic-key", "secret": "clinic-secret-5678"}, "paused": true}""");
        HttpResponse<String> hookCreated = admin().postJson("/api/forwarding/targets", """
                {"name": "Secret hook", "kind": "WEBHOOK", "url": "https://hr.example/hook", "paused": true}""");
        String hook = json(hookCreated).get("target").get("id").asString();
        String signing = json(hookCreated).get("signingSecret").asString();

        Document lrsDoc = stored().find(new Document("_id", lrs)).first();
        String sealed = lrsDoc.get("credentials", Document.class).getString("secret");
        assertThat(sealed).startsWith(SecretsAtRest.PREFIX).doesNotContain("clinic-secret");
        assertThat(stored().find(new Document("_id", hook)).first().getString("signingSecret"))
                .startsWith(SecretsAtRest.PREFIX).doesNotContain(signing.substring(6));
        assertThat(targets.find(lrs).orElseThrow().target().credentials().secret()).isEqualTo("clinic-secret-5678");
        assertThat(targets.find(hook).orElseThrow().target().signingSecret()).isEqualTo(signing);

        // a target stored before secrets were encrypted
        String old = "old-" + UUID.randomUUID().toString().substring(0, 8);
        lrsDoc.put("_id", old);
        lrsDoc.get("credentials", Document.class).put("secret", "plain-old-secret");
        lrsDoc.put("signingSecret", null);
        stored().insertOne(lrsDoc);
        assertThat(targets.find(old).orElseThrow().target().credentials().secret()).as("read as it is").isEqualTo("plain-old-secret");
        assertThat(migration.migrate()).isGreaterThanOrEqualTo(1);
        assertThat(stored().find(new Document("_id", old)).first().get("credentials", Document.class).getString("secret"))
                .startsWith(SecretsAtRest.PREFIX);
        assertThat(targets.find(old).orElseThrow().target().credentials().secret()).isEqualTo("plain-old-secret");
        assertThat(migration.migrate()).as("nothing left to do").isZero();
        for (String id : new String[]{lrs, hook, old}) {
            assertThat(admin().delete("/api/forwarding/targets/" + id, java.util.Map.of()).statusCode()).isEqualTo(204);
        }
    }

    @Test
    void secretsStoredWithAnotherKeyAreAClearErrorAndNothingIsSent() throws Exception {
        receiver = new ScriptedReceiver();
        URI endpoint = receiver.at("/wrong-key", null);
        String mbox = XapiHttp.uniqueMbox();
        String statementId = UUID.randomUUID().toString();
        assertThat(xapi.postJson("/xapi/statements", Statements.completed(statementId, mbox, Statements.COMPLETED,
                "https://hipaa-training.org/xapi/activities/test/secrets/" + UUID.randomUUID(), UUID.randomUUID().toString()))
                .statusCode()).isEqualTo(200);
        String id = create("""
                {"name": "Warehouse", "kind": "NDJSON", "url": "%s", "startFrom": "beginning", "paused": true,
                 "credentials": {"kind": "BEARER", "secret": "warehouse-token-1234"}}""".formatted(endpoint));
        // the secrets as another installation (another key) stored them
        SecretsAtRest other = new SecretsAtRest(Base64.getEncoder().encodeToString("a different key of 32 bytes.....".getBytes()), null);
        stored().updateOne(new Document("_id", id), new Document("$set", new Document("signingSecret",
                other.encrypt("whsec_other", id, "signingSecret")).append("credentials.secret",
                other.encrypt("warehouse-token-1234", id, "credentials.secret"))));
        assertThat(admin().postJson("/api/forwarding/targets/" + id + "/resume", "").statusCode()).isEqualTo(200);

        HttpResponse<String> one = admin().get("/api/forwarding/targets/" + id);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).get("status").asString()).isEqualTo("SECRETS_UNREADABLE");
        assertThat(json(one).get("secretsProblem").asString()).contains("cannot be decrypted with this key")
                .contains("lrs.forwarding.secret-key");
        assertThat(admin().get("/api/forwarding/targets").statusCode()).isEqualTo(200);
        HttpResponse<String> page = admin().get("/admin/forwarding/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-problem=\"secrets\"").contains("cannot be decrypted with this key");
        assertThat(admin().get("/admin/forwarding").body()).contains("SECRETS_UNREADABLE");

        HttpResponse<String> test = admin().postJson("/api/forwarding/targets/" + id + "/test", "");
        assertThat(test.statusCode()).as(test.body()).isEqualTo(400);
        assertThat(json(test).get("detail").asString()).contains("cannot be decrypted");
        HttpResponse<String> pageTest = admin().send("POST", "/admin/forwarding/" + id + "/test", java.util.Map.of(), new byte[0]);
        assertThat(pageTest.statusCode()).as("the page's Test button: a message, not an error page").isBetween(200, 399);
        HttpResponse<String> change = admin().putJson("/api/forwarding/targets/" + id, """
                {"name": "Warehouse 2", "kind": "NDJSON", "url": "%s"}""".formatted(endpoint), java.util.Map.of());
        assertThat(change.statusCode()).as("a change would lose the secrets").isEqualTo(400);

        // polls come and go (200 ms here): not one request reaches the receiver, with or without auth
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.all("/wrong-key").isEmpty());
        assertThat(admin().delete("/api/forwarding/targets/" + id, java.util.Map.of()).statusCode()).isEqualTo(204);
    }
}
