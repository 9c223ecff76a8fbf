package org.hipaatraining.lrs.compliance.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.xapimodel.AgentKey;

/** How reports and pages write scores, times and identities, so every export says them the same way. */
public final class ReportFormat {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReportFormat() {
    }

    /** A scaled score as a whole percentage ({@code 86}), or empty when there is none. */
    public static String percent(Double scaled) {
        return scaled == null ? "" : String.valueOf(Math.round(scaled * 100));
    }

    /** {@code 2026-11-20 15:04:05 UTC}, or empty. */
    public static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** The LMS accounts among a person's identities, as {@code homePage|name} (the roster import's format). */
    public static List<String> accounts(Person person) {
        return person.identifiers().stream().map(AgentKey::accountOf).filter(Objects::nonNull)
                .map(a -> a.homePage() + "|" + a.name()).toList();
    }

    /** Who each xAPI identity is, for naming the person behind a training event. */
    public static Map<String, Person> byIdentity(List<Person> people) {
        Map<String, Person> index = new HashMap<>();
        people.forEach(p -> p.identifiers().forEach(id -> index.put(id, p)));
        return index;
    }
}
