package org.hipaatraining.lrs.cmi5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.hipaatraining.lrs.auth.Scope;
import org.hipaatraining.lrs.auth.XapiClient;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.node.ObjectNode;

/**
 * The LMS's rules for statements an AU sends with its launch token (cmi5 7.1.1, 9.3, 9.5.2, 10.2.2), checked on
 * in-memory sessions and registrations instead of MongoDB: the stores are subclassed by hand-written fakes.
 */
class SessionRulesTest {

    private static final String ADL = "http://adlnet.gov/expapi/verbs/";
    private static final String AU = "https://hipaa-training.org/xapi/activities/module/privacy";
    private static final String LESSON = AU + "/lesson/what-phi-is";
    private static final String REGISTRATION = "0f1e2d3c-0000-4000-8000-000000000001";
    private static final Instant NOW = Instant.parse("2027-01-20T09:30:00Z");

    private final FakeSessions sessions = new FakeSessions();
    private final FakeRegistrations registrations = new FakeRegistrations();
    private final SessionRules rules = new SessionRules(sessions, registrations, Clock.fixed(NOW, ZoneOffset.UTC));
    private final AtomicInteger ids = new AtomicInteger();

    // ---- fakes of the two Mongo stores: the same claim semantics, in maps

    /** Sessions in a map; a claim succeeds when free or held by the same statement, as the conditional update does. */
    static final class FakeSessions extends SessionStore {
        final Map<String, SessionStore.LaunchSession> launched = new HashMap<>();
        final Map<String, Map<Verb, String>> claims = new HashMap<>();
        final Map<String, Instant> touched = new HashMap<>();
        final Map<String, Instant> terminated = new HashMap<>();

        FakeSessions() {
            super(null);
        }

        void add(String id, String registration, String launchMode, Double masteryScore) {
            launched.put(id, new LaunchSession(id, registration, "course-privacy", AU, AU, null, "mbox|mailto:ana@clinic.example",
                    launchMode, masteryScore, "CompletedOrPassed", NOW.minusSeconds(60), NOW.plusSeconds(3600), "f", "t", true,
                    NOW.minusSeconds(60), null, null, new Document()));
            claims.put(id, new EnumMap<>(Verb.class));
        }

        @Override
        Optional<LaunchSession> find(String id) {
            LaunchSession s = launched.get(id);
            if (s == null) {
                return Optional.empty();
            }
            Document verbs = new Document();
            claims.get(id).forEach((verb, statement) -> verbs.append(verb.name(), statement));
            return Optional.of(new LaunchSession(s.id(), s.registration(), s.courseId(), s.auActivityId(), s.auPublisherId(),
                    s.actor(), s.actorKey(), s.launchMode(), s.masteryScore(), s.moveOn(), s.launchedAt(), s.expiresAt(),
                    s.fetchCodeHash(), s.tokenHash(), !terminated.containsKey(id), touched.getOrDefault(id, s.lastActivityAt()),
                    terminated.get(id), null, verbs));
        }

        @Override
        boolean claim(String id, Verb verb, String statementId) {
            String holder = claims.get(id).putIfAbsent(verb, statementId);
            return holder == null || holder.equals(statementId);
        }

        @Override
        void release(String id, Verb verb, String statementId) {
            claims.get(id).remove(verb, statementId);
        }

        @Override
        void touch(String id, Instant when) {
            touched.put(id, when);
        }

        @Override
        void terminate(String id, Instant when) {
            terminated.put(id, when);
        }
    }

    /** Per-AU results of registrations in a map. */
    static class FakeRegistrations extends RegistrationStore {
        final Map<String, Map<Result, String>> results = new HashMap<>();

        FakeRegistrations() {
            super(null);
        }

        private Map<Result, String> of(String registration, String au) {
            return results.computeIfAbsent(registration + "|" + au, k -> new EnumMap<>(Result.class));
        }

        @Override
        AuStatus status(String registration, String auActivityId) {
            Map<Result, String> r = of(registration, auActivityId);
            return new AuStatus(r.get(Result.completedBy), r.get(Result.passedBy), r.get(Result.failedBy), r.get(Result.waivedBy));
        }

        @Override
        boolean claim(String registration, String auActivityId, Result result, String statementId) {
            String holder = of(registration, auActivityId).putIfAbsent(result, statementId);
            return holder == null || holder.equals(statementId);
        }

        @Override
        void release(String registration, String auActivityId, Result result, String statementId) {
            of(registration, auActivityId).remove(result, statementId);
        }

        @Override
        void record(String registration, String auActivityId, Result result, String statementId) {
            of(registration, auActivityId).put(result, statementId);
        }
    }

    // ---- helpers

    private String launch(String mode, Double masteryScore) {
        return launchIn(REGISTRATION, mode, masteryScore);
    }

