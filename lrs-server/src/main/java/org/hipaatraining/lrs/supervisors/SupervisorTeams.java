package org.hipaatraining.lrs.supervisors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hipaatraining.lrs.auth.AdminUserService;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.KeptStatus;
import org.hipaatraining.lrs.compliance.status.PeopleQuery;
import org.springframework.stereotype.Service;

/** A signed-in supervisor's team, from their account's roster person and the kept statuses (by the supervisor index). */
@Service
class SupervisorTeams {

    private static final int PAGE = 200;

    private final AdminUserService users;
    private final RosterService roster;
    private final ComplianceService compliance;

    SupervisorTeams(AdminUserService users, RosterService roster, ComplianceService compliance) {
        this.users = users;
        this.roster = roster;
        this.compliance = compliance;
    }

    /**
     * The supervisor's roster entry; empty when the user is not a supervisor, or the person has left the roster or
     * departed (access ends the day they leave, whatever happens to the account).
     */
    Optional<Person> supervisor(String username) {
        return users.supervisor(username).flatMap(account -> roster.find(account.personId()))
                .filter(p -> p.statusOn(compliance.today()) != Person.Status.DEPARTED);
    }

    TeamMembers teamOf(Person supervisor) {
        return TeamMembers.of(supervisor, this::directReports);
    }

    private List<KeptStatus> directReports(String supervisorName) {
        List<KeptStatus> reports = new ArrayList<>();
        PeopleQuery query = new PeopleQuery(null, null, null, supervisorName, null, null);
        PeopleQuery.Position after = null;
        while (true) {
            List<KeptStatus> page = compliance.peoplePage(query, after, PAGE + 1);
            reports.addAll(page.subList(0, Math.min(PAGE, page.size())));
            if (page.size() <= PAGE) {
                return reports;
            }
            KeptStatus last = page.get(PAGE - 1);
            after = new PeopleQuery.Position(last.sortKey(), last.personId());
        }
    }
}
