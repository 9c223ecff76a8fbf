package org.hipaatraining.lrs.cmi5;

import java.time.Clock;
import java.util.List;

import org.hipaatraining.lrs.auth.XapiClient;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapi.statements.LaunchSessionRules;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The LMS's checks on statements an AU sends with its launch token (cmi5 6.3: the LMS should reject statements that
 * break the spec's rules), in request order: the session's first statement is {@code initialized} (7.1.1); nothing
 * follows {@code terminated} (9.3.8); the LMS's own verbs are refused; completed, passed and failed only in Normal mode
 * (10.2.2) and consistent with the masteryScore (9.3.4, 9.3.5); per session each verb once and at most one of
 * passed/failed; per registration one completed, one passed, and no failed after passed (9.3). Statements about other
 * objects (lessons, questions: "cmi5 allowed") pass once the session is initialized. Results are claimed as they are
 * checked, so a statement the AU re-sends with the same id is accepted again.
 */
@Component
class SessionRules implements LaunchSessionRules {

    private final SessionStore sessions;
    private final RegistrationStore registrations;
    private final Clock clock;

    SessionRules(SessionStore sessions, RegistrationStore registrations, Clock clock) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.clock = clock;
    }

    @Override
    public void beforeStore(List<ObjectNode> statements, XapiClient client) {
        SessionStore.LaunchSession session = sessions.find(client.restriction().sessionId())
                .orElseThrow(() -> XapiException.forbidden("this launch session no longer exists"));
        for (ObjectNode statement : statements) {
            check(statement, sessions.find(session.id()).orElseThrow());
        }
        sessions.touch(session.id(), clock.instant());
    }

    private void check(JsonNode statement, SessionStore.LaunchSession session) {
        String id = statement.get("id").asString();
        String verb = statement.path("verb").path("id").asString();
        String name = verb.substring(verb.lastIndexOf('/') + 1);
        boolean aboutAu = session.auActivityId().equals(statement.path("object").path("id").asString());
        if (Cmi5Vocabulary.LMS_VERBS.contains(verb)) {
            throw reject("'" + name + "' is recorded by the LMS, not by the AU (9.3)");
        }
        String terminatedBy = session.claimed(SessionStore.Verb.terminatedBy);
        if (terminatedBy != null && !terminatedBy.equals(id)) {
            throw reject("this session ended with 'terminated' (9.3.8: it is the last statement); launch the AU "
                    + "again to record more");
        }
        String initializedBy = session.claimed(SessionStore.Verb.initializedBy);
        boolean initializing = aboutAu && Cmi5Vocabulary.INITIALIZED.equals(verb);
        if (initializedBy == null && !initializing) {
            throw reject("the first statement of a cmi5 session must be 'initialized' about the AU (7.1.1); got '"
                    + name + "'" + (aboutAu ? "" : " about " + statement.path("object").path("id").asString()));
        }
        if (!aboutAu || !Cmi5Vocabulary.AU_VERBS.contains(verb)) {
            return; // cmi5 allowed: any verb about any object, between initialized and terminated
        }
        if (Cmi5Vocabulary.RESULT_VERBS.contains(verb) && !"Normal".equals(session.launchMode())) {
            throw reject("'" + name + "' is not allowed in " + session.launchMode()
                    + " launch mode: only Normal mode records results (10.2.2)");
        }
        RegistrationStore.AuStatus results = registrations.status(session.registration(), session.auActivityId());
        switch (name) {
            case "initialized" -> claimInSession(session, SessionStore.Verb.initializedBy, id, name);
            case "completed" -> {
                if (results.completedBy() != null && !results.completedBy().equals(id)) {
                    throw reject("'completed' was already recorded for this AU in registration " + session.registration()
                            + " (statement " + results.completedBy() + "); an AU is completed at most once per "
                            + "registration (9.3.3)");
                }
                claimInRegistration(session, RegistrationStore.Result.completedBy, id, "completed");
                claimInSession(session, SessionStore.Verb.completedBy, id, name);
            }
            case "passed" -> {
                checkScore(statement, session, true);
                if (results.passedBy() != null && !results.passedBy().equals(id)) {
                    throw reject("'passed' was already recorded for this AU in registration " + session.registration()
                            + " (statement " + results.passedBy() + "); an AU is passed at most once per registration "
                            + "(9.3.4)");
                }
                oneOfPassedFailed(session, id);
                claimInRegistration(session, RegistrationStore.Result.passedBy, id, "passed");
                claimInSession(session, SessionStore.Verb.passedBy, id, name);
            }
            case "failed" -> {
                checkScore(statement, session, false);
                if (results.passedBy() != null) {
                    throw reject("'failed' cannot follow 'passed' in a registration (9.3): this AU was passed in "
                            + "registration " + session.registration() + " (statement " + results.passedBy() + ")");
                }
                oneOfPassedFailed(session, id);
                claimInSession(session, SessionStore.Verb.failedBy, id, name);
                registrations.record(session.registration(), session.auActivityId(), RegistrationStore.Result.failedBy, id);
            }
            case "terminated" -> {
                claimInSession(session, SessionStore.Verb.terminatedBy, id, name);
                sessions.terminate(session.id(), clock.instant());
            }
            default -> {
            }
        }
    }

    /** 9.3.4 and 9.3.5: a scaled score on passed is at least the masteryScore, on failed below it. */
    private static void checkScore(JsonNode statement, SessionStore.LaunchSession session, boolean passed) {
        JsonNode result = statement.path("result");
        if (result.path("success").isBoolean() && result.get("success").asBoolean() != passed) {
            throw reject("'" + (passed ? "passed" : "failed") + "' needs result.success " + passed + " (9.5.2)");
        }
        JsonNode scaled = result.path("score").path("scaled");
        if (session.masteryScore() == null || !scaled.isNumber()) {
            return;
        }
        double score = scaled.asDouble();
        if (passed && score < session.masteryScore()) {
            throw reject("'passed' with scaled score " + score + " is below the masteryScore " + session.masteryScore()
                    + " (9.3.4)");
        }
        if (!passed && score >= session.masteryScore()) {
            throw reject("'failed' with scaled score " + score + " meets the masteryScore " + session.masteryScore()
                    + " (9.3.5)");
        }
    }

    private static void oneOfPassedFailed(SessionStore.LaunchSession session, String id) {
        for (SessionStore.Verb verb : List.of(SessionStore.Verb.passedBy, SessionStore.Verb.failedBy)) {
            String claimed = session.claimed(verb);
            if (claimed != null && !claimed.equals(id)) {
                throw reject("this session already recorded '" + verb.name().replace("By", "")
                        + "'; a session has at most one of passed and failed (9.3)");
            }
        }
    }

    private void claimInSession(SessionStore.LaunchSession session, SessionStore.Verb verb, String id, String name) {
        if (!sessions.claim(session.id(), verb, id)) {
            throw reject("'" + name + "' was already sent in this session; cmi5 defined verbs are not repeated in a "
                    + "session (9.3)");
        }
    }

    private void claimInRegistration(SessionStore.LaunchSession session, RegistrationStore.Result result, String id,
                                     String name) {
        if (!registrations.claim(session.registration(), session.auActivityId(), result, id)) {
            throw reject("'" + name + "' was already recorded for this AU in registration " + session.registration()
                    + " by another statement sent at the same time");
        }
    }

    private static XapiException reject(String message) {
        return XapiException.badRequest("cmi5: " + message);
    }
}
