package org.hipaatraining.lrs.compliance.requirements;

/**
 * The practice-wide time a new hire has for their first training (45 CFR 164.530(b)(2)(i)(B): "within a reasonable
 * period of time after the person joins the workforce").
 *
 * @param days         days after the hire date
 * @param beforeAccess the practice requires that training be finished before the person uses systems holding PHI
 */
public record OnboardingWindow(int days, boolean beforeAccess) {
}
