package org.hipaatraining.lrs.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Statements in the shape our module packages send them (xAPI format): the module as object, the module version and
 * package format as context extensions, the role course as grouping, a registration per attempt; the attestation
 * with the policy id and version. Each gets a fresh id, readable with {@code id()}.
 */
public final class TrainingStatements {

    public static final String IRI_BASE = "https://hipaa-training.org/xapi";
    public static final String MODULES = IRI_BASE + "/activities/module/";

    private TrainingStatements() {
    }

    /** A knowledge-check result: {@code verb} is {@link Vocabulary#VERB_PASSED} or {@link Vocabulary#VERB_FAILED}. */
    public static ObjectNode result(String mbox, String name, String verb, String module, String version, Instant at,
                                    double scaled, String registration) {
        ObjectNode s = base(mbox, name, verb, MODULES + module, version, at, registration);
        obj(s, "object").putObject("definition").put("type", Vocabulary.TYPE_MODULE);
        boolean passed = verb.equals(Vocabulary.VERB_PASSED);
        ObjectNode result = s.putObject("result").put("success", passed).put("completion", passed).put("duration", "PT22M10S");
        result.putObject("score").put("scaled", scaled).put("raw", Math.round(scaled * 14)).put("min", 0).put("max", 14);
        return s;
    }

    public static ObjectNode passed(String mbox, String name, String module, Instant at, double scaled) {
        return result(mbox, name, Vocabulary.VERB_PASSED, module, "1.0.0", at, scaled, UUID.randomUUID().toString());
    }

    public static ObjectNode failed(String mbox, String name, String module, Instant at, double scaled) {
        return result(mbox, name, Vocabulary.VERB_FAILED, module, "1.0.0", at, scaled, UUID.randomUUID().toString());
    }

    /** Launching a module: it is in progress from then. */
    public static ObjectNode initialized(String mbox, String name, String module, Instant at) {
        return base(mbox, name, Vocabulary.VERB_INITIALIZED, MODULES + module, "1.0.0", at, UUID.randomUUID().toString());
    }

    /** The end-of-module policy acknowledgement. */
    public static ObjectNode acknowledged(String mbox, String name, String module, Instant at, String policyId,
                                          String policyVersion) {
        ObjectNode s = base(mbox, name, Vocabulary.VERB_ACKNOWLEDGED, MODULES + module + "/attestation", "1.0.0", at,
                UUID.randomUUID().toString());
        obj(s, "object").putObject("definition").put("type", Vocabulary.TYPE_ATTESTATION);
        obj(obj(s, "context"), "contextActivities").putArray("parent").addObject().put("id", MODULES + module);
        obj(obj(s, "context"), "extensions").put(Vocabulary.EXT_POLICY_ID, policyId).put(Vocabulary.EXT_POLICY_VERSION, policyVersion);
        s.putObject("result").put("response", "I have read this statement and I agree with it.");
        return s;
    }

    /** Voids a statement sent by mistake. */
    public static ObjectNode voiding(String statementId) {
        ObjectNode s = XapiJson.MAPPER.createObjectNode().put("id", UUID.randomUUID().toString());
        s.putObject("actor").put("objectType", "Agent").put("mbox", "mailto:privacy.officer@clinic.test").put("name", "Privacy Officer");
        s.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/voided").putObject("display").put("en-US", "voided");
        s.putObject("object").put("objectType", "StatementRef").put("id", statementId);
        return s;
    }

    public static String id(ObjectNode statement) {
        return statement.get("id").asString();
    }

    /** 14:30 UTC a number of days before today. */
    public static Instant daysAgo(int days) {
        return LocalDate.now(ZoneOffset.UTC).minusDays(days).atTime(14, 30).toInstant(ZoneOffset.UTC);
    }

    private static ObjectNode obj(ObjectNode node, String field) {
        return (ObjectNode) node.get(field);
    }

    private static ObjectNode base(String mbox, String name, String verb, String object, String version, Instant at,
                                   String registration) {
        ObjectNode s = XapiJson.MAPPER.createObjectNode().put("id", UUID.randomUUID().toString()).put("timestamp", at.toString());
        s.putObject("actor").put("objectType", "Agent").put("name", name).put("mbox", mbox);
        s.putObject("verb").put("id", verb).putObject("display").put("en-US", verb.substring(verb.lastIndexOf('/') + 1));
        s.putObject("object").put("objectType", "Activity").put("id", object);
        ObjectNode context = s.putObject("context").put("registration", registration).put("platform", "HIPAA training player")
                .put("language", "en-US");
        context.putObject("contextActivities").putArray("grouping").addObject().put("id", IRI_BASE + "/activities/role/everyone");
        context.putObject("extensions").put(Vocabulary.EXT_MODULE_VERSION, version).put(Vocabulary.EXT_PACKAGE_FORMAT, "xapi")
                .put(Vocabulary.EXT_ROLE, "everyone");
        return s;
    }
}
