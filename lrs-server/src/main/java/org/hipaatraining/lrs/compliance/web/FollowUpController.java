package org.hipaatraining.lrs.compliance.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.KeptStatus;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The lists a manager works through: who is overdue, and who started a module and then stopped. */
@Controller
class FollowUpController {

    /** In progress without any record for this many days (UTC calendar days) counts as stalled. */
    static final int STALLED_DAYS = 14;

    private final ComplianceService compliance;

    FollowUpController(ComplianceService compliance) {
        this.compliance = compliance;
    }

    /** People shown on one page of a list. */
    static final int PAGE_SIZE = 50;

    /** A person and the requirements that put them on the list, with how long each has waited. */
    record Line(KeptStatus person, List<Waiting> waiting) {
    }

    record Waiting(ModuleStatus status, long days) {
    }

    @GetMapping("/admin/overdue")
    String overdue(@RequestParam(required = false) String after, Model model) {
        LocalDate today = compliance.today();
        PageToken from = PageToken.parse(after);
        List<KeptStatus> page = compliance.overduePage(from == null ? null : from.sortValue(),
                from == null ? null : from.personId(), PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<Line> lines = new ArrayList<>();
        for (KeptStatus person : more ? page.subList(0, PAGE_SIZE) : page) {
            lines.add(new Line(person, person.overdueStatuses().stream()
                    .sorted(Comparator.comparing(ModuleStatus::dueDate))
                    .map(s -> new Waiting(s, ChronoUnit.DAYS.between(s.dueDate(), today))).toList()));
        }
        KeptStatus last = lines.isEmpty() ? null : lines.get(lines.size() - 1).person();
        model.addAttribute("today", today);
        model.addAttribute("lines", lines);
        model.addAttribute("people", compliance.peopleOverdue());
        model.addAttribute("firstPage", from == null);
        model.addAttribute("next", more ? new PageToken(last.overdueSince().toString(), last.personId()).encode() : null);
        return "admin/overdue";
    }

    @GetMapping("/admin/stalled")
    String stalled(@RequestParam(required = false) String after, Model model) {
        LocalDate today = compliance.today();
        Instant idleSince = today.minusDays(STALLED_DAYS - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        PageToken from = PageToken.parse(after);
        Instant afterActivity = from == null ? null : instant(from.sortValue());
        List<KeptStatus> page = compliance.stalledPage(idleSince, afterActivity, from == null ? null : from.personId(),
                PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<Line> lines = new ArrayList<>();
        for (KeptStatus person : more ? page.subList(0, PAGE_SIZE) : page) {
            lines.add(new Line(person, person.statuses().stream()
                    .filter(s -> s.state() == ComplianceState.IN_PROGRESS && s.lastActivity() != null
                            && s.lastActivity().isBefore(idleSince))
                    .sorted(Comparator.comparing(ModuleStatus::lastActivity))
                    .map(s -> new Waiting(s, ChronoUnit.DAYS.between(LocalDate.ofInstant(s.lastActivity(), ZoneOffset.UTC), today)))
                    .toList()));
        }
        KeptStatus last = lines.isEmpty() ? null : lines.get(lines.size() - 1).person();
        model.addAttribute("today", today);
        model.addAttribute("stalledDays", STALLED_DAYS);
        model.addAttribute("lines", lines);
        model.addAttribute("firstPage", from == null);
        model.addAttribute("next", more ? new PageToken(Long.toString(last.stalledSince().toEpochMilli()), last.personId()).encode() : null);
        return "admin/stalled";
    }

    private static Instant instant(String millis) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            throw new ComplianceException("the page parameter 'after' is not one this server wrote; start from the first page");
        }
    }
}
