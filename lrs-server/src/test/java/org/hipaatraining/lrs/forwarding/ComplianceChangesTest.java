package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.KeptStatus;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.junit.jupiter.api.Test;

class ComplianceChangesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private static ModuleStatus status(String requirement, ComplianceState state, boolean overdue, String completion) {
        return new ModuleStatus("p1", "Ann", requirement, requirement, requirement, List.of("front-desk"), state, overdue,
                DAY.minusDays(40), DAY.plusDays(overdue ? -5 : 20), null, null, null, completion, null, 0, null, null,
                null, null, false);
    }

    private static KeptStatus person(long version, ModuleStatus... statuses) {
        return new KeptStatus("p1", version, DAY, null, "Ann", "ann@clinic.example", "E1", null, null, List.of("front-desk"),
                Person.Status.ACTIVE, null, null, List.of(statuses));
    }

    private static List<String> types(List<ComplianceEvent> events) {
        return events.stream().map(e -> e.type().wireName() + (e.requirement() == null ? "" : ":" + e.requirement())).toList();
    }

    @Test
    void aNewPersonIsAddedAndTheirStandingTold() {
        KeptStatus now = person(1, status("privacy", ComplianceState.NEVER_STARTED, false, null),
                status("security", ComplianceState.OVERDUE, true, null));

        assertThat(types(ComplianceChanges.between(null, now, AT))).containsExactly("person.added", "person.overdue:security");
    }

    @Test
    void aCompletionOfTheLastRequirementMakesThePersonCompliant() {
        KeptStatus before = person(1, status("privacy", ComplianceState.COMPLIANT, false, "s1"),
                status("security", ComplianceState.IN_PROGRESS, false, null));
        KeptStatus now = person(2, status("privacy", ComplianceState.COMPLIANT, false, "s1"),
                status("security", ComplianceState.COMPLIANT, false, "s2"));

        List<ComplianceEvent> events = ComplianceChanges.between(ComplianceChanges.Announced.of(before), now, AT);

        assertThat(types(events)).containsExactly("requirement.completed:security", "person.compliant");
        assertThat(events.get(0).json()).contains("\"email\":\"ann@clinic.example\"").contains("\"state\":\"COMPLIANT\"")
                .doesNotContain("s2");
    }

    @Test
    void aFailIsToldOnceAndNothingIsToldWhenNothingChanged() {
        KeptStatus failed = person(2, status("privacy", ComplianceState.FAILED, false, null));
        ComplianceChanges.Announced before = ComplianceChanges.Announced.of(person(1,
                status("privacy", ComplianceState.IN_PROGRESS, false, null)));

        assertThat(types(ComplianceChanges.between(before, failed, AT))).containsExactly("requirement.failed:privacy");
        assertThat(ComplianceChanges.between(ComplianceChanges.Announced.of(failed), person(3,
                status("privacy", ComplianceState.FAILED, false, null)), AT)).isEmpty();
    }

    @Test
    void theSameChangeFoundTwiceHasTheSameIdAndAnotherChangeAnother() {
        KeptStatus now = person(2, status("privacy", ComplianceState.COMPLIANT, false, "s1"));
        ComplianceChanges.Announced before = ComplianceChanges.Announced.of(person(1,
                status("privacy", ComplianceState.DUE, false, null)));

        String first = ComplianceChanges.between(before, now, AT).get(0).id();
        String again = ComplianceChanges.between(before, now, AT.plusSeconds(60)).get(0).id();
        String later = ComplianceChanges.between(before, person(3, status("privacy", ComplianceState.COMPLIANT, false, "s1")),
                AT).get(0).id();

        assertThat(again).isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void aSlowerRecomputationFromOlderInputsIsRecognised() {
        ComplianceChanges.Announced announced = ComplianceChanges.Announced.of(person(5));

        assertThat(announced.newerThan(person(4))).isTrue();
        assertThat(announced.newerThan(person(5))).isFalse();
        assertThat(announced.newerThan(person(6))).isFalse();
    }
}
