package org.hipaatraining.lrs.cmi5;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapimodel.XapiVersion;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapi.validation.StatementValidator;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Enrols learners in cmi5 courses and waives AUs. A learner has one current registration per course; {@code renew}
 * starts a new one (the next cycle, e.g. next year's refresher), since an AU can be passed only once per registration.
 */
@Service
class RegistrationService {

    private static final int ATTEMPTS = 3;

    private final CourseRegistry courses;
    private final RegistrationStore registrations;
    private final Satisfaction satisfaction;
    private final LmsStatements lms;
    private final Clock clock;

    RegistrationService(CourseRegistry courses, RegistrationStore registrations, Satisfaction satisfaction,
                        LmsStatements lms, Clock clock) {
        this.courses = courses;
        this.registrations = registrations;
        this.satisfaction = satisfaction;
        this.lms = lms;
        this.clock = clock;
    }

    /** A registration and whether this call created it. */
    record Enrolment(RegistrationStore.Registration registration, boolean created) {
    }

    Enrolment register(String courseId, JsonNode actor, boolean renew) {
        if (courseId == null || courseId.isBlank()) {
            throw new Cmi5Exception("courseId: required");
        }
        checkActor(actor);
        CourseStructure structure = courses.course(courseId).structure();
        String actorKey = AgentKey.of(actor);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var latest = registrations.latest(courseId, actorKey);
            if (latest.isPresent() && !renew) {
                return new Enrolment(latest.get(), false);
            }
            RegistrationStore.Registration registration = new RegistrationStore.Registration(UUID.randomUUID().toString(),
                    courseId, actor, actorKey, latest.map(r -> r.cycle() + 1).orElse(0), clock.instant());
            if (registrations.insert(registration)) {
                satisfaction.evaluate(registration, structure, null);
                return new Enrolment(registration, true);
            }
        }
        throw Cmi5Exception.conflict("another request enrolled this learner at the same time; retry");
    }

    /** 9.3.7: an admin marks an AU as met by other means; its satisfied criteria follow. */
    String waive(String registrationId, String auId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Cmi5Exception("reason: required, e.g. \"Tested Out\", \"Equivalent AU\", "
                    + "\"Equivalent Outside Activity\" or \"Administrative\" (9.5.5.2)");
        }
        RegistrationStore.Registration registration = find(registrationId);
        CourseStructure structure = courses.course(registration.courseId()).structure();
        CourseStructure.Au au = structure.au(auId == null ? "" : auId).orElseThrow(() -> new Cmi5Exception("auId: '"
                + auId + "' is not an AU of course " + registration.courseId()));
        RegistrationStore.AuStatus status = registrations.status(registration.id(), au.activityId());
        if (status.waivedBy() != null || Satisfaction.satisfied(au, status)) {
            throw Cmi5Exception.conflict("the AU is already " + (status.waivedBy() != null ? "waived" : "satisfied")
                    + " in this registration; cmi5 allows one waiver per AU per registration (9.3.7)");
        }
        String pending = "pending-" + UUID.randomUUID();
        if (!registrations.claim(registration.id(), au.activityId(), RegistrationStore.Result.waivedBy, pending)) {
            throw Cmi5Exception.conflict("the AU was waived by another request at the same time");
        }
        String statementId;
        try {
            statementId = lms.waived(registration.actor(), registration.id(), au, reason.trim());
        } catch (RuntimeException e) {
            registrations.record(registration.id(), au.activityId(), RegistrationStore.Result.waivedBy, null);
            throw e;
        }
        registrations.record(registration.id(), au.activityId(), RegistrationStore.Result.waivedBy, statementId);
        satisfaction.evaluate(registration, structure, null);
        return statementId;
    }

    RegistrationStore.Registration find(String id) {
        return registrations.find(id).orElseThrow(() -> Cmi5Exception.notFound("no cmi5 registration '" + id + "'"));
    }

    /** One AU's standing in a registration, for admins and the LTI layer. */
    record AuView(String auId, String activityId, String title, String moveOn, boolean completed, boolean passed,
                  boolean failed, boolean waived, boolean satisfied) {
    }

    record RegistrationView(String registration, String courseId, JsonNode actor, int cycle, boolean satisfied,
                            List<AuView> aus) {
    }

    RegistrationView view(String id) {
        RegistrationStore.Registration registration = find(id);
        CourseStructure structure = courses.course(registration.courseId()).structure();
        Map<String, RegistrationStore.AuStatus> statuses = registrations.statuses(id);
        List<AuView> aus = new ArrayList<>();
        for (CourseStructure.Au au : structure.aus()) {
            RegistrationStore.AuStatus s = statuses.getOrDefault(au.activityId(), RegistrationStore.AuStatus.NONE);
            aus.add(new AuView(au.publisherId(), au.activityId(), au.title(), au.moveOn().name(), s.completedBy() != null,
                    s.passedBy() != null, s.failedBy() != null, s.waivedBy() != null, Satisfaction.satisfied(au, s)));
        }
        return new RegistrationView(id, registration.courseId(), registration.actor(), registration.cycle(),
                registrations.satisfied(id).contains(structure.activityId()), aus);
    }

    /** cmi5 9.2: the actor is an Agent identified by an account (the LMS's user id, no personal data needed). */
    private static void checkActor(JsonNode actor) {
        if (actor == null || !actor.isObject()) {
            throw new Cmi5Exception("actor: required, an Agent such as {\"objectType\": \"Agent\", \"account\": "
                    + "{\"homePage\": \"https://clinic.example\", \"name\": \"1625378\"}}");
        }
        try {
            new StatementValidator(XapiVersion.V1_0_3).agent(actor, "actor");
        } catch (XapiException e) {
            throw new Cmi5Exception(e.getMessage());
        }
        if (!actor.has("account")) {
            throw new Cmi5Exception("actor: cmi5 needs an account identifier (9.2), not mbox or openid");
        }
    }
}
