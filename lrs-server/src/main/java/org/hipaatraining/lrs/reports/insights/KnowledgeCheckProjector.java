package org.hipaatraining.lrs.reports.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Lesson;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Question;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.xapi.statements.StatementsConsumer;
import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Counts what the knowledge checks say as their statements are stored ({@link InsightStore}): each {@code answered}
 * statement of a catalogue item adds to its item's and objective's counters (first tries are a learner's first answer
 * to the item in that module version), each {@code passed}/{@code failed} with a draw adds its attempt's answers to the
 * passers' or failers' side of each item (discrimination), and each {@code experienced} lesson adds the time since the
 * session's previous statement to the lesson's histogram. Counters are kept per role the learner held that day (from
 * the statement's role extension, else the roster) and for everyone ({@code *}), per calendar month and per day (UTC):
 * a period of whole months reads the month counters, its partial months at either end the day counters.
 * <p>
 * Replays count nothing twice: an answer is claimed in its attempt before it is counted, a result is set once, and a
 * lesson time needs the session's clock to move forward. A crash between the claim and the counters loses that
 * statement's counts (counted at most once, never twice).
 * <p>
 * Voiding takes counts back: what each answer and result added is remembered by statement ({@code insight_counted}),
 * and a voiding statement removes its target's parts once each (voiding twice, or a replayed voiding statement, takes
 * nothing more). Voiding an answer also takes its item out of its attempt's result (the discrimination counts), before
 * or after that result arrives; voiding a result takes back every item's share of it. A voided answer still used the
 * learner's first try at the item, and voided lesson views are not taken back.
 * <p>
 * {@link #apply(List, InsightStore, boolean)} with {@code replay} is the rebuild ({@link InsightsRebuild}): every
 * stored statement in stored order, voided or not, voiding statements taking back as they come, which gives exactly the
 * counts that arriving one batch at a time gave.
 */
@Component
@Order(10)
class KnowledgeCheckProjector implements StatementsConsumer {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeCheckProjector.class);
    static final String EVERYONE = "*";
    static final String NO_ROLE = "no-role";
    /** A gap longer than this is someone who walked away, not reading. */
    static final Duration LONGEST_LESSON = Duration.ofHours(2);
    /**
     * The counters' format: when it changes, the counters are rebuilt from the statements at start-up. 2: counters per
     * day beside the month ones, contributions kept for voiding.
     */
    static final int FORMAT = 2;

    private final Catalogue catalogue;
    private final RosterService roster;
    private final InsightStore store;

    KnowledgeCheckProjector(Catalogue catalogue, RosterService roster, InsightStore store) {
        this.catalogue = catalogue;
        this.roster = roster;
        this.store = store;
    }

    @Override
    public void apply(List<StoredStatement> statements, String launchSession) {
        apply(statements, store, false);
    }

    /**
     * Counts a batch into {@code target}; {@code replay}: statements read back for a rebuild, counted even when voided
     * later (their voiding statement, later in stored order, takes them back) unless their voiding statement came first.
     */
    void apply(List<StoredStatement> statements, InsightStore target, boolean replay) {
        List<StoredStatement> relevant = new ArrayList<>();
        List<String> voids = new ArrayList<>();
        for (StoredStatement s : statements) {
            if (s.voidTarget() != null) {
                voids.add(s.voidTarget());
            } else if ((replay || !s.voided()) && s.activity() != null && isCounted(s.verb())
                    && isCatalogueActivity(s.activity()) && !(replay && s.voided() && target.isVoided(s.id()))) {
                relevant.add(s);
            }
        }
        if (!relevant.isEmpty()) {
            count(inCountingOrder(relevant), target);
        }
        for (String voided : voids) {
            uncount(voided, target);
        }
    }

    /**
     * A batch's statements by timestamp, then id: the order they are counted in. A batch's statements share one stored
     * time, so read back for a rebuild they come in id order, not as sent: both count them in this order, which makes
     * the first try, the lesson times and an attempt's answers before its result come out the same.
     */
    private static List<StoredStatement> inCountingOrder(List<StoredStatement> statements) {
        Map<StoredStatement, Instant> at = new HashMap<>();
        statements.forEach(s -> at.put(s, timestamp(s.statement(), s.stored())));
        List<StoredStatement> ordered = new ArrayList<>(statements);
        ordered.sort(java.util.Comparator.comparing((StoredStatement s) -> at.get(s)).thenComparing(StoredStatement::id));
        return ordered;
    }

    /** Takes back what a voided statement added, once. */
    private static void uncount(String statementId, InsightStore target) {
        Document before = target.markVoided(statementId);
        if (before == null) {
            return; // never counted
        }
        Document parts = before.get("parts", Document.class);
        if (parts != null) {
            for (String part : new ArrayList<>(parts.keySet())) {
                target.uncount(statementId, part);
            }
        }
        String attempt = before.getString("attempt");
        String item = before.getString("item");
        if (attempt != null && item != null) {
            String result = target.forgetAnswer(attempt, item);
            if (result != null) {
                target.uncount(result, "i-" + item);
            }
        }
    }

    private void count(List<StoredStatement> relevant, InsightStore target) {
        Set<String> actors = new LinkedHashSet<>();
        relevant.forEach(s -> {
            if (s.actorKey() != null) {
                actors.add(s.actorKey());
            }
        });
        Map<String, Person> people = new HashMap<>();
        for (Person person : roster.byIdentities(actors)) {
            person.identifiers().forEach(key -> people.put(key, person));
        }
        Batch batch = new Batch();
        for (StoredStatement s : relevant) {
            try {
                count(s, people.get(s.actorKey()), batch, target);
            } catch (RuntimeException e) {
                if (e instanceof com.mongodb.MongoException) {
                    throw e; // the database is away: the batch comes again
                }
                log.warn("Insights: statement {} is not counted: {}", s.id(), e.toString());
            }
        }
        target.increment(InsightStore.ITEMS, batch.items);
        target.increment(InsightStore.OBJECTIVES, batch.objectives);
        target.increment(InsightStore.LESSONS, batch.lessons);
        // after the counters: a crash between them leaves counts that voiding cannot take back, never takes back
        // counts that were not added
        target.recordContributions(batch.contributions);
    }

    /** A module, one of its lessons or one of its bank's items: what the counters are about. */
    private boolean isCatalogueActivity(String iri) {
        Optional<Module> module = catalogue.moduleContaining(iri);
        return module.isPresent() && (module.get().iri().equals(iri)
                || module.get().lessons().stream().anyMatch(l -> l.iri().equals(iri))
                || module.get().questions().stream().anyMatch(q -> q.iri().equals(iri)));
    }

    private static boolean isCounted(String verb) {
        return Vocabulary.VERB_ANSWERED.equals(verb) || Vocabulary.VERB_PASSED.equals(verb) || Vocabulary.VERB_FAILED.equals(verb)
                || Vocabulary.VERB_EXPERIENCED.equals(verb) || Vocabulary.VERB_INITIALIZED.equals(verb)
                || Vocabulary.VERB_RESUMED.equals(verb);
    }

    /** The counts of one batch, added in one bulk write per collection. */
    private static final class Batch {
        final Map<String, InsightStore.Counter> items = new LinkedHashMap<>();
        final Map<String, InsightStore.Counter> objectives = new LinkedHashMap<>();
        final Map<String, InsightStore.Counter> lessons = new LinkedHashMap<>();
        final Map<String, InsightStore.Contribution> contributions = new LinkedHashMap<>();

        /** Adds one to each field of a counter, and notes it as the statement's part (null: not taken back). */
        void add(String collection, String statementId, String part, String id, Map<String, Object> keys, String... fields) {
            Map<String, InsightStore.Counter> counters = switch (collection) {
                case InsightStore.ITEMS -> items;
                case InsightStore.OBJECTIVES -> objectives;
                default -> lessons;
            };
            KnowledgeCheckProjector.add(counters, id, keys, fields);
            if (part != null) {
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (String field : fields) {
                    counts.merge(field, 1, Integer::sum);
                }
                contributions.computeIfAbsent(statementId, k -> new InsightStore.Contribution(null, null, new LinkedHashMap<>()))
                        .parts().computeIfAbsent(part, k -> new ArrayList<>())
                        .add(new InsightStore.Part(collection, id, counts));
            }
        }
    }

    /** The month and the day (UTC) a statement counts in: every counter is kept for both. */
    private record Period(String month, String day) {
        static Period of(Instant at) {
            String day = at.atZone(ZoneOffset.UTC).toLocalDate().toString();
            return new Period(day.substring(0, 7), day);
        }

        /** The counter's period fields: [name, value] for the month and for the day. */
        List<String[]> both() {
            return List.of(new String[] {"month", month}, new String[] {"day", day});
        }
    }

    private static Map<String, Object> keys(Map<String, Object> keys, String[] period) {
        Map<String, Object> all = new LinkedHashMap<>(keys);
        all.put(period[0], period[1]);
        return all;
    }

    private void count(StoredStatement stored, Person person, Batch batch, InsightStore store) {
        JsonNode statement = stored.statement();
        Module module = catalogue.moduleContaining(stored.activity()).orElseThrow();
        JsonNode extensions = statement.path("context").path("extensions");
        String version = extensions.path(Vocabulary.EXT_MODULE_VERSION).asString(module.version());
        Instant at = timestamp(statement, stored.stored());
        Period month = Period.of(at);
        Set<String> roles = roles(extensions, person, at);
        String learner = stored.actorKey() == null ? "anonymous" : stored.actorKey();
        String session = stored.registration() != null ? stored.registration() + "|" + module.id() : learner + "|" + module.id();
        String verb = stored.verb();

        Instant previous = store.advanceSession(session, at);
        if (Vocabulary.VERB_ANSWERED.equals(verb)) {
            answered(stored, statement, module, version, month, roles, learner, batch, store);
        } else if (Vocabulary.VERB_PASSED.equals(verb) || Vocabulary.VERB_FAILED.equals(verb)) {
            if (stored.activity().equals(module.iri()) && extensions.has(Vocabulary.EXT_KNOWLEDGE_CHECK_DRAW)) {
                result(stored.id(), attemptKey(module, extensions, session), Vocabulary.VERB_PASSED.equals(verb), module,
                        version, month, roles, batch, store);
            }
        } else if (Vocabulary.VERB_EXPERIENCED.equals(verb) && previous != null && previous.isBefore(at)) {
            Optional<Lesson> lesson = module.lessons().stream().filter(l -> l.iri().equals(stored.activity())).findFirst();
            Duration spent = Duration.between(previous, at);
            if (lesson.isPresent() && spent.compareTo(LONGEST_LESSON) <= 0) {
                long seconds = Math.max(1, Math.round(spent.toMillis() / 1000.0));
                for (String role : roles) {
                    for (String[] period : month.both()) {
                        batch.add(InsightStore.LESSONS, stored.id(), null,
                                module.id() + "|" + version + "|" + role + "|" + period[1] + "|" + lesson.get().id(),
                                keys(Map.of("module", module.id(), "version", version, "role", role,
                                        "lesson", lesson.get().id()), period), "views", "seconds." + seconds);
                    }
                }
            }
        }
    }

    private void answered(StoredStatement stored, JsonNode statement, Module module, String version, Period month,
                          Set<String> roles, String learner, Batch batch, InsightStore store) {
        Optional<Question> item = module.questions().stream().filter(q -> q.iri().equals(stored.activity())).findFirst();
        if (item.isEmpty()) {
            return;
        }
        Question q = item.get();
        JsonNode result = statement.path("result");
        List<String> chosen = new ArrayList<>();
        for (String choice : result.path("response").asString("").split("\\[,]")) {
            if (!choice.isBlank()) {
                chosen.add(choice.trim());
            }
        }
        boolean correct = result.has("success") ? result.get("success").asBoolean() : q.isCorrect(Set.copyOf(chosen));
        JsonNode extensions = statement.path("context").path("extensions");
        String session = stored.registration() != null ? stored.registration() + "|" + module.id() : learner + "|" + module.id();
        String attempt = attemptKey(module, extensions, session);
        if (!store.recordAnswer(attempt, stored.id(), field(q.id()), correct)) {
            return; // counted before
        }
        batch.contributions.put(stored.id(), new InsightStore.Contribution(attempt, field(q.id()), new LinkedHashMap<>()));
        boolean first = store.firstAnswer(learner + "|" + module.id() + "|" + version, q.id());
        List<String> counts = new ArrayList<>(List.of("answers"));
        chosen.forEach(c -> counts.add("choices." + field(c)));
        if (first) {
            counts.add("firstTries");
            if (correct) {
                counts.add("firstCorrect");
            }
        }
        for (String role : roles) {
            for (String[] period : month.both()) {
                batch.add(InsightStore.ITEMS, stored.id(), "answer", itemId(module, version, role, period[1], q.id()),
                        keys(Map.of("module", module.id(), "version", version, "role", role, "item", q.id(),
                                "objective", q.objective()), period), counts.toArray(String[]::new));
                if (first) {
                    String[] objectiveCounts = correct ? new String[] {"firstTries"} : new String[] {"firstTries", "firstMissed"};
                    batch.add(InsightStore.OBJECTIVES, stored.id(), "answer",
                            role + "|" + period[1] + "|" + module.id() + "|" + version + "|" + q.objective(),
                            keys(Map.of("role", role, "module", module.id(), "version", version,
                                    "objective", q.objective()), period), objectiveCounts);
                }
            }
        }
    }

    private void result(String statementId, String attemptKey, boolean passed, Module module, String version, Period month,
                        Set<String> roles, Batch batch, InsightStore store) {
        Map<String, Object> answers = store.recordResult(attemptKey, passed, statementId);
        if (answers == null) {
            return; // no answers recorded for this attempt, or its result was counted before
        }
        String side = passed ? "pass" : "fail";
        answers.forEach((itemId, correct) -> {
            Optional<Question> q = module.question(itemId);
            if (q.isEmpty()) {
                return;
            }
            for (String role : roles) {
                List<String> counts = new ArrayList<>(List.of(side + "Answered"));
                if (Boolean.TRUE.equals(correct)) {
                    counts.add(side + "Correct");
                }
                for (String[] period : month.both()) {
                    batch.add(InsightStore.ITEMS, statementId, "i-" + itemId, itemId(module, version, role, period[1], itemId),
                            keys(Map.of("module", module.id(), "version", version, "role", role, "item", itemId,
                                    "objective", q.get().objective()), period), counts.toArray(String[]::new));
                }
            }
        });
    }

    /** The attempt a draw names (seed, cycle, attempt), or the session's single attempt when there is no draw. */
    private static String attemptKey(Module module, JsonNode extensions, String session) {
        JsonNode draw = extensions.path(Vocabulary.EXT_KNOWLEDGE_CHECK_DRAW);
        if (!draw.isObject()) {
            return session + "|-";
        }
        return module.id() + "|" + draw.path("seed").asString("") + "|" + draw.path("cycle").asString("") + "|"
                + draw.path("attempt").asString("");
    }

    private static String itemId(Module module, String version, String role, String month, String item) {
        return module.id() + "|" + version + "|" + role + "|" + month + "|" + item;
    }

    private static void add(Map<String, InsightStore.Counter> counters, String id, Map<String, Object> keys, String... fields) {
        InsightStore.Counter counter = counters.computeIfAbsent(id, k -> new InsightStore.Counter(keys, new LinkedHashMap<>()));
        for (String field : fields) {
            counter.counts().merge(field, 1, Integer::sum);
        }
    }

    /** The roles a learner held that day: the statement's role course, else the roster; everyone counts in "*". */
    private static Set<String> roles(JsonNode extensions, Person person, Instant at) {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(EVERYONE);
        String role = extensions.path(Vocabulary.EXT_ROLE).asString(null);
        if (role != null && !role.isBlank()) {
            roles.add(field(role));
        } else if (person != null) {
            LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
            Set<String> held = person.rolesOn(day);
            held.forEach(r -> roles.add(field(r)));
            if (held.isEmpty()) {
                roles.add(NO_ROLE);
            }
        } else {
            roles.add(NO_ROLE);
        }
        return roles;
    }

    /** A value safe as (part of) a field name. */
    private static String field(String value) {
        return value.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static Instant timestamp(JsonNode statement, Instant stored) {
        try {
            return statement.path("timestamp").isString() ? OffsetDateTime.parse(statement.path("timestamp").asString()).toInstant() : stored;
        } catch (DateTimeParseException e) {
            return stored;
        }
    }
}
