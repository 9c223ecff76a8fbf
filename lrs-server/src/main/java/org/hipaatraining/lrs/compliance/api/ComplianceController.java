package org.hipaatraining.lrs.compliance.api;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hipaatraining.lrs.compliance.remediation.RemedialAction;
import org.hipaatraining.lrs.compliance.remediation.RemedialActions;
import org.hipaatraining.lrs.compliance.reports.Transcript;
import org.hipaatraining.lrs.compliance.reports.TranscriptService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.StatusKeeper;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.hipaatraining.lrs.compliance.status.StatusFilter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/compliance")
@Tag(name = "Compliance", description = "Who is trained, who is due, and the records behind it")
class ComplianceController {

    private final ComplianceService compliance;
    private final TranscriptService transcripts;
    private final RemedialActions remedial;

    ComplianceController(ComplianceService compliance, TranscriptService transcripts, RemedialActions remedial) {
        this.compliance = compliance;
        this.transcripts = transcripts;
        this.remedial = remedial;
    }

    @GetMapping("/status")
    @Operation(summary = "Every current person's status per requirement, filtered by role, module (or "
            + "security-reminders), state, or overdue only; `on` evaluates another day (default today)")
    List<ModuleStatus> status(@RequestParam(required = false) String role, @RequestParam(required = false) String module,
                              @RequestParam(required = false) ComplianceState state,
                              @RequestParam(defaultValue = "false") boolean overdue,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return compliance.statuses(new StatusFilter(role, module, state, overdue), on);
    }

    @GetMapping("/status-check")
    @Operation(summary = "Recomputes everyone's statuses from scratch and compares them with the kept statuses the "
            + "pages and exports read: `differing` is 0 when they agree (run it when no statements are arriving)")
    StatusKeeper.StatusCheck statusCheck() {
        return compliance.checkKeptStatuses();
    }

    @GetMapping("/overview")
    @Operation(summary = "Counts of each state per role and requirement")
    Map<String, Map<String, Map<ComplianceState, Integer>>> overview(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return compliance.overview(on);
    }

    @GetMapping("/people/{id}/status")
    List<ModuleStatus> personStatus(@PathVariable String id,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return compliance.statusOf(id, on);
    }

    @GetMapping("/people/{id}/transcript")
    @Operation(summary = "A person's statuses, every training event with a link to its statement, and remedial actions")
    Transcript transcript(@PathVariable String id,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return transcripts.of(id, on);
    }

    /** @param kind RETRAINING, COACHING, SANCTION or OTHER; may be left out */
    record NewRemedialAction(String moduleId, LocalDate date, RemedialAction.Kind kind, String action) {
    }

    @PostMapping("/people/{id}/remedial-actions")
    @Operation(summary = "Record coaching or another remedial action after a failed check or a policy violation")
    ResponseEntity<RemedialAction> remedialAction(@PathVariable String id, @RequestBody NewRemedialAction body, Principal admin) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(remedial.record(id, body.moduleId(), body.date(), body.kind(), body.action(), admin.getName()));
    }
}
