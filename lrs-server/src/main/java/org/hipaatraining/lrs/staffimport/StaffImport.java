package org.hipaatraining.lrs.staffimport;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Role;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.roster.RosterService.PersonDetails;
import org.hipaatraining.lrs.xapimodel.Formats;
import org.springframework.stereotype.Service;

/**
 * Imports a staff list as a practice has it: the columns are guessed (and corrected by the admin), job titles are
 * mapped to training roles once and kept, dates are read in the file's own style. Nothing is saved before a preview
 * has said what will happen: who is added, updated or unchanged, whose roles change, and who is on the roster but not
 * in the file (offered to be marked departed). A row that cannot be read is listed with its line and left out.
 */
@Service
public class StaffImport {

    private final RosterService roster;
    private final Catalogue catalogue;
    private final RoleSuggestions suggestions;
    private final ImportSettings settings;
    private final Clock clock;

    StaffImport(RosterService roster, Catalogue catalogue, RoleSuggestions suggestions, ImportSettings settings, Clock clock) {
        this.roster = roster;
        this.catalogue = catalogue;
        this.suggestions = suggestions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A job title of the file and the roles it will get.
     *
     * @param kept whether the roles are the ones kept from an earlier import (else suggested now)
     */
    public record TitleChoice(String title, int people, Set<String> roles, boolean kept) {
    }

    /** The question asked when the file's dates could be read two ways, with one of its dates as the example. */
    public record DateQuestion(String example, String monthFirst, String dayFirst) {
    }

    /**
     * What the import makes of a file before the admin confirms anything.
     *
     * @param mapping      the guessed (or kept) mapping; its date order is the kept answer, or null when still to be asked
     * @param dateQuestion when dates such as 03/04/2026 need their order said (the page asks, the kept order preselected), else null
     */
    public record Analysis(StaffTable table, ImportMapping mapping, List<TitleChoice> titles, DateQuestion dateQuestion,
                           boolean mappingKept) {
    }

    public record Added(long line, PersonDetails details) {
    }

    /** @param changes what changes, in words: "email", "location: North → South" */
    public record Updated(long line, Person person, PersonDetails details, List<String> changes) {
    }

    public record RoleChange(Person person, Set<String> from, Set<String> to) {
    }

    /** A row left out, and why. */
    public record Problem(long line, String message) {

        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /**
     * @param missing  people on the roster, not departed, whom no row names: offered to be marked departed
     * @param departed people the file says have left (their status column), with the date they left
     */
    public record Preview(int rows, List<Added> added, List<Updated> updated, int unchanged, List<RoleChange> roleChanges,
                          List<Person> missing, List<Problem> problems, LocalDate effective) {
    }

    public record Result(int added, int updated, int unchanged, int departed, List<Problem> problems) {

        public String summary() {
            return "%d added, %d updated, %d unchanged, %d marked departed".formatted(added, updated, unchanged, departed)
                    + (problems.isEmpty() ? "." : "; " + problems.size() + (problems.size() == 1 ? " row" : " rows") + " left out.");
        }
    }

    /** A mapping that cannot be used with this file, naming what to choose. */
    public static class InvalidMapping extends RuntimeException {
        public InvalidMapping(String message) {
            super(message);
        }
    }

    /** Guesses the mapping of a file: the kept one when this file has all its columns, else from the headers. */
    public Analysis analyse(StaffTable table) {
        Optional<ImportMapping> last = settings.lastMapping()
                .filter(m -> m.columns().values().stream().allMatch(h -> table.column(h) >= 0) && named(m));
        ImportMapping columns = last.orElseGet(() -> new ImportMapping(guessColumns(table), null, Map.of()));
        DateOrder order = columns.dateOrder();
        List<String> dates = dateValues(table, columns);
        DateOrder evidence = DateOrder.evidence(dates);
        if (evidence != null) {
            order = evidence;
        }
        DateQuestion question = null;
        if (evidence == null && DateOrder.anyAmbiguous(dates)) {
            String example = dates.stream().filter(d -> DateOrder.anyAmbiguous(List.of(d))).findFirst().orElseThrow();
            question = new DateQuestion(example, DateOrder.parse(example, DateOrder.MONTH_FIRST).toString(),
                    DateOrder.parse(example, DateOrder.DAY_FIRST).toString());
        }
        List<TitleChoice> titles = titleChoices(table, columns.column(Field.JOB_TITLE), Map.of());
        Map<String, Set<String>> titleRoles = new LinkedHashMap<>();
        titles.forEach(t -> titleRoles.put(t.title(), t.roles()));
        return new Analysis(table, new ImportMapping(columns.columns(), order, titleRoles), titles, question, last.isPresent());
    }

    /** The job titles of a file, each with the roles chosen now, else kept, else suggested. */
    public List<TitleChoice> titleChoices(StaffTable table, String titleHeader, Map<String, Set<String>> chosen) {
        int column = table.column(titleHeader);
        if (column < 0) {
            return List.of();
        }
        Map<String, Set<String>> kept = settings.titleRoles();
        Map<String, String> firstSpelling = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (StaffTable.Row row : table.rows()) {
            String title = row.cell(column);
            if (!title.isBlank()) {
                firstSpelling.putIfAbsent(ImportSettings.key(title), title.trim().replaceAll("\\s+", " "));
                counts.merge(ImportSettings.key(title), 1, Integer::sum);
            }
        }
        Map<String, Set<String>> chosenByKey = new HashMap<>();
        chosen.forEach((t, roles) -> chosenByKey.put(ImportSettings.key(t), roles));
        List<TitleChoice> choices = new ArrayList<>();
        firstSpelling.forEach((key, title) -> {
            Set<String> roles = chosenByKey.get(key);
            boolean isKept = roles == null && kept.containsKey(key);
            if (roles == null) {
                roles = isKept ? kept.get(key) : Set.of(suggestions.suggest(title));
            }
            choices.add(new TitleChoice(title, counts.get(key), roles, isKept));
        });
        choices.sort(Comparator.comparing(TitleChoice::title, String.CASE_INSENSITIVE_ORDER));
        return choices;
    }

    /** What importing the file with this mapping would do; nothing is saved. */
    public Preview preview(StaffTable table, ImportMapping mapping, LocalDate effective) {
        check(table, mapping);
        LocalDate day = effective == null ? today() : effective;
        Map<String, Set<String>> titleRoles = titleRoles(table, mapping);
        List<Person> everyone = roster.all();
        Map<String, Person> byEmployeeId = new HashMap<>();
        Map<String, Person> byEmail = new HashMap<>();
        for (Person p : everyone) {
            if (p.employeeId() != null) {
                byEmployeeId.putIfAbsent(p.employeeId(), p);
            }
            if (p.email() != null) {
                byEmail.putIfAbsent(p.email().toLowerCase(Locale.ROOT), p);
            }
        }
        List<Added> added = new ArrayList<>();
        List<Updated> updated = new ArrayList<>();
        List<RoleChange> roleChanges = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> named = new HashSet<>();
        Map<String, Long> emailLines = new HashMap<>();
        Map<String, Long> idLines = new HashMap<>();
        int unchanged = 0;
        for (StaffTable.Row row : table.rows()) {
            RowValues v;
            try {
                v = values(table, row, mapping, titleRoles);
            } catch (RowProblem e) {
                problems.add(new Problem(row.line(), e.getMessage()));
                matchQuietly(table, row, mapping, byEmployeeId, byEmail).ifPresent(p -> named.add(p.id()));
                continue;
            }
            if (v.email != null && emailLines.containsKey(v.email)) {
                problems.add(new Problem(row.line(), "email " + v.email + " is also on line " + emailLines.get(v.email)
                        + ": two people cannot share an email, so this row is left out"));
                continue;
            }
            if (v.employeeId != null && idLines.containsKey(v.employeeId)) {
                problems.add(new Problem(row.line(), "employee ID " + v.employeeId + " is also on line "
                        + idLines.get(v.employeeId) + ": this row is left out"));
                continue;
            }
            if (v.email != null) {
                emailLines.put(v.email, row.line());
            }
            if (v.employeeId != null) {
                idLines.put(v.employeeId, row.line());
            }
            Person existing = v.employeeId != null && byEmployeeId.containsKey(v.employeeId) ? byEmployeeId.get(v.employeeId)
                    : v.email != null ? byEmail.get(v.email) : null;
            if (existing == null) {
                if (v.status == Person.Status.DEPARTED) {
                    problems.add(new Problem(row.line(), v.name + " has left (status '" + v.statusText
                            + "') and is not on the roster: not added"));
                    continue;
                }
                Set<String> roles = v.roles == null ? Set.of(RoleSuggestions.BASELINE) : v.roles;
                added.add(new Added(row.line(), new PersonDetails(v.employeeId, v.name, v.email, roles, v.manager,
                        v.hireDate, v.status, List.of(), v.location)));
                continue;
            }
            if (!named.add(existing.id())) {
                problems.add(new Problem(row.line(), existing.name() + " is already named by another row: this row is left out"));
                continue;
            }
            Set<String> now = existing.rolesOn(day);
            Set<String> roles = v.roles == null ? now : v.roles;
            PersonDetails details = new PersonDetails(existing.employeeId(), v.name,
                    v.email != null ? v.email : existing.email(), roles,
                    mapping.has(Field.MANAGER) ? v.manager : existing.supervisor(),
                    v.hireDate != null ? v.hireDate : existing.hireDate(), v.status, List.of(),
                    mapping.has(Field.LOCATION) ? v.location : existing.location());
            List<String> changes = changes(existing, details, day, v.endDate);
            if (changes.isEmpty()) {
                unchanged++;
            } else {
                updated.add(new Updated(row.line(), existing, details, changes));
                if (!now.equals(roles)) {
                    roleChanges.add(new RoleChange(existing, new TreeSet<>(now), new TreeSet<>(roles)));
                }
            }
        }
        List<Person> missing = everyone.stream().filter(p -> !named.contains(p.id()))
                .filter(p -> p.statusOn(day) != Person.Status.DEPARTED)
                .sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return new Preview(table.rows().size(), added, updated, unchanged, roleChanges, missing, problems, day);
    }

    /**
     * Imports the file as previewed, marks the chosen missing people departed, and keeps the mapping and the title
     * roles for the next import.
     *
     * @param depart     ids of missing people to mark departed (others stay as they are)
     * @param departedOn the day they left; default the effective day
     */
    public Result apply(StaffTable table, ImportMapping mapping, LocalDate effective, Set<String> depart, LocalDate departedOn) {
        Preview preview = preview(table, mapping, effective);
        List<Problem> problems = new ArrayList<>(preview.problems());
        int added = 0;
        int updated = 0;
        for (Added a : preview.added()) {
            try {
                roster.create(a.details());
                added++;
            } catch (RosterService.RosterException e) {
                problems.add(new Problem(a.line(), e.getMessage()));
            }
        }
        for (Updated u : preview.updated()) {
            try {
                PersonDetails d = u.details();
                boolean leaves = d.status() == Person.Status.DEPARTED;
                roster.update(u.person().id(), leaves ? withoutStatus(d) : d, preview.effective());
                if (leaves) {
                    LocalDate endDate = endDate(table, mapping, u.line());
                    roster.changeStatus(u.person().id(), Person.Status.DEPARTED, endDate == null ? preview.effective() : endDate);
                }
                updated++;
            } catch (RosterService.RosterException e) {
                problems.add(new Problem(u.line(), e.getMessage()));
            }
        }
        int departed = 0;
        Set<String> chosen = depart == null ? Set.of() : depart;
        for (Person p : preview.missing()) {
            if (chosen.contains(p.id())) {
                roster.changeStatus(p.id(), Person.Status.DEPARTED, departedOn == null ? preview.effective() : departedOn);
                departed++;
            }
        }
        settings.keepTitleRoles(titleRoles(table, mapping));
        settings.keepMapping(mapping);
        problems.sort(Comparator.comparingLong(Problem::line));
        return new Result(added, updated, preview.unchanged(), departed, problems);
    }

    /** The mapping kept from the last import, for scheduled imports through the API. */
    public Optional<ImportMapping> keptMapping() {
        return settings.lastMapping().map(m -> new ImportMapping(m.columns(), m.dateOrder(), Map.of()));
    }

    /** A column guess per field: exact header names first, then headers containing a name; emails found by content. */
    static Map<Field, String> guessColumns(StaffTable table) {
        record Candidate(Field field, String header, int score) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Field field : Field.values()) {
            for (String header : table.headers()) {
                int score = field.match(header);
                if (score > 0) {
                    candidates.add(new Candidate(field, header, score));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::score).reversed()
                .thenComparing(c -> c.field().ordinal()));
        Map<Field, String> columns = new EnumMap<>(Field.class);
        Set<String> taken = new HashSet<>();
        for (Candidate c : candidates) {
            if (!columns.containsKey(c.field()) && !taken.contains(c.header())) {
                columns.put(c.field(), c.header());
                taken.add(c.header());
            }
        }
        if (!columns.containsKey(Field.EMAIL)) {
            for (String header : table.headers()) {
                int column = table.column(header);
                long emails = table.rows().stream().filter(r -> r.cell(column).contains("@")).count();
                if (!taken.contains(header) && emails > 0 && emails * 5 >= table.rows().size() * 4L) {
                    columns.put(Field.EMAIL, header);
                    break;
                }
            }
        }
        if (columns.containsKey(Field.NAME) && columns.containsKey(Field.FIRST_NAME) && columns.containsKey(Field.LAST_NAME)
                && Field.NAME.match(columns.get(Field.NAME)) < 2) {
            columns.remove(Field.NAME); // "Employee" beside First name and Last name is not the name
        }
        return columns;
    }

    private void check(StaffTable table, ImportMapping mapping) {
        for (Map.Entry<Field, String> column : mapping.columns().entrySet()) {
            if (table.column(column.getValue()) < 0) {
                throw new InvalidMapping(column.getKey().label() + ": the file has no column '" + column.getValue()
                        + "' (its columns: " + String.join(", ", table.headers()) + ")");
            }
        }
        if (!named(mapping)) {
            throw new InvalidMapping("Name: choose the column with each person's name (or a First name and a Last name column)");
        }
        if (!mapping.has(Field.EMAIL) && !mapping.has(Field.EMPLOYEE_ID)) {
            throw new InvalidMapping("Email: choose the column with each person's email, or an Employee ID column, so a "
                    + "re-import can tell who is who");
        }
        for (Map.Entry<String, Set<String>> t : mapping.titleRoles().entrySet()) {
            if (t.getValue() == null || t.getValue().isEmpty()) {
                throw new InvalidMapping("job title '" + t.getKey() + "': choose a role");
            }
            for (String role : t.getValue()) {
                if (catalogue.role(role).isEmpty()) {
                    throw new InvalidMapping("job title '" + t.getKey() + "': '" + role + "' is not a role; use "
                            + catalogue.roles().stream().map(Role::id).toList());
                }
            }
        }
        if (mapping.dateOrder() == null) {
            List<String> dates = dateValues(table, mapping);
            if (DateOrder.evidence(dates) == null && DateOrder.anyAmbiguous(dates)) {
                String example = dates.stream().filter(d -> DateOrder.anyAmbiguous(List.of(d))).findFirst().orElseThrow();
                throw new InvalidMapping("dates: say whether " + example + " is month first or day first");
            }
        }
    }

    private static boolean named(ImportMapping mapping) {
        return mapping.has(Field.NAME) || (mapping.has(Field.FIRST_NAME) && mapping.has(Field.LAST_NAME));
    }

    /** The mapping's title roles, and for titles it does not name, the kept or suggested ones. */
    private Map<String, Set<String>> titleRoles(StaffTable table, ImportMapping mapping) {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        for (TitleChoice choice : titleChoices(table, mapping.column(Field.JOB_TITLE), mapping.titleRoles())) {
            roles.put(choice.title(), choice.roles());
        }
        return roles;
    }

    private static List<String> dateValues(StaffTable table, ImportMapping mapping) {
        List<String> values = new ArrayList<>();
        for (Field field : List.of(Field.HIRE_DATE, Field.END_DATE)) {
            int column = table.column(mapping.column(field));
            if (column >= 0) {
                table.rows().forEach(r -> {
                    if (!r.cell(column).isBlank()) {
                        values.add(r.cell(column));
                    }
                });
            }
        }
        return values;
    }

    private static final class RowProblem extends RuntimeException {
        RowProblem(String message) {
            super(message);
        }
    }

    private static final class RowValues {
        String name;
        String email;
        String employeeId;
        Set<String> roles;
        String manager;
        String location;
        LocalDate hireDate;
        LocalDate endDate;
        Person.Status status;
        String statusText;
    }

    private RowValues values(StaffTable table, StaffTable.Row row, ImportMapping mapping, Map<String, Set<String>> titleRoles) {
        RowValues v = new RowValues();
        v.name = name(table, row, mapping);
        if (v.name == null) {
            throw new RowProblem("no name");
        }
        String email = cell(table, row, mapping, Field.EMAIL);
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (email.startsWith("mailto:")) {
                email = email.substring("mailto:".length());
            }
            if (!Formats.isMbox("mailto:" + email)) {
                throw new RowProblem("email: '" + email + "' is not an email address");
            }
        }
        v.email = email;
        v.employeeId = cell(table, row, mapping, Field.EMPLOYEE_ID);
        if (v.email == null && v.employeeId == null) {
            throw new RowProblem(v.name + " has neither an email nor an employee ID");
        }
        String roleIds = cell(table, row, mapping, Field.ROLES);
        if (roleIds != null) {
            Set<String> roles = new LinkedHashSet<>();
            Arrays.stream(roleIds.split("[;,]")).map(String::trim).filter(r -> !r.isEmpty())
                    .forEach(r -> roles.add(r.toLowerCase(Locale.ROOT).replace(' ', '-')));
            for (String role : roles) {
                if (catalogue.role(role).isEmpty()) {
                    throw new RowProblem("roles: '" + role + "' is not a role");
                }
            }
            v.roles = roles;
        } else {
            String title = cell(table, row, mapping, Field.JOB_TITLE);
            if (title != null) {
                v.roles = titleRoles.entrySet().stream().filter(e -> ImportSettings.key(e.getKey()).equals(ImportSettings.key(title)))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
            }
        }
        v.manager = cell(table, row, mapping, Field.MANAGER);
        v.manager = v.manager == null ? null : firstNameFirst(v.manager).replaceAll("\\s+", " ");
        v.location = cell(table, row, mapping, Field.LOCATION);
        v.hireDate = date(table, row, mapping, Field.HIRE_DATE);
        v.endDate = date(table, row, mapping, Field.END_DATE);
        v.statusText = cell(table, row, mapping, Field.STATUS);
        v.status = status(v.statusText);
        if (v.status == null && v.endDate != null && !v.endDate.isAfter(today())) {
            v.status = Person.Status.DEPARTED; // an end date that has passed says it without a status column
        }
        if (v.name.length() > 200) {
            throw new RowProblem("name: at most 200 characters");
        }
        return v;
    }

    /** The person a row names by employee ID or email, even when the row has another problem. */
    private Optional<Person> matchQuietly(StaffTable table, StaffTable.Row row, ImportMapping mapping,
                                         Map<String, Person> byEmployeeId, Map<String, Person> byEmail) {
        String id = cell(table, row, mapping, Field.EMPLOYEE_ID);
        if (id != null && byEmployeeId.containsKey(id)) {
            return Optional.of(byEmployeeId.get(id));
        }
        String email = cell(table, row, mapping, Field.EMAIL);
        return Optional.ofNullable(email == null ? null : byEmail.get(email.toLowerCase(Locale.ROOT)));
    }

    private LocalDate endDate(StaffTable table, ImportMapping mapping, long line) {
        return table.rows().stream().filter(r -> r.line() == line).findFirst()
                .map(r -> date(table, r, mapping, Field.END_DATE)).orElse(null);
    }

    private static String name(StaffTable table, StaffTable.Row row, ImportMapping mapping) {
        String name = cell(table, row, mapping, Field.NAME);
        if (name == null) {
            String first = cell(table, row, mapping, Field.FIRST_NAME);
            String last = cell(table, row, mapping, Field.LAST_NAME);
            name = first == null ? last : last == null ? first : first + " " + last;
        } else {
            name = firstNameFirst(name);
        }
        return name == null ? null : name.replaceAll("\\s+", " ");
    }

    /** "Okafor, Grace", as payroll systems sort names, is Grace Okafor; "Grace Okafor, MD" stays as it is. */
    static String firstNameFirst(String name) {
        String[] parts = name.split(",");
        if (parts.length == 2 && !parts[0].isBlank() && !parts[1].isBlank()
                && !parts[1].trim().matches("(?i)(jr|sr|ii|iii|iv|md|rn|np|pa|phd|do|dds|lpn|cma)\\.?")) {
            return parts[1].trim() + " " + parts[0].trim();
        }
        return name;
    }

    private static String cell(StaffTable table, StaffTable.Row row, ImportMapping mapping, Field field) {
        String header = mapping.column(field);
        if (header == null) {
            return null;
        }
        String value = row.cell(table.column(header));
        return value.isBlank() ? null : value.trim();
    }

    private static LocalDate date(StaffTable table, StaffTable.Row row, ImportMapping mapping, Field field) {
        String value = cell(table, row, mapping, field);
        if (value == null) {
            return null;
        }
        try {
            return DateOrder.parse(value, mapping.dateOrder());
        } catch (DateTimeException e) {
            throw new RowProblem(field.label().toLowerCase(Locale.ROOT) + ": " + e.getMessage());
        }
    }

    /** Employment statuses as HR systems write them; a type of employment (full-time, per diem) is active. */
    static Person.Status status(String value) {
        if (value == null) {
            return null;
        }
        String s = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (s.contains("leave") || s.equals("loa") || s.equals("fmla") || s.contains("suspend")) {
            return Person.Status.ON_LEAVE;
        }
        if (s.contains("terminat") || s.contains("depart") || s.contains("resign") || s.contains("retire")
                || s.contains("inactive") || s.contains("former") || s.contains("separated") || s.contains("left")
                || s.equals("term") || s.equals("ended")) {
            return Person.Status.DEPARTED;
        }
        return Person.Status.ACTIVE;
    }

    private static List<String> changes(Person p, PersonDetails d, LocalDate day, LocalDate endDate) {
        List<String> changes = new ArrayList<>();
        if (!p.name().equals(d.name())) {
            changes.add("name: " + p.name() + " → " + d.name());
        }
        if (!Objects.equals(p.email(), d.email())) {
            changes.add("email: " + dash(p.email()) + " → " + dash(d.email()));
        }
        Set<String> roles = p.rolesOn(day);
        if (!roles.equals(d.roles())) {
            changes.add("roles: " + String.join(", ", new TreeSet<>(roles)) + " → " + String.join(", ", new TreeSet<>(d.roles())));
        }
        if (!Objects.equals(p.supervisor(), d.supervisor())) {
            changes.add("manager: " + dash(p.supervisor()) + " → " + dash(d.supervisor()));
        }
        if (!Objects.equals(p.location(), d.location())) {
            changes.add("location: " + dash(p.location()) + " → " + dash(d.location()));
        }
        if (d.hireDate() != null && !d.hireDate().equals(p.hireDate())) {
            changes.add("hire date: " + dash(p.hireDate()) + " → " + d.hireDate());
        }
        if (d.status() != null && p.statusOn(day) != d.status()) {
            changes.add("status: " + words(p.statusOn(day)) + " → " + words(d.status())
                    + (d.status() == Person.Status.DEPARTED && endDate != null ? " on " + endDate : ""));
        }
        return changes;
    }

    private static PersonDetails withoutStatus(PersonDetails d) {
        return new PersonDetails(d.employeeId(), d.name(), d.email(), d.roles(), d.supervisor(), d.hireDate(), null,
                d.accounts(), d.location());
    }

    static String words(Person.Status status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String dash(Object value) {
        return value == null ? "—" : value.toString();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
