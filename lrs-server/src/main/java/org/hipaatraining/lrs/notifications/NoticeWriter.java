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

    static String shortDay(LocalDate day) {
        return DateTimeFormatter.ofPattern("MMM d", Locale.US).format(day);
    }

    private static String whenDue(LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        return days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days + " days";
    }
}
