package org.hipaatraining.lrs.compliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.support.TrainingStatements;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a stored statement becomes a training event, or none, by the rules of compliance/statement-mapping.yaml, without
 * a server: the real catalogue and rules, and LMS activity mappings from a map.
 */
class StatementMapperTest {

    private static final Catalogue CATALOGUE = Catalogue.loadDefault();
    private static final String ADL = "http://adlnet.gov/expapi/verbs/";
    private static final String W3ID = "https://w3id.org/xapi/adl/verbs/";
    private static final String PRIVACY = TrainingStatements.MODULES + "privacy";
    private static final String MOODLE_SCORM = "https://moodle.clinic.example/mod/scorm/view.php?id=12";
    private static final String MOODLE_QUIZ = "https://moodle.clinic.example/mod/quiz/view.php?id=13";
    private static final String MOODLE_PAGE = "https://moodle.clinic.example/mod/page/view.php?id=14";
    private static final String CMI5_CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    private static final String CMI5_SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
    private static final Instant STORED = Instant.parse("2027-02-01T10:00:00.123Z");

    private final Map<String, ActivityMapping> mappings = Map.of(
            MOODLE_SCORM, new ActivityMapping(MOODLE_SCORM, "privacy", true, "Privacy (SCORM)", "admin", STORED),
            MOODLE_QUIZ, new ActivityMapping(MOODLE_QUIZ, "security", false, "Security quiz", "admin", STORED),
            MOODLE_PAGE, new ActivityMapping(MOODLE_PAGE, "no-such-module", true, "Old page", "admin", STORED));
    private final StatementMapper mapper = new StatementMapper(CATALOGUE, MappingRules.loadDefault(),
            iri -> Optional.ofNullable(mappings.get(iri)));

    /** A statement as the LRS stores it: with stored and authority, which the mapper reads. */
    private static ObjectNode stored(ObjectNode statement) {
        statement.put("stored", STORED.toString());
        statement.putObject("authority").put("objectType", "Agent").putObject("account")
                .put("homePage", "https://lrs.clinic.example").put("name", "player-client");
        if (!statement.has("timestamp")) {
            statement.put("timestamp", "2027-01-20T09:30:00Z");
        }
        return statement;
    }

    private static ObjectNode statement(String verb, String objectId) {
        ObjectNode s = XapiJson.MAPPER.createObjectNode().put("id", "6a1b2c3d-0000-4000-8000-000000000001");
        s.putObject("actor").put("objectType", "Agent").put("name", "Ana Reyes").put("mbox", "mailto:ana@clinic.example");
        s.putObject("verb").put("id", verb);
        s.putObject("object").put("objectType", "Activity").put("id", objectId);
        return stored(s);
    }

    private static ObjectNode parse(String json) {
        return stored((ObjectNode) XapiJson.parse(json, "statement"));
    }

    private TrainingEvent mapped(JsonNode statement) {
        Optional<TrainingEvent> event = mapper.map(statement);
        assertThat(event).as("an event for %s", statement).isPresent();
        return event.get();
    }

    // ---- which verb about which object is which event (the table of statement-mapping.yaml)

    static Stream<Arguments> verbsAndObjects() {
        String lesson = PRIVACY + "/lesson/" + CATALOGUE.module("privacy").orElseThrow().lessons().get(0).id();
        String question = CATALOGUE.module("privacy").orElseThrow().questions().get(0).iri();
        String attestation = PRIVACY + "/attestation";
        return Stream.of(
                Arguments.of(ADL + "passed", PRIVACY, EventType.PASSED, true, "passed"),
                Arguments.of(ADL + "failed", PRIVACY, EventType.FAILED, false, "failed"),
                // privacy has a knowledge check, so completing it is not enough
                Arguments.of(ADL + "completed", PRIVACY, EventType.COMPLETED, false, "completed-module"),
                Arguments.of(W3ID + "satisfied", PRIVACY, EventType.SATISFIED, true, "satisfied"),
                Arguments.of(W3ID + "waived", PRIVACY, EventType.SATISFIED, true, "waived"),
                Arguments.of(ADL + "launched", PRIVACY, EventType.STARTED, false, "started"),
                Arguments.of(ADL + "initialized", PRIVACY, EventType.STARTED, false, "started"),
                Arguments.of(ADL + "attempted", PRIVACY, EventType.STARTED, false, "started"),
                Arguments.of(ADL + "resumed", PRIVACY, EventType.STARTED, false, "started"),
                Arguments.of(ADL + "experienced", lesson, EventType.STARTED, false, "started"),
                Arguments.of(ADL + "answered", question, EventType.STARTED, false, "started"),
                Arguments.of(Vocabulary.VERB_ACKNOWLEDGED, attestation, EventType.ACKNOWLEDGED, false, "acknowledged"),
                Arguments.of(ADL + "passed", MOODLE_SCORM, EventType.PASSED, true, "passed"),
                Arguments.of(ADL + "failed", MOODLE_QUIZ, EventType.FAILED, false, "failed"),
                // the admin's mapping decides whether an LMS completion counts
                Arguments.of(ADL + "completed", MOODLE_SCORM, EventType.COMPLETED, true, "completed-lms-activity"),
                Arguments.of(ADL + "completed", MOODLE_QUIZ, EventType.COMPLETED, false, "completed-lms-activity"),
                Arguments.of("http://activitystrea.ms/schema/1.0/start", MOODLE_QUIZ, EventType.STARTED, false, "started"));
    }

