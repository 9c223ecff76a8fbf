package org.hipaatraining.lrs.benchmark;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic, varied statements as a HIPAA training deployment produces them: 2,000 learners across a few practices,
 * module, lesson and question activities with definitions, registrations, role grouping, results and extensions
 * (some keys with '.' in them). About 1.2 to 1.8 KB each.
 */
final class StatementGenerator {

    static final String[] MODULES = {"privacy", "security", "billing", "breach", "role-front-desk", "role-clinical",
            "role-billing", "role-it", "role-management", "role-business-associate", "reminder-phishing", "reminder-mfa"};
    static final String[] ROLES = {"front-desk", "clinical", "billing", "it", "management", "business-associate", "everyone"};
    static final String[][] VERBS = {
            {"http://adlnet.gov/expapi/verbs/initialized", "initialized"},
            {"http://adlnet.gov/expapi/verbs/experienced", "experienced"},
            {"http://adlnet.gov/expapi/verbs/answered", "answered"},
            {"http://adlnet.gov/expapi/verbs/completed", "completed"},
            {"http://adlnet.gov/expapi/verbs/passed", "passed"},
            {"http://adlnet.gov/expapi/verbs/failed", "failed"},
            {"http://adlnet.gov/expapi/verbs/terminated", "terminated"},
            {"https://hipaa-training.org/xapi/verbs/acknowledged", "acknowledged"}};
    static final String BASE = "https://hipaa-training.org/xapi/activities/module/";

    private final Random random;
    private final int learners;

    StatementGenerator(long seed) {
        this(seed, 2000);
    }

    /** Statements of {@code learners} people: {@link #learnerMbox} 0 to learners - 1. */
    StatementGenerator(long seed, int learners) {
        this.random = new Random(seed);
        this.learners = learners;
    }

    static String learnerMbox(int learner) {
        return "mailto:learner" + learner + "@practice" + (learner % 7) + ".example";
    }

    static String moduleIri(int module) {
        return BASE + MODULES[module];
    }

    String next() {
        int learner = random.nextInt(learners);
        int module = random.nextInt(MODULES.length);
        String[] verb = VERBS[random.nextInt(VERBS.length)];
        String role = ROLES[learner % ROLES.length];
        boolean question = verb[1].equals("answered");
        // the catalogue's own lessons and bank items, so the knowledge-check insights have something to count
        String activityId = question ? item(module) : verb[1].equals("experienced") ? lesson(module) : BASE + MODULES[module];
        String type = question ? "http://adlnet.gov/expapi/activities/cmi.interaction"
                : verb[1].equals("experienced") ? "http://adlnet.gov/expapi/activities/lesson"
                : "http://adlnet.gov/expapi/activities/module";
        String name = question ? "Question " + activityId.substring(activityId.lastIndexOf('q'))
                : "HIPAA " + MODULES[module].replace('-', ' ');
        double scaled = Math.round(random.nextDouble() * 100) / 100.0;
        String interaction = question ? """
                , "interactionType": "choice", "correctResponsesPattern": ["b"],
                "choices": [{"id": "a", "description": {"en-US": "Tell the caller the results"}},
                            {"id": "b", "description": {"en-US": "Verify the caller first"}},
                            {"id": "c", "description": {"en-US": "Transfer to the nurse"}}]""" : "";
        return """
                {"id": "%s",
                 "actor": {"objectType": "Agent", "name": "Learner %d", "mbox": "%s"},
                 "verb": {"id": "%s", "display": {"en-US": "%s"}},
                 "object": {"objectType": "Activity", "id": "%s",
                   "definition": {"name": {"en-US": "%s"}, "type": "%s"%s}},
                 "result": {"score": {"scaled": %s, "raw": %d, "min": 0, "max": 100}, "success": %s,
                            "completion": %s, "duration": "PT%dM%dS", "response": "b",
                            "extensions": {"https://hipaa-training.org/xapi/extensions/attempt": %d}},
                 "context": {"registration": "%s",
                   "contextActivities": {"parent": [{"id": "%s"}],
                                         "grouping": [{"id": "https://hipaa-training.org/xapi/activities/role/%s"}],
                                         "category": [{"id": "https://hipaa-training.org/xapi/profile"}]},
                   "platform": "Moodle 4.5", "language": "en-US",
                   "extensions": {"https://hipaa-training.org/xapi/extensions/module-version": "1.%d.0",
                                  "https://hipaa-training.org/xapi/extensions/role": "%s",
                                  "http://example.org/ext/practice.site": "clinic-%d"}},
                 "timestamp": "2026-11-%02dT%02d:%02d:%02d.%03dZ"}"""
                .formatted(UUID.randomUUID(), learner, learnerMbox(learner), verb[0], verb[1], activityId, name, type,
                        interaction, scaled, (int) (scaled * 100), scaled >= 0.8, !question, random.nextInt(30),
                        random.nextInt(60), 1 + random.nextInt(3), registration(learner, module), moduleIri(module), role,
                        random.nextInt(3), role, learner % 7, 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                        random.nextInt(60), random.nextInt(1000));
    }

