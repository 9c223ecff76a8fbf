package org.hipaatraining.lrs.compliance.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.MicroLesson;
import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.PackageSpec;
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

    /** One row of the list: the event, the names of whom it concerns, and its micro-lesson's packages. */
    record Line(TriggerEvent event, String concerns, List<String> moduleTitles, List<Download> lessonPackages) {
    }

    /** A micro-lesson's package for an LMS. */
    record Download(String format, String href) {
    }

    @GetMapping("/admin/trigger-events")
    String page(Model model) {
        LocalDate today = compliance.today();
        model.addAttribute("lines", triggers.all().stream()
                .sorted(Comparator.comparing(TriggerEvent::date).thenComparing(TriggerEvent::recordedAt).reversed())
                .map(e -> new Line(e, concerns(e), e.modules().stream().map(this::moduleTitle).toList(), downloads(e))).toList());
        model.addAttribute("kinds", TriggerEvent.Kind.values());
        model.addAttribute("roles", catalogue.roles());
        model.addAttribute("modules", catalogue.modules());
        model.addAttribute("today", today);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new Draft(today, null, "", "everyone", List.of(), List.of(),
                    today.plusDays(DEFAULT_DUE_IN_DAYS), Map.of()));
        }
        return "admin/trigger-events";
    }

    /** What the form held, shown again when it was refused. */
    record Draft(LocalDate date, String kind, String description, String whom, List<String> roles, List<String> modules,
                 LocalDate dueDate, Map<String, String> lesson) {

        /** A micro-lesson field as typed ({@code lessonTitle}, {@code q0Prompt}, {@code q0Choice1}, ...), or "". */
        public String field(String name) {
            return lesson.getOrDefault(name, "");
        }
    }

    @PostMapping("/admin/trigger-events")
    String record(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String description,
                  @RequestParam(required = false, defaultValue = "everyone") String whom,
                  @RequestParam(required = false) List<String> roles, @RequestParam(required = false) List<String> modules,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDate,
                  @RequestParam Map<String, String> form, Principal admin, RedirectAttributes redirect) {
        List<String> chosenRoles = roles == null ? List.of() : roles;
        List<String> chosenModules = modules == null ? List.of() : modules;
        Map<String, String> lesson = new TreeMap<>();
        form.forEach((name, value) -> {
            if (LESSON_FIELD.matcher(name).matches() && value != null) {
                lesson.put(name, value);
            }
        });
        try {
            boolean everyone = !"roles".equals(whom);
            TriggerEvent event = triggers.record(new TriggerEvents.Details(date, PeopleController.choice(TriggerEvent.Kind.class,
                    "kind", kind), description, everyone, everyone ? List.of() : chosenRoles, List.of(), chosenModules, dueDate,
                    microLesson(lesson)), admin.getName());
            List<String> titles = new ArrayList<>(event.modules().stream().map(this::moduleTitle).toList());
            if (event.microLesson() != null) {
                titles.add("the lesson \"" + event.microLesson().title() + "\"");
            }
            redirect.addFlashAttribute("success", "Recorded: " + event.reason() + ". " + concerns(event) + " must take "
                    + String.join(", ", titles) + " by " + event.dueDate() + "; their statuses and notices show it.");
        } catch (ComplianceException e) {
            redirect.addFlashAttribute("error", "Not recorded: " + e.getMessage());
            redirect.addFlashAttribute("draft", new Draft(date, kind, description, whom, chosenRoles, chosenModules, dueDate,
                    lesson));
        }
        return "redirect:/admin/trigger-events";
    }

    /** The micro-lesson's form fields: a title, a text, and per question a prompt, five choices, the right one, why. */
    private static final Pattern LESSON_FIELD = Pattern.compile("lessonTitle|lessonText|q[0-2](Prompt|Choice[0-4]|Correct|Explanation)");

    /**
     * The lesson the form holds, or null when every lesson field is empty. Questions left wholly empty are left out;
     * empty choice boxes are skipped, and the chosen right answer counts among the filled ones.
     */
    static MicroLesson microLesson(Map<String, String> form) {
        if (form.values().stream().allMatch(v -> v == null || v.isBlank() || v.matches("\\d"))) {
            return null;
        }
        List<MicroLesson.MicroQuestion> questions = new ArrayList<>();
        for (int i = 0; i < MicroLesson.MAX_QUESTIONS; i++) {
            String q = "q" + i;
            List<String> choices = new ArrayList<>();
            Integer correct = null;
            for (int c = 0; c < MicroLesson.MAX_CHOICES; c++) {
                String choice = form.getOrDefault(q + "Choice" + c, "");
                if (!choice.isBlank()) {
                    if (String.valueOf(c).equals(form.get(q + "Correct"))) {
                        correct = choices.size();
                    }
                    choices.add(choice);
                }
            }
            String prompt = form.getOrDefault(q + "Prompt", "");
            String explanation = form.getOrDefault(q + "Explanation", "");
            if (!prompt.isBlank() || !choices.isEmpty() || !explanation.isBlank()) {
                questions.add(new MicroLesson.MicroQuestion(prompt, choices, correct, explanation));
            }
        }
        return new MicroLesson(form.getOrDefault("lessonTitle", ""), form.getOrDefault("lessonText", ""), questions);
    }

    private List<Download> downloads(TriggerEvent e) {
        if (e.microLesson() == null || catalogue.module(e.microLessonModuleId()).isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(PackageFormat.values()).map(f -> new Download(f.displayName(),
                "/api/packages/" + PackageSpec.forModule(e.microLessonModuleId()).fileName(catalogue, f))).toList();
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
