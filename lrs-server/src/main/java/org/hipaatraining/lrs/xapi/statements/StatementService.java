package org.hipaatraining.lrs.xapi.statements;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.hipaatraining.lrs.auth.XapiClient;
import org.hipaatraining.lrs.xapimodel.Timestamps;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapimodel.XapiVersion;
import org.hipaatraining.lrs.xapi.activities.ActivityStore;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapi.validation.StatementValidator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores statements: validate, normalise, check ids against what is stored, then write the whole batch or nothing
 * ({@link StatementWriter}). Reads and writes go through {@link StatementStore}; nothing about a batch is kept in
 * memory after the request.
 */
@Service
public class StatementService {

    private final StatementStore store;
    private final StatementWriter writer;
    private final StatementLog writerLog;
    private final StatementLogRecovery recovery;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<LaunchSessionRules> launchRules;

    StatementService(StatementStore store, StatementWriter writer, StatementLog writerLog, StatementLogRecovery recovery,
                     ApplicationEventPublisher events, Clock clock, List<LaunchSessionRules> launchRules) {
        this.store = store;
        this.writer = writer;
        this.writerLog = writerLog;
        this.recovery = recovery;
        this.events = events;
        this.clock = clock;
        this.launchRules = List.copyOf(launchRules);
    }

    /**
     * Stores a batch (a single statement is a batch of one) and returns the ids in request order. Statements whose id
     * is already stored with the same content are accepted without change; a different content is a 409 for the batch.
     * The steps, each a method below: validate, prepare, compare with what is stored, then write (log, store, side
     * effects, project: {@link StatementWriter}), then tell the listeners that need not be durable.
     */
    public List<String> store(List<JsonNode> batch, Map<String, AttachmentPart> parts, XapiClient client,
                              XapiVersion version, boolean single) {
        List<ObjectNode> statements = validate(batch, parts, client, version, single);
        Map<String, ObjectNode> byId = identify(statements, version, single);
        List<ObjectNode> fresh = withoutStored(new ArrayList<>(byId.values()));
        if (!fresh.isEmpty()) {
            if (client.restriction() != null) { // after the 409 check, so a refused batch claims nothing; re-sends pass
                launchRules.forEach(rules -> rules.beforeStore(fresh, client));
            }
            store.saveAttachments(usedParts(fresh, parts)); // content-addressed: harmless if the batch then fails
            StatementWriter.Batch prepared = prepare(fresh, client, version);
            List<StoredStatement> stored = writer.write(prepared);
            events.publishEvent(new StatementsStored(prepared.id(), stored, client));
        }
        return new ArrayList<>(byId.keySet());
    }

