package org.hipaatraining.lrs.compliance.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hipaatraining.lrs.compliance.requirements.OnboardingWindow;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.junit.jupiter.api.Test;

/** When a module never completed is first due: the practice's window for a new hire, the role's days otherwise. */
class OnboardingDeadlineTest {

    private static final LocalDate HIRED = LocalDate.of(2027, 3, 1);
    private static final Person NEW_HIRE = new Person("p1", null, "Kim Lee", null, List.of("person|p1"),
            List.of(new Person.RolePeriod("front-desk", HIRED, null)), null, HIRED, List.of(), Instant.EPOCH, Instant.EPOCH);

    @Test
    void aNewHireIsDueTheHireDatePlusThePracticeWindow() {
        OnboardingDeadline deadline = OnboardingDeadline.of(NEW_HIRE, HIRED, 30, new OnboardingWindow(14, false));

        assertThat(deadline.due()).isEqualTo(HIRED.plusDays(14));
        assertThat(deadline.beforeAccess()).isFalse();
    }

    @Test
    void aPracticeWindowLongerThanTheRolesDaysWinsToo() {
        assertThat(OnboardingDeadline.of(NEW_HIRE, HIRED, 30, new OnboardingWindow(45, false)).due()).isEqualTo(HIRED.plusDays(45));
    }

    @Test
    void trainingBeforeAccessKeepsTheDateAndMarksIt() {
        OnboardingDeadline deadline = OnboardingDeadline.of(NEW_HIRE, HIRED, 30, new OnboardingWindow(3, true));

        assertThat(deadline.due()).isEqualTo(HIRED.plusDays(3));
        assertThat(deadline.beforeAccess()).isTrue();
    }

    @Test
    void withoutAPracticeWindowTheRolesOwnDaysApply() {
        OnboardingDeadline deadline = OnboardingDeadline.of(NEW_HIRE, HIRED, 30, null);

        assertThat(deadline.due()).isEqualTo(HIRED.plusDays(30));
        assertThat(deadline.beforeAccess()).isFalse();
    }

    @Test
    void aRoleTakenUpAfterHireIsDueByTheRolesOwnDays() {
        LocalDate changed = HIRED.plusMonths(8);

        OnboardingDeadline deadline = OnboardingDeadline.of(NEW_HIRE, changed, 30, new OnboardingWindow(3, true));

        assertThat(deadline.due()).isEqualTo(changed.plusDays(30));
        assertThat(deadline.beforeAccess()).isFalse();
    }

    @Test
    void withoutAHireDateTheRolesOwnDaysApply() {
        Person unknownHire = new Person("p2", null, "Sam Ray", null, List.of("person|p2"),
                List.of(new Person.RolePeriod("clinical", HIRED, null)), null, null, List.of(), Instant.EPOCH, Instant.EPOCH);

        assertThat(OnboardingDeadline.of(unknownHire, HIRED, 30, new OnboardingWindow(3, true)).due()).isEqualTo(HIRED.plusDays(30));
    }
}
