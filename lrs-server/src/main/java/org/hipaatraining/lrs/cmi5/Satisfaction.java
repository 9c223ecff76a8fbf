package org.hipaatraining.lrs.cmi5;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hipaatraining.lrs.auth.XapiClient;
import org.hipaatraining.lrs.xapi.statements.StatementsStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decides when blocks and the course are satisfied (9.3.9) and records it once per registration: after every statement
 * a launch token stores (the AU's results may have met its moveOn), after a waiver, and when a registration is created
 * (9.6.1: NotApplicable AUs are satisfied from the start). An AU is satisfied when its moveOn is met by the
 * registration's completed/passed results, or it was waived.
 */
@Component
class Satisfaction {

    private static final Logger log = LoggerFactory.getLogger(Satisfaction.class);

    private final RegistrationStore registrations;
    private final SessionStore sessions;
    private final CourseRegistry courses;
    private final LmsStatements lms;

    Satisfaction(RegistrationStore registrations, SessionStore sessions, CourseRegistry courses, LmsStatements lms) {
        this.registrations = registrations;
        this.sessions = sessions;
        this.courses = courses;
        this.lms = lms;
    }

    @EventListener
    void onStored(StatementsStored stored) {
        XapiClient.LaunchRestriction restriction = stored.client().restriction();
        if (restriction == null) {
            return;
        }
        try {
            sessions.find(restriction.sessionId()).ifPresent(session -> registrations.find(session.registration())
                    .ifPresent(r -> evaluate(r, courses.structure(r.courseId()), session.id())));
        } catch (RuntimeException e) {
            // The AU's statements are stored; failing its request now would only make it retry them. The next
            // statement of the registration (or a waiver) evaluates again.
            log.error("cmi5: could not evaluate satisfaction after session {}: {}", restriction.sessionId(), e.toString(), e);
        }
    }

    /**
     * Writes satisfied for every block and the course whose AUs are all satisfied and that has none yet.
     *
     * @param sessionId the launch session that caused this, or null outside a session (a new session id is used)
     */
    void evaluate(RegistrationStore.Registration registration, CourseStructure structure, String sessionId) {
        Map<String, RegistrationStore.AuStatus> statuses = registrations.statuses(registration.id());
        List<String> done = registrations.satisfied(registration.id());
        for (CourseStructure.Block block : blocksInnermostFirst(structure.children())) {
            if (!done.contains(block.activityId()) && allSatisfied(CourseStructure.ausOf(block), statuses)
                    && registrations.markSatisfied(registration.id(), block.activityId())) {
                lms.satisfied(registration.actor(), registration.id(), sessionId, block.activityId(), block.publisherId(),
                        Cmi5Vocabulary.TYPE_BLOCK, block.title());
            }
        }
        if (!done.contains(structure.activityId()) && allSatisfied(structure.aus(), statuses)
                && registrations.markSatisfied(registration.id(), structure.activityId())) {
            lms.satisfied(registration.actor(), registration.id(), sessionId, structure.activityId(),
                    structure.publisherId(), Cmi5Vocabulary.TYPE_COURSE, structure.title());
        }
    }

    /** Whether an AU has met its moveOn in a registration. */
    static boolean satisfied(CourseStructure.Au au, RegistrationStore.AuStatus status) {
        return au.moveOn().met(status.completedBy() != null, status.passedBy() != null, status.waivedBy() != null);
    }

    private static boolean allSatisfied(List<CourseStructure.Au> aus, Map<String, RegistrationStore.AuStatus> statuses) {
        return aus.stream().allMatch(au -> satisfied(au, statuses.getOrDefault(au.activityId(),
                RegistrationStore.AuStatus.NONE)));
    }

    private static List<CourseStructure.Block> blocksInnermostFirst(List<CourseStructure.Node> nodes) {
        List<CourseStructure.Block> blocks = new ArrayList<>();
        for (CourseStructure.Node node : nodes) {
            if (node instanceof CourseStructure.Block block) {
                blocks.addAll(blocksInnermostFirst(block.children()));
                blocks.add(block);
            }
        }
        return blocks;
    }
}
