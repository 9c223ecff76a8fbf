package org.hipaatraining.lrs.compliance.roster;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.springframework.stereotype.Service;

/**
 * Imports a practice's staff list from CSV. Columns (header names are case- and space-insensitive):
 * {@code name, email, roles} (separated by ';'), optional {@code employee_id, hire_date} (2026-03-01 or 03/01/2026),
 * {@code supervisor, status} (active, on leave, departed), {@code location} and {@code accounts} (LMS accounts as homePage|name, ';'
 * separated). A row updates the person with the same employee id, else the same email, else creates one. The file is
 * checked whole first, roles, emails and accounts included: with any error nothing is imported and every error is
 * reported with its line in the file. Two rows with the same email or employee id are an error (the second would
 * otherwise update the first).
 */
@Service
public class RosterImport {

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu"), DateTimeFormatter.ofPattern("M/d/uu"));

    private final RosterService roster;

    RosterImport(RosterService roster) {
        this.roster = roster;
    }

    public record Result(int created, int updated, int unchanged, List<String> errors) {
    }

    private record Row(long line, RosterService.PersonDetails details, Optional<Person> existing) {
    }

    public Result importCsv(Reader csv, LocalDate effective) {
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String text = read(csv);
        Lines lines = new Lines(text);
        Map<String, Long> emails = new HashMap<>();
        Map<String, Long> employeeIds = new HashMap<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setIgnoreSurroundingSpaces(true).get().parse(new StringReader(text))) {
            Map<String, String> columns = new TreeMap<>();
            parser.getHeaderNames().forEach(h -> columns.put(normalise(h), h));
            for (String required : List.of("name", "email", "roles")) {
                if (!columns.containsKey(required)) {
                    return new Result(0, 0, 0, List.of("the header must have a '" + required + "' column (found "
                            + parser.getHeaderNames() + ")"));
                }
            }
            for (CSVRecord record : parser) {
                long line = lines.lineAt(record.getCharacterPosition());
                try {
                    RosterService.PersonDetails details = details(record, columns);
                    // Checked here, not when saving, so that an error anywhere means nothing is imported.
                    roster.check(details);
                    once("employee_id", details.employeeId(), line, employeeIds);
                    once("email", details.email() == null ? null : details.email().toLowerCase(Locale.ROOT), line, emails);
                    Optional<Person> existing = existing(details);
                    checkOwnIdentities(details, existing);
                    rows.add(new Row(line, details, existing));
                } catch (RuntimeException e) {
                    errors.add("line " + line + ": " + e.getMessage());
                }
            }
        } catch (CSVException e) {
            return unreadable(e);
        } catch (UncheckedIOException e) {
            // The record iterator wraps the parser's IOException: a CSV syntax error (unbalanced quote, text after a
            // closing quote) is the file's fault and gets its line; a failing reader is not.
            if (e.getCause() instanceof CSVException syntax) {
                return unreadable(syntax);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return unreadable(e);
        }
        if (!errors.isEmpty()) {
            return new Result(0, 0, 0, errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (Row row : rows) {
            try {
                Optional<Person> existing = row.existing();
                if (existing.isEmpty()) {
                    roster.create(row.details());
                    created++;
                } else if (same(existing.get(), row.details(), effective)) {
                    unchanged++;
                } else {
                    roster.update(existing.get().id(), row.details(), effective);
                    updated++;
                }
            } catch (RosterService.RosterException e) {
                errors.add("line " + row.line() + ": " + e.getMessage());
            }
        }
        return new Result(created, updated, unchanged, errors);
    }

    private static String read(Reader csv) {
        try {
            StringWriter text = new StringWriter();
            csv.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two rows for one person would silently merge (the second updating the first): the file is ambiguous. */
    private static void once(String column, String value, long line, Map<String, Long> seen) {
        if (value == null) {
            return;
        }
        Long first = seen.putIfAbsent(value, line);
        if (first != null) {
            throw new IllegalArgumentException(column + ": " + value + " is also on line " + first);
        }
    }

    /**
     * The line a record starts on in the file, as an editor numbers it: records are counted apart from blank lines
     * and line breaks inside quotes, so the record number is not the line. Positions only grow, so one pass.
     */
    private static final class Lines {
        private final String text;
        private int position;
        private long line = 1;

        Lines(String text) {
            this.text = text;
        }

        long lineAt(long characterPosition) {
            int start = (int) Math.min(characterPosition, text.length());
            // the parser's position is after the previous record: skip the blank lines it ignored
            while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                start++;
            }
            for (; position < start; position++) {
                char c = text.charAt(position);
                if (c == '\n' || c == '\r' && (position + 1 == text.length() || text.charAt(position + 1) != '\n')) {
                    line++;
                }
            }
            return line;
        }
    }

    private static Result unreadable(Exception e) {
        return new Result(0, 0, 0, List.of("not a CSV file this importer can read: " + e.getMessage()
                + " (a field with a comma, quote or line break must be in double quotes, and a quote inside it doubled)"));
    }

    /**
     * An email or LMS account of the row that belongs to another person than the one it updates would only be refused
     * while saving, after the rows before it were saved: found here, it stops the whole file like any other error.
     */
    private void checkOwnIdentities(RosterService.PersonDetails details, Optional<Person> existing) {
        for (String identity : RosterService.identities(details)) {
            Optional<Person> owner = roster.byIdentity(identity);
            if (owner.isPresent() && existing.map(p -> !p.id().equals(owner.get().id())).orElse(true)) {
                AgentKey.Account account = AgentKey.accountOf(identity);
                throw new RosterService.RosterException((account == null ? "email " + details.email()
                        : "LMS account " + account.homePage() + "|" + account.name()) + " already belongs to "
                        + owner.get().name() + " on the roster"
                        + (existing.isPresent() ? ", not to " + existing.get().name() + " whom this row updates" : ""));
            }
        }
    }

    private Optional<Person> existing(RosterService.PersonDetails details) {
        if (details.employeeId() != null) {
            Optional<Person> byEmployeeId = roster.byEmployeeId(details.employeeId());
            if (byEmployeeId.isPresent()) {
                return byEmployeeId;
            }
        }
        if (details.email() != null) {
            return roster.byIdentity(AgentKey.ofEmail(details.email().trim().toLowerCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    private static boolean same(Person person, RosterService.PersonDetails d, LocalDate effective) {
        LocalDate day = effective == null ? LocalDate.now() : effective;
        return person.name().equals(d.name()) && person.rolesOn(day).equals(d.roles())
                && (d.status() == null || person.statusOn(day) == d.status())
                && (d.hireDate() == null || d.hireDate().equals(person.hireDate()))
                && java.util.Objects.equals(person.supervisor(), d.supervisor())
                && java.util.Objects.equals(person.location(), d.location())
                && (d.email() == null || d.email().toLowerCase(Locale.ROOT).equals(person.email()))
                && person.identifiers().containsAll(RosterService.identities(d));
    }

    private static RosterService.PersonDetails details(CSVRecord record, Map<String, String> columns) {
        String name = value(record, columns, "name");
        if (name == null) {
            throw new IllegalArgumentException("name: empty");
        }
        String roles = value(record, columns, "roles");
        if (roles == null) {
            throw new IllegalArgumentException("roles: empty (use role ids such as front-desk;clinical)");
        }
        Set<String> roleSet = new LinkedHashSet<>();
        Arrays.stream(roles.split("[;,]")).map(String::trim).filter(r -> !r.isEmpty())
                .forEach(r -> roleSet.add(r.toLowerCase(Locale.ROOT).replace(' ', '-')));
        String accounts = value(record, columns, "accounts");
        return new RosterService.PersonDetails(value(record, columns, "employeeid"), name, value(record, columns, "email"),
                roleSet, value(record, columns, "supervisor"), date(value(record, columns, "hiredate")),
                status(value(record, columns, "status")),
                accounts == null ? List.of() : Arrays.stream(accounts.split(";")).map(String::trim).filter(a -> !a.isEmpty()).toList(),
                value(record, columns, "location"));
    }

    private static String value(CSVRecord record, Map<String, String> columns, String column) {
        String header = columns.get(column);
        if (header == null || !record.isSet(header)) {
            return null;
        }
        String value = record.get(header);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(value, format);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new IllegalArgumentException("hire_date: '" + value + "' is not a date (use 2026-03-01 or 03/01/2026)");
    }

    private static Person.Status status(String value) {
        if (value == null) {
            return null;
        }
        String s = value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        try {
            return Person.Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: '" + value + "' is not active, on leave or departed");
        }
    }

    /** "Hire Date", "hire_date" and "hireDate" name the same column. */
    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