    private String launchIn(String registration, String mode, Double masteryScore) {
        String id = "session-" + ids.incrementAndGet();
        sessions.add(id, registration, mode, masteryScore);
        return id;
    }

    private static XapiClient token(String sessionId) {
        return new XapiClient("launch-token", "cmi5 AU", Set.of(Scope.STATEMENTS_WRITE), XapiJson.MAPPER.createObjectNode(),
                new XapiClient.LaunchRestriction("mbox|mailto:ana@clinic.example", REGISTRATION, AU, sessionId));
    }

    private ObjectNode statement(String verb, String object) {
        ObjectNode s = XapiJson.MAPPER.createObjectNode().put("id", "statement-" + ids.incrementAndGet());
        s.putObject("actor").put("mbox", "mailto:ana@clinic.example");
        s.putObject("verb").put("id", verb.contains(":") ? verb : ADL + verb);
        s.putObject("object").put("id", object);
        return s;
    }

    private ObjectNode au(String verb) {
        return statement(verb, AU);
    }

    private ObjectNode scored(String verb, Boolean success, double scaled) {
        ObjectNode s = au(verb);
        ObjectNode result = s.putObject("result");
        if (success != null) {
            result.put("success", success);
        }
        result.putObject("score").put("scaled", scaled);
        return s;
    }

    private void send(String session, ObjectNode... statements) {
        rules.beforeStore(List.of(statements), token(session));
    }

