package org.hipaatraining.lrs.xapimodel;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * The one string under which the LRS indexes and compares an Agent or identified Group: its inverse functional
 * identifier, prefixed by kind. Two agents are the same agent exactly when their keys are equal.
 * <p>
 * The mbox domain is compared case-insensitively (mail domains are), the local part exactly; account name and homePage
 * are case-sensitive, as the spec says. Groups get their own prefix because an Agent and a Group with the same
 * identifier are different actors.
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

    static String normaliseMbox(String mbox) {
        int at = mbox.lastIndexOf('@');
        if (at < 0) {
            return mbox;
        }
        return "mailto:" + mbox.substring("mailto:".length(), at) + mbox.substring(at).toLowerCase(Locale.ROOT);
    }
}
