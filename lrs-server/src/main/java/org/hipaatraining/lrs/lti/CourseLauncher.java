package org.hipaatraining.lrs.lti;

import java.net.URI;

import org.hipaatraining.lrs.compliance.roster.Person;
import tools.jackson.databind.JsonNode;

/**
 * Starts a course for a learner who arrived by LTI and says where to send their browser. The LTI side does not care how
 * the course is played; the cmi5 launcher implements it (registration, {@code LMS.LaunchData}, launched statement,
 * one-time fetch URL), so LTI launches are verified launches in the compliance records.
 */
public interface CourseLauncher {

    /**
     * @param courseId  what the LMS link opens: {@code role:<role id>} (the role's course) or {@code module:<module id>}
     * @param auId      the module to start (for a role's course, the one the learner should take next)
     * @param person    the learner on the roster
     * @param actor     the xAPI agent for the learner's statements: account {homePage: platform issuer, name: LTI sub}
     * @param returnUrl where the LMS wants the learner sent back when done; may be null
     * @return the URL the learner's browser is redirected to
     */
    URI launch(String courseId, String auId, Person person, JsonNode actor, String returnUrl);
}