    private void assertRejected(String session, ObjectNode statement, String message) {
        assertThatThrownBy(() -> send(session, statement)).isInstanceOfSatisfying(XapiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.getMessage()).startsWith("cmi5: ").contains(message);
        });
    }

    private String initialized(String mode, Double masteryScore) {
        String session = launch(mode, masteryScore);
        send(session, au("initialized"));
        return session;
    }

    // ---- 7.1.1: initialized first

    @Test
    void aSessionsFirstStatementMustBeInitialized() {
        String session = launch("Normal", null);
        assertRejected(session, au("completed"), "the first statement of a cmi5 session must be 'initialized' about the AU "
                + "(7.1.1); got 'completed'");
        assertRejected(session, statement("experienced", LESSON), "got 'experienced' about " + LESSON);
        assertRejected(session, statement("initialized", LESSON), "must be 'initialized' about the AU");
        assertThatCode(() -> send(session, au("initialized"))).doesNotThrowAnyException();
        assertThat(sessions.claims.get(session)).containsKey(SessionStore.Verb.initializedBy);
    }

    @Test
    void initializedAndAllowedStatementsInOneBatchAreAccepted() {
        String session = launch("Normal", null);
        send(session, au("initialized"), statement("experienced", LESSON), statement("answered", AU + "/question/q1"),
                au("https://w3id.org/xapi/adl/verbs/progressed"));
        assertThat(sessions.touched).containsEntry(session, NOW);
    }

    @Test
    void anyVerbAboutAnotherObjectIsCmi5AllowedOnceInitialized() {
        String session = initialized("Browse", 0.8);
        assertThatCode(() -> send(session, statement("completed", LESSON), statement("passed", LESSON),
                statement("failed", LESSON))).as("results about a lesson are not the AU's").doesNotThrowAnyException();
        assertThat(registrations.status(REGISTRATION, AU)).isEqualTo(RegistrationStore.AuStatus.NONE);
        assertThat(sessions.claims.get(session)).containsOnlyKeys(SessionStore.Verb.initializedBy);
    }

    // ---- 9.3: verbs the LMS alone uses

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ADL + "launched", "https://w3id.org/xapi/adl/verbs/abandoned",
            "https://w3id.org/xapi/adl/verbs/waived", "https://w3id.org/xapi/adl/verbs/satisfied"})
    void theLmsVerbsAreRefusedFromAnAu(String verb) {
        String name = verb.substring(verb.lastIndexOf('/') + 1);
        assertRejected(launch("Normal", null), au(verb), "'" + name + "' is recorded by the LMS, not by the AU (9.3)");
        assertRejected(initialized("Normal", null), au(verb), "recorded by the LMS");
    }

    // ---- 9.3: each verb once per session, a re-send accepted

    @Test
    void aSecondInitializedInASessionIsRefused() {
        String session = initialized("Normal", null);
        assertRejected(session, au("initialized"), "'initialized' was already sent in this session; cmi5 defined verbs "
                + "are not repeated in a session (9.3)");
    }

    @Test
    void aStatementReSentWithTheSameIdIsAcceptedAgain() {
        String session = launch("Normal", 0.8);
        ObjectNode initialized = au("initialized");
        ObjectNode completed = au("completed");
        ObjectNode passed = scored("passed", true, 0.9);
        send(session, initialized, completed, passed);
        assertThatCode(() -> send(session, initialized, completed, passed)).doesNotThrowAnyException();
    }

    // ---- 9.3.8: terminated is last

    @Test
    void nothingFollowsTerminated() {
        String session = initialized("Normal", null);
        ObjectNode terminated = au("terminated");
        send(session, terminated);
        assertThat(sessions.terminated).containsEntry(session, NOW);
        assertThatCode(() -> send(session, terminated)).as("a re-send").doesNotThrowAnyException();
        assertRejected(session, statement("experienced", LESSON), "this session ended with 'terminated' (9.3.8");
        assertRejected(session, au("terminated"), "ended with 'terminated'");
    }

    @Test
    void aSessionThatNoLongerExistsIsForbidden() {
        assertThatThrownBy(() -> send("session-gone", au("initialized"))).isInstanceOfSatisfying(XapiException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    // ---- 10.2.2: results only in Normal mode

    @ParameterizedTest(name = "{0} in {1} mode")
    @CsvSource({"completed, Browse", "passed, Browse", "failed, Browse", "completed, Review", "passed, Review", "failed, Review"})
    void resultVerbsAreOnlyRecordedInNormalMode(String verb, String mode) {
        String session = initialized(mode, null);
        assertRejected(session, au(verb), "'" + verb + "' is not allowed in " + mode + " launch mode");
        assertThat(registrations.status(REGISTRATION, AU)).isEqualTo(RegistrationStore.AuStatus.NONE);
    }

    @ParameterizedTest(name = "{0} mode")
    @ValueSource(strings = {"Browse", "Review"})
    void otherModesMayInitializeAndTerminate(String mode) {
        String session = launch(mode, null);
        assertThatCode(() -> send(session, au("initialized"), statement("experienced", LESSON), au("terminated")))
                .doesNotThrowAnyException();
    }

    // ---- 9.3.4, 9.3.5, 9.5.2: scores against the masteryScore, success agreeing with the verb

    @ParameterizedTest(name = "{0} with {1} against mastery 0.8: {2}")
    @CsvSource({
            "passed, 0.8, accepted",
            "passed, 0.95, accepted",
            "passed, 0.79, 'is below the masteryScore 0.8 (9.3.4)'",
            "failed, 0.79, accepted",
            "failed, 0.0, accepted",
            "failed, 0.8, 'meets the masteryScore 0.8 (9.3.5)'",
            "failed, 1.0, 'meets the masteryScore'"})
    void aScaledScoreMustAgreeWithTheMasteryScore(String verb, double scaled, String outcome) {
        String session = initialized("Normal", 0.8);
        ObjectNode statement = scored(verb, verb.equals("passed"), scaled);
        if (outcome.equals("accepted")) {
            assertThatCode(() -> send(session, statement)).doesNotThrowAnyException();
        } else {
            assertRejected(session, statement, outcome);
        }
    }

    @Test
    void withoutAMasteryScoreAnyScoreGoes() {
        assertThatCode(() -> send(initialized("Normal", null), scored("passed", true, 0.1))).doesNotThrowAnyException();
        String otherRegistration = launchIn("0f1e2d3c-0000-4000-8000-000000000002", "Normal", null);
        send(otherRegistration, au("initialized"));
        assertThatCode(() -> send(otherRegistration, scored("failed", false, 1.0))).doesNotThrowAnyException();
    }

    @Test
    void passedOrFailedWithoutAScaledScoreIsNotCheckedAgainstMastery() {
        String session = initialized("Normal", 0.8);
        ObjectNode rawOnly = au("passed");
        rawOnly.putObject("result").put("success", true).putObject("score").put("raw", 2).put("max", 10);
        assertThatCode(() -> send(session, rawOnly)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} with success {1}")
    @CsvSource({"passed, false", "failed, true"})
    void resultSuccessMustAgreeWithPassedOrFailed(String verb, boolean success) {
        String session = initialized("Normal", null);
        assertRejected(session, scored(verb, success, 0.5), "'" + verb + "' needs result.success " + !success + " (9.5.2)");
    }

    // ---- 9.3: at most one of passed and failed per session; per registration completed and passed once

    @Test
    void aSessionHasAtMostOneOfPassedAndFailed() {
        String failedFirst = initialized("Normal", 0.8);
        send(failedFirst, scored("failed", false, 0.5));
        assertRejected(failedFirst, scored("passed", true, 0.9), "this session already recorded 'failed'; a session has "
                + "at most one of passed and failed");

        String passedFirst = initialized("Normal", null);
        send(passedFirst, au("passed"));
        assertRejected(passedFirst, au("passed"), "'passed' was already recorded for this AU in registration " + REGISTRATION);
    }

    @Test
    void aLearnerMayFailAndRetakeThenPassInALaterSession() {
        String first = initialized("Normal", 0.8);
        ObjectNode failed = scored("failed", false, 0.5);
        send(first, failed, au("terminated"));
        String second = initialized("Normal", 0.8);
        ObjectNode failedAgain = scored("failed", false, 0.6);
        send(second, failedAgain, au("terminated"));
        assertThat(registrations.status(REGISTRATION, AU).failedBy()).as("the latest failure").isEqualTo(id(failedAgain));

        String third = initialized("Normal", 0.8);
        ObjectNode passed = scored("passed", true, 0.9);
        send(third, passed);
        assertThat(registrations.status(REGISTRATION, AU).passedBy()).isEqualTo(id(passed));
    }

    @Test
    void anAuIsPassedAtMostOncePerRegistration() {
        String first = initialized("Normal", null);
        ObjectNode passed = au("passed");
        send(first, passed, au("terminated"));
        String second = initialized("Normal", null);
        assertRejected(second, au("passed"), "'passed' was already recorded for this AU in registration " + REGISTRATION
                + " (statement " + id(passed) + "); an AU is passed at most once per registration (9.3.4)");
    }

    @Test
    void failedCannotFollowPassedInARegistration() {
        String first = initialized("Normal", null);
        ObjectNode passed = au("passed");
        send(first, passed, au("terminated"));
        assertRejected(initialized("Normal", null), au("failed"), "'failed' cannot follow 'passed' in a registration (9.3)");
        assertThat(registrations.status(REGISTRATION, AU).failedBy()).isNull();
    }

    @Test
    void anAuIsCompletedAtMostOncePerRegistration() {
        String first = initialized("Normal", null);
        ObjectNode completed = au("completed");
        send(first, completed, au("terminated"));
        assertThat(registrations.status(REGISTRATION, AU).completedBy()).isEqualTo(id(completed));
        assertRejected(initialized("Normal", null), au("completed"), "'completed' was already recorded for this AU in "
                + "registration " + REGISTRATION + " (statement " + id(completed) + "); an AU is completed at most once "
                + "per registration (9.3.3)");
    }

    @Test
    void aRegistrationClaimTakenByAConcurrentStatementIsRefused() {
        String session = initialized("Normal", null);
        ObjectNode completed = au("completed");
        // Another session's statement claims 'completed' between this statement's status read and its claim.
        FakeRegistrations racing = new FakeRegistrations() {
            @Override
            AuStatus status(String registration, String auActivityId) {
                AuStatus before = super.status(registration, auActivityId);
                super.claim(registration, auActivityId, Result.completedBy, "statement-from-another-session");
                return before;
            }
        };
        SessionRules raced = new SessionRules(sessions, racing, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThatThrownBy(() -> raced.beforeStore(List.of(completed), token(session)))
                .isInstanceOf(XapiException.class).hasMessageContaining("by another statement sent at the same time");
    }

    private static String id(ObjectNode statement) {
        return statement.get("id").asString();
    }

    @Test
    void aRefusedBatchClaimsNothingSoTheAuCanSendItAgainWithNewIds() {
        String session = initialized("Normal", 0.8);
        // 'completed' is fine, but the 'passed' after it is below the masteryScore: the whole batch is refused.
        assertThatThrownBy(() -> send(session, au("completed"), scored("passed", true, 0.5)))
                .isInstanceOf(XapiException.class).hasMessageContaining("below the masteryScore");

        assertThat(sessions.claims.get(session)).doesNotContainKeys(SessionStore.Verb.completedBy, SessionStore.Verb.passedBy);
        assertThat(registrations.status(REGISTRATION, AU).completedBy()).isNull();
        ObjectNode completed = au("completed"); // the AU sends again without ids: the LRS gives new ones
        send(session, completed, scored("passed", true, 0.9));
        assertThat(registrations.status(REGISTRATION, AU).completedBy()).isEqualTo(id(completed));
    }

    @Test
    void claimsTakenBeforeAConcurrentConflictAreGivenBack() {
        String session = initialized("Normal", null);
        // Another session passes this AU between this batch's check and its claims: 'completed' was claimed first.
        FakeRegistrations racing = new FakeRegistrations() {
            @Override
            boolean claim(String registration, String auActivityId, Result result, String statementId) {
                if (result == Result.passedBy) {
                    super.claim(registration, auActivityId, result, "statement-from-another-session");
                }
                return super.claim(registration, auActivityId, result, statementId);
            }
        };
        SessionRules raced = new SessionRules(sessions, racing, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> raced.beforeStore(List.of(au("completed"), scored("passed", true, 0.9)), token(session)))
                .isInstanceOf(XapiException.class).hasMessageContaining("by another statement sent at the same time");

        assertThat(racing.status(REGISTRATION, AU).completedBy()).as("given back").isNull();
        assertThat(sessions.claims.get(session)).doesNotContainKeys(SessionStore.Verb.completedBy, SessionStore.Verb.passedBy);
        assertThat(sessions.terminated).isEmpty();
    }
}
