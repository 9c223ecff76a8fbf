package org.hipaatraining.lrs.xapi.statements;

import java.util.List;

import org.hipaatraining.lrs.auth.XapiClient;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rules for statements sent with a launch token (a credential with a {@link XapiClient.LaunchRestriction}), checked
 * after validation, normalisation (every statement has its id) and the check against stored statements (only those
 * not stored yet come here: a re-send of stored ones is accepted as it is), and before anything is stored. The cmi5
 * launcher implements it: first statement {@code initialized}, no result verbs outside Normal mode, {@code passed} once per
 * registration, and so on.
 */
public interface LaunchSessionRules {

    /** Refuses the batch with an {@link org.hipaatraining.lrs.xapimodel.XapiException}, or records what it changes. */
    void beforeStore(List<ObjectNode> statements, XapiClient client);
}
