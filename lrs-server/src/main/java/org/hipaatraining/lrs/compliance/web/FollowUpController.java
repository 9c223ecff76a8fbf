package org.hipaatraining.lrs.compliance.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.hipaatraining.lrs.compliance.status.StatusFilter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The lists a manager works through: who is overdue, and who started a module and then stopped. */
@Controller
class FollowUpController {

    /** In progress without any record for this many days (UTC calendar days) counts as stalled. */
    static final int STALLED_DAYS = 14;

    private final ComplianceService compliance;

    FollowUpController(ComplianceService compliance) {
        this.compliance = compliance;
    }

    /** A person's status on one requirement, with how long it has waited. */
    record Line(Person person, ModuleStatus status, long days) {
    }

    @GetMapping("/admin/overdue")
    String overdue(Model model) {
        LocalDate today = compliance.today();
        List<Line> lines = new ArrayList<>();
        StatusFilter overdue = StatusFilter.overdueOnly();
        for (Map.Entry<Person, List<ModuleStatus>> entry : compliance.statusOfEveryone(today).entrySet()) {
            entry.getValue().stream().filter(overdue).forEach(s -> lines.add(new Line(entry.getKey(), s,
                    ChronoUnit.DAYS.between(s.dueDate(), today))));
        }
        lines.sort(Comparator.comparingLong(Line::days).reversed().thenComparing(l -> l.person().name()));
        model.addAttribute("today", today);
        model.addAttribute("lines", lines);
        model.addAttribute("people", lines.stream().map(l -> l.person().id()).distinct().count());
        return "admin/overdue";
    }

    @GetMapping("/admin/stalled")
    String stalled(Model model) {
        LocalDate today = compliance.today();
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Person, List<ModuleStatus>> entry : compliance.statusOfEveryone(today).entrySet()) {
            for (ModuleStatus s : entry.getValue()) {
                if (s.state() == ComplianceState.IN_PROGRESS && s.lastActivity() != null) {
                    long idle = ChronoUnit.DAYS.between(LocalDate.ofInstant(s.lastActivity(), ZoneOffset.UTC), today);
                    if (idle >= STALLED_DAYS) {
                        lines.add(new Line(entry.getKey(), s, idle));
                    }
                }
            }
        }
        lines.sort(Comparator.comparingLong(Line::days).reversed().thenComparing(l -> l.person().name()));
        model.addAttribute("today", today);
        model.addAttribute("stalledDays", STALLED_DAYS);
        model.addAttribute("lines", lines);
        return "admin/stalled";
    }
}
