package org.hipaatraining.lrs.notifications;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.hipaatraining.lrs.notifications.MailContent.Action;
import org.hipaatraining.lrs.notifications.MailContent.Fact;
import org.hipaatraining.lrs.notifications.NoticePlanner.Planned;

/** The words of each notice: plain, short, readable on a phone; names, module titles and dates only. */
final class NoticeWriter {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.US);

    private final String practice;

    NoticeWriter(String practice) {
        this.practice = practice;
    }

    String footer(String why) {
        return "Sent by " + practice + "'s HIPAA training program. " + why
                + " This message holds no patient information; do not reply with any.";
    }

    /** A notice to the person who is to train, with the one link that starts or resumes it. */
    MailContent toLearner(Planned p, String link, LocalDate today) {
        ModuleStatus s = p.status();
        String module = s.moduleTitle();
        String due = DAY.format(s.dueDate());
        String first = p.person().name().split("\\s+")[0];
        List<Fact> facts = List.of(new Fact("Training", module), new Fact("Due", due));
        Action start = new Action(s.state() == org.hipaatraining.lrs.compliance.status.ComplianceState.IN_PROGRESS
                ? "Resume the training" : "Start the training", link);
        String why = "You get it because you are on " + practice + "'s workforce.";
        return switch (p.kind()) {
            case ASSIGNED -> new MailContent("Training assigned: " + module + " (due " + shortDay(s.dueDate()) + ")", practice,
                    "New training for you: " + module,
                    s.reason() == null ? List.of("Hello " + first + ",", "As part of " + practice
                            + "'s HIPAA program you have been assigned " + module + ". Please complete it by " + due + ".",
                            "It takes about as long as a coffee break, and you can stop and resume at any time.")
                            : List.of("Hello " + first + ",", "After an event at " + practice + " that calls for it, you "
                            + "have been assigned " + module + ". Please complete it by " + due + ".",
                            "The reason: " + s.reason()),
                    facts, start, List.of(), footer(why));
            case DUE_SOON -> new MailContent("Reminder: " + module + " is due " + shortDay(s.dueDate()), practice,
                    module + " is due " + whenDue(s.dueDate(), today),
                    List.of("Hello " + first + ",", s.compliantUntil() != null
                            ? "Your training in " + module + " runs out on " + due + ". Please take this year's refresher before then."
                            : "A reminder that " + module + " is due by " + due + "."),
                    facts, start, List.of(), footer(why));
            case SECURITY_REMINDER -> new MailContent("Security reminder: " + module, practice,
                    "This quarter's security reminder: " + module,
                    List.of("Hello " + first + ",", "The next security reminder in " + practice
                            + "'s program is ready. It is short; please take it by " + due + "."),
                    facts, start, List.of(), footer(why));
            case OVERDUE -> new MailContent("Overdue: " + module + " was due " + shortDay(s.dueDate()), practice,
                    module + " is overdue",
                    List.of("Hello " + first + ",", module + " was due on " + due + " and is not complete yet. "
                            + "Please complete it as soon as you can; if something stops you, tell your supervisor."),
                    facts, start, List.of(), footer(why));
            default -> throw new IllegalArgumentException(p.kind() + " is not a learner's notice");
        };
    }

    /** A notice to a supervisor or the privacy officer about one person. */
    MailContent aboutSomeone(Planned p, String link, LocalDate today) {
        ModuleStatus s = p.status();
        String name = p.person().name();
        String module = s.moduleTitle();
        long days = ChronoUnit.DAYS.between(s.dueDate(), today);
        List<Fact> facts = new ArrayList<>(List.of(new Fact("Person", name), new Fact("Training", module),
                new Fact("Was due", DAY.format(s.dueDate()))));
        Action open = link == null ? null : new Action(p.kind().audience() == NoticeKind.Audience.SUPERVISOR
                ? "Open your team page" : "Open " + name + "'s training record", link);
        return switch (p.kind()) {
            case ESCALATION_SUPERVISOR -> new MailContent(name + " is " + days + " days overdue on " + module, practice,
                    name + " is " + days + " days overdue",
                    List.of("Hello " + p.to().name().split("\\s+")[0] + ",", name + " has not completed " + module
                            + ", due on " + DAY.format(s.dueDate()) + ", and has been reminded. As their supervisor, please "
                            + "help them find the time this week."),
                    facts, open, List.of(), footer("You get it because " + name + " reports to you."));
            case ESCALATION_PRIVACY_OFFICER -> new MailContent("Escalation: " + name + " is " + days + " days overdue on "
                    + module, practice, name + " is " + days + " days overdue",
                    List.of(name + " has not completed " + module + ", due on " + DAY.format(s.dueDate())
                            + ". They and their supervisor have been reminded. The training record shows every notice sent."),
                    facts, open, List.of(), footer("You get it as the privacy officer."));
            case FAILED_NO_RETAKE -> {
                facts.set(2, new Fact("Due", DAY.format(s.dueDate())));
                yield new MailContent(name + " has not retaken " + module, practice,
                        name + " needs help with " + module,
                        List.of("Hello " + p.to().name().split("\\s+")[0] + ",", name + " did not pass the knowledge check of "
                                + module + " and has not tried again since. A short conversation about the topics "
                                + "usually helps; then ask them to retake it."),
                        facts, open, List.of(), footer("You get it because " + name + " reports to you."));
            }
            default -> throw new IllegalArgumentException(p.kind() + " is not about someone");
        };
    }

    /**
     * One mail for everything due to a person in one pass: each requirement with its due date and state, and one link
     * (its page lists each module). A single notice reads as before.
     */
    MailContent toLearner(List<Planned> notices, String link, LocalDate today) {
        if (notices.size() == 1) {
            return toLearner(notices.get(0), link, today);
        }
        Planned first = notices.get(0);
        String hello = "Hello " + first.person().name().split("\\s+")[0] + ",";
        LocalDate firstDue = notices.stream().map(p -> p.status().dueDate()).min(LocalDate::compareTo).orElseThrow();
        boolean sameDue = notices.stream().allMatch(p -> p.status().dueDate().equals(firstDue));
        boolean overdue = notices.stream().anyMatch(p -> p.kind() == NoticeKind.OVERDUE);
        boolean assigned = notices.stream().allMatch(p -> p.kind() == NoticeKind.ASSIGNED);
        int n = notices.size();
        String subject = overdue ? "Overdue: " + n + " trainings, the first was due " + shortDay(firstDue)
                : assigned ? "Training assigned: " + n + " modules (" + (sameDue ? "due " : "first due ") + shortDay(firstDue) + ")"
                : "Reminder: " + n + " trainings due from " + shortDay(firstDue);
        List<String> paragraphs = new ArrayList<>(List.of(hello, "As part of " + practice + "'s HIPAA program, these "
                + n + " trainings are yours to complete" + (overdue ? "; some are overdue, please complete them as soon as you can."
                : ", each by its due date.") + " The link opens a page with each of them; you can stop and resume at any time."));
        notices.stream().filter(p -> p.status().reason() != null).forEach(p -> paragraphs.add("The reason for "
                + p.status().moduleTitle() + ": " + p.status().reason()));
        List<List<String>> rows = notices.stream().map(p -> List.of(p.status().moduleTitle(),
                DAY.format(p.status().dueDate()), learnerState(p, today))).toList();
        return new MailContent(subject, practice, n + " trainings for you", paragraphs, List.of(),
                new Action("Start your training", link),
                List.of(new MailContent.Table("Your trainings", List.of("Training", "Due", "State"), rows, List.of())),
                footer("You get it because you are on " + practice + "'s workforce."));
    }

    /** One mail to a supervisor or the privacy officer about everything due for one person in one pass. */
    MailContent aboutSomeone(List<Planned> notices, String link, LocalDate today) {
        if (notices.size() == 1) {
            return aboutSomeone(notices.get(0), link, today);
        }
        Planned first = notices.get(0);
        String name = first.person().name();
        int n = notices.size();
        boolean officer = first.kind().audience() == NoticeKind.Audience.PRIVACY_OFFICER;
        boolean allOverdue = notices.stream().allMatch(p -> p.kind() != NoticeKind.FAILED_NO_RETAKE);
        String subject = (officer ? "Escalation: " : "") + name + (allOverdue ? " is overdue on " : " needs help with ") + n
                + " trainings";
        List<String> paragraphs = officer
                ? List.of(name + " has not completed these " + n + " trainings. They and their supervisor have been "
                + "reminded. The training record shows every notice sent.")
                : List.of("Hello " + first.to().name().split("\\s+")[0] + ",", name + " has not completed these " + n
                + " trainings. As their supervisor, please help them find the time this week" + (allOverdue ? "."
                : "; where a knowledge check was failed, a short conversation about the topics usually helps before "
                + "they retake it."));
        List<List<String>> rows = notices.stream().map(p -> List.of(p.status().moduleTitle(),
                DAY.format(p.status().dueDate()), p.kind() == NoticeKind.FAILED_NO_RETAKE ? "failed the check, not retaken"
                        : "overdue " + ChronoUnit.DAYS.between(p.status().dueDate(), today) + " days")).toList();
        Action open = link == null ? null : new Action(officer ? "Open " + name + "'s training record"
                : "Open your team page", link);
        return new MailContent(subject, practice, name + ": " + n + " trainings need attention", paragraphs,
                List.of(new Fact("Person", name)), open,
                List.of(new MailContent.Table("Trainings", List.of("Training", "Due", "State"), rows, List.of())),
                footer(officer ? "You get it as the privacy officer." : "You get it because " + name + " reports to you."));
    }

    private static String learnerState(Planned p, LocalDate today) {
        ModuleStatus s = p.status();
        String started = s.state() == org.hipaatraining.lrs.compliance.status.ComplianceState.IN_PROGRESS ? " (started)" : "";
        return switch (p.kind()) {
            case ASSIGNED -> "assigned" + started;
            case DUE_SOON -> (s.compliantUntil() != null ? "refresher due " : "due ") + whenDue(s.dueDate(), today) + started;
            case SECURITY_REMINDER -> "security reminder, due " + whenDue(s.dueDate(), today) + started;
            case OVERDUE -> "overdue " + ChronoUnit.DAYS.between(s.dueDate(), today) + " days" + started;
            default -> throw new IllegalArgumentException(p.kind() + " is not a learner's notice");
        };
    }

    static String shortDay(LocalDate day) {
        return DateTimeFormatter.ofPattern("MMM d", Locale.US).format(day);
    }

    private static String whenDue(LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        return days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
    }
}
