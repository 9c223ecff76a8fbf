package org.hipaatraining.lrs.cmi5;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
 * objects (lessons, questions: "cmi5 allowed") pass once the session is initialized.
 * <p>
 * The whole batch is checked before anything is claimed, and claims taken before a concurrent request's conflicting
 * claim are given back: a refused batch leaves the session as it was, so the AU can send it again with new ids.
 * Results are claimed by statement id, so a statement the AU re-sends with the same id is accepted again. Claims stay
 * when the store then fails (503), since the statement log may still store the batch.
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
        Plan plan = new Plan(session, registrations.status(session.registration(), session.auActivityId()));
        for (ObjectNode statement : statements) {
            check(statement, plan);
        }
        claim(plan);
        sessions.touch(session.id(), clock.instant());
    }

    /** The session's and registration's claims as they would be after the statements checked so far, and what to write. */
    private static final class Plan {
        final SessionStore.LaunchSession session;
        final Map<SessionStore.Verb, String> verbs = new EnumMap<>(SessionStore.Verb.class);
        final Map<RegistrationStore.Result, String> results = new EnumMap<>(RegistrationStore.Result.class);
        final Map<SessionStore.Verb, String> sessionClaims = new EnumMap<>(SessionStore.Verb.class);
        final Map<RegistrationStore.Result, String> registrationClaims = new EnumMap<>(RegistrationStore.Result.class);
        String failedBy;

        Plan(SessionStore.LaunchSession session, RegistrationStore.AuStatus status) {
            this.session = session;
            for (SessionStore.Verb verb : SessionStore.Verb.values()) {
                if (session.claimed(verb) != null) {
                    verbs.put(verb, session.claimed(verb));
                }
            }
            putIfSet(RegistrationStore.Result.completedBy, status.completedBy());
            putIfSet(RegistrationStore.Result.passedBy, status.passedBy());
            putIfSet(RegistrationStore.Result.failedBy, status.failedBy());
        }

        private void putIfSet(RegistrationStore.Result result, String statementId) {
            if (statementId != null) {
                results.put(result, statementId);
            }
        }
    }

    private void check(JsonNode statement, Plan plan) {
        SessionStore.LaunchSession session = plan.session;
        String id = statement.get("id").asString();
        String verb = statement.path("verb").path("id").asString();
        String name = verb.substring(verb.lastIndexOf('/') + 1);
        boolean aboutAu = session.auActivityId().equals(statement.path("object").path("id").asString());
        if (Cmi5Vocabulary.LMS_VERBS.contains(verb)) {
            throw reject("'" + name + "' is recorded by the LMS, not by the AU (9.3)");
        }
        String terminatedBy = plan.verbs.get(SessionStore.Verb.terminatedBy);
        if (terminatedBy != null && !terminatedBy.equals(id)) {
            throw reject("this session ended with 'terminated' (9.3.8: it is the last statement); launch the AU "
                    + "again to record more");
        }
        boolean initializing = aboutAu && Cmi5Vocabulary.INITIALIZED.equals(verb);
        if (plan.verbs.get(SessionStore.Verb.initializedBy) == null && !initializing) {
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
        String completedBy = plan.results.get(RegistrationStore.Result.completedBy);
        String passedBy = plan.results.get(RegistrationStore.Result.passedBy);
        switch (name) {
            case "initialized" -> inSession(plan, SessionStore.Verb.initializedBy, id, name);
            case "completed" -> {
                if (completedBy != null && !completedBy.equals(id)) {
                    throw reject("'completed' was already recorded for this AU in registration " + session.registration()
                            + " (statement " + completedBy + "); an AU is completed at most once per "
                            + "registration (9.3.3)");
                }
                inSession(plan, SessionStore.Verb.completedBy, id, name);
                inRegistration(plan, RegistrationStore.Result.completedBy, id);
            }
            case "passed" -> {
                checkScore(statement, session, true);
                if (passedBy != null && !passedBy.equals(id)) {
                    throw reject("'passed' was already recorded for this AU in registration " + session.registration()
                            + " (statement " + passedBy + "); an AU is passed at most once per registration "
                            + "(9.3.4)");
                }
                oneOfPassedFailed(plan, id);
                inSession(plan, SessionStore.Verb.passedBy, id, name);
                inRegistration(plan, RegistrationStore.Result.passedBy, id);
            }
            case "failed" -> {
                checkScore(statement, session, false);
                if (passedBy != null) {
                    throw reject("'failed' cannot follow 'passed' in a registration (9.3): this AU was passed in "
                            + "registration " + session.registration() + " (statement " + passedBy + ")");
                }
                oneOfPassedFailed(plan, id);
                inSession(plan, SessionStore.Verb.failedBy, id, name);
                plan.failedBy = id;
            }
            case "terminated" -> inSession(plan, SessionStore.Verb.terminatedBy, id, name);
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

    private static void oneOfPassedFailed(Plan plan, String id) {
        for (SessionStore.Verb verb : List.of(SessionStore.Verb.passedBy, SessionStore.Verb.failedBy)) {
            String claimed = plan.verbs.get(verb);
            if (claimed != null && !claimed.equals(id)) {
                throw reject("this session already recorded '" + verb.name().replace("By", "")
                        + "'; a session has at most one of passed and failed (9.3)");
            }
        }
    }

    private static void inSession(Plan plan, SessionStore.Verb verb, String id, String name) {
        String holder = plan.verbs.putIfAbsent(verb, id);
        if (holder != null && !holder.equals(id)) {
            throw reject("'" + name + "' was already sent in this session; cmi5 defined verbs are not repeated in a "
                    + "session (9.3)");
        }
        if (holder == null) { // already held by this id (a re-send after a failed store): not this batch's to give back
            plan.sessionClaims.put(verb, id);
        }
    }

    private static void inRegistration(Plan plan, RegistrationStore.Result result, String id) {
        if (plan.results.put(result, id) == null) { // the check above refused another holder; this one may hold it
            plan.registrationClaims.put(result, id);
        }
    }

    /**
     * Takes the batch's claims, conditional on each being free (another request may have taken one since the check);
     * on a conflict gives back those this batch took and refuses it. Writes that cannot conflict come last.
     */
    private void claim(Plan plan) {
        SessionStore.LaunchSession session = plan.session;
        List<Runnable> taken = new ArrayList<>();
        try {
            plan.registrationClaims.forEach((result, id) -> {
                if (!registrations.claim(session.registration(), session.auActivityId(), result, id)) {
                    throw reject("'" + result.name().replace("By", "") + "' was already recorded for this AU in registration "
                            + session.registration() + " by another statement sent at the same time");
                }
                taken.add(() -> registrations.release(session.registration(), session.auActivityId(), result, id));
            });
            plan.sessionClaims.forEach((verb, id) -> {
                if (!sessions.claim(session.id(), verb, id)) {
                    throw reject("'" + verb.name().replace("By", "") + "' was already sent in this session; cmi5 defined "
                            + "verbs are not repeated in a session (9.3)");
                }
                taken.add(() -> sessions.release(session.id(), verb, id));
            });
        } catch (XapiException e) {
            taken.forEach(Runnable::run);
            throw e;
        }
        if (plan.failedBy != null) {
            registrations.record(session.registration(), session.auActivityId(), RegistrationStore.Result.failedBy, plan.failedBy);
        }
        if (plan.sessionClaims.containsKey(SessionStore.Verb.terminatedBy)) {
            sessions.terminate(session.id(), clock.instant());
        }
    }

    private static XapiException reject(String message) {
        return XapiException.badRequest("cmi5: " + message);
    }
}
