package org.hipaatraining.lrs.compliance.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.triggers.TriggerEvent;
import org.hipaatraining.lrs.compliance.triggers.TriggerEvents;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Trigger events on a page: an incident, near miss, new system, audit finding or policy change recorded by the admin
 * with whom it concerns and the modules to take (the same rules as {@code POST /api/compliance/trigger-events}), and
 * every event recorded so far, newest first. Events are evidence: the page records, it never edits or deletes.
 */
@Controller
class TriggerEventsPage {

    /** Days from today the form proposes as the due date. */
    static final int DEFAULT_DUE_IN_DAYS = 30;

    private final TriggerEvents triggers;
    private final Catalogue catalogue;
    private final ComplianceService compliance;

    TriggerEventsPage(TriggerEvents triggers, Catalogue catalogue, ComplianceService compliance) {
        this.triggers = triggers;
        this.catalogue = catalogue;
        this.compliance = compliance;
    }

    /** One row of the list: the event and the names of whom it concerns. */
    record Line(TriggerEvent event, String concerns, List<String> moduleTitles) {
    }

    @GetMapping("/admin/trigger-events")
    String page(Model model) {
        LocalDate today = compliance.today();
        model.addAttribute("lines", triggers.all().stream()
                .sorted(Comparator.comparing(TriggerEvent::date).thenComparing(TriggerEvent::recordedAt).reversed())
                .map(e -> new Line(e, concerns(e), e.modules().stream().map(this::moduleTitle).toList())).toList());
        model.addAttribute("kinds", TriggerEvent.Kind.values());
        model.addAttribute("roles", catalogue.roles());
        model.addAttribute("modules", catalogue.modules());
        model.addAttribute("today", today);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new Draft(today, null, "", "everyone", List.of(), List.of(), today.plusDays(DEFAULT_DUE_IN_DAYS)));
        }
        return "admin/trigger-events";
    }

    /** What the form held, shown again when it was refused. */
    record Draft(LocalDate date, String kind, String description, String whom, List<String> roles, List<String> modules,
                 LocalDate dueDate) {
    }

    @PostMapping("/admin/trigger-events")
    String record(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String description,
                  @RequestParam(required = false, defaultValue = "everyone") String whom,
                  @RequestParam(required = false) List<String> roles, @RequestParam(required = false) List<String> modules,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
                  Principal admin, RedirectAttributes redirect) {
        List<String> chosenRoles = roles == null ? List.of() : roles;
        List<String> chosenModules = modules == null ? List.of() : modules;
        try {
            boolean everyone = !"roles".equals(whom);
            TriggerEvent event = triggers.record(new TriggerEvents.Details(date, PeopleController.choice(TriggerEvent.Kind.class,
                    "kind", kind), description, everyone, everyone ? List.of() : chosenRoles, List.of(), chosenModules, dueDate),
                    admin.getName());
            redirect.addFlashAttribute("success", "Recorded: " + event.reason() + ". " + concerns(event) + " must take "
                    + String.join(", ", event.modules().stream().map(this::moduleTitle).toList()) + " by " + event.dueDate()
                    + "; their statuses and notices show it.");
        } catch (ComplianceException e) {
            redirect.addFlashAttribute("error", "Not recorded: " + e.getMessage());
            redirect.addFlashAttribute("draft", new Draft(date, kind, description, whom, chosenRoles, chosenModules, dueDate));
        }
        return "redirect:/admin/trigger-events";
    }

    private String concerns(TriggerEvent e) {
        List<String> parts = new ArrayList<>();
        if (e.everyone()) {
            parts.add("Everyone");
        }
        e.roles().forEach(r -> parts.add(catalogue.role(r).map(role -> role.title()).orElse(r)));
        if (!e.personIds().isEmpty()) {
            parts.add(e.personIds().size() == 1 ? "1 named person" : e.personIds().size() + " named people");
        }
        return String.join(", ", parts);
    }

    private String moduleTitle(String id) {
        return catalogue.module(id).map(m -> m.title()).orElse(id);
    }
}