    @ParameterizedTest(name = "{0} about {1} is {2}")
    @MethodSource("verbsAndObjects")
    void aVerbAboutAKindOfObjectBecomesItsEvent(String verb, String object, EventType type, boolean satisfies, String rule) {
        TrainingEvent event = mapped(statement(verb, object));
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.satisfies()).as("satisfies").isEqualTo(satisfies);
        assertThat(event.rule()).isEqualTo(rule);
        assertThat(event.activityIri()).isEqualTo(object);
        String moduleId = object.startsWith(MOODLE_QUIZ) ? "security" : "privacy";
        assertThat(event.moduleId()).isEqualTo(moduleId);
    }

    static Stream<Arguments> ignoredStatements() {
        String lesson = PRIVACY + "/lesson/" + CATALOGUE.module("privacy").orElseThrow().lessons().get(0).id();
        return Stream.of(
                Arguments.of("passed about a lesson", ADL + "passed", lesson),
                Arguments.of("completed about a lesson", ADL + "completed", lesson),
                Arguments.of("passed about the attestation", ADL + "passed", PRIVACY + "/attestation"),
                Arguments.of("acknowledged about the module itself", Vocabulary.VERB_ACKNOWLEDGED, PRIVACY),
                Arguments.of("terminated (no rule)", ADL + "terminated", PRIVACY),
                Arguments.of("suspended (no rule)", ADL + "suspended", PRIVACY),
                Arguments.of("abandoned (no rule)", W3ID + "abandoned", PRIVACY),
                Arguments.of("satisfied about an LMS activity", W3ID + "satisfied", MOODLE_SCORM),
                Arguments.of("an unknown activity", ADL + "passed", "https://example.com/some/other/course"),
                Arguments.of("a role course, not a module", ADL + "completed", TrainingStatements.IRI_BASE + "/activities/role/everyone"),
                Arguments.of("an unknown module under the module path", ADL + "passed", TrainingStatements.MODULES + "no-such-module"),
                Arguments.of("a mapping to a module the catalogue lacks", ADL + "passed", MOODLE_PAGE),
                Arguments.of("a verb that only looks like passed", "http://example.com/verbs/passed", PRIVACY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ignoredStatements")
    void statementsNoRuleMatchesAreIgnored(String why, String verb, String object) {
        assertThat(mapper.map(statement(verb, object))).isEmpty();
    }

    @Test
    void aModuleWithoutAKnowledgeCheckIsSatisfiedByCompletedAlone() throws URISyntaxException {
        Catalogue reminderOnly = Catalogue.load(Path.of(getClass().getResource("/compliance/events/reminder-content/catalogue.yaml")
                .toURI()).getParent());
        StatementMapper reminders = new StatementMapper(reminderOnly, MappingRules.loadDefault(), iri -> Optional.empty());
        TrainingEvent event = reminders.map(statement(ADL + "completed", TrainingStatements.MODULES + "beta")).orElseThrow();
        assertThat(event.type()).isEqualTo(EventType.COMPLETED);
        assertThat(event.satisfies()).isTrue();
        assertThat(reminders.map(statement(ADL + "completed", PRIVACY))).as("privacy is not in that catalogue").isEmpty();
    }

    // ---- what is not about a person and an activity

    @Test
    void aVoidingStatementIsNotATrainingEvent() {
        ObjectNode voiding = stored(TrainingStatements.voiding("6a1b2c3d-0000-4000-8000-000000000001"));
        assertThat(mapper.map(voiding)).isEmpty();
    }

    @Test
    void objectsThatAreNotActivitiesAreIgnored() {
        assertThat(mapper.map(parse("""
                {"id":"1","actor":{"mbox":"mailto:ana@clinic.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},
                 "object":{"objectType":"Agent","mbox":"mailto:ben@clinic.example"}}"""))).isEmpty();
        assertThat(mapper.map(parse("""
                {"id":"2","actor":{"mbox":"mailto:ana@clinic.example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},
                 "object":{"objectType":"SubStatement","actor":{"mbox":"mailto:ben@clinic.example"},
                           "verb":{"id":"http://adlnet.gov/expapi/verbs/passed"},
                           "object":{"id":"https://hipaa-training.org/xapi/activities/module/privacy"}}}"""))).isEmpty();
    }

    @Test
    void anObjectWithoutObjectTypeIsAnActivity() {
        ObjectNode s = statement(ADL + "passed", PRIVACY);
        ((ObjectNode) s.get("object")).remove("objectType");
        assertThat(mapped(s).type()).isEqualTo(EventType.PASSED);
    }

    @Test
    void groupsAreNotPeopleSoTheirStatementsAreIgnored() {
        ObjectNode identified = statement(ADL + "passed", PRIVACY);
        identified.putObject("actor").put("objectType", "Group").put("mbox", "mailto:front-desk@clinic.example");
        assertThat(mapper.map(identified)).as("identified group").isEmpty();

        ObjectNode anonymous = statement(ADL + "passed", PRIVACY);
        anonymous.putObject("actor").put("objectType", "Group").putArray("member").addObject().put("mbox", "mailto:ana@clinic.example");
        assertThat(mapper.map(anonymous)).as("anonymous group").isEmpty();
    }

    @Test
    void anActorWithoutAnIdentifierIsIgnored() {
        ObjectNode s = statement(ADL + "passed", PRIVACY);
        s.putObject("actor").put("objectType", "Agent").put("name", "Nobody");
        assertThat(mapper.map(s)).isEmpty();
    }

    // ---- who

    static Stream<Arguments> actors() {
        return Stream.of(
                Arguments.of("{\"mbox\":\"mailto:Ana.Reyes@Clinic.Example\",\"name\":\"Ana Reyes\"}", "mbox|mailto:Ana.Reyes@clinic.example", "Ana Reyes"),
                Arguments.of("{\"mbox_sha1sum\":\"A9993E364706816ABA3E25717850C26C9CD0D89D\"}", "sha1|a9993e364706816aba3e25717850c26c9cd0d89d", null),
                Arguments.of("{\"openid\":\"https://id.clinic.example/ana\"}", "openid|https://id.clinic.example/ana", null),
                Arguments.of("{\"objectType\":\"Agent\",\"name\":\"Ana\",\"account\":{\"homePage\":\"https://moodle.clinic.example\",\"name\":\"57\"}}",
                        "account|https://moodle.clinic.example|57", "Ana"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("actors")
    void thePersonIsTheActorsAgentKeyAndName(String actor, String agentKey, String name) {
        ObjectNode s = statement(ADL + "passed", PRIVACY);
        s.set("actor", XapiJson.parse(actor, "actor"));
        TrainingEvent event = mapped(s);
        assertThat(event.agentKey()).isEqualTo(agentKey);
        assertThat(event.actorName()).isEqualTo(name);
    }

    // ---- scores

    static Stream<Arguments> scores() {
        return Stream.of(
                Arguments.of("{\"scaled\":0.85}", 0.85),
                Arguments.of("{\"scaled\":0}", 0.0),
                Arguments.of("{\"scaled\":0.9,\"raw\":10,\"min\":0,\"max\":100}", 0.9),
                // SCORM-style LMS statements report only raw within min..max
                Arguments.of("{\"raw\":45,\"min\":0,\"max\":50}", 0.9),
                Arguments.of("{\"raw\":45,\"max\":50}", 0.9),
                Arguments.of("{\"raw\":45,\"min\":20,\"max\":70}", 0.5),
                Arguments.of("{\"raw\":45}", null),
                Arguments.of("{\"raw\":5,\"min\":5,\"max\":5}", null),
                Arguments.of("{\"raw\":\"45\",\"max\":\"50\"}", null),
                Arguments.of("{}", null));
    }

    @ParameterizedTest(name = "score {0} is scaled {1}")
    @MethodSource("scores")
    void theScoreIsScaledOrRawWithinMinAndMax(String score, Double scaled) {
        ObjectNode s = statement(ADL + "passed", PRIVACY);
        s.putObject("result").set("score", XapiJson.parse(score, "score"));
        assertThat(mapped(s).scaled()).isEqualTo(scaled);
    }

    @Test
    void aStatementWithoutAResultHasNoScore() {
        assertThat(mapped(statement(ADL + "completed", PRIVACY)).scaled()).isNull();
    }

    // ---- which version

    @Test
    void theModuleVersionExtensionIsTheVersionTaught() {
        TrainingEvent event = mapped(stored(TrainingStatements.passed("mailto:ana@clinic.example", "Ana", "privacy",
                Instant.parse("2027-03-01T12:00:00Z"), 0.9)));
        assertThat(event.moduleVersion()).isEqualTo("1.0.0");
        assertThat(event.versionInferred()).isFalse();
    }

    static Stream<Arguments> inferredVersions() {
        // privacy's changelog: 1.0.0 on 2026-12-01, 2.0.0 on 2027-01-04
        return Stream.of(
                Arguments.of("2026-12-15T12:00:00Z", "1.0.0"),
                Arguments.of("2027-01-03T23:59:59Z", "1.0.0"),
                Arguments.of("2027-01-04T00:00:00Z", "2.0.0"),
                // the release day is a UTC date: late evening in New York on the 3rd is already the 4th
                Arguments.of("2027-01-03T20:00:00-05:00", "2.0.0"),
                Arguments.of("2026-06-01T12:00:00Z", "1.0.0"));
    }

    @ParameterizedTest(name = "at {0}: {1}")
    @MethodSource("inferredVersions")
    void withoutAVersionExtensionTheVersionInEffectOnTheStatementsDayIsInferred(String timestamp, String version) {
        ObjectNode s = statement(ADL + "completed", MOODLE_SCORM).put("timestamp", timestamp);
        TrainingEvent event = mapped(s);
        assertThat(event.moduleVersion()).isEqualTo(version);
        assertThat(event.versionInferred()).isTrue();
    }

    // ---- when, by whom, in which attempt

    @Test
    void timestampStoredRegistrationAndIdAreCarriedOver() {
        ObjectNode s = statement(ADL + "initialized", PRIVACY).put("timestamp", "2027-01-20T11:30:00.5+02:00");
        s.putObject("context").put("registration", "0f1e2d3c-0000-4000-8000-0000000000aa");
        TrainingEvent event = mapped(s);
        assertThat(event.statementId()).isEqualTo("6a1b2c3d-0000-4000-8000-000000000001");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2027-01-20T09:30:00.500Z"));
        assertThat(event.stored()).isEqualTo(STORED);
        assertThat(event.registration()).isEqualTo("0f1e2d3c-0000-4000-8000-0000000000aa");
        assertThat(mapped(statement(ADL + "initialized", PRIVACY)).registration()).as("no registration").isNull();
    }

    static Stream<Arguments> authorities() {
        return Stream.of(
                Arguments.of("{\"account\":{\"homePage\":\"https://lrs.clinic.example\",\"name\":\"moodle-client\"}}", "moodle-client"),
                Arguments.of("{\"mbox\":\"mailto:admin@clinic.example\"}", "mailto:admin@clinic.example"),
                Arguments.of("{\"name\":\"Front desk tablet\",\"openid\":\"https://id.example/t\"}", "Front desk tablet"),
                // OAuth: a group of the application and the user; the first member is the client
                Arguments.of("{\"objectType\":\"Group\",\"member\":[{\"account\":{\"homePage\":\"https://lrs.clinic.example\","
                        + "\"name\":\"oauth-app\"}},{\"mbox\":\"mailto:ana@clinic.example\"}]}", "oauth-app"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("authorities")
    void theSourceIsTheAuthoritysClient(String authority, String source) {
        ObjectNode s = statement(ADL + "passed", PRIVACY);
        s.set("authority", XapiJson.parse(authority, "authority"));
        assertThat(mapped(s).source()).isEqualTo(source);
    }

    // ---- acknowledgements

    @Test
    void anAcknowledgementCarriesThePolicyItAcknowledged() {
        TrainingEvent event = mapped(stored(TrainingStatements.acknowledged("mailto:ana@clinic.example", "Ana", "privacy",
                Instant.parse("2027-01-20T09:30:00Z"), "privacy-policy", "2027.1")));
        assertThat(event.type()).isEqualTo(EventType.ACKNOWLEDGED);
        assertThat(event.policyId()).isEqualTo("privacy-policy");
        assertThat(event.policyVersion()).isEqualTo("2027.1");
        assertThat(event.policySha256()).isNull();
        assertThat(event.policySections()).isNull();
    }

    @Test
    void theSectionsShownAreKeptOnlyWithTheTextsSha256() {
        ObjectNode withHash = stored(TrainingStatements.acknowledged("mailto:ana@clinic.example", "Ana", "privacy",
                Instant.parse("2027-01-20T09:30:00Z"), "privacy-policy", "2027.1"));
        ObjectNode extensions = (ObjectNode) withHash.get("context").get("extensions");
        extensions.put(Vocabulary.EXT_POLICY_SHA256, "ab".repeat(32));
        extensions.putArray(Vocabulary.EXT_POLICY_SECTIONS).add("uses-and-disclosures").add(7).add("patient-rights");
        TrainingEvent event = mapped(withHash);
        assertThat(event.policySha256()).isEqualTo("ab".repeat(32));
        assertThat(event.policySections()).as("non-strings dropped").containsExactly("uses-and-disclosures", "patient-rights");

        extensions.remove(Vocabulary.EXT_POLICY_SHA256);
        assertThat(mapped(withHash).policySections()).isNull();

        extensions.put(Vocabulary.EXT_POLICY_SHA256, "ab".repeat(32)).putArray(Vocabulary.EXT_POLICY_SECTIONS);
        assertThat(mapped(withHash).policySections()).as("the whole policy").isEmpty();
    }

    // ---- cmi5: an LMS-generated activity id, the AU's publisher id in grouping

    private static ObjectNode cmi5(String verb, boolean category, boolean sessionId, String grouping) {
        ObjectNode s = statement(verb, "https://lms.clinic.example/cmi5/au/8f2a6c");
        ObjectNode context = s.putObject("context").put("registration", "0f1e2d3c-0000-4000-8000-0000000000bb");
        ObjectNode activities = context.putObject("contextActivities");
        if (category) {
            activities.putArray("category").addObject().put("id", CMI5_CATEGORY);
        }
        if (sessionId) {
            context.putObject("extensions").put(CMI5_SESSION_ID, "session-1");
        }
        var groupings = activities.putArray("grouping");
        groupings.addObject().put("id", "https://lms.clinic.example/cmi5/course/3");
        groupings.addObject().put("id", grouping);
        return s;
    }

    @Test
    void aCmi5StatementAboutAnLmsActivityIdCountsForThePublishersModule() {
        TrainingEvent passed = mapped(cmi5(ADL + "passed", true, false, PRIVACY));
        assertThat(passed.moduleId()).isEqualTo("privacy");
        assertThat(passed.type()).isEqualTo(EventType.PASSED);
        assertThat(passed.activityIri()).isEqualTo("https://lms.clinic.example/cmi5/au/8f2a6c");
        assertThat(passed.registration()).isEqualTo("0f1e2d3c-0000-4000-8000-0000000000bb");

        assertThat(mapped(cmi5(ADL + "completed", false, true, PRIVACY)).type()).as("session id alone marks cmi5")
                .isEqualTo(EventType.COMPLETED);
        assertThat(mapped(cmi5(W3ID + "satisfied", true, false, PRIVACY)).satisfies()).isTrue();
    }

    @Test
    void aGroupingIsOnlyTheModuleInCmi5Statements() {
        assertThat(mapper.map(cmi5(ADL + "passed", false, false, PRIVACY))).as("no cmi5 category or session").isEmpty();
        assertThat(mapper.map(cmi5(ADL + "passed", true, true, "https://example.com/not-a-module"))).isEmpty();
    }

    @Test
    void theSameStatementAlwaysGivesTheSameEvent() {
        ObjectNode s = stored(TrainingStatements.failed("mailto:ana@clinic.example", "Ana", "privacy",
                Instant.parse("2027-01-20T09:30:00Z"), 0.5));
        TrainingEvent first = mapped(s);
        assertThat(first.scaled()).isEqualTo(0.5);
        assertThat(mapped(s.deepCopy())).isEqualTo(first);
    }
}