    private static final org.hipaatraining.content.Catalogue CATALOGUE = org.hipaatraining.content.Catalogue.loadDefault();

    private String item(int module) {
        List<org.hipaatraining.content.Question> items = CATALOGUE.module(MODULES[module]).map(m -> m.questions()).orElse(List.of());
        return items.isEmpty() ? BASE + MODULES[module] + "/question/q" + (1 + random.nextInt(12))
                : items.get(random.nextInt(items.size())).iri();
    }

    private String lesson(int module) {
        List<org.hipaatraining.content.Lesson> lessons = CATALOGUE.module(MODULES[module]).map(m -> m.lessons()).orElse(List.of());
        return lessons.isEmpty() ? BASE + MODULES[module] + "/lesson/lesson-" + (1 + random.nextInt(6))
                : lessons.get(random.nextInt(lessons.size())).iri();
    }

    /** One registration per learner and module, so registration filters select a realistic handful. */
    static String registration(int learner, int module) {
        return new UUID(0x4000_0000_0000_4000L | learner, 0x8000_0000_0000_0000L | module).toString();
    }

    /**
     * Statements generated ahead of time, so the load client spends its CPU sending, not formatting JSON: each is kept
     * as the text before and after its id, and a fresh id is put in for every send.
     */
    static final class Pool {

        private final String[] before;
        private final String[] after;
        private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
        private final long run = System.nanoTime();

        Pool(long seed, int size) {
            this(seed, size, 2000);
        }

        Pool(long seed, int size, int learners) {
            StatementGenerator generator = new StatementGenerator(seed, learners);
            before = new String[size];
            after = new String[size];
            for (int i = 0; i < size; i++) {
                String statement = generator.next();
                int id = statement.indexOf("\"id\": \"") + 7;
                before[i] = statement.substring(0, id);
                after[i] = statement.substring(id + 36);
            }
        }

        /** A fresh, unique statement id (a valid UUID) without SecureRandom's cost. */
        private String nextId() {
            long n = sequence.incrementAndGet();
            return new UUID((run & ~0xF000L) | 0x4000L, 0x8000_0000_0000_0000L | (n & 0x3FFF_FFFF_FFFF_FFFFL)).toString();
        }

        String statement() {
            String id = nextId();
            int i = Math.floorMod(id.hashCode(), before.length);
            return before[i] + id + after[i];
        }

        String batch(int size) {
            StringBuilder out = new StringBuilder(size * 1700).append('[');
            for (int i = 0; i < size; i++) {
                out.append(i == 0 ? "" : ",").append(statement());
            }
            return out.append(']').toString();
        }
    }

    static List<String> verbsUsed() {
        return List.of(VERBS[3][0], VERBS[2][0]);
    }
}
