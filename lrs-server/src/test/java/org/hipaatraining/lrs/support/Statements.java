package org.hipaatraining.lrs.support;

import java.util.UUID;

/** Realistic statements for tests, as JSON text. */
public final class Statements {

    public static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    public static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    public static final String PRIVACY = "https://hipaa-training.org/xapi/activities/module/privacy";

    private Statements() {
    }

    public static String activityId() {
        return "https://hipaa-training.org/xapi/activities/test/" + UUID.randomUUID();
    }

    /** A learner completing a module, with a score, a registration and the module as grouping context. */
    public static String completed(String id, String mbox, String verb, String activityId, String registration) {
        return """
                {%s"actor": {"objectType": "Agent", "name": "Maria Lopez", "mbox": "%s"},
                 "verb": {"id": "%s", "display": {"en-US": "completed", "es": "completó"}},
                 "object": {"objectType": "Activity", "id": "%s",
                   "definition": {"name": {"en-US": "HIPAA Privacy Rule essentials"},
                                  "type": "http://adlnet.gov/expapi/activities/module",
                                  "extensions": {"https://hipaa-training.org/xapi/extensions/module-version": "1.0.0",
                                                 "http://example.org/ext/a.b$c": {"nested.key": 1}}}},
                 "result": {"score": {"scaled": 0.9, "raw": 9, "min": 0, "max": 10}, "success": true, "completion": true,
                            "duration": "PT14M30S"},
                 "context": {"registration": "%s",
                             "contextActivities": {"grouping": [{"id": "https://hipaa-training.org/xapi/activities/role/front-desk"}]},
                             "platform": "Moodle 4.5", "language": "en-US"},
                 "timestamp": "2026-11-20T15:04:05.123Z"}
                """.formatted(id == null ? "" : "\"id\": \"" + id + "\", ", mbox, verb, activityId, registration);
    }

    public static String completed(String mbox, String activityId) {
        return completed(null, mbox, COMPLETED, activityId, UUID.randomUUID().toString());
    }

    public static String agent(String mbox) {
        return "{\"objectType\": \"Agent\", \"mbox\": \"" + mbox + "\"}";
    }
}
