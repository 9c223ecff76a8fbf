package org.hipaatraining.lrs.xapi.validation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.hipaatraining.lrs.xapimodel.Formats;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapimodel.XapiVersion;
import tools.jackson.databind.JsonNode;

/**
 * Checks a statement against the xAPI data model of the request's version, property by property. The first problem
 * found is reported as a 400 whose message names the property path, e.g. {@code statement.actor.mbox}.
 */
public final class StatementValidator {

    public static final String VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided";

    private static final Set<String> STATEMENT_KEYS = Set.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments");
    private static final Set<String> SUBSTATEMENT_KEYS = Set.of("objectType", "actor", "verb", "object", "result",
            "context", "timestamp", "attachments");
    private static final Set<String> AGENT_KEYS = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> GROUP_KEYS = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account",
            "member");
    private static final Set<String> IFIS = Set.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> ACCOUNT_KEYS = Set.of("homePage", "name");
    private static final Set<String> VERB_KEYS = Set.of("id", "display");
    private static final Set<String> ACTIVITY_KEYS = Set.of("objectType", "id", "definition");
    private static final Set<String> STATEMENT_REF_KEYS = Set.of("objectType", "id");
    private static final Set<String> DEFINITION_KEYS = Set.of("name", "description", "type", "moreInfo", "extensions",
            "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
    private static final Map<String, Set<String>> COMPONENTS_BY_INTERACTION = Map.of(
            "true-false", Set.of(), "fill-in", Set.of(), "long-fill-in", Set.of(), "numeric", Set.of(), "other", Set.of(),
            "choice", Set.of("choices"), "sequencing", Set.of("choices"), "likert", Set.of("scale"),
            "matching", Set.of("source", "target"), "performance", Set.of("steps"));
    private static final Set<String> COMPONENT_LISTS = Set.of("choices", "scale", "source", "target", "steps");
    private static final Set<String> COMPONENT_KEYS = Set.of("id", "description");
    private static final Set<String> RESULT_KEYS = Set.of("score", "success", "completion", "response", "duration",
            "extensions");
    private static final Set<String> SCORE_KEYS = Set.of("scaled", "raw", "min", "max");
    private static final Set<String> CONTEXT_KEYS_V1 = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions");
    private static final Set<String> CONTEXT_KEYS_V2 = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions", "contextAgents", "contextGroups");
    private static final Set<String> CONTEXT_ACTIVITY_KEYS = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> CONTEXT_AGENT_KEYS = Set.of("objectType", "agent", "relevantTypes");
    private static final Set<String> CONTEXT_GROUP_KEYS = Set.of("objectType", "group", "relevantTypes");
    private static final Set<String> ATTACHMENT_KEYS = Set.of("usageType", "display", "description", "contentType",
            "length", "sha2", "fileUrl");

    private final XapiVersion version;

    public StatementValidator(XapiVersion version) {
        this.version = version;
    }

    /** Validates one statement; {@code path} prefixes error messages ("statement", "statements[3]"). */
    public void validate(JsonNode statement, String path) {
        validate(statement, At.root(path));
    }

    /** An Agent or Group in actor position (objectType optional, Agent by default). */
    public void agentOrGroup(JsonNode node, String path) {
        actor(node, At.root(path));
    }

    /** An Agent object; its objectType, when present, must be Agent. */
    public void agent(JsonNode node, String path) {
        agent(node, At.root(path));
    }

    private void validate(JsonNode statement, At path) {
        JsonNode s = object(statement, path);
        allowedKeys(s, STATEMENT_KEYS, path);
        if (s.has("id")) {
            uuid(s.get("id"), path.child("id"));
        }
        statementBody(s, path, false);
        if (s.has("stored")) {
            timestamp(s.get("stored"), path.child("stored"));
        }
        if (s.has("authority")) {
            authority(s.get("authority"), path.child("authority"));
        }
        if (s.has("version")) {
            String v = string(s.get("version"), path.child("version"));
            if (!version.acceptsStatementVersion(v)) {
                throw bad(path.child("version"), "'" + v + "' is not a version this LRS accepts for xAPI " + version.header());
            }
        }
    }

    private void statementBody(JsonNode s, At path, boolean sub) {
        actor(required(s, "actor", path), path.child("actor"));
        JsonNode verb = required(s, "verb", path);
        verb(verb, path.child("verb"));
        JsonNode object = required(s, "object", path);
        String objectType = statementObject(object, path.child("object"), sub);
        if (VOIDED_VERB.equals(verb.path("id").asString()) && !"StatementRef".equals(objectType)) {
            throw bad(path.child("object"), "a statement with the verb 'voided' must have a StatementRef object");
        }
        if (s.has("result")) {
            result(s.get("result"), path.child("result"));
        }
        if (s.has("context")) {
            context(s.get("context"), path.child("context"), "Activity".equals(objectType));
        }
        if (s.has("timestamp")) {
            timestamp(s.get("timestamp"), path.child("timestamp"));
        }
        if (s.has("attachments")) {
            JsonNode list = array(s.get("attachments"), path.child("attachments"));
            for (int i = 0; i < list.size(); i++) {
                attachment(list.get(i), path.child("attachments").at(i));
            }
        }
    }

    // ---- actors

    private void actor(JsonNode node, At path) {
        JsonNode actor = object(node, path);
        String type = actor.has("objectType") ? string(actor.get("objectType"), path.child("objectType")) : "Agent";
        switch (type) {
            case "Agent" -> agent(actor, path);
            case "Group" -> group(actor, path);
            default -> throw bad(path.child("objectType"), "must be 'Agent' or 'Group' (case-sensitive), not '" + type + "'");
        }
    }

    private void agent(JsonNode node, At path) {
        JsonNode agent = object(node, path);
        allowedKeys(agent, AGENT_KEYS, path);
        if (agent.has("objectType") && !"Agent".equals(string(agent.get("objectType"), path.child("objectType")))) {
            throw bad(path.child("objectType"), "must be 'Agent'");
        }
        optionalString(agent, "name", path);
        int ifis = ifis(agent, path);
        if (ifis != 1) {
            throw bad(path, "an Agent must have exactly one of mbox, mbox_sha1sum, openid, account (found " + ifis + ")");
        }
    }

    private void group(JsonNode group, At path) {
        allowedKeys(group, GROUP_KEYS, path);
        optionalString(group, "name", path);
        int ifis = ifis(group, path);
        if (ifis > 1) {
            throw bad(path, "a Group must have at most one of mbox, mbox_sha1sum, openid, account (found " + ifis + ")");
        }
        if (group.has("member")) {
            JsonNode members = array(group.get("member"), path.child("member"));
            for (int i = 0; i < members.size(); i++) {
                At memberPath = path.child("member").at(i);
                JsonNode member = object(members.get(i), memberPath);
                if (member.has("objectType") && "Group".equals(member.get("objectType").asString())) {
                    throw bad(memberPath, "a Group's members must be Agents, not Groups");
                }
                agent(member, memberPath);
            }
            if (ifis == 0 && members.isEmpty()) {
                throw bad(path.child("member"), "an anonymous Group must list at least one member");
            }
        } else if (ifis == 0) {
            throw bad(path, "an anonymous Group (no mbox, mbox_sha1sum, openid or account) must have a member list");
        }
    }

    /** Checks each inverse functional identifier present and returns how many there are. */
    private int ifis(JsonNode agent, At path) {
        int count = 0;
        for (String ifi : IFIS) {
            if (!agent.has(ifi)) {
                continue;
            }
            count++;
            JsonNode value = agent.get(ifi);
            switch (ifi) {
                case "mbox" -> {
                    if (!Formats.isMbox(string(value, path.child("mbox")))) {
                        throw bad(path.child("mbox"), "must be a 'mailto:' IRI with an email address");
                    }
                }
                case "mbox_sha1sum" -> {
                    if (!Formats.isSha1Hex(string(value, path.child("mbox_sha1sum")))) {
                        throw bad(path.child("mbox_sha1sum"), "must be the SHA-1 of a mailto IRI, as 40 hex characters");
                    }
                }
                case "openid" -> iri(value, path.child("openid"));
                case "account" -> {
                    JsonNode account = object(value, path.child("account"));
                    allowedKeys(account, ACCOUNT_KEYS, path.child("account"));
                    iri(required(account, "homePage", path.child("account")), path.child("account").child("homePage"));
                    string(required(account, "name", path.child("account")), path.child("account").child("name"));
                }
                default -> throw new IllegalStateException(ifi);
            }
        }
        return count;
    }

    private void authority(JsonNode node, At path) {
        JsonNode authority = object(node, path);
        actor(authority, path);
        if ("Group".equals(authority.path("objectType").asString())) {
            JsonNode members = authority.path("member");
            if (authority.has("mbox") || authority.has("mbox_sha1sum") || authority.has("openid") || authority.has("account")
                    || members.size() != 2) {
                throw bad(path, "a Group authority must be an anonymous Group of exactly two Agents");
            }
        }
    }

    // ---- verb and object

    private void verb(JsonNode node, At path) {
        JsonNode verb = object(node, path);
        allowedKeys(verb, VERB_KEYS, path);
        iri(required(verb, "id", path), path.child("id"));
        if (verb.has("display")) {
            languageMap(verb.get("display"), path.child("display"));
        }
    }

    /** Validates a statement's object and returns its objectType. */
    private String statementObject(JsonNode node, At path, boolean insideSubStatement) {
        JsonNode object = object(node, path);
        String type = object.has("objectType") ? string(object.get("objectType"), path.child("objectType")) : "Activity";
        switch (type) {
            case "Activity" -> activity(object, path);
            case "Agent" -> agent(object, path);
            case "Group" -> group(object, path);
            case "StatementRef" -> statementRef(object, path);
            case "SubStatement" -> {
                if (insideSubStatement) {
                    throw bad(path, "a SubStatement cannot contain another SubStatement");
                }
                allowedKeys(object, SUBSTATEMENT_KEYS, path);
                statementBody(object, path, true);
            }
            default -> throw bad(path.child("objectType"),
                    "must be one of Activity, Agent, Group, StatementRef, SubStatement (case-sensitive), not '" + type + "'");
        }
        return type;
    }

    private void activity(JsonNode node, At path) {
        JsonNode activity = object(node, path);
        allowedKeys(activity, ACTIVITY_KEYS, path);
        if (activity.has("objectType") && !"Activity".equals(string(activity.get("objectType"), path.child("objectType")))) {
            throw bad(path.child("objectType"), "must be 'Activity'");
        }
        iri(required(activity, "id", path), path.child("id"));
        if (activity.has("definition")) {
            definition(activity.get("definition"), path.child("definition"));
        }
    }

    private void definition(JsonNode node, At path) {
        JsonNode def = object(node, path);
        allowedKeys(def, DEFINITION_KEYS, path);
        if (def.has("name")) {
            languageMap(def.get("name"), path.child("name"));
        }
        if (def.has("description")) {
            languageMap(def.get("description"), path.child("description"));
        }
        if (def.has("type")) {
            iri(def.get("type"), path.child("type"));
        }
        if (def.has("moreInfo")) {
            iri(def.get("moreInfo"), path.child("moreInfo"));
        }
        if (def.has("extensions")) {
            extensions(def.get("extensions"), path.child("extensions"));
        }
        Set<String> allowedComponents = Set.of();
        if (def.has("interactionType")) {
            String interaction = string(def.get("interactionType"), path.child("interactionType"));
            allowedComponents = COMPONENTS_BY_INTERACTION.get(interaction);
            if (allowedComponents == null) {
                throw bad(path.child("interactionType"), "'" + interaction + "' is not an xAPI interaction type "
                        + COMPONENTS_BY_INTERACTION.keySet());
            }
        } else if (def.has("correctResponsesPattern")) {
            throw bad(path.child("correctResponsesPattern"), "is only allowed with an interactionType");
        }
        if (def.has("correctResponsesPattern")) {
            JsonNode patterns = array(def.get("correctResponsesPattern"), path.child("correctResponsesPattern"));
            for (int i = 0; i < patterns.size(); i++) {
                string(patterns.get(i), path.child("correctResponsesPattern").at(i));
            }
        }
        for (String list : COMPONENT_LISTS) {
            if (!def.has(list)) {
                continue;
            }
            if (!allowedComponents.contains(list)) {
                throw bad(path.child(list), "is not allowed for interactionType '" + def.path("interactionType").asString("")
                        + "'");
            }
            JsonNode components = array(def.get(list), path.child(list));
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < components.size(); i++) {
                At componentPath = path.child(list).at(i);
                JsonNode component = object(components.get(i), componentPath);
                allowedKeys(component, COMPONENT_KEYS, componentPath);
                String id = string(required(component, "id", componentPath), componentPath.child("id"));
                if (!ids.add(id)) {
                    throw bad(componentPath.child("id"), "'" + id + "' appears twice in " + list);
                }
                if (component.has("description")) {
                    languageMap(component.get("description"), componentPath.child("description"));
                }
            }
        }
    }

    private void statementRef(JsonNode ref, At path) {
        allowedKeys(ref, STATEMENT_REF_KEYS, path);
        uuid(required(ref, "id", path), path.child("id"));
    }

    // ---- result and context

    private void result(JsonNode node, At path) {
        JsonNode result = object(node, path);
        allowedKeys(result, RESULT_KEYS, path);
        if (result.has("score")) {
            score(result.get("score"), path.child("score"));
        }
        if (result.has("success")) {
            bool(result.get("success"), path.child("success"));
        }
        if (result.has("completion")) {
            bool(result.get("completion"), path.child("completion"));
        }
        optionalString(result, "response", path);
        if (result.has("duration") && !Formats.isDuration(string(result.get("duration"), path.child("duration")))) {
            throw bad(path.child("duration"), "must be an ISO 8601 duration such as PT4M30S");
        }
        if (result.has("extensions")) {
            extensions(result.get("extensions"), path.child("extensions"));
        }
    }

    private void score(JsonNode node, At path) {
        JsonNode score = object(node, path);
        allowedKeys(score, SCORE_KEYS, path);
        BigDecimal scaled = number(score, "scaled", path);
        BigDecimal raw = number(score, "raw", path);
        BigDecimal min = number(score, "min", path);
        BigDecimal max = number(score, "max", path);
        if (scaled != null && (scaled.compareTo(BigDecimal.ONE) > 0 || scaled.compareTo(BigDecimal.ONE.negate()) < 0)) {
            throw bad(path.child("scaled"), "must be between -1 and 1");
        }
        if (min != null && max != null && min.compareTo(max) >= 0) {
            throw bad(path.child("max"), "must be greater than min");
        }
        if (raw != null && min != null && raw.compareTo(min) < 0) {
            throw bad(path.child("raw"), "must not be less than min");
        }
        if (raw != null && max != null && raw.compareTo(max) > 0) {
            throw bad(path.child("raw"), "must not be greater than max");
        }
    }

    private void context(JsonNode node, At path, boolean objectIsActivity) {
        JsonNode context = object(node, path);
        allowedKeys(context, version.isV2() ? CONTEXT_KEYS_V2 : CONTEXT_KEYS_V1, path);
        if (context.has("registration")) {
            uuid(context.get("registration"), path.child("registration"));
        }
        if (context.has("instructor")) {
            actor(context.get("instructor"), path.child("instructor"));
        }
        if (context.has("team")) {
            JsonNode team = object(context.get("team"), path.child("team"));
            if (!"Group".equals(team.path("objectType").asString())) {
                throw bad(path.child("team").child("objectType"), "a team must be a Group with objectType 'Group'");
            }
            group(team, path.child("team"));
        }
        if (context.has("contextActivities")) {
            contextActivities(context.get("contextActivities"), path.child("contextActivities"));
        }
        for (String onlyForActivities : new String[] {"revision", "platform"}) {
            if (context.has(onlyForActivities)) {
                string(context.get(onlyForActivities), path.child(onlyForActivities));
                if (!objectIsActivity) {
                    throw bad(path.child(onlyForActivities), "may only be used when the statement's object is an Activity");
                }
            }
        }
        if (context.has("language") && !Formats.isLanguageTag(string(context.get("language"), path.child("language")))) {
            throw bad(path.child("language"), "must be an RFC 5646 language tag");
        }
        if (context.has("statement")) {
            JsonNode ref = object(context.get("statement"), path.child("statement"));
            if (!"StatementRef".equals(ref.path("objectType").asString())) {
                throw bad(path.child("statement").child("objectType"), "must be 'StatementRef'");
            }
            statementRef(ref, path.child("statement"));
        }
        if (context.has("extensions")) {
            extensions(context.get("extensions"), path.child("extensions"));
        }
        if (context.has("contextAgents")) {
            contextAgentsOrGroups(context.get("contextAgents"), path.child("contextAgents"), "contextAgent", "agent");
        }
        if (context.has("contextGroups")) {
            contextAgentsOrGroups(context.get("contextGroups"), path.child("contextGroups"), "contextGroup", "group");
        }
    }

    private void contextActivities(JsonNode node, At path) {
        JsonNode activities = object(node, path);
        allowedKeys(activities, CONTEXT_ACTIVITY_KEYS, path);
        for (Map.Entry<String, JsonNode> entry : activities.properties()) {
            At keyPath = path.child(entry.getKey());
            JsonNode value = entry.getValue();
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    activity(value.get(i), keyPath.at(i));
                }
            } else {
                activity(value, keyPath);
            }
        }
    }

    private void contextAgentsOrGroups(JsonNode node, At path, String objectType, String memberKey) {
        JsonNode list = array(node, path);
        for (int i = 0; i < list.size(); i++) {
            At itemPath = path.at(i);
            JsonNode item = object(list.get(i), itemPath);
            allowedKeys(item, "agent".equals(memberKey) ? CONTEXT_AGENT_KEYS : CONTEXT_GROUP_KEYS, itemPath);
            String type = string(required(item, "objectType", itemPath), itemPath.child("objectType"));
            if (!objectType.equals(type)) {
                throw bad(itemPath.child("objectType"), "must be '" + objectType + "'");
            }
            JsonNode member = required(item, memberKey, itemPath);
            if ("agent".equals(memberKey)) {
                agent(member, itemPath.child("agent"));
            } else {
                JsonNode group = object(member, itemPath.child("group"));
                if (!"Group".equals(group.path("objectType").asString())) {
                    throw bad(itemPath.child("group").child("objectType"), "must be 'Group'");
                }
                group(group, itemPath.child("group"));
            }
            if (item.has("relevantTypes")) {
                JsonNode types = array(item.get("relevantTypes"), itemPath.child("relevantTypes"));
                if (types.isEmpty()) {
                    throw bad(itemPath.child("relevantTypes"), "must list at least one IRI when present");
                }
                for (int t = 0; t < types.size(); t++) {
                    iri(types.get(t), itemPath.child("relevantTypes").at(t));
                }
            }
        }
    }

    private void attachment(JsonNode node, At path) {
        JsonNode attachment = object(node, path);
        allowedKeys(attachment, ATTACHMENT_KEYS, path);
        iri(required(attachment, "usageType", path), path.child("usageType"));
        languageMap(required(attachment, "display", path), path.child("display"));
        if (attachment.has("description")) {
            languageMap(attachment.get("description"), path.child("description"));
        }
        string(required(attachment, "contentType", path), path.child("contentType"));
        JsonNode length = required(attachment, "length", path);
        if (!length.isIntegralNumber() || length.asLong() < 0) {
            throw bad(path.child("length"), "must be a non-negative integer (bytes)");
        }
        if (!Formats.isSha2Hex(string(required(attachment, "sha2", path), path.child("sha2")))) {
            throw bad(path.child("sha2"), "must be a SHA-2 hash as hex");
        }
        if (attachment.has("fileUrl")) {
            iri(attachment.get("fileUrl"), path.child("fileUrl"));
        }
    }

    // ---- shared shapes

    private void languageMap(JsonNode node, At path) {
        JsonNode map = object(node, path);
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            if (!Formats.isLanguageTag(entry.getKey())) {
                throw bad(path, "'" + entry.getKey() + "' is not an RFC 5646 language tag");
            }
            string(entry.getValue(), path.child(entry.getKey()));
        }
    }

    private void extensions(JsonNode node, At path) {
        JsonNode map = object(node, path);
        for (String key : map.propertyNames()) {
            if (!Formats.isIri(key)) {
                throw bad(path, "extension key '" + key + "' is not an IRI");
            }
        }
    }

    private void timestamp(JsonNode node, At path) {
        if (!Formats.isTimestamp(string(node, path))) {
            throw bad(path, "must be an ISO 8601 timestamp such as 2026-11-22T14:05:00.000Z");
        }
    }

    private static void uuid(JsonNode node, At path) {
        if (!Formats.isUuid(string(node, path))) {
            throw bad(path, "must be a UUID");
        }
    }

    private static void iri(JsonNode node, At path) {
        if (!Formats.isIri(string(node, path))) {
            throw bad(path, "must be an absolute IRI");
        }
    }

    private static BigDecimal number(JsonNode parent, String key, At path) {
        if (!parent.has(key)) {
            return null;
        }
        JsonNode value = parent.get(key);
        if (!value.isNumber()) {
            throw bad(path.child(key), "must be a number");
        }
        return value.decimalValue();
    }

    private static void bool(JsonNode node, At path) {
        if (!node.isBoolean()) {
            throw bad(path, "must be true or false");
        }
    }

    private static void optionalString(JsonNode parent, String key, At path) {
        if (parent.has(key)) {
            string(parent.get(key), path.child(key));
        }
    }

    private static String string(JsonNode node, At path) {
        if (!node.isString()) {
            throw bad(path, "must be a string" + (node.isNull() ? " (null is not allowed)" : ""));
        }
        return node.stringValue();
    }

    private static JsonNode object(JsonNode node, At path) {
        if (!node.isObject()) {
            throw bad(path, "must be a JSON object" + (node.isNull() ? " (null is not allowed)" : ""));
        }
        return node;
    }

    private static JsonNode array(JsonNode node, At path) {
        if (!node.isArray()) {
            throw bad(path, "must be an array" + (node.isNull() ? " (null is not allowed)" : ""));
        }
        return node;
    }

    private static JsonNode required(JsonNode parent, String key, At path) {
        JsonNode value = parent.get(key);
        if (value == null) {
            throw bad(path.child(key), "is required");
        }
        return value;
    }

    private static void allowedKeys(JsonNode node, Set<String> allowed, At path) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                String hint = allowed.stream().filter(k -> k.equalsIgnoreCase(key)).findFirst()
                        .map(k -> " (property names are case-sensitive: did you mean '" + k + "'?)").orElse("");
                throw bad(path.child(key), "is not a property xAPI allows here" + hint);
            }
        }
    }

    /**
     * Where in the statement a check is, built without string work on the hot path: the text ({@code
     * statement.context.contextActivities.parent[0].id}) is only made for an error message.
     */
    private record At(At parent, String name, int index) {

        static At root(String name) {
            return new At(null, name, -1);
        }

        At child(String child) {
            return new At(this, child, -1);
        }

        At at(int i) {
            return new At(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return name;
            }
            return parent + (name == null ? "[" + index + "]" : "." + name);
        }
    }

    private static XapiException bad(At path, String problem) {
        return XapiException.badRequest(path + ": " + problem);
    }
}
