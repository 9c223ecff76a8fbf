package org.hipaatraining.lrs.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.events.EventType;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.requirements.ModuleRelease;
import org.hipaatraining.lrs.compliance.requirements.Requirements;
import org.hipaatraining.lrs.compliance.requirements.RoleRequirement;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.Assignment;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.hipaatraining.lrs.compliance.status.StatusCalculator;
import org.junit.jupiter.api.Test;

/** The status rules, day by day, on the real catalogue and hand-made events. */
class StatusCalculatorTest {

    private static final Catalogue CATALOGUE = Catalogue.loadDefault();
    private static final LocalDate HIRED = LocalDate.of(2027, 1, 4);
    private static final String AGENT = "mbox|mailto:dana@clinic.test";

    private final List<ModuleRelease> practiceReleases = new ArrayList<>();
    private final StatusCalculator calculator = new StatusCalculator(CATALOGUE, (module, day) -> practiceReleases.stream()
            .filter(r -> r.moduleId().equals(module) && r.material() && !r.date().isAfter(day)).reduce((a, b) -> b));
    private final Requirements requirements = new Requirements(Map.of(
            "front-desk", role("front-desk", List.of("privacy", "security", "breach")),
            "billing", role("billing", List.of("privacy", "security", "breach", "billing"))), 30);
    private final List<TrainingEvent> events = new ArrayList<>();
    private Person person = new Person("p1", null, "Dana Ortiz", "dana@clinic.test", List.of(AGENT),
            List.of(new Person.RolePeriod("front-desk", HIRED, null)), null, HIRED, List.of(), Instant.EPOCH, Instant.EPOCH);

    private static RoleRequirement role(String id, List<String> modules) {
        return new RoleRequirement(id, id, modules, 30, 12,
                List.of("reminder-phishing", "reminder-mfa", "reminder-clean-desk", "reminder-secure-texting"), 3, false);
    }

    @Test
    void aNewHireIsDueWithinTheOnboardingWindowThenOverdue() {
        ModuleStatus privacy = status("privacy", HIRED.plusDays(5));
        assertThat(privacy.state()).isEqualTo(ComplianceState.NEVER_STARTED);
        assertThat(privacy.dueDate()).isEqualTo(HIRED.plusDays(30));
        assertThat(privacy.assignedOn()).isEqualTo(HIRED);
        assertThat(privacy.overdue()).isFalse();

        ModuleStatus late = status("privacy", HIRED.plusDays(31));
        assertThat(late.state()).isEqualTo(ComplianceState.OVERDUE);
        assertThat(late.overdue()).isTrue();
    }

    @Test
    void thePracticesOnboardingWindowSetsANewHiresDueDatesAndMarksTrainingBeforeAccess() {
        Requirements withWindow = new Requirements(requirements.roles(), 30,
                new org.hipaatraining.lrs.compliance.requirements.OnboardingWindow(3, true));

        List<ModuleStatus> firstWeek = calculator.statusOf(person, withWindow, events, HIRED.plusDays(1));
        ModuleStatus privacy = firstWeek.stream().filter(s -> s.requirement().equals("privacy")).findFirst().orElseThrow();
        assertThat(privacy.dueDate()).isEqualTo(HIRED.plusDays(3));
        assertThat(privacy.beforeAccess()).isTrue();
        assertThat(calculator.statusOf(person, withWindow, events, HIRED.plusDays(4)).stream()
                .filter(s -> s.requirement().equals("privacy")).findFirst().orElseThrow().state())
                .isEqualTo(ComplianceState.OVERDUE);
        // the security reminders keep their own interval
        assertThat(firstWeek.stream().filter(s -> s.requirement().equals(StatusCalculator.REMINDERS)).findFirst().orElseThrow()
                .dueDate()).isEqualTo(HIRED.plusMonths(3));

        event("privacy", EventType.PASSED, true, day(2), "1.0.0", 0.9);
        ModuleStatus done = calculator.statusOf(person, withWindow, events, HIRED.plusDays(5)).stream()
                .filter(s -> s.requirement().equals("privacy")).findFirst().orElseThrow();
        assertThat(done.state()).isEqualTo(ComplianceState.COMPLIANT);
        assertThat(done.beforeAccess()).isFalse();
    }

