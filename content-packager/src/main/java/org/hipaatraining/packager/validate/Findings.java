package org.hipaatraining.packager.validate;

import java.util.ArrayList;
import java.util.List;

import org.hipaatraining.packager.validate.Finding.Severity;

/** Collects findings while the checks run; each check adds to it rather than failing at the first problem. */
final class Findings {

    private final List<Finding> list = new ArrayList<>();

    void error(String file, String message) {
        list.add(new Finding(Severity.ERROR, file, message));
    }

    void warning(String file, String message) {
        list.add(new Finding(Severity.WARNING, file, message));
    }

    boolean hasErrors() {
        return list.stream().anyMatch(Finding::isError);
    }

    List<Finding> list() {
        return list;
    }
}
