package org.hipaatraining.lrs.xapimodel;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two xAPI versions this LRS serves, chosen per request by the {@code X-Experience-API-Version} header.
 * Every 1.0.x patch version is the same wire protocol, answered as 1.0.3.
 */
public enum XapiVersion {
    V1_0_3("1.0.3"),
    V2_0_0("2.0.0");

    public static final String HEADER = "X-Experience-API-Version";

    private static final Pattern V1 = Pattern.compile("1\\.0(\\.\\d+)?");
    private static final Pattern V2 = Pattern.compile("2\\.0(\\.\\d+)?");

    private final String header;

    XapiVersion(String header) {
        this.header = header;
    }

    /** The value this LRS sends back in the version header. */
    public String header() {
        return header;
    }

    public boolean isV2() {
        return this == V2_0_0;
    }

    /** The version named by a request header, or empty when it names none this LRS serves. */
    public static Optional<XapiVersion> fromHeader(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim();
        if (V1.matcher(v).matches()) {
            return Optional.of(V1_0_3);
        }
        if (V2.matcher(v).matches()) {
            return Optional.of(V2_0_0);
        }
        return Optional.empty();
    }

    /** Whether a statement's own {@code version} property is one this request's version accepts. */
    public boolean acceptsStatementVersion(String statementVersion) {
        return V1.matcher(statementVersion).matches() || (isV2() && V2.matcher(statementVersion).matches());
    }
}