    /** Step 1: every statement valid, its attachments present and signatures verified, launch tokens within bounds. */
    private List<ObjectNode> validate(List<JsonNode> batch, Map<String, AttachmentPart> parts, XapiClient client,
                                      XapiVersion version, boolean single) {
        StatementValidator validator = new StatementValidator(version);
        List<ObjectNode> statements = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            String path = single ? "statement" : "statements[" + i + "]";
            validator.validate(batch.get(i), path);
            ObjectNode statement = (ObjectNode) batch.get(i);
            checkAttachments(statement, parts, path);
            statements.add(statement);
        }
        checkEveryPartIsUsed(statements, parts);
        checkLaunchRestriction(statements, client);
        return statements;
    }

    /** Normalised statements by id (an id is given to those without), refusing an id used twice in the batch. */
    private static Map<String, ObjectNode> identify(List<ObjectNode> statements, XapiVersion version, boolean single) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            ObjectNode statement = statements.get(i);
            normalise(statement, version);
            String id = statement.has("id") ? statement.get("id").asString().toLowerCase(Locale.ROOT) : UUID.randomUUID().toString();
            statement.put("id", id);
            if (byId.put(id, statement) != null) {
                throw XapiException.badRequest((single ? "statement" : "statements[" + i + "]") + ".id: '" + id
                        + "' appears more than once in this batch");
            }
        }
        return byId;
    }

    /**
     * Step 3: the statements whose ids are not stored yet. An id stored with other content refuses the whole batch
     * (409) before anything is written; the same content is a re-send, accepted as it is. A re-sent statement whose
     * own batch is still unfinished (its request was cut short) has that batch finished first, so it is never
     * acknowledged on the strength of a batch that might still be refused.
     */
    private List<ObjectNode> withoutStored(List<ObjectNode> batch) {
        Map<String, Document> stored = store.findJsonAndBatch(batch.stream().map(s -> s.get("id").asString()).toList());
        if (stored.isEmpty()) {
            return batch;
        }
        Set<String> unfinished = writerLog.stillOpen(stored.values().stream().map(d -> d.getString("batch"))
                .filter(java.util.Objects::nonNull).distinct().toList());
        if (!unfinished.isEmpty()) {
            unfinished.forEach(recovery::finishNow);
            stored = store.findJsonAndBatch(batch.stream().map(s -> s.get("id").asString()).toList());
        }
        List<ObjectNode> fresh = new ArrayList<>(batch.size());
        for (ObjectNode statement : batch) {
            Document existing = stored.get(statement.get("id").asString());
            if (existing == null) {
                fresh.add(statement);
            } else if (!StatementComparison.same(statement, false, XapiJson.parse(existing.getString("json"), "stored statement"))) {
                throw XapiException.conflict("statement " + statement.get("id").asString()
                        + " is already stored with different content; statements are immutable. Nothing from this "
                        + "request was stored.");
            }
        }
        return fresh;
    }

    /** Step 2: what the LRS adds to each statement (stored, authority, version, a timestamp), and its stored document. */
    private StatementWriter.Batch prepare(List<ObjectNode> batch, XapiClient client, XapiVersion version) {
        Map<String, Document> references = referencedStatements(batch);
        Instant stored = clock.instant();
        String storedText = Timestamps.format(stored);
        String batchId = UUID.randomUUID().toString();
        List<Document> documents = new ArrayList<>(batch.size());
        List<String> voidTargets = new ArrayList<>();
        Map<String, ObjectNode> definitions = new LinkedHashMap<>();
        for (ObjectNode statement : batch) {
            String id = statement.get("id").asString();
            String voidTarget = voidTarget(statement, references);
            statement.put("stored", storedText);
            if (!statement.has("timestamp")) {
                statement.put("timestamp", storedText);
            }
            statement.set("authority", client.authority());
            if (!statement.has("version")) {
                statement.put("version", version.isV2() ? "2.0.0" : "1.0.0");
            }
            Document target = refTarget(statement) == null ? null : references.get(refTarget(statement));
            @SuppressWarnings("unchecked")
            List<Document> targetChain = target == null ? List.of() : (List<Document>) target.get(StatementFacets.FIELD);
            Document document = new Document("_id", id)
                    .append("json", XapiJson.write(statement))
                    .append("stored", Date.from(stored))
                    .append(StatementFacets.FIELD, StatementFacets.chain(StatementFacets.of(statement), targetChain))
                    .append("authority", client.authorityKey())
                    .append("voided", false)
                    .append("batch", batchId);
            if (voidTarget != null) {
                document.append("voidTarget", voidTarget);
                voidTargets.add(voidTarget);
            }
            if (client.restriction() != null) {
                document.append("launchedBy", client.restriction().sessionId());
            }
            List<String> hashes = attachmentHashes(statement);
            if (!hashes.isEmpty()) {
                document.append("attachments", hashes);
            }
            if (client.mayDefine()) {
                collectDefinitions(statement, definitions);
            }
            documents.add(document);
        }
        return new StatementWriter.Batch(batchId, stored, documents, batch, voidTargets, definitions,
                client.restriction() == null ? null : client.restriction().sessionId());
    }

    // ---- voiding and statement references

    /** Stored or same-batch statements that the batch's StatementRef objects point at. */
    private Map<String, Document> referencedStatements(List<ObjectNode> fresh) {
        if (fresh.stream().noneMatch(s -> refTarget(s) != null)) {
            return Map.of();
        }
        Set<String> targets = new HashSet<>();
        for (ObjectNode statement : fresh) {
            String target = refTarget(statement);
            if (target != null) {
                targets.add(target);
            }
        }
        Map<String, Document> found = store.findSummaries(targets);
        for (ObjectNode statement : fresh) {
            String id = statement.get("id").asString();
            if (targets.contains(id) && !found.containsKey(id)) {
                Document summary = new Document("_id", id)
                        .append(StatementFacets.FIELD, List.of(StatementFacets.of(statement).toDocument()));
                if (isVoiding(statement)) {
                    summary.append("voidTarget", refTarget(statement));
                }
                found.put(id, summary);
            }
        }
        return found;
    }

    /** The id a voiding statement voids, refusing to void a voiding statement. */
    private static String voidTarget(ObjectNode statement, Map<String, Document> references) {
        if (!isVoiding(statement)) {
            return null;
        }
        String target = refTarget(statement);
        Document targetSummary = references.get(target);
        if (targetSummary != null && targetSummary.getString("voidTarget") != null) {
            throw XapiException.badRequest("statement " + statement.get("id").asString() + ": it voids " + target
                    + ", which is itself a voiding statement; voiding statements cannot be voided");
        }
        return target;
    }

    private static boolean isVoiding(JsonNode statement) {
        return StatementValidator.VOIDED_VERB.equals(statement.path("verb").path("id").asString());
    }

    private static String refTarget(JsonNode statement) {
        JsonNode object = statement.path("object");
        return "StatementRef".equals(object.path("objectType").asString())
                ? object.path("id").asString().toLowerCase(Locale.ROOT) : null;
    }

    // ---- normalisation

    /** What the LRS changes in a statement it stores (and nothing else, to keep statements immutable). */
    private static void normalise(ObjectNode statement, XapiVersion version) {
        contextActivitiesAsArrays(statement);
        if ("SubStatement".equals(statement.path("object").path("objectType").asString())) {
            contextActivitiesAsArrays((ObjectNode) statement.get("object"));
        }
        if (version.isV2() && statement.has("timestamp")) {
            statement.put("timestamp", Timestamps.toUtc(statement.get("timestamp").asString()));
        }
        statement.remove("stored");
    }

    private static void contextActivitiesAsArrays(ObjectNode statement) {
        JsonNode contextActivities = statement.path("context").path("contextActivities");
        if (!contextActivities.isObject()) {
            return;
        }
        ObjectNode map = (ObjectNode) contextActivities;
        for (String key : List.copyOf(map.propertyNames())) {
            JsonNode value = map.get(key);
            if (!value.isArray()) {
                ArrayNode list = XapiJson.MAPPER.createArrayNode();
                list.add(value);
                map.set(key, list);
            }
        }
    }

    /** Activity definitions in a statement, merged with those seen earlier in the same batch. */
    private static void collectDefinitions(JsonNode statement, Map<String, ObjectNode> definitions) {
        JsonNode object = statement.path("object");
        if ("Activity".equals(object.path("objectType").asString("Activity"))) {
            collectDefinition(object, definitions);
        }
        for (JsonNode list : statement.path("context").path("contextActivities")) {
            for (JsonNode activity : list) {
                collectDefinition(activity, definitions);
            }
        }
        if ("SubStatement".equals(object.path("objectType").asString())) {
            collectDefinitions(object, definitions);
        }
    }

    private static void collectDefinition(JsonNode activity, Map<String, ObjectNode> definitions) {
        if (activity.path("definition").isObject()) {
            ActivityStore.mergeInto(definitions.computeIfAbsent(activity.get("id").asString(),
                    id -> XapiJson.MAPPER.createObjectNode()), activity.get("definition"));
        }
    }

    // ---- attachments

    /** Every attachment without a fileUrl needs its data in the request; signatures are verified here. */
    private static void checkAttachments(ObjectNode statement, Map<String, AttachmentPart> parts, String path) {
        JsonNode attachments = statement.path("attachments");
        for (int i = 0; i < attachments.size(); i++) {
            JsonNode attachment = attachments.get(i);
            String sha2 = attachment.get("sha2").asString();
            AttachmentPart part = parts.get(sha2);
            String attachmentPath = path + ".attachments[" + i + "]";
            if (part == null && (SignedStatements.isSignature(attachment) || !attachment.has("fileUrl"))) {
                throw XapiException.badRequest(attachmentPath + ": no multipart part with X-Experience-API-Hash " + sha2
                        + " (an attachment without fileUrl must be sent as a part of a multipart/mixed request)");
            }
            if (SignedStatements.isSignature(attachment)) {
                SignedStatements.verify(statement, attachment, part.content(), attachmentPath);
            }
        }
    }

    private static void checkEveryPartIsUsed(List<ObjectNode> statements, Map<String, AttachmentPart> parts) {
        Set<String> declared = new HashSet<>();
        statements.forEach(s -> declared.addAll(attachmentHashes(s)));
        for (String sha2 : parts.keySet()) {
            if (!declared.contains(sha2)) {
                throw XapiException.badRequest("multipart body: the part with X-Experience-API-Hash " + sha2
                        + " matches no attachment's sha2 in the statements");
            }
        }
    }

    private static Map<String, AttachmentPart> usedParts(List<ObjectNode> statements, Map<String, AttachmentPart> parts) {
        Map<String, AttachmentPart> used = new HashMap<>();
        statements.forEach(s -> attachmentHashes(s).forEach(h -> {
            if (parts.containsKey(h)) {
                used.put(h, parts.get(h));
            }
        }));
        return used;
    }

    static List<String> attachmentHashes(JsonNode statement) {
        List<String> hashes = new ArrayList<>();
        statement.path("attachments").forEach(a -> hashes.add(a.path("sha2").asString()));
        return hashes;
    }

    /**
     * A launch token may write only statements about its own actor and registration, and never void. The statements
     * it stores are marked {@code launchedBy} its session, which a client credential cannot fake.
     */
    private static void checkLaunchRestriction(List<ObjectNode> statements, XapiClient client) {
        XapiClient.LaunchRestriction restriction = client.restriction();
        if (restriction == null) {
            return;
        }
        for (ObjectNode statement : statements) {
            if (isVoiding(statement)) {
                throw XapiException.forbidden("a launch token cannot void statements (cmi5 6.3: the AU never gets "
                        + "credentials that void)");
            }
            String actorKey = org.hipaatraining.lrs.xapimodel.AgentKey.of(statement.path("actor"));
            String registration = statement.path("context").path("registration").asString("");
            if (!restriction.actorKey().equals(actorKey) || !restriction.registration().equalsIgnoreCase(registration)) {
                throw XapiException.forbidden("this launch token may only write statements for its own actor and "
                        + "registration " + restriction.registration());
            }
        }
    }
}
