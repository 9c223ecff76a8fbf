package org.hipaatraining.lrs.compliance.reports;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit packages of the whole practice or a module, built in the background: start one, follow it, download it. */
@RestController
@RequestMapping("/api/reports/audit-packages")
@Tag(name = "Reports")
class AuditPackageJobsController {

    private final AuditPackageJobs jobs;
    private final ComplianceService compliance;

    AuditPackageJobsController(AuditPackageJobs jobs, ComplianceService compliance) {
        this.jobs = jobs;
        this.compliance = compliance;
    }

    @PostMapping
    @Operation(summary = "Start building the audit package of the whole practice (or of `module`) from `from` to `to` "
            + "(default the last six years): 202 with the job; a zip of PDFs of 250 people each, a manifest.json and "
            + "SHA256SUMS when ready")
    ResponseEntity<Map<String, Object>> start(@RequestParam(required = false) String module,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                              Principal user) {
        AuditPackageJob job = jobs.submit(module == null || module.isBlank() ? null : module.trim(),
                ReportPeriod.of(from, to, compliance.today()), user.getName());
        return ResponseEntity.accepted().location(URI.create("/api/reports/audit-packages/" + job.id())).body(view(job));
    }

    @GetMapping
    @Operation(summary = "The latest audit package jobs, newest first")
    List<Map<String, Object>> recent() {
        return jobs.recent(20).stream().map(AuditPackageJobsController::view).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A job: state (QUEUED, RUNNING, READY, FAILED), people done of total, the parts so far")
    Map<String, Object> job(@PathVariable String id) {
        return view(find(id));
    }

    @GetMapping("/{id}/download")
    @Operation(summary = "A ready package's zip; 409 while it is being built")
    void download(@PathVariable String id, HttpServletResponse response) throws IOException {
        AuditPackageJob job = find(id);
        if (!job.ready()) {
            throw new AuditPackageJobs.Conflict("the audit package " + id + " is " + job.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (job.error() == null ? "" : ": " + job.error()));
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(job.fileName(), StandardCharsets.UTF_8).build().toString());
        if (job.bytes() > 0) {
            response.setContentLengthLong(job.bytes());
        }
        jobs.download(job, response.getOutputStream());
    }

    private AuditPackageJob find(String id) {
        return jobs.find(id).orElseThrow(() -> new ComplianceService.NotFound("no audit package job " + id));
    }

    static Map<String, Object> view(AuditPackageJob job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("module", job.moduleId());
        view.put("from", job.from().toString());
        view.put("to", job.to().toString());
        view.put("requestedBy", job.requestedBy());
        view.put("requestedAt", job.requestedAt() == null ? null : job.requestedAt().toString());
        view.put("state", job.state().name());
        view.put("peopleTotal", job.peopleTotal());
        view.put("peopleDone", job.peopleDone());
        view.put("percent", job.percent());
        view.put("parts", job.parts());
        if (job.ready()) {
            view.put("download", "/api/reports/audit-packages/" + job.id() + "/download");
            view.put("bytes", job.bytes());
            view.put("sha256", job.sha256());
        }
        if (job.finishedAt() != null) {
            view.put("finishedAt", job.finishedAt().toString());
        }
        if (job.error() != null) {
            view.put("error", job.error());
        }
        return view;
    }
}
