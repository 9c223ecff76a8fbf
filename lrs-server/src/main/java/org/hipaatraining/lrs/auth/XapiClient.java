package org.hipaatraining.lrs.auth;

import java.util.Set;

import org.hipaatraining.lrs.xapimodel.AgentKey;
import tools.jackson.databind.JsonNode;

/**
 * The credential behind an xAPI request: who is writing (the statement {@code authority}) and what it may do.
 *
 * @param key       the client key (the HTTP Basic user name)
 * @param name      a label an admin recognises ("Moodle", "Front desk tablets")
 * @param scopes    what the credential may do
 * @param authority the Agent (or Group) the LRS writes into {@code authority} of every statement stored with it
 * @param restriction for launch tokens: the actor, registration and activity the token is bound to; null for clients
 */
public record XapiClient(String key, String name, Set<Scope> scopes, JsonNode authority, LaunchRestriction restriction)
        implements java.security.Principal {

    /**
     * The key, as the principal's name: what logs and uploads record, and cheap (Spring asks for it on every request;
     * without this it was the record's toString, the authority's JSON included).
     */
    @Override
    public String getName() {
        return key;
    }

    public XapiClient(String key, String name, Set<Scope> scopes, JsonNode authority) {
        this(key, name, scopes, authority, null);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    public boolean hasAny(Scope... wanted) {
        for (Scope s : wanted) {
            if (scopes.contains(s)) {
                return true;
            }
        }
        return false;
    }

    public String authorityKey() {
        return AgentKey.of(authority);
    }

    /** True when this credential may read every statement, not only those it wrote. */
    public boolean readsAllStatements() {
        return hasAny(Scope.STATEMENTS_READ, Scope.ALL_READ, Scope.ALL);
    }

    /** May store activity and agent definitions from the statements it writes. */
    public boolean mayDefine() {
        return hasAny(Scope.DEFINE, Scope.ALL);
    }

    /**
     * What a launch token (cmi5 fetch token) is bound to; requests outside it are refused.
     *
     * @param sessionId the launch session the token was issued for; statements stored with the token record it as
     *                  {@code launchedBy}, so a verified launch can be told from a self-reported statement
     */
    public record LaunchRestriction(String actorKey, String registration, String activityId, String sessionId) {
    }
}
