package org.hipaatraining.lrs.compliance.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Role;
import org.hipaatraining.lrs.auth.ClientService;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.remediation.RemedialActions;
import org.hipaatraining.lrs.compliance.reports.Certificates;
import org.hipaatraining.lrs.compliance.reports.Transcript;
import org.hipaatraining.lrs.compliance.reports.TranscriptService;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterImport;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The roster with search and CSV import, and each person's transcript with remedial actions. */
@Controller
class PeopleController {

    private final RosterService roster;
    private final RosterImport rosterImport;
    private final ComplianceService compliance;
    private final TranscriptService transcripts;
    private final RemedialActions remedial;
    private final Catalogue catalogue;
    private final ClientService clients;

    PeopleController(RosterService roster, RosterImport rosterImport, ComplianceService compliance,
                     TranscriptService transcripts, RemedialActions remedial, Catalogue catalogue, ClientService clients) {
        this.clients = clients;
        this.roster = roster;
        this.rosterImport = rosterImport;
        this.compliance = compliance;
        this.transcripts = transcripts;
        this.remedial = remedial;
        this.catalogue = catalogue;
    }

    /** A roster line: the person today and how their requirements stand. */
    record Line(Person person, Person.Status status, Set<String> roles, int requirements, int compliant, int overdue,
                int failed) {
    }

    @GetMapping("/admin/people")
    String people(@RequestParam(required = false) String q, Model model) {
        LocalDate today = compliance.today();
        Map<Person, List<ModuleStatus>> statuses = compliance.statusOfEveryone(today);
        Map<String, List<ModuleStatus>> byId = statuses.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().id(), Map.Entry::getValue));
        String query = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        List<Person> everyone = roster.all();
        List<Line> lines = new ArrayList<>();
        for (Person person : everyone) {
            if (!query.isEmpty() && !matches(person, today, query)) {
                continue;
            }
            List<ModuleStatus> own = byId.getOrDefault(person.id(), List.of());
            lines.add(new Line(person, person.statusOn(today), person.rolesOn(today), own.size(),
                    count(own, ComplianceState.COMPLIANT), (int) own.stream().filter(ModuleStatus::overdue).count(),
                    count(own, ComplianceState.FAILED)));
        }
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute("lines", lines);
        model.addAttribute("total", everyone.size());
        return "admin/people";
    }

    @PostMapping("/admin/people/import")
    String importCsv(@RequestParam("file") MultipartFile file,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective,
                     RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "Choose a CSV file to import.");
            return "redirect:/admin/people";
        }
        RosterImport.Result result;
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            result = rosterImport.importCsv(reader, effective);
        }
        String counts = "%d added, %d updated, %d unchanged.".formatted(result.created(), result.updated(), result.unchanged());
        if (result.errors().isEmpty()) {
            redirect.addFlashAttribute("success", "Imported " + file.getOriginalFilename() + ": " + counts);
        } else {
            redirect.addFlashAttribute("error", "The import of " + file.getOriginalFilename() + " found problems ("
                    + counts + ") Fix them in the file and import it again:");
            redirect.addFlashAttribute("errors", result.errors());
        }
        return "redirect:/admin/people";
    }

    @GetMapping("/admin/people/{id}")
    String person(@PathVariable String id, Model model) {
        Transcript transcript = transcripts.of(id, null);
        Map<String, Boolean> certified = transcript.modules().stream().flatMap(m -> m.events().stream())
                .map(Transcript.Entry::event).collect(Collectors.toMap(TrainingEvent::statementId, Certificates::certifies));
        model.addAttribute("transcript", transcript);
        model.addAttribute("person", transcript.person());
        model.addAttribute("status", transcript.person().statusOn(transcript.asOf()));
        model.addAttribute("certified", certified);
        model.addAttribute("roleTitles", catalogue.roles().stream().collect(Collectors.toMap(Role::id, Role::title)));
        model.addAttribute("modules", catalogue.modules());
        model.addAttribute("lines", transcript.modules().stream().collect(Collectors.toMap(Transcript.ModuleRecord::moduleId,
                m -> RecordLines.of(m.events()))));
        Map<String, String> sources = new java.util.HashMap<>();
        clients.sources().forEach(s -> sources.put(s.key(), s.name() == null || s.name().isBlank() ? s.key() : s.name()));
        model.addAttribute("sourceNames", sources);
        return "admin/person";
    }

    @PostMapping("/admin/people/{id}/remedial-actions")
    String remedialAction(@PathVariable String id, @RequestParam(required = false) String moduleId,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                          @RequestParam(required = false) String action, Principal admin, RedirectAttributes redirect) {
        try {
            remedial.record(id, moduleId, date, action, admin.getName());
            redirect.addFlashAttribute("success", "Remedial action recorded.");
        } catch (ComplianceService.NotFound e) {
            throw e;
        } catch (ComplianceException e) {
            redirect.addFlashAttribute("error", "Not recorded: " + e.getMessage());
            redirect.addFlashAttribute("draft", action);
        }
        return "redirect:/admin/people/" + id + "#remedial";
    }

    private static boolean matches(Person person, LocalDate today, String query) {
        return contains(person.name(), query) || contains(person.email(), query) || contains(person.employeeId(), query)
                || contains(person.supervisor(), query) || person.rolesOn(today).stream().anyMatch(r -> contains(r, query));
    }

    private static boolean contains(String value, String query) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(query);
    }

    private static int count(List<ModuleStatus> statuses, ComplianceState state) {
        return (int) statuses.stream().filter(s -> s.state() == state).count();
    }
}
