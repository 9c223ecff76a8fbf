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
    public static final String VERB_ATTEMPTED = ADL + "attempted";
    public static final String VERB_SATISFIED = ADL_W3ID + "satisfied";
    public static final String VERB_ABANDONED = ADL_W3ID + "abandoned";
    public static final String VERB_WAIVED = ADL_W3ID + "waived";
    /** The learner acknowledged a policy (the end-of-module attestation). */
    public static final String VERB_ACKNOWLEDGED = OURS + "verbs/acknowledged";

    /** Context extension: the module version the learner studied, e.g. "1.2.0". */
    public static final String EXT_MODULE_VERSION = OURS + "extensions/module-version";
    public static final String EXT_POLICY_ID = OURS + "extensions/policy-id";
    public static final String EXT_POLICY_VERSION = OURS + "extensions/policy-version";
    /** Context extension: the role the package was built for. */
    public static final String EXT_ROLE = OURS + "extensions/role";
    /** Context extension: how the module was launched: scorm12, scorm2004, xapi or cmi5. */
    public static final String EXT_PACKAGE_FORMAT = OURS + "extensions/package-format";

    public static final String TYPE_COURSE = "http://adlnet.gov/expapi/activities/course";
    public static final String TYPE_MODULE = "http://adlnet.gov/expapi/activities/module";
    public static final String TYPE_LESSON = "http://adlnet.gov/expapi/activities/lesson";
    public static final String TYPE_ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment";
    public static final String TYPE_QUESTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
    public static final String TYPE_ATTESTATION = OURS + "activity-types/policy-attestation";

    private Vocabulary() {
    }
}
