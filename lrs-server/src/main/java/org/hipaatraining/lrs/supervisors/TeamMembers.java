package org.hipaatraining.lrs.supervisors;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.KeptStatus;

/**
 * The access rule of a supervisor's sign-in: who is on their team. The roster's supervisor field names each person's
 * supervisor; a team is everyone who reports to the supervisor directly or through others (a practice manager sees the
 * front desk lead's people too), departed people aside. The supervisor is never on their own team, and a cycle in the
 * roster (A reports to B, B to A) ends the search instead of looping.
 */
final class TeamMembers {

    /** A practice's teams are small; this bounds the work of a roster that names one person as everyone's supervisor. */
    static final int MAX_MEMBERS = 2000;

    private final Map<String, KeptStatus> members;

    private TeamMembers(Map<String, KeptStatus> members) {
        this.members = members;
    }

    /**
     * @param supervisor    the roster person the supervisor's account is linked to
     * @param directReports the people whose supervisor field names someone, by that name
     */
    static TeamMembers of(Person supervisor, Function<String, List<KeptStatus>> directReports) {
        Map<String, KeptStatus> found = new LinkedHashMap<>();
        Deque<String> names = new ArrayDeque<>(List.of(supervisor.name()));
        while (!names.isEmpty() && found.size() < MAX_MEMBERS) {
            for (KeptStatus report : directReports.apply(names.pop())) {
                if (report.personStatus() == Person.Status.DEPARTED || report.personId().equals(supervisor.id())) {
                    continue;
                }
                if (found.putIfAbsent(report.personId(), report) == null) {
                    names.push(report.name());
                }
            }
        }
        return new TeamMembers(found);
    }

    boolean contains(String personId) {
        return members.containsKey(personId);
    }

    /** The team in name order. */
    List<KeptStatus> inNameOrder() {
        List<KeptStatus> sorted = new ArrayList<>(members.values());
        sorted.sort(Comparator.comparing(KeptStatus::sortKey).thenComparing(KeptStatus::personId));
        return sorted;
    }
}
