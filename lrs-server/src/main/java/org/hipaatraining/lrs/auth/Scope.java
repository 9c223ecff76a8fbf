package org.hipaatraining.lrs.auth;

import java.util.Arrays;
import java.util.Optional;

/** The xAPI authorization scopes a client credential can hold. */
public enum Scope {
    STATEMENTS_WRITE("statements/write"),
    STATEMENTS_READ("statements/read"),
    STATEMENTS_READ_MINE("statements/read/mine"),
    STATE("state"),
    DEFINE("define"),
    PROFILE("profile"),
    ALL_READ("all/read"),
    ALL("all");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The scope as xAPI writes it, e.g. {@code statements/write}. */
    public String value() {
        return value;
    }

    /** The Spring Security authority that stands for this scope. */
    public String authority() {
        return "SCOPE_" + value;
    }

    public static Optional<Scope> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
