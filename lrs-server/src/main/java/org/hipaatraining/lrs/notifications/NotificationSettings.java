package org.hipaatraining.lrs.notifications;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The practice's notice schedule, edited on the notifications admin page (docs/notifications.md#settings). Every
 * interval is in days.
 *
 * @param dueSoonDays             a reminder this many days before a due date (0: none)
 * @param overdueEveryDays        overdue reminders on the first overdue day, then every this many days
 * @param supervisorAfterDays     overdue this many days: the supervisor is told
 * @param privacyOfficerAfterDays overdue this many days: the privacy officer is told
 * @param retakeWithinDays        a failed knowledge check with no retake within this many days: the supervisor is told
 * @param digestDay               the day of the week supervisors get their team's digest
 * @param summaryDayOfMonth       the day of the month (1-28) the privacy officer gets the summary
 * @param privacyOfficerName      who the privacy officer is
 * @param privacyOfficerEmail     where their notices go (none: no escalation or summary is sent to them)
 * @param lmsUrl                  where people whose training runs in an LMS start it (their mails link there)
 */
public record NotificationSettings(int dueSoonDays, int overdueEveryDays, int supervisorAfterDays,
                                   int privacyOfficerAfterDays, int retakeWithinDays, DayOfWeek digestDay,
                                   int summaryDayOfMonth, String privacyOfficerName, String privacyOfficerEmail,
                                   String lmsUrl) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public static NotificationSettings defaults() {
        return new NotificationSettings(7, 7, 7, 21, 7, DayOfWeek.MONDAY, 1, null, null, null);
    }

    /** What is wrong with these settings, one message per field naming it; empty when they can be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        range(problems, "dueSoonDays", dueSoonDays, 0, 90);
        range(problems, "overdueEveryDays", overdueEveryDays, 1, 90);
        range(problems, "supervisorAfterDays", supervisorAfterDays, 0, 365);
        range(problems, "privacyOfficerAfterDays", privacyOfficerAfterDays, 0, 365);
        range(problems, "retakeWithinDays", retakeWithinDays, 1, 90);
        if (summaryDayOfMonth < 1 || summaryDayOfMonth > 28) {
            problems.add("summaryDayOfMonth: must be from 1 to 28");
        }
        if (digestDay == null) {
            problems.add("digestDay: one of MONDAY ... SUNDAY");
        }
        if (privacyOfficerEmail != null && !EMAIL.matcher(privacyOfficerEmail).matches()) {
            problems.add("privacyOfficerEmail: not an email address");
        }
        if (lmsUrl != null && !lmsUrl.toLowerCase(Locale.ROOT).startsWith("https://")
                && !lmsUrl.toLowerCase(Locale.ROOT).startsWith("http://localhost")) {
            problems.add("lmsUrl: must be an https:// address");
        }
        return problems;
    }

    private static void range(List<String> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(field + ": must be from " + min + " to " + max + " days");
        }
    }
}
