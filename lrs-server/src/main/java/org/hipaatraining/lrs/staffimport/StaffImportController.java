package org.hipaatraining.lrs.staffimport;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.system.ApiProblems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff import for scripts and scheduled jobs: the same reading, mapping and preview as the admin page. Without a
 * {@code mapping}, the one kept from the last import is used when the file has its columns, else the guess.
 */
@RestController
@RequestMapping("/api/roster/imports")
@Tag(name = "Roster", description = "The workforce: people, their roles over time, their xAPI identities")
class StaffImportController {

    private final StaffImport staffImport;

    StaffImportController(StaffImport staffImport) {
        this.staffImport = staffImport;
    }

    /** The guessed mapping of a file, its headers, the first rows, job titles with roles, and a date question. */
    record AnalysisResponse(List<String> headers, List<List<String>> firstRows, Map<Field, String> columns,
                            DateOrder dateOrder, StaffImport.DateQuestion dateQuestion, List<StaffImport.TitleChoice> titles,
                            boolean mappingKept) {
    }

    /** A preview in plain terms: people by name and id, never the whole roster entry. */
    record PreviewResponse(int rows, List<Line> added, List<Line> updated, int unchanged, List<RoleChangeLine> roleChanges,
                           List<Line> missing, List<StaffImport.Problem> problems, LocalDate effective) {
    }

    record Line(Long line, String personId, String name, String email, Set<String> roles, List<String> changes) {
    }

    record RoleChangeLine(String personId, String name, Set<String> from, Set<String> to) {
    }

    @PostMapping(value = "/analysis", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Read a staff file (CSV or .xlsx) and guess its mapping: columns, date order, job title roles")
    AnalysisResponse analyse(@RequestParam("file") MultipartFile file) throws IOException {
        StaffImport.Analysis analysis = staffImport.analyse(table(file));
        return new AnalysisResponse(analysis.table().headers(),
                analysis.table().rows().stream().limit(5).map(StaffTable.Row::cells).toList(),
                analysis.mapping().columns(), analysis.mapping().dateOrder(), analysis.dateQuestion(), analysis.titles(),
                analysis.mappingKept());
    }

    @PostMapping(value = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "What importing a staff file would do (added, updated, unchanged, role changes, missing people); nothing is saved")
    PreviewResponse preview(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String mapping,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective)
            throws IOException {
        StaffTable table = table(file);
        return response(staffImport.preview(table, mapping(table, mapping), effective));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a staff file; rows with problems are left out and listed. People on the roster whom the "
            + "file does not name are marked departed on departedOn (default: effective, else today) when listed in "
            + "depart (person ids), or all of them with departMissing=true")
    StaffImport.Result importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String mapping,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective,
                                  @RequestParam(defaultValue = "false") boolean departMissing,
                                  @RequestParam(required = false) List<String> depart,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate departedOn)
            throws IOException {
        StaffTable table = table(file);
        ImportMapping chosen = mapping(table, mapping);
        Set<String> departing = departMissing ? staffImport.preview(table, chosen, effective).missing().stream()
                .map(Person::id).collect(Collectors.toSet()) : depart == null ? Set.of() : Set.copyOf(depart);
        return staffImport.apply(table, chosen, effective, departing, departedOn);
    }

    private ImportMapping mapping(StaffTable table, String json) {
        ImportMapping base = staffImport.analyse(table).mapping();
        return json == null || json.isBlank() ? base : MappingRequest.parse(json).over(base);
    }

    private static StaffTable table(MultipartFile file) throws IOException {
        if (file.getSize() > StaffUploads.MAX_BYTES) {
            throw new StaffTable.Unreadable("file: larger than " + StaffUploads.MAX_BYTES / (1024 * 1024) + " MB");
        }
        return StaffTable.read(file.getOriginalFilename(), file.getBytes());
    }

    private static PreviewResponse response(StaffImport.Preview p) {
        return new PreviewResponse(p.rows(),
                p.added().stream().map(a -> new Line(a.line(), null, a.details().name(), a.details().email(), a.details().roles(), List.of())).toList(),
                p.updated().stream().map(u -> new Line(u.line(), u.person().id(), u.details().name(), u.details().email(),
                        u.details().roles(), u.changes())).toList(),
                p.unchanged(),
                p.roleChanges().stream().map(r -> new RoleChangeLine(r.person().id(), r.person().name(), r.from(), r.to())).toList(),
                p.missing().stream().map(m -> new Line(null, m.id(), m.name(), m.email(), m.rolesOn(p.effective()), List.of())).toList(),
                p.problems(), p.effective());
    }

    @ExceptionHandler({StaffImport.InvalidMapping.class, StaffTable.Unreadable.class})
    ResponseEntity<ProblemDetail> badRequest(RuntimeException e) {
        return ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
