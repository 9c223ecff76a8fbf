package org.hipaatraining.lrs.xapimodel;

import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one string under which the LRS indexes and compares an Agent or identified Group: its inverse functional
 * identifier, prefixed by kind. Two agents are the same agent exactly when their keys are equal.
 * <p>
 * The mbox domain is compared case-insensitively (mail domains are), the local part exactly; account name and homePage
 * are case-sensitive, as the spec says. Groups get their own prefix because an Agent and a Group with the same
 * identifier are different actors.
 * <p>
 * Keys are stored (statement facets, roster identifiers, documents), so their format never changes; build and read
 * them only here.
 */
public final class AgentKey {

    private AgentKey() {
    }

    /** The key of an Agent or identified Group, or {@code null} for an anonymous Group (it has no identity). */
    public static String of(JsonNode agent) {
        String prefix = "Group".equals(agent.path("objectType").asString()) ? "group|" : "";
        if (agent.hasNonNull("mbox")) {
            return prefix + "mbox|" + normaliseMbox(agent.get("mbox").asString());
        }
        if (agent.hasNonNull("mbox_sha1sum")) {
            return prefix + "sha1|" + agent.get("mbox_sha1sum").asString().toLowerCase(Locale.ROOT);
        }
        if (agent.hasNonNull("openid")) {
            return prefix + "openid|" + agent.get("openid").asString();
        }
        if (agent.hasNonNull("account")) {
            JsonNode account = agent.get("account");
            return prefix + "account|" + account.path("homePage").asString() + "|" + account.path("name").asString();
        }
        return null;
    }

    /** The key of the Agent with this email address (without {@code mailto:}), as {@link #of} gives for its mbox. */
    public static String ofEmail(String email) {
        return "mbox|" + normaliseMbox("mailto:" + email);
    }

    /** The key of the Agent with this account, as {@link #of} gives for it. */
    public static String ofAccount(String homePage, String name) {
        return "account|" + homePage + "|" + name;
    }

    /** Whether a key is an identified Group's. */
    public static boolean isGroup(String key) {
        return key.startsWith("group|");
    }

    /** The account an Agent's key names, or null when it names none (an mbox, a Group, a roster placeholder). */
    public static Account accountOf(String key) {
        if (!key.startsWith("account|")) {
            return null;
        }
        String[] parts = key.split("\\|", 3);
        return new Account(parts[1], parts.length > 2 ? parts[2] : "");
    }

    /** An account as a key names it. */
    public record Account(String homePage, String name) {
    }

    /**
     * The Agent an Agent's key names, as xAPI JSON (its identifier only), for a query; null for a Group's key or a
     * string that is no agent key.
     */
    public static ObjectNode toAgent(String key) {
        ObjectNode agent = XapiJson.MAPPER.createObjectNode();
        String[] parts = key.split("\\|", 3);
        switch (parts[0]) {
            case "mbox" -> agent.put("mbox", parts[1]);
            case "sha1" -> agent.put("mbox_sha1sum", parts[1]);
            case "openid" -> agent.put("openid", parts[1]);
            case "account" -> agent.putObject("account").put("homePage", parts[1]).put("name", parts.length > 2 ? parts[2] : "");
            default -> {
                return null;
            }
        }
        return agent;
    }

    static String normaliseMbox(String mbox) {
        int at = mbox.lastIndexOf('@');
        if (at < 0) {
            return mbox;
        }
        return "mailto:" + mbox.substring("mailto:".length(), at) + mbox.substring(at).toLowerCase(Locale.ROOT);
    }
}
