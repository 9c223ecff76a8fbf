package org.hipaatraining.lrs.staffimport;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff import as admin pages: upload a file, check the guessed columns, job title roles and date order against
 * the first rows, preview, import. The upload is kept between the steps (any instance can serve the next one), the
 * mapping travels in the forms.
 */
@Controller
class StaffImportPage {

    private final StaffImport staffImport;
    private final StaffUploads uploads;
    private final Catalogue catalogue;

    StaffImportPage(StaffImport staffImport, StaffUploads uploads, Catalogue catalogue) {
        this.staffImport = staffImport;
        this.uploads = uploads;
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/people/import")
    String upload(Model model) {
        model.addAttribute("mode", "upload");
        model.addAttribute("kept", staffImport.keptMapping().orElse(null));
        model.addAttribute("fields", Field.values());
        return "admin/import";
    }

    /** (POST /admin/people/import is the roster's own strict CSV import, kept for scripts; the people page links here.) */
    @PostMapping("/admin/people/import/upload")
    String uploaded(@RequestParam(value = "file", required = false) MultipartFile file, Principal admin,
                    RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("error", "Choose a CSV or Excel (.xlsx) file to import.");
            return "redirect:/admin/people/import";
        }
        if (file.getSize() > StaffUploads.MAX_BYTES) {
            redirect.addFlashAttribute("error", file.getOriginalFilename() + " is larger than "
                    + StaffUploads.MAX_BYTES / (1024 * 1024) + " MB: is it the staff list?");
            return "redirect:/admin/people/import";
        }
        byte[] content = file.getBytes();
        try {
            StaffTable table = StaffTable.read(file.getOriginalFilename(), content);
            if (table.rows().isEmpty()) {
                redirect.addFlashAttribute("error", file.getOriginalFilename() + " has a header row but no people.");
                return "redirect:/admin/people/import";
            }
        } catch (StaffTable.Unreadable e) {
            redirect.addFlashAttribute("error", file.getOriginalFilename() + ": " + e.getMessage());
            return "redirect:/admin/people/import";
        }
        return "redirect:/admin/people/import/" + uploads.add(file.getOriginalFilename(), content, admin.getName());
    }

    @GetMapping("/admin/people/import/{id}")
    String mapping(@PathVariable String id, Model model, RedirectAttributes redirect) {
        StaffUploads.Upload upload = uploads.find(id).orElse(null);
        if (upload == null) {
            return gone(redirect);
        }
        StaffTable table = StaffTable.read(upload.fileName(), upload.content());
        StaffImport.Analysis analysis = staffImport.analyse(table);
        return mappingPage(model, id, table, analysis.mapping(), analysis.titles(), analysis.dateQuestion(),
                analysis.mappingKept(), null, LocalDate.now(java.time.ZoneOffset.UTC));
    }

    @PostMapping("/admin/people/import/{id}/preview")
    String preview(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        StaffUploads.Upload upload = uploads.find(id).orElse(null);
        if (upload == null) {
            return gone(redirect);
        }
        StaffTable table = StaffTable.read(upload.fileName(), upload.content());
        StaffImport.Analysis analysis = staffImport.analyse(table);
        ImportMapping mapping = analysis.mapping();
        LocalDate effective = null;
        List<StaffImport.TitleChoice> titles = analysis.titles();
        try {
            mapping = mapping(form);
            titles = staffImport.titleChoices(table, mapping.column(Field.JOB_TITLE), mapping.titleRoles());
            effective = date(form.getFirst("effective"), "effective");
            StaffImport.Preview preview = staffImport.preview(table, mapping, effective);
            return mappingPage(model, id, table, mapping, titles, analysis.dateQuestion(), analysis.mappingKept(), preview,
                    preview.effective());
        } catch (StaffImport.InvalidMapping e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Not previewed: " + e.getMessage());
            return mappingPage(model, id, table, mapping, titles, analysis.dateQuestion(), analysis.mappingKept(), null,
                    effective == null ? LocalDate.now(java.time.ZoneOffset.UTC) : effective);
        }
    }

    @PostMapping("/admin/people/import/{id}/apply")
    String apply(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        StaffUploads.Upload upload = uploads.find(id).orElse(null);
        if (upload == null) {
            return gone(redirect);
        }
        StaffTable table = StaffTable.read(upload.fileName(), upload.content());
        Set<String> depart = new LinkedHashSet<>(form.getOrDefault("depart", List.of()));
        StaffImport.Result result;
        try {
            result = staffImport.apply(table, mapping(form), date(form.getFirst("effective"), "effective"), depart,
                    date(form.getFirst("departedOn"), "departedOn"));
        } catch (StaffImport.InvalidMapping e) {
            redirect.addFlashAttribute("error", "Not imported: " + e.getMessage());
            return "redirect:/admin/people/import/" + id;
        }
        uploads.remove(id);
        redirect.addFlashAttribute("success", "Imported " + upload.fileName() + ": " + result.summary());
        if (!result.problems().isEmpty()) {
            redirect.addFlashAttribute("leftOut", result.problems().stream().map(StaffImport.Problem::toString).toList());
        }
        return "redirect:/admin/people/import";
    }

    private String gone(RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", "That upload is no longer here (imported, or older than a day): upload the file again.");
        return "redirect:/admin/people/import";
    }

    private String mappingPage(Model model, String id, StaffTable table, ImportMapping mapping,
                               List<StaffImport.TitleChoice> titles, StaffImport.DateQuestion dateQuestion, boolean kept,
                               StaffImport.Preview preview, LocalDate effective) {
        model.addAttribute("mode", preview == null ? "map" : "preview");
        model.addAttribute("uploadId", id);
        model.addAttribute("table", table);
        model.addAttribute("sample", table.rows().stream().limit(5).toList());
        model.addAttribute("fields", Field.values());
        model.addAttribute("mapping", mapping);
        model.addAttribute("titles", titles);
        model.addAttribute("dateQuestion", dateQuestion);
        model.addAttribute("mappingKept", kept);
        model.addAttribute("preview", preview);
        model.addAttribute("effective", effective);
        model.addAttribute("roles", catalogue.roles());
        model.addAttribute("roleTitles", catalogue.roles().stream().collect(Collectors.toMap(Role::id, Role::title)));
        return "admin/import";
    }

    /** The mapping as the form posts it: col.FIELD = header, dateOrder, title.N = job title with role.N = role id. */
    static ImportMapping mapping(MultiValueMap<String, String> form) {
        Map<Field, String> columns = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            String header = form.getFirst("col." + field.name());
            if (header != null && !header.isBlank()) {
                columns.put(field, header);
            }
        }
        DateOrder order = null;
        String dateOrder = form.getFirst("dateOrder");
        if (dateOrder != null && !dateOrder.isBlank()) {
            try {
                order = DateOrder.valueOf(dateOrder);
            } catch (IllegalArgumentException e) {
                throw new StaffImport.InvalidMapping("dateOrder: '" + dateOrder + "' is not MONTH_FIRST or DAY_FIRST");
            }
        }
        Map<String, Set<String>> titleRoles = new LinkedHashMap<>();
        for (int i = 0; form.containsKey("title." + i); i++) {
            String role = form.getFirst("role." + i);
            titleRoles.put(form.getFirst("title." + i), role == null || role.isBlank() ? Set.of() : Set.of(role));
        }
        return new ImportMapping(columns, order, titleRoles);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new StaffImport.InvalidMapping(field + ": '" + value + "' is not a date (2026-03-15)");
        }
    }
}