    @Test
    void aPassIsValidForTheRefresherIntervalThenTheModuleIsOverdue() {
        event("privacy", EventType.STARTED, false, day(10), "1.0.0", null);
        event("privacy", EventType.PASSED, true, day(10).plusSeconds(600), "1.0.0", 0.9);
        ModuleStatus done = status("privacy", HIRED.plusDays(40));
        assertThat(done.state()).isEqualTo(ComplianceState.COMPLIANT);
        assertThat(done.compliantUntil()).isEqualTo(HIRED.plusDays(10).plusMonths(12));
        assertThat(done.scaled()).isEqualTo(0.9);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(done.completedVersion()).isEqualTo("1.0.0");

        ModuleStatus expired = status("privacy", HIRED.plusDays(10).plusMonths(12).plusDays(1));
        assertThat(expired.state()).isEqualTo(ComplianceState.OVERDUE);
        assertThat(expired.dueDate()).isEqualTo(HIRED.plusDays(10).plusMonths(12));
    }

    @Test
    void aFailNeedsRemediationUntilARetakePasses() {
        event("security", EventType.FAILED, false, day(3), "1.0.0", 0.5);
        ModuleStatus failed = status("security", HIRED.plusDays(4));
        assertThat(failed.state()).isEqualTo(ComplianceState.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(status("security", HIRED.plusDays(40)).overdue()).isTrue();

        event("security", EventType.PASSED, true, day(5), "1.0.0", 0.85);
        ModuleStatus passed = status("security", HIRED.plusDays(6));
        assertThat(passed.state()).isEqualTo(ComplianceState.COMPLIANT);
        assertThat(passed.attempts()).isEqualTo(2);
    }

    @Test
    void startedWorkIsInProgressAndACompletionWithoutAPassDoesNotCount() {
        event("breach", EventType.STARTED, false, day(2), "1.0.0", null);
        assertThat(status("breach", HIRED.plusDays(3)).state()).isEqualTo(ComplianceState.IN_PROGRESS);
        // breach has a knowledge check: "completed" alone is not training done
        event("breach", EventType.COMPLETED, false, day(3), "1.0.0", null);
        assertThat(status("breach", HIRED.plusDays(4)).state()).isEqualTo(ComplianceState.IN_PROGRESS);
        assertThat(status("breach", HIRED.plusDays(31)).state()).isEqualTo(ComplianceState.OVERDUE);
    }

    @Test
    void aMaterialReleaseMakesTheModuleDueAgainWithinTheRetrainingWindow() {
        event("privacy", EventType.PASSED, true, day(10), "1.0.0", 1.0);
        LocalDate released = HIRED.plusDays(100);
        practiceReleases.add(new ModuleRelease("privacy", "1.1.0", released, true, "New texting policy", "practice", "admin", null));

        assertThat(status("privacy", released.minusDays(1)).state()).isEqualTo(ComplianceState.COMPLIANT);
        ModuleStatus due = status("privacy", released.plusDays(1));
        assertThat(due.state()).isEqualTo(ComplianceState.DUE);
        assertThat(due.dueDate()).isEqualTo(released.plusDays(30));
        assertThat(due.materialRelease()).startsWith("1.1.0");
        assertThat(status("privacy", released.plusDays(31)).state()).isEqualTo(ComplianceState.OVERDUE);

        event("privacy", EventType.PASSED, true, day(105), "1.1.0", 0.8);
        assertThat(status("privacy", released.plusDays(31)).state()).isEqualTo(ComplianceState.COMPLIANT);
    }

    @Test
    void aCompletionOnTheNewVersionBeforeItsEffectiveDateCounts() {
        LocalDate released = HIRED.plusDays(100);
        practiceReleases.add(new ModuleRelease("privacy", "1.1.0", released, true, "New texting policy", "practice", "admin", null));
        event("privacy", EventType.PASSED, true, day(95), "1.1.0", 1.0);
        assertThat(status("privacy", released.plusDays(1)).state()).isEqualTo(ComplianceState.COMPLIANT);
    }

    @Test
    void aRoleChangeAssignsTheNewRolesModulesFromTheChangeAndKeepsCompletedOnes() {
        event("privacy", EventType.PASSED, true, day(10), "1.0.0", 1.0);
        LocalDate changed = HIRED.plusDays(200);
        person = person.withRoles(java.util.Set.of("billing"), changed, Instant.EPOCH);

        ModuleStatus billing = status("billing", changed.plusDays(1));
        assertThat(billing.state()).isEqualTo(ComplianceState.NEVER_STARTED);
        assertThat(billing.assignedOn()).isEqualTo(changed);
        assertThat(billing.dueDate()).isEqualTo(changed.plusDays(30));
        assertThat(status("privacy", changed.plusDays(1)).state()).isEqualTo(ComplianceState.COMPLIANT);
        assertThat(statuses(HIRED.plusDays(10)).stream().map(ModuleStatus::requirement)).doesNotContain("billing");
    }

    @Test
    void securityRemindersRotateEveryInterval() {
        ModuleStatus first = status(StatusCalculator.REMINDERS, HIRED.plusDays(1));
        assertThat(first.moduleId()).isEqualTo("reminder-phishing");
        assertThat(first.dueDate()).isEqualTo(HIRED.plusMonths(3));

        event("reminder-phishing", EventType.PASSED, true, day(60), "1.0.0", 1.0);
        ModuleStatus next = status(StatusCalculator.REMINDERS, HIRED.plusDays(61));
        assertThat(next.state()).isEqualTo(ComplianceState.COMPLIANT);
        assertThat(next.moduleId()).isEqualTo("reminder-mfa");
        assertThat(next.dueDate()).isEqualTo(HIRED.plusDays(60).plusMonths(3));
        assertThat(status(StatusCalculator.REMINDERS, HIRED.plusDays(60).plusMonths(3).plusDays(1)).state())
                .isEqualTo(ComplianceState.OVERDUE);
    }

    @Test
    void departedPeopleHaveNoRequirementsAndPeopleOnLeaveAreFlagged() {
        person = person.withStatus(Person.Status.ON_LEAVE, HIRED.plusDays(20), Instant.EPOCH);
        assertThat(status("privacy", HIRED.plusDays(40)).onLeave()).isTrue();
        person = person.withStatus(Person.Status.DEPARTED, HIRED.plusDays(50), Instant.EPOCH);
        assertThat(statuses(HIRED.plusDays(51))).isEmpty();
    }

    @Test
    void aTriggerEventMakesAModuleDueAgainWithTheEventAsReasonUntilItIsTakenAfterTheEvent() {
        event("privacy", EventType.PASSED, true, day(10), "1.0.0", 0.9);
        LocalDate incident = HIRED.plusDays(60);
        List<Assignment> assigned = List.of(
                new Assignment("privacy", incident, incident.plusDays(14), "Privacy incident: fax to the wrong number"),
                new Assignment("role-it", incident, incident.plusDays(14), "Privacy incident: fax to the wrong number"));
        StatusCalculator withEvents = new StatusCalculator(CATALOGUE, StatusCalculatorTest::none, p -> assigned);

        ModuleStatus before = withEvents.statusOf(person, requirements, events, incident.minusDays(1)).stream()
                .filter(s -> s.requirement().equals("privacy")).findFirst().orElseThrow();
        assertThat(before.state()).isEqualTo(ComplianceState.COMPLIANT);
        assertThat(before.reason()).isNull();

        List<ModuleStatus> after = withEvents.statusOf(person, requirements, events, incident.plusDays(1));
        ModuleStatus privacy = after.stream().filter(s -> s.requirement().equals("privacy")).findFirst().orElseThrow();
        assertThat(privacy.state()).isEqualTo(ComplianceState.DUE);
        assertThat(privacy.dueDate()).isEqualTo(incident.plusDays(14));
        assertThat(privacy.reason()).contains("fax to the wrong number");
        // a module the role does not require is listed while it is open
        ModuleStatus it = after.stream().filter(s -> s.requirement().equals("role-it")).findFirst().orElseThrow();
        assertThat(it.state()).isEqualTo(ComplianceState.NEVER_STARTED);
        assertThat(it.requiredBy()).isEmpty();
        assertThat(withEvents.statusOf(person, requirements, events, incident.plusDays(15)).stream()
                .filter(s -> s.requirement().equals("privacy")).findFirst().orElseThrow().state())
                .isEqualTo(ComplianceState.OVERDUE);

        event("privacy", EventType.PASSED, true, incident.plusDays(3).atStartOfDay().toInstant(java.time.ZoneOffset.UTC), "1.0.0", 1.0);
        event("role-it", EventType.PASSED, true, incident.plusDays(3).atStartOfDay().toInstant(java.time.ZoneOffset.UTC), "1.0.0", 1.0);
        List<ModuleStatus> taken = withEvents.statusOf(person, requirements, events, incident.plusDays(4));
        ModuleStatus done = taken.stream().filter(s -> s.requirement().equals("privacy")).findFirst().orElseThrow();
        assertThat(done.state()).isEqualTo(ComplianceState.COMPLIANT);
        assertThat(done.reason()).isNull();
        assertThat(taken).noneMatch(s -> s.requirement().equals("role-it"));
    }

    @Test
    void anEventsMicroLessonIsDueWithTheEventAsReasonAndOncePassedStaysCompliantWithoutADueDate() {
        String lessonId = "event-e1";
        org.hipaatraining.content.Module lesson = new org.hipaatraining.content.MicroLesson("Faxing lab results",
                "A fax went to the wrong number.", List.of(new org.hipaatraining.content.MicroLesson.MicroQuestion(
                "What first?", List.of("Check the number", "Send it"), 0, "Misdialled faxes are disclosures.")))
                .module(CATALOGUE.iriBase(), lessonId, "after the incident", HIRED);
        Catalogue withLesson = CATALOGUE.withAuthoredModules(id -> id.equals(lessonId) ? Optional.of(lesson) : Optional.empty());
        LocalDate incident = HIRED.plusDays(60);
        List<Assignment> assigned = List.of(new Assignment(lessonId, incident, incident.plusDays(14),
                "Privacy incident: fax to the wrong number"));
        StatusCalculator withEvents = new StatusCalculator(withLesson, StatusCalculatorTest::none, p -> assigned);

        assertThat(withEvents.statusOf(person, requirements, events, incident.minusDays(1)))
                .noneMatch(s -> s.requirement().equals(lessonId));
        ModuleStatus due = withEvents.statusOf(person, requirements, events, incident.plusDays(1)).stream()
                .filter(s -> s.requirement().equals(lessonId)).findFirst().orElseThrow();
        assertThat(due.state()).isEqualTo(ComplianceState.NEVER_STARTED);
        assertThat(due.moduleTitle()).isEqualTo("Faxing lab results");
        assertThat(due.dueDate()).isEqualTo(incident.plusDays(14));
        assertThat(due.reason()).contains("fax to the wrong number");
        assertThat(due.requiredBy()).isEmpty();

        event(lessonId, EventType.FAILED, false, incident.plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC), "1.0.0", 0.0);
        assertThat(withEvents.statusOf(person, requirements, events, incident.plusDays(2)).stream()
                .filter(s -> s.requirement().equals(lessonId)).findFirst().orElseThrow().state()).isEqualTo(ComplianceState.FAILED);
        event(lessonId, EventType.PASSED, true, incident.plusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC), "1.0.0", 1.0);

