package org.hipaatraining.lrs.compliance.requirements;

import java.util.Optional;

/**
 * Where the practice's onboarding window comes from (the practice feature's set-up page provides it), so requirements
 * can use it without depending on that feature.
 */
public interface PracticeOnboarding {

    /** The window the practice chose; empty while it has chosen none, so each role's own onboarding days apply. */
    Optional<OnboardingWindow> window();
}
