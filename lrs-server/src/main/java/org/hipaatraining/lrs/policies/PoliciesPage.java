package org.hipaatraining.lrs.policies;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.auth.AdminRole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages of the practice's policies: each policy's text in force and its history; admins preview and publish
 * a new version (auditors read only).
 */
@Controller
class PoliciesPage {

    private final PracticePolicies policies;
    private final Clock clock;

    PoliciesPage(PracticePolicies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /** A policy in the list: the version in force and the modules that cite it. */
    record Line(PolicyVersion current, List<Module> citedBy) {
    }

    @ModelAttribute
    void user(Model model, Principal user, HttpServletRequest request) {
        model.addAttribute("currentUser", user == null ? null : user.getName());
        model.addAttribute("canEdit", request.isUserInRole(AdminRole.ADMIN.name()));
    }

    @GetMapping("/admin/policies")
    String list(Model model) {
        model.addAttribute("lines", policies.currentVersions().values().stream()
                .map(v -> new Line(v, policies.modulesCiting(v.policyId()))).toList());
        return "admin/policies";
    }

    @GetMapping("/admin/policies/{policyId}")
    String policy(@PathVariable String policyId, Model model) {
        PolicyVersion current = policies.currentVersion(policyId);
        boolean markdown = "markdown".equals(current.format());
        PracticePolicies.Draft draft = new PracticePolicies.Draft(current.title(), policies.suggestedVersion(policyId),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString(), markdown ? "markdown" : "html",
                markdown ? current.source() : current.html());
        return page(policyId, draft, null, model);
    }

    @GetMapping("/admin/policies/{policyId}/versions/{version}")
    String version(@PathVariable String policyId, @PathVariable String version, Model model) {
        PolicyVersion current = policies.currentVersion(policyId);
        PolicyVersion shown = policies.version(policyId, version).orElseThrow(() ->
                PolicyException.notFound("version: " + policyId + " has no version '" + version + "'"));
        model.addAttribute("version", shown);
        model.addAttribute("current", current);
        return "admin/policy-version";
    }

    @PostMapping("/admin/policies/{policyId}/preview")
    String preview(@PathVariable String policyId, @ModelAttribute("draft") PracticePolicies.Draft draft, Principal admin,
                   Model model, HttpServletResponse response) {
        try {
            return page(policyId, draft, policies.prepare(policyId, draft, admin.getName()), model);
        } catch (PolicyException e) {
            return refused(policyId, draft, e, model, response);
        }
    }

    @PostMapping("/admin/policies/{policyId}/versions")
    String publish(@PathVariable String policyId, @ModelAttribute("draft") PracticePolicies.Draft draft, Principal admin,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            PracticePolicies.Prepared published = policies.publish(policyId, draft, admin.getName());
            List<Module> citing = policies.modulesCiting(policyId);
            redirect.addFlashAttribute("success", "Published " + published.version().title() + ", version "
                    + published.version().version() + ". New packages and launches show it from now on"
                    + (citing.isEmpty() ? "." : "; " + String.join(", ", citing.stream().map(Module::title).toList())
                    + (citing.size() == 1 ? " has" : " have") + " a material release, so everyone who acknowledged an"
                    + " older version is due again. Download the packages again for your LMS."));
            redirect.addFlashAttribute("errors", published.notices().isEmpty() ? null : published.notices());
            return "redirect:/admin/policies/" + policyId;
        } catch (PolicyException e) {
            return refused(policyId, draft, e, model, response);
        }
    }

    @ExceptionHandler(PolicyException.class)
    String refused(PolicyException e, Model model, Principal user, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = e.isNotFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        user(model, user, request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("error", status.getReasonPhrase());
        model.addAttribute("message", e.getMessage());
        return "error";
    }

    private String refused(String policyId, PracticePolicies.Draft draft, PolicyException e, Model model,
                           HttpServletResponse response) {
        if (e.isNotFound()) {
            throw e;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("error", "Not published: " + e.getMessage());
        return page(policyId, draft, null, model);
    }

    private String page(String policyId, PracticePolicies.Draft draft, PracticePolicies.Prepared preview, Model model) {
        model.addAttribute("current", policies.currentVersion(policyId));
        model.addAttribute("history", policies.history(policyId));
        model.addAttribute("citedBy", policies.modulesCiting(policyId));
        model.addAttribute("draft", draft);
        model.addAttribute("preview", preview);
        return "admin/policy";
    }
}
