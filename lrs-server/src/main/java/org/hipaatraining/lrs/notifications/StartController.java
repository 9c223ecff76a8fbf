package org.hipaatraining.lrs.notifications;

import java.net.URI;
import java.util.Optional;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.lti.CourseLauncher;
import org.hipaatraining.lrs.system.ServerSettings;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a notice's link leads: a page naming the training with one button, which uses the one-time link up and
 * launches the module through the cmi5 launcher as the person (an account of this LRS, linked to them on the roster).
 */
@Controller
class StartController {

    private final StartLinks links;
    private final RosterService roster;
    private final Catalogue catalogue;
    private final CourseLauncher launcher;
    private final ServerSettings server;

    StartController(StartLinks links, RosterService roster, Catalogue catalogue, CourseLauncher launcher,
                    ServerSettings server) {
        this.links = links;
        this.roster = roster;
        this.catalogue = catalogue;
        this.launcher = launcher;
        this.server = server;
    }

    @GetMapping("/start/{token}")
    String page(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Optional<StartLinks.StartLink> link = links.find(token)
                .filter(l -> l.usable(links.now()));
        if (link.isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "start";
        }
        model.addAttribute("startToken", token);
        model.addAttribute("module", title(link.get().moduleId()));
        model.addAttribute("modules", link.get().moduleIds().stream()
                .map(m -> new Choice(m, title(m), link.get().used(m))).toList());
        return "start";
    }

    /** One module on a link's page: a button, or "opened" once it was launched from this link. */
    record Choice(String id, String title, boolean used) {
    }

    private String title(String moduleId) {
        return catalogue.module(moduleId).map(Module::title).orElse(moduleId);
    }

    @PostMapping("/start/{token}")
    Object start(@PathVariable String token,
                 @org.springframework.web.bind.annotation.RequestParam(required = false) String module, Model model,
                 jakarta.servlet.http.HttpServletResponse response) {
        Optional<StartLinks.StartLink> used = links.use(token, module);
        Optional<Person> person = used.flatMap(l -> roster.find(l.personId()));
        if (used.isEmpty() || person.isEmpty() || catalogue.module(used.get().moduleId()).isEmpty()) {
            response.setStatus(HttpStatus.GONE.value());
            return "start";
        }
        String moduleId = used.get().moduleId();
        ObjectNode actor = actor(person.get());
        String key = AgentKey.of(actor);
        if (!person.get().identifiers().contains(key)) {
            roster.addIdentity(person.get().id(), actor.toString());
        }
        URI url = launcher.launch("module:" + moduleId, moduleId, person.get(), actor, null);
        RedirectView redirect = new RedirectView(url.toString());
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        return redirect;
    }

    /** The person as this LRS's own account: cmi5 launches need an account actor (cmi5 9.2). */
    private ObjectNode actor(Person person) {
        ObjectNode actor = XapiJson.MAPPER.createObjectNode().put("objectType", "Agent").put("name", person.name());
        actor.putObject("account").put("homePage", server.base() + "/people").put("name", person.id());
        return actor;
    }
}
