package org.hipaatraining.lrs.supervisors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.KeptStatus;
import org.junit.jupiter.api.Test;

/** The access rule of a supervisor's sign-in: exactly the people who report to them, directly or through others. */
class TeamMembersTest {

    private final List<KeptStatus> roster = new ArrayList<>();

    /** What the supervisor index answers: people whose supervisor field names someone (case and spacing aside). */
    private final Function<String, List<KeptStatus>> directReports = name -> roster.stream()
            .filter(k -> k.supervisor() != null && k.supervisor().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
            .toList();

    @Test
    void directReportsAndTheirReportsAreOnTheTeamAndNoOneElse() {
        Person maria = person("maria", "Maria Lopez");
        add("ann", "Ann Lee", "Maria Lopez", Person.Status.ACTIVE);
        add("ben", "Ben Ode", "maria lopez", Person.Status.ON_LEAVE);
        add("cy", "Cy Park", "Ann Lee", Person.Status.ACTIVE);
        add("dee", "Dee Fox", "Sam Ortiz", Person.Status.ACTIVE);
        add("sam", "Sam Ortiz", null, Person.Status.ACTIVE);

        TeamMembers team = TeamMembers.of(maria, directReports);

        assertThat(team.inNameOrder()).extracting(KeptStatus::personId).containsExactly("ann", "ben", "cy");
        assertThat(team.contains("cy")).isTrue();
        assertThat(team.contains("dee")).isFalse();
        assertThat(team.contains("sam")).isFalse();
        assertThat(team.contains("maria")).isFalse();
    }

    @Test
    void departedPeopleAreLeftOutAndTheirReportsAreNotReachedThroughThem() {
        Person maria = person("maria", "Maria Lopez");
        add("ann", "Ann Lee", "Maria Lopez", Person.Status.DEPARTED);
        add("cy", "Cy Park", "Ann Lee", Person.Status.ACTIVE);

        TeamMembers team = TeamMembers.of(maria, directReports);

        assertThat(team.contains("ann")).isFalse();
        assertThat(team.contains("cy")).isFalse();
    }

    @Test
    void aCycleInTheRosterEndsTheSearchAndTheSupervisorIsNeverOnTheirOwnTeam() {
        Person maria = person("maria", "Maria Lopez");
        add("ann", "Ann Lee", "Maria Lopez", Person.Status.ACTIVE);
        add("maria", "Maria Lopez", "Ann Lee", Person.Status.ACTIVE);

        TeamMembers team = TeamMembers.of(maria, directReports);

        assertThat(team.inNameOrder()).extracting(KeptStatus::personId).containsExactly("ann");
    }

    @Test
    void someoneWhoSupervisesNoOneHasAnEmptyTeam() {
        add("ann", "Ann Lee", "Maria Lopez", Person.Status.ACTIVE);

        TeamMembers team = TeamMembers.of(person("sam", "Sam Ortiz"), directReports);

        assertThat(team.inNameOrder()).isEmpty();
        assertThat(team.contains("ann")).isFalse();
    }

    private static Person person(String id, String name) {
        return new Person(id, null, name, null, List.of("person|" + id), List.of(), null, LocalDate.of(2026, 1, 5),
                List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    private void add(String id, String name, String supervisor, Person.Status status) {
        roster.add(new KeptStatus(id, 1, LocalDate.of(2026, 12, 1), null, name, null, null, supervisor, null, List.of("everyone"),
                status, null, null, List.of()));
    }
}
