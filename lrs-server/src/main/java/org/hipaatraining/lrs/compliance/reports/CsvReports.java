package org.hipaatraining.lrs.compliance.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.events.TrainingEventStore;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.hipaatraining.lrs.compliance.status.StatusFilter;
import org.springframework.stereotype.Service;

/**
 * The CSV exports a practice opens in a spreadsheet or hands to an auditor: statuses, every training record, and the
 * roster (in the columns the roster import reads, so an export can be edited and imported back). Every text cell is
 * guarded against formula injection: names and activity titles come from LMSs and CSV imports, and a spreadsheet
 * would run a cell such as {@code =HYPERLINK(...)}.
 */
@Service
public class CsvReports {

    /** A byte order mark first, so spreadsheet programs read the file as UTF-8 (accented names stay intact). */
    static final String BOM = "\uFEFF";

    private final ComplianceService compliance;
    private final RosterService roster;
    private final TrainingEventStore events;
    private final Catalogue catalogue;

    CsvReports(ComplianceService compliance, RosterService roster, TrainingEventStore events, Catalogue catalogue) {
        this.compliance = compliance;
        this.roster = roster;
        this.events = events;
        this.catalogue = catalogue;
    }

    public void status(StatusFilter filter, LocalDate on, Writer out) {
        try (CSVPrinter csv = printer(out, "Person", "Employee ID", "Required by", "Requirement", "Module", "Module title",
                "State", "Overdue", "On leave", "Assigned on", "Due date", "Due before system access", "Compliant until", "Completed on", "Version",
                "Score %", "Attempts", "Last activity (UTC)", "Policy acknowledged", "Acknowledged at (UTC)",
                "Material release", "Statement ID")) {
            if (on == null || on.equals(compliance.today())) {
                // today's statuses as kept, a person at a time from a cursor: any roster size in constant memory
                compliance.forEachKept(k -> {
                    if (k.personStatus() != Person.Status.DEPARTED) {
                        statusRows(csv, k.name(), k.employeeId(), k.statuses(), filter);
                    }
                });
            } else {
                for (Map.Entry<Person, List<ModuleStatus>> entry : compliance.statusOfEveryone(on).entrySet()) {
                    statusRows(csv, entry.getKey().name(), entry.getKey().employeeId(), entry.getValue(), filter);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void statusRows(CSVPrinter csv, String name, String employeeId, List<ModuleStatus> statuses,
                                   StatusFilter filter) {
        try {
            for (ModuleStatus s : statuses) {
                if (filter.test(s)) {
                    row(csv, name, employeeId, String.join("; ", s.requiredBy()), s.requirement(),
                            s.moduleId(), s.moduleTitle(), s.state(), yesNo(s.overdue()), yesNo(s.onLeave()), s.assignedOn(),
                            s.dueDate(), yesNo(s.beforeAccess()), s.compliantUntil(), s.completedOn(), s.completedVersion(),
                            ReportFormat.percent(s.scaled()), s.attempts(), ReportFormat.utc(s.lastActivity()),
                            s.acknowledgedPolicy(), ReportFormat.utc(s.acknowledgedAt()), s.materialRelease(),
                            s.completionStatementId());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row per training event in the period, oldest first, with the roles the person had that day. */
    public void trainingRecords(ReportPeriod period, Writer out) {
        Map<String, Person> people = ReportFormat.byIdentity(roster.all());
        try (CSVPrinter csv = printer(out, "Person", "Employee ID", "Roles", "Module", "Module title", "Version",
                "Version inferred", "Event", "Counts as training", "Score %", "Date/time (UTC)", "Policy", "Policy version",
                "Policy SHA-256", "Source", "Registration", "Statement ID")) {
            events.forEachBetween(period.start(), period.end(), e -> {
                Person person = people.get(e.agentKey());
                LocalDate day = LocalDate.ofInstant(e.timestamp(), ZoneOffset.UTC);
                try {
                    row(csv, person == null ? e.actorName() : person.name(), person == null ? null : person.employeeId(),
                            person == null ? null : String.join("; ", person.rolesOn(day)), e.moduleId(),
                            catalogue.module(e.moduleId()).map(Module::title).orElse(null), e.moduleVersion(),
                            yesNo(e.versionInferred()), e.type(), yesNo(e.satisfies()), ReportFormat.percent(e.scaled()),
                            ReportFormat.utc(e.timestamp()), e.policyId(), e.policyVersion(), e.policySha256(), e.source(), e.registration(),
                            e.statementId());
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everyone on the roster, departed people too; the first nine columns are the roster import's. */
    public void roster(LocalDate on, Writer out) {
        try (CSVPrinter csv = printer(out, "Employee ID", "Name", "Email", "Roles", "Hire date", "Supervisor", "Status",
                "Accounts", "Location", "Status since", "Role history", "Person ID")) {
            for (Person p : roster.all()) {
                Person.Status status = p.statusOn(on);
                LocalDate since = p.statuses().stream().filter(s -> !s.from().isAfter(on)).map(Person.StatusPeriod::from)
                        .reduce((a, b) -> b).orElse(p.hireDate());
                row(csv, p.employeeId(), p.name(), p.email(), String.join(";", p.rolesOn(on)), p.hireDate(),
                        p.supervisor(), status.name().toLowerCase(Locale.ROOT).replace('_', ' '), String.join(";", ReportFormat.accounts(p)),
                        p.location(), since, roleHistory(p), p.id());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code front-desk 2024-03-01 to 2026-02-01; clinical from 2026-02-01}. */
    static String roleHistory(Person person) {
        return person.roles().stream().map(r -> r.role() + (r.to() == null ? " from " + r.from() : " " + r.from() + " to " + r.to()))
                .collect(Collectors.joining("; "));
    }

    /**
     * A cell a spreadsheet shows as text: one that starts like a formula ({@code = + - @}, or a tab or carriage return
     * that some programs skip before one) gets a leading apostrophe.
     */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static CSVPrinter printer(Writer out, String... headers) throws IOException {
        out.write(BOM);
        return new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(headers).get());
    }

    private static void row(CSVPrinter csv, Object... cells) throws IOException {
        List<String> values = new ArrayList<>(cells.length);
        Arrays.stream(cells).forEach(c -> values.add(safe(c == null ? null : c.toString())));
        csv.printRecord(values);
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
