package org.hipaatraining.lrs.cmi5;

import java.util.Set;

import org.hipaatraining.content.Vocabulary;

/** The IRIs the cmi5 specification defines (sections 9.3, 9.4, 9.5.5, 9.6), in one place. */
final class Cmi5Vocabulary {

    static final String LAUNCHED = Vocabulary.VERB_LAUNCHED;
    static final String INITIALIZED = Vocabulary.VERB_INITIALIZED;
    static final String COMPLETED = Vocabulary.VERB_COMPLETED;
    static final String PASSED = Vocabulary.VERB_PASSED;
    static final String FAILED = Vocabulary.VERB_FAILED;
    static final String TERMINATED = Vocabulary.VERB_TERMINATED;
    static final String ABANDONED = Vocabulary.VERB_ABANDONED;
    static final String WAIVED = Vocabulary.VERB_WAIVED;
    static final String SATISFIED = Vocabulary.VERB_SATISFIED;

    /** The verbs an AU uses in cmi5 defined statements. */
    static final Set<String> AU_VERBS = Set.of(INITIALIZED, COMPLETED, PASSED, FAILED, TERMINATED);
    /** The verbs only the LMS may use; an AU sending them is refused. */
    static final Set<String> LMS_VERBS = Set.of(LAUNCHED, ABANDONED, WAIVED, SATISFIED);
    /** The verbs that record satisfaction-related data: only in Normal launch mode (10.2.2). */
    static final Set<String> RESULT_VERBS = Set.of(COMPLETED, PASSED, FAILED);

    static final String CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    static final String CATEGORY_MOVE_ON = "https://w3id.org/xapi/cmi5/context/categories/moveon";

    private static final String EXT = "https://w3id.org/xapi/cmi5/context/extensions/";
    static final String EXT_SESSION_ID = EXT + "sessionid";
    static final String EXT_MASTERY_SCORE = EXT + "masteryscore";
    static final String EXT_LAUNCH_MODE = EXT + "launchmode";
    static final String EXT_LAUNCH_URL = EXT + "launchurl";
    static final String EXT_MOVE_ON = EXT + "moveon";
    static final String EXT_LAUNCH_PARAMETERS = EXT + "launchparameters";
    static final String RESULT_REASON = "https://w3id.org/xapi/cmi5/result/extensions/reason";

    static final String TYPE_BLOCK = "https://w3id.org/xapi/cmi5/activitytype/block";
    static final String TYPE_COURSE = "https://w3id.org/xapi/cmi5/activitytype/course";

    static final String LAUNCH_DATA = "LMS.LaunchData";

    private Cmi5Vocabulary() {
    }
}
