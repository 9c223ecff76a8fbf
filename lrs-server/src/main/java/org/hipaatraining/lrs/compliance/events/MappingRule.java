package org.hipaatraining.lrs.compliance.events;

import java.util.List;
import java.util.Set;

/**
 * One rule of {@code compliance/statement-mapping.yaml}: statements with one of these verbs about this kind of object
 * become this event.
 */
public record MappingRule(String id, String description, Set<String> verbs, List<ObjectKind> object, EventType event,
                          Satisfies satisfies) {

    /** What a statement's object is to the catalogue. */
    public enum ObjectKind { MODULE, MODULE_PART, ATTESTATION, MAPPED_ACTIVITY }

    /** When an event meets the module's requirement by itself. */
    public enum Satisfies { ALWAYS, NEVER, NO_KNOWLEDGE_CHECK, MAPPING }

    public MappingRule {
        verbs = Set.copyOf(verbs);
        object = List.copyOf(object);
    }
}
