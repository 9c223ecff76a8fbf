package org.hipaatraining.lrs.supervisors;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hipaatraining.lrs.auth.AdminUserService;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The people list's filter "supervisors without a sign-in": everyone the roster names as someone's supervisor who has
 * no supervisor sign-in yet, each with the button that gives them one (the same action as on the person's page,
 * {@link SupervisorAccountPage}: the password is shown once, to hand over).
 */
@Controller
class SupervisorInvitations {

    private final RosterService roster;
    private final AdminUserService users;
    private final ComplianceService compliance;

    SupervisorInvitations(RosterService roster, AdminUserService users, ComplianceService compliance) {
        this.roster = roster;
        this.users = users;
        this.compliance = compliance;
    }

    /** A supervisor to invite: their roster entry and how many people report to them directly. */
    record Candidate(Person person, int reports) {
    }

    @GetMapping("/admin/people/supervisors-without-sign-in")
    String list(Model model) {
        model.addAttribute("candidates", withoutSignIn(roster.all(), compliance.today()));
        return "admin/supervisors-without-sign-in";
    }

    /**
     * People on the roster, not departed, whom someone not departed names as their supervisor, without a supervisor
     * sign-in; in name order. A supervisor field naming no one on the roster names no candidate.
     */
    List<Candidate> withoutSignIn(List<Person> people, LocalDate today) {
        Map<String, Integer> reports = new HashMap<>();
        for (Person p : people) {
            if (p.supervisor() != null && !p.supervisor().isBlank() && p.statusOn(today) != Person.Status.DEPARTED) {
                reports.merge(p.supervisor().trim(), 1, Integer::sum);
            }
        }
        return people.stream()
                .filter(p -> reports.containsKey(p.name()) && p.statusOn(today) != Person.Status.DEPARTED)
                .filter(p -> users.supervisorOf(p.id()).isEmpty())
                .map(p -> new Candidate(p, reports.get(p.name())))
                .sorted(Comparator.comparing((Candidate c) -> c.person().name()).thenComparing(c -> c.person().id()))
                .toList();
    }
}
