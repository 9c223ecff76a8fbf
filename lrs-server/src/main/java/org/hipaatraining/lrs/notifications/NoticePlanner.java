package org.hipaatraining.lrs.notifications;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.KeptStatus;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.hipaatraining.lrs.compliance.status.StatusCalculator;

/**
 * The schedule (docs/notifications.md#schedule), as a pure function of one person's statuses today, the settings and
 * who their supervisor and privacy officer are: which notices are due now. Each has a key, so planning the same day
 * again (another pass, another instance) plans the same notices, and the ledger sends each once. Only the current
 * step is planned: after days without a pass, a person gets today's reminder, not the missed ones.
 */
final class NoticePlanner {

    /** Whom a person's escalations go to; either may be null (no such notice is planned). */
    record Contacts(Recipient supervisor, Recipient privacyOfficer) {
    }

    record Recipient(String id, String name, String email) {
    }

    /** A notice due now, before it is claimed. */
    record Planned(String key, KeptStatus person, ModuleStatus status, NoticeKind kind, int step, Recipient to) {
    }

    private final NotificationSettings settings;

    NoticePlanner(NotificationSettings settings) {
        this.settings = settings;
    }

    List<Planned> plan(KeptStatus person, Contacts contacts, LocalDate today) {
        List<Planned> planned = new ArrayList<>();
        // people on leave and departed people get nothing, nor does anyone about them
        if (person.personStatus() != Person.Status.ACTIVE) {
            return planned;
        }
        Recipient self = person.email() == null ? null : new Recipient(person.personId(), person.name(), person.email());
        for (ModuleStatus s : person.statuses()) {
            if (s.dueDate() == null || s.onLeave()) {
                continue;
            }
            boolean reminders = StatusCalculator.REMINDERS.equals(s.requirement());
            long daysToDue = ChronoUnit.DAYS.between(today, s.dueDate());
            boolean dueSoon = settings.dueSoonDays() > 0 && daysToDue >= 0 && daysToDue <= settings.dueSoonDays();
            if (s.state() == ComplianceState.COMPLIANT) {
                // a refresher coming up: the completion runs out on the due date
                if (dueSoon) {
                    add(planned, person, s, reminders ? NoticeKind.SECURITY_REMINDER : NoticeKind.DUE_SOON, 0, self);
                }
                continue;
            }
            if (daysToDue >= 0) {
                if (dueSoon) {
                    add(planned, person, s, reminders ? NoticeKind.SECURITY_REMINDER : NoticeKind.DUE_SOON, 0, self);
                } else if (!reminders && (s.state() == ComplianceState.NEVER_STARTED || s.state() == ComplianceState.DUE)) {
                    add(planned, person, s, NoticeKind.ASSIGNED, 0, self);
                }
            } else {
                long daysOverdue = -daysToDue;
                add(planned, person, s, NoticeKind.OVERDUE, (int) ((daysOverdue - 1) / settings.overdueEveryDays()), self);
                if (daysOverdue >= settings.supervisorAfterDays()) {
                    add(planned, person, s, NoticeKind.ESCALATION_SUPERVISOR, 0, contacts.supervisor());
                }
                if (daysOverdue >= settings.privacyOfficerAfterDays()) {
                    add(planned, person, s, NoticeKind.ESCALATION_PRIVACY_OFFICER, 0, contacts.privacyOfficer());
                }
            }
            if (s.state() == ComplianceState.FAILED && s.lastActivity() != null && ChronoUnit.DAYS.between(
                    s.lastActivity().atZone(java.time.ZoneOffset.UTC).toLocalDate(), today) >= settings.retakeWithinDays()) {
                // the step is the attempt count, so a new fail after a retake is a new notice
                add(planned, person, s, NoticeKind.FAILED_NO_RETAKE, s.attempts(), contacts.supervisor());
            }
        }
        return planned;
    }

    private static void add(List<Planned> planned, KeptStatus person, ModuleStatus s, NoticeKind kind, int step,
                            Recipient to) {
        if (to == null || to.email() == null) {
            return;
        }
        String key = Notice.key(person.personId(), s.requirement(), s.dueDate().toString(), kind, step);
        planned.add(new Planned(key, person, s, kind, step, to));
    }
}
