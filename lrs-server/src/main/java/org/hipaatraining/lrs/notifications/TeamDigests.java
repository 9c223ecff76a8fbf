package org.hipaatraining.lrs.notifications;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.KeptStatus;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.hipaatraining.lrs.notifications.MailContent.Table;

/**
 * Who reports to whom (the roster's supervisor field names the supervisor; teams include reports of reports), and the
 * weekly digest and monthly summary built from everyone's kept statuses.
 */
final class TeamDigests {

    private final Map<String, Person> byName = new LinkedHashMap<>();
    private final Map<String, List<Person>> directReports = new LinkedHashMap<>();

    TeamDigests(List<Person> people, LocalDate today) {
        for (Person p : people) {
            if (p.statusOn(today) != Person.Status.DEPARTED) {
                byName.putIfAbsent(nameKey(p.name()), p);
            }
        }
        for (Person p : people) {
            if (p.supervisor() != null && p.statusOn(today) != Person.Status.DEPARTED) {
                directReports.computeIfAbsent(nameKey(p.supervisor()), k -> new ArrayList<>()).add(p);
            }
        }
    }

    static String nameKey(String name) {
        return name == null ? "" : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The roster person a supervisor field names, if there is one. */
    Person supervisorOf(String supervisorName) {
        return supervisorName == null ? null : byName.get(nameKey(supervisorName));
    }

    /** Supervisors on the roster who have at least one current report. */
    List<Person> supervisors() {
        return directReports.keySet().stream().map(byName::get).filter(p -> p != null).toList();
    }

    /** Everyone who reports to the supervisor, directly or through others (cycles in the roster are ignored). */
    Set<String> team(Person supervisor) {
        Set<String> team = new LinkedHashSet<>();
        Deque<Person> todo = new ArrayDeque<>(List.of(supervisor));
        while (!todo.isEmpty()) {
            for (Person report : directReports.getOrDefault(nameKey(todo.pop().name()), List.of())) {
                if (!report.id().equals(supervisor.id()) && team.add(report.id())) {
                    todo.push(report);
                }
            }
        }
        return team;
    }

    static MailContent digest(NoticeWriter writer, String practice, Person supervisor, List<KeptStatus> team,
                              Catalogue catalogue, LocalDate weekOf, String link) {
        List<List<String>> overdue = new ArrayList<>();
        List<List<String>> everyone = new ArrayList<>();
        Set<String> taking = new LinkedHashSet<>();
        int upToDate = 0;
        for (KeptStatus k : team) {
            int open = 0;
            int late = 0;
            for (ModuleStatus s : k.statuses()) {
                if (s.state() != ComplianceState.COMPLIANT) {
                    open++;
                    taking.add(s.moduleId());
                }
                if (s.overdue() && k.personStatus() == Person.Status.ACTIVE) {
                    late++;
                    overdue.add(List.of(k.name(), s.moduleTitle(), NoticeWriter.shortDay(s.dueDate())));
                }
            }
            if (open == 0) {
                upToDate++;
            }
            String standing = k.personStatus() == Person.Status.ON_LEAVE ? "on leave"
                    : open == 0 ? "up to date" : late > 0 ? late + " overdue" : open + " to do";
            everyone.add(List.of(k.name(), standing));
        }
        List<String> points = new ArrayList<>();
        for (String moduleId : taking) {
            Module module = catalogue.module(moduleId).orElse(null);
            if (module != null && module.reinforcement() != null && points.size() < 6) {
                module.reinforcement().talkingPoints().stream().limit(2)
                        .forEach(p -> points.add(module.title() + ": " + p));
            }
        }
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Overdue", List.of("Person", "Training", "Was due"), overdue, List.of()));
        tables.add(new Table("Your team", List.of("Person", "Standing"), everyone, List.of()));
        if (!points.isEmpty()) {
            tables.add(new Table("Talking points for your next team huddle", List.of(), List.of(), points));
        }
        String first = supervisor.name().split("\\s+")[0];
        return new MailContent("Your team's HIPAA training: week of " + NoticeWriter.shortDay(weekOf), practice,
                "Your team's training this week",
                List.of("Hello " + first + ",", team.size() + (team.size() == 1 ? " person reports" : " people report")
                        + " to you. " + upToDate + " up to date; " + overdue.size() + " overdue "
                        + (overdue.size() == 1 ? "training" : "trainings") + "."),
                List.of(), link == null ? null : new MailContent.Action("Open your team page", link), tables,
                writer.footer("You get it every week as a supervisor."));
    }

    static MailContent summary(NoticeWriter writer, String practice, List<KeptStatus> everyone,
                               Map<NoticeKind, Integer> noticesLastMonth, int failingSends, String month, String link) {
        int active = 0;
        int onLeave = 0;
        int upToDate = 0;
        List<List<String>> overdue = new ArrayList<>();
        for (KeptStatus k : everyone) {
            if (k.personStatus() == Person.Status.DEPARTED) {
                continue;
            }
            if (k.personStatus() == Person.Status.ON_LEAVE) {
                onLeave++;
                continue;
            }
            active++;
            if (k.statuses().stream().allMatch(s -> s.state() == ComplianceState.COMPLIANT)) {
                upToDate++;
            }
            k.statuses().stream().filter(ModuleStatus::overdue).forEach(s -> overdue.add(List.of(k.name(),
                    s.moduleTitle(), NoticeWriter.shortDay(s.dueDate()))));
        }
        List<List<String>> notices = new ArrayList<>();
        noticesLastMonth.forEach((kind, n) -> notices.add(List.of(kind.label(), String.valueOf(n))));
        List<String> paragraphs = new ArrayList<>(List.of(active + " people are active on the roster (" + onLeave
                + " on leave); " + upToDate + " are up to date on every training. " + overdue.size()
                + " trainings are overdue."));
        if (failingSends > 0) {
            paragraphs.add(failingSends + " notices could not be sent: see the notifications page.");
        }
        return new MailContent("HIPAA training summary for " + month, practice, "Training summary: " + month,
                paragraphs, List.of(), link == null ? null : new MailContent.Action("Open the training records", link),
                List.of(new Table("Overdue", List.of("Person", "Training", "Was due"),
                                overdue.size() > 50 ? overdue.subList(0, 50) : overdue, List.of()),
                        new Table("Notices sent last month", List.of("Kind", "Count"), notices, List.of())),
                writer.footer("You get it every month as the privacy officer."));
    }
}
