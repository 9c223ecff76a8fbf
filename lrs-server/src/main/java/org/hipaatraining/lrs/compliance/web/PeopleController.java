package org.hipaatraining.lrs.compliance.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Role;
import org.hipaatraining.lrs.auth.AdminUserService;
import org.hipaatraining.lrs.auth.ClientService;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.SentNotices;
import org.hipaatraining.lrs.compliance.coaching.CoachingNotes;
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
import org.hipaatraining.lrs.compliance.status.KeptStatus;
import org.hipaatraining.lrs.compliance.status.PeopleQuery;
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
    private final CoachingNotes coaching;
    private final AdminUserService users;
    private final Catalogue catalogue;
    private final SentNotices notices;
    private final ClientService clients;

    PeopleController(RosterService roster, RosterImport rosterImport, ComplianceService compliance,
                     TranscriptService transcripts, RemedialActions remedial,
                     CoachingNotes coaching, AdminUserService users, Catalogue catalogue, SentNotices notices,
                     ClientService clients) {
        this.notices = notices;
        this.clients = clients;
        this.roster = roster;
        this.rosterImport = rosterImport;
        this.compliance = compliance;
        this.transcripts = transcripts;
        this.remedial = remedial;
        this.coaching = coaching;
        this.users = users;
        this.catalogue = catalogue;
    }

    /** People shown on one page of the roster. */
    static final int PAGE_SIZE = 50;

    @GetMapping("/admin/people")
    String people(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                  @RequestParam(required = false) String state, @RequestParam(required = false) String supervisor,
                  @RequestParam(required = false) String location, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String after, Model model) {
        PeopleQuery query = new PeopleQuery(q, role, choice(ComplianceState.class, "state", state), supervisor, location,
                choice(Person.Status.class, "status", status));
        PageToken from = PageToken.parse(after);
        List<KeptStatus> page = compliance.peoplePage(query,
                from == null ? null : new PeopleQuery.Position(from.sortValue(), from.personId()), PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<KeptStatus> lines = more ? page.subList(0, PAGE_SIZE) : page;
        model.addAttribute("query", query);
        model.addAttribute("filtered", !query.equals(PeopleQuery.EVERYONE));
        model.addAttribute("lines", lines);
        model.addAttribute("firstPage", from == null);
        model.addAttribute("next", more ? new PageToken(lines.get(lines.size() - 1).sortKey(),
                lines.get(lines.size() - 1).personId()).encode() : null);
        model.addAttribute("total", compliance.peopleKept());
        model.addAttribute("roles", catalogue.roles());
        model.addAttribute("states", ComplianceState.values());
        model.addAttribute("personStatuses", Person.Status.values());
        return "admin/people";
    }

    /** An enum filter from a page's select: empty is "any", anything else must be one of its names. */
    static <E extends Enum<E>> E choice(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ComplianceException("the filter '" + parameter + "' has no value '" + value + "'");
        }
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
        model.addAttribute("notices", notices.ofPerson(id, 200));
        model.addAttribute("coachingNotes", coaching.forPerson(id));
        model.addAttribute("supervisorAccount", users.supervisorOf(id).orElse(null));
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
                          @RequestParam(required = false) org.hipaatraining.lrs.compliance.remediation.RemedialAction.Kind kind,
                          @RequestParam(required = false) String action, Principal admin, RedirectAttributes redirect) {
        try {
            remedial.record(id, moduleId, date, kind, action, admin.getName());
            redirect.addFlashAttribute("success", "Remedial action recorded.");
        } catch (ComplianceService.NotFound e) {
            throw e;
        } catch (ComplianceException e) {
            redirect.addFlashAttribute("error", "Not recorded: " + e.getMessage());
            redirect.addFlashAttribute("draft", action);
        }
        return "redirect:/admin/people/" + id + "#remedial";
    }

}
