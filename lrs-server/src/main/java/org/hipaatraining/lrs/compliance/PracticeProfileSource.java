package org.hipaatraining.lrs.compliance;

/**
 * The practice's profile in effect now (the practice feature's set-up page keeps it, and implements this), so
 * certificates, audit packages and the verification page can name the practice without depending on that feature.
 */
public interface PracticeProfileSource {

    PracticeProfile current();
}
