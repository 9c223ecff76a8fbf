package org.hipaatraining.lrs.compliance.web;

import java.security.Principal;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.reports.AuditPackageJob;
import org.hipaatraining.lrs.compliance.reports.AuditPackageJobs;
import org.hipaatraining.lrs.compliance.reports.ReportPeriod;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit package page: ask for the practice's (or a module's) package, watch it being built, download it. */
@Controller
class AuditPackagesController {

    /** Seconds between reloads of the page while a package is being built: progress without a script. */
    static final int REFRESH_SECONDS = 3;

    private final AuditPackageJobs jobs;
    private final ComplianceService compliance;
    private final Catalogue catalogue;

    AuditPackagesController(AuditPackageJobs jobs, ComplianceService compliance, Catalogue catalogue) {
        this.jobs = jobs;
        this.compliance = compliance;
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/audit-packages")
    String page(Model model, HttpServletResponse response) {
        var recent = jobs.recent(20);
        if (recent.stream().anyMatch(AuditPackageJob::working)) {
            response.setHeader("Refresh", Integer.toString(REFRESH_SECONDS));
        }
        model.addAttribute("jobs", recent);
        model.addAttribute("modules", catalogue.modules());
        model.addAttribute("today", compliance.today());
        model.addAttribute("sixYearsAgo", ReportPeriod.of(null, null, compliance.today()).from());
        return "admin/audit-packages";
    }

    @PostMapping("/admin/audit-packages")
    String start(@RequestParam(required = false) String module,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 Principal admin, RedirectAttributes redirect) {
        try {
            jobs.submit(module == null || module.isBlank() ? null : module, ReportPeriod.of(from, to, compliance.today()),
                    admin.getName());
            redirect.addFlashAttribute("success", "The audit package is being built. This page shows its progress; "
                    + "the download appears here when it is ready.");
        } catch (ComplianceException e) {
            redirect.addFlashAttribute("error", "Not started: " + e.getMessage());
        }
        return "redirect:/admin/audit-packages";
    }
}