        for (LocalDate later : List.of(incident.plusDays(3), incident.plusDays(400))) {
            ModuleStatus done = withEvents.statusOf(person, requirements, events, later).stream()
                    .filter(s -> s.requirement().equals(lessonId)).findFirst().orElseThrow();
            assertThat(done.state()).isEqualTo(ComplianceState.COMPLIANT);
            assertThat(done.completedOn()).isEqualTo(incident.plusDays(3));
            assertThat(done.completedVersion()).isEqualTo("1.0.0");
            assertThat(done.scaled()).isEqualTo(1.0);
            assertThat(done.attempts()).isEqualTo(2);
            assertThat(done.reason()).contains("fax to the wrong number");
            assertThat(done.dueDate()).as("no refresher, nothing to remind of").isNull();
            assertThat(done.overdue()).isFalse();
        }
    }

    private ModuleStatus status(String requirement, LocalDate on) {
        return statuses(on).stream().filter(s -> s.requirement().equals(requirement)).findFirst().orElseThrow();
    }

    private List<ModuleStatus> statuses(LocalDate on) {
        return calculator.statusOf(person, requirements, events, on);
    }

    private static Instant day(int afterHire) {
        return HIRED.plusDays(afterHire).atTime(15, 0).toInstant(ZoneOffset.UTC);
    }

    private void event(String module, EventType type, boolean satisfies, Instant at, String version, Double scaled) {
        events.add(new TrainingEvent("s" + events.size(), AGENT, "Dana Ortiz", module, version, false, type, satisfies, scaled,
                at, at, "test-client", null, null, null, type.name().toLowerCase(), "iri", null, null));
    }

    @SuppressWarnings("unused")
    private static Optional<ModuleRelease> none(String module, LocalDate day) {
        return Optional.empty();
    }
}
