package org.hipaatraining.lrs.cmi5;

import java.util.Arrays;

/** An AU's {@code moveOn} criterion (cmi5 13.1.4): which AU results make the LMS consider the AU satisfied. */
enum MoveOn {
    Passed,
    Completed,
    CompletedAndPassed,
    CompletedOrPassed,
    NotApplicable;

    /** Whether an AU with these results (in one registration) has met this criterion. Waived always meets it. */
    boolean met(boolean completed, boolean passed, boolean waived) {
        if (waived) {
            return true;
        }
        return switch (this) {
            case Passed -> passed;
            case Completed -> completed;
            case CompletedAndPassed -> completed && passed;
            case CompletedOrPassed -> completed || passed;
            case NotApplicable -> true;
        };
    }

    /** The value from cmi5.xml; absent means NotApplicable (the spec's default). */
    static MoveOn parse(String value) {
        if (value == null || value.isBlank()) {
            return NotApplicable;
        }
        return Arrays.stream(values()).filter(m -> m.name().equals(value.trim())).findFirst()
                .orElseThrow(() -> new Cmi5Exception("moveOn: '" + value + "' is not one of "
                        + Arrays.toString(values())));
    }
}
