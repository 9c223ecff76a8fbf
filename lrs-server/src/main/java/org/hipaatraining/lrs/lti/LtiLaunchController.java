package org.hipaatraining.lrs.lti;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Step two of an LTI launch: the platform posts the signed id_token here (the tool's redirect URI). A resource link
 * launch puts the learner on the roster and opens their course; a deep linking request shows the course picker.
 */
@Controller
class LtiLaunchController {

    private final LoginStateStore states;
    private final IdTokenVerifier verifier;
    private final LtiUsers users;
    private final ResourceLinkStore links;
    private final GradeWatchStore watches;
    private final CourseLauncher launcher;
    private final DeepLinking deepLinking;
    private final ComplianceService compliance;
    private final Catalogue catalogue;
    private final Clock clock;

    LtiLaunchController(LoginStateStore states, IdTokenVerifier verifier, LtiUsers users, ResourceLinkStore links,
                     GradeWatchStore watches, CourseLauncher launcher, DeepLinking deepLinking, ComplianceService compliance,
                     Catalogue catalogue, Clock clock) {
        this.states = states;
        this.verifier = verifier;
        this.users = users;
        this.links = links;
        this.watches = watches;
        this.launcher = launcher;
        this.deepLinking = deepLinking;
        this.compliance = compliance;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @PostMapping("/lti/launch")
    ModelAndView launch(@RequestParam(name = "id_token", required = false) String idToken,
                        @RequestParam(required = false) String state) {
        LoginStateStore.LoginState login = states.consume(state).orElseThrow(() -> LtiException.untrusted(
                "This launch's state is unknown, already used or older than the login allows. Go back to your LMS and "
                        + "open the link again."));
        LtiMessage message = verifier.verify(idToken, login);
        checkTargetLink(message, login);
        if (message.isDeepLinking()) {
            return deepLinking.selectionPage(message);
        }
        return new ModelAndView(new RedirectView(resourceLink(message).toString()));
    }

    /**
     * The id_token's target_link_uri must be the one the login was started for: a token the platform issued for another
     * link, replayed into this login, is refused (LTI 1.3 core 5.1.3, IMS Security Framework 5.1.1.1). A platform that
     * leaves either out is not refused for it; the signed token's link and deployment still decide what opens.
     */
    private static void checkTargetLink(LtiMessage message, LoginStateStore.LoginState login) {
        String claimed = message.targetLinkUri();
        if (claimed != null && login.targetLinkUri() != null && !claimed.equals(login.targetLinkUri())) {
            throw LtiException.untrusted("This launch was for " + claimed + " but the LMS's login was for "
                    + login.targetLinkUri() + ". Go back to your LMS and open the link again.");
        }
    }

    private URI resourceLink(LtiMessage message) {
        LtiPlatform platform = message.platform();
        String linkId = message.resourceLinkId();
        if (linkId == null) {
            throw LtiException.badRequest("The launch names no resource link.");
        }
        String id = ResourceLinkStore.id(platform.id(), message.deploymentId(), linkId);
        ResourceLinkStore.ResourceLink stored = links.find(id).orElse(null);
        LaunchTarget target = LaunchTarget.fromCustom(catalogue, message.custom("module"), message.custom("role"))
                .orElseGet(() -> stored == null ? null : stored.target());
        if (target == null) {
            throw LtiException.badRequest("This LMS link does not say which training it opens. Ask your LMS administrator "
                    + "to add it again with the training server's course picker, or with a custom parameter module=<id> "
                    + "or role=<id>.");
        }
        Person person = users.personFor(platform, message.user(), message.custom("role"));
        Instant now = clock.instant();
        String lineItem = message.lineItem();
        links.save(new ResourceLinkStore.ResourceLink(id, platform.id(), message.deploymentId(), linkId,
                message.resourceLinkTitle(), message.contextId(), message.contextTitle(), target,
                lineItem != null ? lineItem : stored == null ? null : stored.lineItem(), message.membershipsUrl(),
                stored == null ? now : stored.createdAt(), now));
        if (lineItem != null) {
            watches.watch(platform.id(), lineItem, message.user().sub(), person.id(), target, now);
        }
        return launcher.launch(target.courseId(), nextModule(target, person), person,
                LtiUsers.actor(platform, message.user()),
                LmsReturnUrls.safeOrigin(message.returnUrl()).isPresent() ? message.returnUrl() : null);
    }

    /** The module to open: the module of a module link; for a role's course the first not yet done (else the first). */
    private String nextModule(LaunchTarget target, Person person) {
        List<String> modules = target.moduleIds(catalogue);
        if (!target.isRole() || modules.size() < 2) {
            return modules.isEmpty() ? target.id() : modules.get(0);
        }
        Map<String, ComplianceState> states = new HashMap<>();
        for (ModuleStatus status : compliance.statusOf(person.id(), null)) {
            states.put(status.requirement(), status.state());
        }
        return modules.stream().filter(m -> states.get(m) != ComplianceState.COMPLIANT).findFirst().orElse(modules.get(0));
    }
}
