package org.hipaatraining.lrs.compliance;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Who the records belong to and who answers for them, as certificates, audit packages and notices name them.
 *
 * @param name                 the covered entity or business associate, e.g. "Riverside Family Medicine"
 * @param addressLine          one line under the name on certificates, e.g. "12 Main St, Springfield, IL 62701"; may be null
 * @param privacyOfficer       the HIPAA privacy official (45 CFR 164.530(a)); may be null until set up
 * @param securityOfficer      the HIPAA security official (45 CFR 164.308(a)(2)); may be null until set up
 * @param timeZone             where the practice's days begin and end, for dates people read
 * @param trainingBeforeAccess whether training must be finished before a person may use systems holding PHI
 * @param onboardingWindowDays the days a new person has to finish their first training
 * @param savedAt              when an admin last saved the set-up page; null while the profile is the configured defaults
 * @param savedBy              who saved it
 */
public record PracticeProfile(String name, String addressLine, Officer privacyOfficer, Officer securityOfficer,
                              ZoneId timeZone, boolean trainingBeforeAccess, int onboardingWindowDays,
                              Instant savedAt, String savedBy) {

    /** The onboarding window when training comes before access: a few days, so nobody works long untrained. */
    public static final int WINDOW_BEFORE_ACCESS_DAYS = 3;
    /** The onboarding window otherwise: HIPAA asks for training "within a reasonable period" of joining. */
    public static final int WINDOW_DAYS = 30;

    /**
     * A privacy or security officer.
     *
     * @param personId the roster entry, when the officer is on the roster; null for someone outside it
     */
    public record Officer(String name, String email, String personId) {

        /** "Dana Smith (dana@clinic.example)", or just the name. */
        public String display() {
            return email == null ? name : name + " (" + email + ")";
        }
    }

    /** Whether an admin has saved the set-up page (else the pages invite them to). */
    public boolean isSetUp() {
        return savedAt != null;
    }

    /** The window a practice gets when it does not choose one. */
    public static int defaultWindow(boolean trainingBeforeAccess) {
        return trainingBeforeAccess ? WINDOW_BEFORE_ACCESS_DAYS : WINDOW_DAYS;
    }
}
