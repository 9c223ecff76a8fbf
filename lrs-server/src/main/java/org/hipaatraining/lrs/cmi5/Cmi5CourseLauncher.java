package org.hipaatraining.lrs.cmi5;

import java.net.URI;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.lti.CourseLauncher;
import org.hipaatraining.lrs.lti.LtiException;
import org.hipaatraining.lrs.system.ServerSettings;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Plays LMS links (LTI) through the cmi5 launcher, so a learner sent by Moodle or Canvas gets what a cmi5 LMS gives:
 * a registration per learner and course, {@code LMS.LaunchData}, a {@code launched} statement and a one-time fetch URL
 * whose token writes only that learner's statements. Their records then count as launched by us, not self-reported.
 */
@Component
class Cmi5CourseLauncher implements CourseLauncher {

    private final RegistrationService registrations;
    private final LaunchService launches;
    private final Catalogue catalogue;
    private final ServerSettings server;

    Cmi5CourseLauncher(RegistrationService registrations, LaunchService launches, Catalogue catalogue,
                       ServerSettings server) {
        this.registrations = registrations;
        this.launches = launches;
        this.catalogue = catalogue;
        this.server = server;
    }

    @Override
    public URI launch(String courseId, String auId, Person person, JsonNode actor, String returnUrl) {
        Module module = catalogue.module(auId).orElseThrow(() -> LtiException.badRequest("module '" + auId
                + "' is not in the course catalogue"));
        String cmi5Course = cmi5CourseId(courseId);
        try {
            RegistrationStore.Registration registration = registrations.register(cmi5Course, actor, false).registration();
            // our cmi5 packages use the module IRI as each AU's publisher id
            LaunchService.Launch launch = launches.launch(registration.id(),
                    new LaunchService.LaunchRequest(module.iri(), null, returnUrl, null), server.base());
            return URI.create(launch.url());
        } catch (Cmi5Exception e) {
            throw LtiException.badRequest("The training " + courseId + " cannot be started: " + e.getMessage());
        }
    }

    /** LTI targets are {@code role:<id>} or {@code module:<id>}; the launcher's courses {@code role-<id>}, {@code module-<id>}. */
    static String cmi5CourseId(String ltiTarget) {
        int colon = ltiTarget.indexOf(':');
        return colon < 0 ? "module-" + ltiTarget : ltiTarget.substring(0, colon) + "-" + ltiTarget.substring(colon + 1);
    }
}
