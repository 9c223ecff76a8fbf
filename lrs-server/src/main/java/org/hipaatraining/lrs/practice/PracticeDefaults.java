package org.hipaatraining.lrs.practice;

import java.time.ZoneId;

import org.hipaatraining.lrs.compliance.PracticeProfile;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The practice as configured in properties ({@code lrs.practice.*}): what an automated install sets, and what every
 * page shows until an admin saves the set-up page, which then wins.
 *
 * @param onboardingWindowDays null: 3 days with training before access, else 30
 */
@ConfigurationProperties("lrs.practice")
public record PracticeDefaults(@DefaultValue("(set lrs.practice.name)") String name, String addressLine,
                               OfficerDefaults privacyOfficer, OfficerDefaults securityOfficer,
                               @DefaultValue("UTC") ZoneId timeZone, @DefaultValue("false") boolean trainingBeforeAccess,
                               Integer onboardingWindowDays) {

    public record OfficerDefaults(String name, String email) {
    }

    PracticeProfile profile() {
        return new PracticeProfile(name, blankToNull(addressLine), officer(privacyOfficer), officer(securityOfficer), timeZone,
                trainingBeforeAccess, onboardingWindowDays == null ? PracticeProfile.defaultWindow(trainingBeforeAccess)
                : onboardingWindowDays, null, null);
    }

    /** Whether an install chose an onboarding window in properties (else each role's own onboarding days apply). */
    boolean choosesOnboardingWindow() {
        return onboardingWindowDays != null || trainingBeforeAccess;
    }

    private static PracticeProfile.Officer officer(OfficerDefaults o) {
        return o == null || o.name() == null || o.name().isBlank() ? null
                : new PracticeProfile.Officer(o.name().trim(), blankToNull(o.email()), null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
