package org.hipaatraining.lrs.supervisors;

import java.security.Principal;

import org.hipaatraining.lrs.auth.AdminUserService;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.system.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * An admin gives a person on the roster a supervisor sign-in (or a new password), from the person's page. The password
 * is generated and shown once, on this answer only: a small practice hands it over in person, with no mail needed.
 */
@Controller
class SupervisorAccountPage {

    private static final Logger log = LoggerFactory.getLogger(SupervisorAccountPage.class);

    private final AdminUserService users;
    private final RosterService roster;
    private final ServerSettings server;

    SupervisorAccountPage(AdminUserService users, RosterService roster, ServerSettings server) {
        this.users = users;
        this.roster = roster;
        this.server = server;
    }

    @PostMapping("/admin/people/{id}/supervisor-account")
    String issue(@PathVariable String id, @RequestParam(required = false) String username, Principal admin, Model model,
                 HttpServletResponse response) {
        Person person = roster.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no person with id " + id));
        response.setHeader("Cache-Control", "no-store"); // the password must not stay in a cache
        model.addAttribute("person", person);
        try {
            AdminUserService.IssuedPassword issued = users.issueSupervisorPassword(person.id(), username);
            log.info("{} issued a supervisor password for {} ({})", admin.getName(), issued.username(), person.id());
            model.addAttribute("issued", issued);
            model.addAttribute("signInUrl", server.base() + "/login");
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "No sign-in was made: " + e.getMessage());
        }
        return "admin/supervisor-account";
    }
}
