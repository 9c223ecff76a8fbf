package org.hipaatraining.lrs.compliance.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.hipaatraining.lrs.compliance.roster.Person;

/**
 * One person's statuses as kept in {@code person_statuses}: every requirement's {@link ModuleStatus} on the day they
 * were computed, and the fields the lists page, filter and search by (each backed by an index). Kept documents are
 * what the pages read; they are recomputed when anything they depend on changes ({@link StatusKeeper}).
 *
 * @param version        the person's input version these statuses were computed from ({@link StatusMarks})
 * @param computedOn     the day the statuses are for
 * @param nextChange     the first day on which they change by time alone (a due date passes, a completion expires, a
 *                       role or leave begins or ends, a release takes effect), or null
 * @param overdueSince   the earliest due date among overdue requirements (people on leave: none)
 * @param location       where the person works, as the roster has it, or null
 * @param stalledSince   the oldest last activity among requirements in progress
 */
public record KeptStatus(String personId, long version, LocalDate computedOn, LocalDate nextChange, String name,
                         String email, String employeeId, String supervisor, String location, List<String> roles,
                         Person.Status personStatus, LocalDate overdueSince, Instant stalledSince, List<ModuleStatus> statuses) {

    /**
     * The stored form's version: kept documents of an older one (fields added since) are recomputed at start-up.
     * 2: location; 3: beforeAccess on statuses.
     */
    static final int FORMAT = 3;

    public int count(ComplianceState state) {
        return (int) statuses.stream().filter(s -> s.state() == state).count();
    }

    /** The value people lists sort by: the name, case and accents aside. */
    public String sortKey() {
        return sortKey(name);
    }

    /** Requirements past their due date that count against the person (not while on leave). */
    public List<ModuleStatus> overdueStatuses() {
        return statuses.stream().filter(s -> s.overdue() && !s.onLeave()).toList();
    }

    public int overdueCount() {
        return (int) statuses.stream().filter(ModuleStatus::overdue).count();
    }

    static KeptStatus of(Person person, long version, LocalDate day, LocalDate nextChange, List<ModuleStatus> statuses) {
        LocalDate overdueSince = statuses.stream().filter(s -> s.overdue() && !s.onLeave()).map(ModuleStatus::dueDate)
                .min(LocalDate::compareTo).orElse(null);
        Instant stalledSince = statuses.stream().filter(s -> s.state() == ComplianceState.IN_PROGRESS && s.lastActivity() != null)
                .map(ModuleStatus::lastActivity).min(Instant::compareTo).orElse(null);
        return new KeptStatus(person.id(), version, day, nextChange, person.name(), person.email(), person.employeeId(),
                person.supervisor(), person.location(), List.copyOf(person.rolesOn(day)), person.statusOn(day), overdueSince, stalledSince,
                statuses);
    }

    // ---- the stored form, by hand: field names the indexes and queries use

    static final String SORT = "sortKey";
    static final String SEARCH = "searchTerms";

    /** The name as people lists sort it: case and accents aside. */
    static String sortKey(String name) {
        return java.text.Normalizer.normalize(name == null ? "" : name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** Words a search finds a person by, from their start: name parts, the whole name, email, employee id. */
    static List<String> searchTerms(String name, String email, String employeeId) {
        Set<String> terms = new LinkedHashSet<>();
        String key = sortKey(name);
        terms.add(key);
        for (String word : key.split("[\\s,.'-]+")) {
            if (!word.isBlank()) {
                terms.add(word);
            }
        }
        if (email != null) {
            terms.add(email.toLowerCase(Locale.ROOT));
        }
        if (employeeId != null && !employeeId.isBlank()) {
            terms.add(employeeId.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(terms);
    }

    Document toDocument() {
        Document d = new Document("_id", personId).append("format", FORMAT).append("version", version)
                .append("computedOn", computedOn.toString())
                .append("name", name).append(SORT, sortKey(name)).append(SEARCH, searchTerms(name, email, employeeId))
                .append("roles", roles).append("personStatus", personStatus.name());
        put(d, "nextChange", nextChange == null ? null : nextChange.toString());
        put(d, "email", email);
        put(d, "employeeId", employeeId);
        put(d, "supervisor", supervisor);
        put(d, "supervisorKey", supervisor == null ? null : sortKey(supervisor));
        put(d, "location", location);
        put(d, "locationKey", location == null ? null : sortKey(location));
        put(d, "overdueSince", overdueSince == null ? null : overdueSince.toString());
        put(d, "stalledSince", stalledSince == null ? null : Date.from(stalledSince));
        List<Document> all = new ArrayList<>(statuses.size());
        for (ModuleStatus s : statuses) {
            Document status = new Document("requirement", s.requirement()).append("moduleId", s.moduleId())
                    .append("moduleTitle", s.moduleTitle()).append("requiredBy", s.requiredBy())
                    .append("state", s.state().name()).append("overdue", s.overdue()).append("attempts", s.attempts())
                    .append("onLeave", s.onLeave());
            put(status, "assignedOn", day(s.assignedOn()));
            put(status, "dueDate", day(s.dueDate()));
            put(status, "compliantUntil", day(s.compliantUntil()));
            put(status, "completedOn", day(s.completedOn()));
            put(status, "completedVersion", s.completedVersion());
            put(status, "completionStatementId", s.completionStatementId());
            put(status, "scaled", s.scaled());
            put(status, "lastActivity", s.lastActivity() == null ? null : Date.from(s.lastActivity()));
            put(status, "materialRelease", s.materialRelease());
            put(status, "acknowledgedPolicy", s.acknowledgedPolicy());
            put(status, "acknowledgedAt", s.acknowledgedAt() == null ? null : Date.from(s.acknowledgedAt()));
            put(status, "reason", s.reason());
            if (s.beforeAccess()) {
                status.append("beforeAccess", true);
            }
            all.add(status);
        }
        d.append("statuses", all);
        Map<ComplianceState, Integer> counts = new EnumMap<>(ComplianceState.class);
        statuses.forEach(s -> counts.merge(s.state(), 1, Integer::sum));
        Document countDoc = new Document();
        counts.forEach((state, n) -> countDoc.append(state.name(), n));
        d.append("counts", countDoc);
        return d;
    }

    static KeptStatus from(Document d) {
        List<ModuleStatus> statuses = new ArrayList<>();
        String personId = d.getString("_id");
        String name = d.getString("name");
        for (Document s : d.getList("statuses", Document.class)) {
            statuses.add(new ModuleStatus(personId, name, s.getString("requirement"), s.getString("moduleId"),
                    s.getString("moduleTitle"), s.getList("requiredBy", String.class), ComplianceState.valueOf(s.getString("state")),
                    s.getBoolean("overdue"), date(s.getString("assignedOn")), date(s.getString("dueDate")),
                    date(s.getString("compliantUntil")), date(s.getString("completedOn")), s.getString("completedVersion"),
                    s.getString("completionStatementId"), s.getDouble("scaled"), s.getInteger("attempts", 0),
                    instant(s.getDate("lastActivity")), s.getString("materialRelease"), s.getString("acknowledgedPolicy"),
                    instant(s.getDate("acknowledgedAt")), Boolean.TRUE.equals(s.getBoolean("onLeave")),
                    s.getString("reason"), Boolean.TRUE.equals(s.getBoolean("beforeAccess"))));
        }
        return new KeptStatus(personId, d.get("version", Number.class).longValue(), date(d.getString("computedOn")),
                date(d.getString("nextChange")), name, d.getString("email"), d.getString("employeeId"),
                d.getString("supervisor"), d.getString("location"), d.getList("roles", String.class), Person.Status.valueOf(d.getString("personStatus")),
                date(d.getString("overdueSince")), instant(d.getDate("stalledSince")), statuses);
    }

    private static void put(Document d, String field, Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }

    private static String day(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
