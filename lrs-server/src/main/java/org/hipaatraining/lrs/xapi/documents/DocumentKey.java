package org.hipaatraining.lrs.xapi.documents;

/**
 * Where a document lives: its resource, the activity and/or agent it belongs to, the registration (state only) and
 * its own id. {@code scope} is everything but the document id.
 */
record DocumentKey(Kind kind, String activityId, String agentKey, String registration, String documentId) {

    enum Kind { STATE, ACTIVITY_PROFILE, AGENT_PROFILE }

    String scope() {
        return kind.name() + "|" + nullToEmpty(activityId) + "|" + nullToEmpty(agentKey) + "|" + nullToEmpty(registration);
    }

    String id() {
        return DocumentStore.digest(scope() + "\u0000" + documentId);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
