package org.hipaatraining.lrs.compliance;

import java.time.LocalDate;

/**
 * A deletion refused because HIPAA documentation must be kept six years from the date it was created or last in
 * effect (45 CFR 164.530(j)(2)). Answered with 409 and the date from which deletion is allowed.
 */
public class RetentionException extends RuntimeException {

    private final LocalDate deletableFrom;

    public RetentionException(String what, LocalDate deletableFrom) {
        super(what + " is training documentation HIPAA requires to be kept for six years from the date it was last in "
                + "effect (45 CFR 164.530(j)(2))" + (deletableFrom == null ? "; it is still in effect"
                : "; it can be deleted from " + deletableFrom));
        this.deletableFrom = deletableFrom;
    }

    public LocalDate deletableFrom() {
        return deletableFrom;
    }
}
