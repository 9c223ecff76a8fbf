package org.hipaatraining.lrs.notifications;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hipaatraining.lrs.compliance.reports.ReportFormat;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The notifications admin page: on or off and why, the schedule's settings, failed sends, the latest notices, CSV. */
@Controller
class NotificationsController {

    private final NotificationSettingsStore settings;
    private final NoticeLedger ledger;
    private final NoticeSender sender;
    private final MailSettings mail;

    NotificationsController(NotificationSettingsStore settings, NoticeLedger ledger, NoticeSender sender,
                            MailSettings mail) {
        this.settings = settings;
        this.ledger = ledger;
        this.sender = sender;
        this.mail = mail;
    }

    @GetMapping("/admin/notifications")
    String page(Model model, Authentication user, HttpServletRequest request) {
        model.addAttribute("currentUser", user == null ? null : user.getName());
        model.addAttribute("canEdit", request.isUserInRole("ADMIN"));
        model.addAttribute("offBecause", sender.offBecause());
        model.addAttribute("from", mail.from());
        model.addAttribute("passInterval", mail.passInterval());
        if (!model.containsAttribute("settings")) {
            model.addAttribute("settings", settings.current());
        }
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("failing", ledger.failing(50));
        model.addAttribute("latest", ledger.latest(50));
        return "admin/notifications";
    }

    @PostMapping("/admin/notifications/settings")
    String save(@RequestParam String dueSoonDays, @RequestParam String overdueEveryDays,
                @RequestParam String supervisorAfterDays, @RequestParam String privacyOfficerAfterDays,
                @RequestParam String retakeWithinDays, @RequestParam String digestDay,
                @RequestParam String summaryDayOfMonth, @RequestParam(required = false) String privacyOfficerName,
                @RequestParam(required = false) String privacyOfficerEmail, @RequestParam(required = false) String lmsUrl,
                Authentication user, RedirectAttributes redirect) {
        List<String> problems = new ArrayList<>();
        DayOfWeek day = null;
        try {
            day = DayOfWeek.valueOf(digestDay.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("digestDay: one of MONDAY ... SUNDAY");
        }
        NotificationSettings wanted = new NotificationSettings(number("dueSoonDays", dueSoonDays, problems),
                number("overdueEveryDays", overdueEveryDays, problems),
                number("supervisorAfterDays", supervisorAfterDays, problems),
                number("privacyOfficerAfterDays", privacyOfficerAfterDays, problems),
                number("retakeWithinDays", retakeWithinDays, problems), day == null ? DayOfWeek.MONDAY : day,
                number("summaryDayOfMonth", summaryDayOfMonth, problems), blankToNull(privacyOfficerName),
                blankToNull(privacyOfficerEmail), blankToNull(lmsUrl));
        for (String problem : wanted.problems()) {
            String field = problem.substring(0, problem.indexOf(':') + 1);
            if (problems.stream().noneMatch(p -> p.startsWith(field))) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("error", "The settings were not saved:");
            redirect.addFlashAttribute("errors", problems);
            redirect.addFlashAttribute("settings", wanted);
            return "redirect:/admin/notifications";
        }
        settings.save(wanted, user.getName());
        redirect.addFlashAttribute("success", "Saved. The next pass uses the new schedule.");
        return "redirect:/admin/notifications";
    }

    /** Every notice claimed in a period, as evidence: when, to whom, about what, and how the sending went. */
    @GetMapping(value = "/admin/notifications/notices.csv")
    void csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
             HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"notices.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("created_utc", "kind", "person_id",
                "person", "requirement", "training", "due_date", "step", "to", "subject", "status", "attempts", "sent_utc",
                "message_id", "result").get())) {
            ledger.forEachIn(from, to, n -> {
                try {
                    csv.printRecord(ReportFormat.utc(n.createdAt()), n.kind().name(), n.personId(), n.personName(),
                            n.requirement(), n.moduleTitle(), n.dueDate(), n.step(), String.join(" ", n.to()), n.subject(),
                            n.status().name(), n.attempts(), n.sentAt() == null ? "" : ReportFormat.utc(n.sentAt()),
                            n.messageId(), n.result());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    private static int number(String field, String value, List<String> problems) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            problems.add(field + ": must be a whole number");
            return 0;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
