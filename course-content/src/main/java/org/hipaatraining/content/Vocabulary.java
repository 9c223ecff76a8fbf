package org.hipaatraining.content;

/** The xAPI verbs, extensions and activity types the player sends and the LRS reads. */
public final class Vocabulary {

    private static final String ADL = "http://adlnet.gov/expapi/verbs/";
    private static final String ADL_W3ID = "https://w3id.org/xapi/adl/verbs/";
    private static final String OURS = "https://hipaa-training.org/xapi/";

    public static final String VERB_LAUNCHED = ADL + "launched";
    public static final String VERB_INITIALIZED = ADL + "initialized";
    public static final String VERB_TERMINATED = ADL + "terminated";
    public static final String VERB_COMPLETED = ADL + "completed";
    public static final String VERB_PASSED = ADL + "passed";
    public static final String VERB_FAILED = ADL + "failed";
    public static final String VERB_ANSWERED = ADL + "answered";
    public static final String VERB_EXPERIENCED = ADL + "experienced";
    public static final String VERB_SUSPENDED = ADL + "suspended";
    public static final String VERB_RESUMED = ADL + "resumed";
    public static final String VERB_SATISFIED = ADL_W3ID + "satisfied";
    public static final String VERB_ABANDONED = ADL_W3ID + "abandoned";
    public static final String VERB_WAIVED = ADL_W3ID + "waived";
    /** The learner acknowledged a policy (the end-of-module attestation). */
    public static final String VERB_ACKNOWLEDGED = OURS + "verbs/acknowledged";

    /** Context extension: the module version the learner studied, e.g. "1.2.0". */
    public static final String EXT_MODULE_VERSION = OURS + "extensions/module-version";
    public static final String EXT_POLICY_ID = OURS + "extensions/policy-id";
    public static final String EXT_POLICY_VERSION = OURS + "extensions/policy-version";
    /**
     * Context extension on the acknowledgement: lower-case hex SHA-256 of the policy text the learner was shown (the
     * UTF-8 bytes of {@link PolicyExcerpt#html()}).
     */
    public static final String EXT_POLICY_SHA256 = OURS + "extensions/policy-sha256";
    /** Context extension on the acknowledgement: the policy section ids shown; an empty list means the whole policy. */
    public static final String EXT_POLICY_SECTIONS = OURS + "extensions/policy-sections";
    /**
     * Context extension on answered, passed and failed: the attempt's draw, an object
     * {@code {"seed": "...", "cycle": 2027, "attempt": 2, "items": ["q03", "q17", ...]}} (see {@link KnowledgeCheckDraw}).
     */
    public static final String EXT_KNOWLEDGE_CHECK_DRAW = OURS + "extensions/knowledge-check-draw";
    /** Context extension on answered: the item's choice ids in the order the learner saw them. */
    public static final String EXT_CHOICE_ORDER = OURS + "extensions/choice-order";
    /** Context extension on passed and failed: the ids of the objectives with a wrong answer in the attempt. */
    public static final String EXT_OBJECTIVES_MISSED = OURS + "extensions/objectives-missed";
    /** Context extension: the role the package was built for. */
    public static final String EXT_ROLE = OURS + "extensions/role";
    /** Context extension: how the module was launched: scorm12, scorm2004, xapi or cmi5. */
    public static final String EXT_PACKAGE_FORMAT = OURS + "extensions/package-format";

    public static final String TYPE_COURSE = "http://adlnet.gov/expapi/activities/course";
    public static final String TYPE_MODULE = "http://adlnet.gov/expapi/activities/module";
    public static final String TYPE_LESSON = "http://adlnet.gov/expapi/activities/lesson";
    public static final String TYPE_QUESTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
    public static final String TYPE_ATTESTATION = OURS + "activity-types/policy-attestation";

    private Vocabulary() {
    }
}
