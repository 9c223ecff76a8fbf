package org.hipaatraining.lrs.compliance.reports;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.StatusFilter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Downloads for auditors and managers: CSV exports, the audit evidence package and completion certificates. */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "CSV exports, the audit evidence package (PDF) and completion certificates")
class ReportsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final CsvReports csv;
    private final AuditPackages audits;
    private final Certificates certificates;
    private final ComplianceService compliance;

    ReportsController(CsvReports csv, AuditPackages audits, Certificates certificates, ComplianceService compliance) {
        this.csv = csv;
        this.audits = audits;
        this.certificates = certificates;
        this.compliance = compliance;
    }

    @GetMapping("/status.csv")
    @Operation(summary = "Statuses as CSV, with the filters of /api/compliance/status")
    void status(@RequestParam(required = false) String role, @RequestParam(required = false) String module,
                @RequestParam(required = false) ComplianceState state, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                HttpServletResponse response) throws IOException {
        LocalDate day = on == null ? compliance.today() : on;
        try (Writer out = csvResponse(response, "hipaa-training-status-" + day + ".csv")) {
            csv.status(new StatusFilter(role, module, state, overdue), day, out);
        }
    }

    @GetMapping("/training-records.csv")
    @Operation(summary = "Every training event from `from` to `to` (UTC days, both included; default the last six "
            + "years): person, employee ID, roles that day, module, version, event, score, time, source, statement id")
    void trainingRecords(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         HttpServletResponse response) throws IOException {
        ReportPeriod period = ReportPeriod.of(from, to, compliance.today());
        try (Writer out = csvResponse(response, "hipaa-training-records-" + period.label() + ".csv")) {
            csv.trainingRecords(period, out);
        }
    }

    @GetMapping("/roster.csv")
    @Operation(summary = "The roster as CSV, in the columns the roster import reads, plus status and role history")
    void roster(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                HttpServletResponse response) throws IOException {
        LocalDate day = on == null ? compliance.today() : on;
        try (Writer out = csvResponse(response, "hipaa-training-roster-" + day + ".csv")) {
            csv.roster(day, out);
        }
    }

    @GetMapping(value = "/audit.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The audit evidence package for one person, one module, or (neither) the whole practice, "
            + "from `from` to `to` (default the last six years)")
    ResponseEntity<byte[]> audit(@RequestParam(required = false) String person, @RequestParam(required = false) String module,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 Principal user) {
        ReportPeriod period = ReportPeriod.of(from, to, compliance.today());
        AuditPackage audit = audits.assemble(blankToNull(person), blankToNull(module), period, user.getName());
        String subject = person != null && !person.isBlank() ? slug(audit.people().get(0).person().name())
                : module != null && !module.isBlank() ? slug(module) : "practice";
        return pdf(audits.pdf(audit), "hipaa-training-audit-" + subject + "-" + period.label() + ".pdf", false);
    }

    @GetMapping(value = "/certificates/{statementId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The completion certificate of a passing or satisfying statement")
    ResponseEntity<byte[]> certificate(@PathVariable String statementId) {
        Certificates.Certificate certificate = certificates.find(statementId).orElseThrow(() ->
                new ComplianceService.NotFound("no training that counts was recorded by statement " + statementId));
        return pdf(certificates.pdf(certificate), "certificate-" + slug(certificate.name()) + "-" + certificate.moduleId()
                + "-" + certificate.date() + ".pdf", true);
    }

    private static Writer csvResponse(HttpServletResponse response, String filename) throws IOException {
        response.setContentType(CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        return new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String filename, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(filename, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString()).body(body);
    }

    /** "Zoë O'Neil" becomes "zoe-o-neil": file names that every system accepts. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "person" : slug;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
