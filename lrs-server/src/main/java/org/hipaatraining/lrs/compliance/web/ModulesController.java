package org.hipaatraining.lrs.compliance.web;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.requirements.ModuleRelease;
import org.hipaatraining.lrs.compliance.requirements.ModuleReleases;
import org.hipaatraining.lrs.compliance.requirements.Requirements;
import org.hipaatraining.lrs.compliance.requirements.RequirementsService;
import org.hipaatraining.lrs.compliance.requirements.RoleRequirement;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.policies.PracticePolicies;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue's modules with their versions and releases, and publishing a practice release; a page per module with
 * the supervisor's reinforcement kit.
 */
@Controller
class ModulesController {

    private final Catalogue catalogue;
    private final ModuleReleases releases;
    private final RequirementsService requirements;
    private final PracticePolicies policies;

    ModulesController(Catalogue catalogue, ModuleReleases releases, RequirementsService requirements,
                      PracticePolicies policies) {
        this.policies = policies;
        this.catalogue = catalogue;
        this.releases = releases;
        this.requirements = requirements;
    }

    /**
     * @param roles  the roles that take the module (as a module or as a security reminder), with this practice's settings
     * @param latest the newest release: the version people are trained on from its date
     */
    record Line(Module module, List<RoleRequirement> roles, List<ModuleRelease> releases, ModuleRelease latest) {
    }

    @GetMapping("/admin/modules")
    String modules(Model model) {
        Requirements current = requirements.current();
        List<Line> lines = new ArrayList<>();
        for (Module module : catalogue.modules()) {
            List<RoleRequirement> roles = current.roles().values().stream()
                    .filter(r -> r.modules().contains(module.id()) || r.reminders().contains(module.id()))
                    .sorted(java.util.Comparator.comparing(RoleRequirement::title)).toList();
            List<ModuleRelease> history = releases.of(module.id());
            lines.add(new Line(module, roles, history, history.isEmpty() ? null : history.get(history.size() - 1)));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("retrainingDays", current.retrainingDays());
        return "admin/modules";
    }

    /** One module for supervisors: who takes it, the policy it asks staff to acknowledge, and how to reinforce it. */
    @GetMapping("/admin/modules/{moduleId}")
    String module(@PathVariable String moduleId, Model model) {
        Module module = catalogue.module(moduleId).orElseThrow(() -> new ComplianceService.NotFound(
                "module: '" + moduleId + "' is not in the catalogue"));
        List<RoleRequirement> roles = requirements.current().roles().values().stream()
                .filter(r -> r.modules().contains(moduleId) || r.reminders().contains(moduleId))
                .sorted(java.util.Comparator.comparing(RoleRequirement::title)).toList();
        List<ModuleRelease> history = releases.of(moduleId);
        model.addAttribute("line", new Line(module, roles, history, history.isEmpty() ? null : history.get(history.size() - 1)));
        model.addAttribute("kit", module.reinforcement());
        var policy = module.attestation() == null ? null : policies.currentVersion(module.attestation().policyId());
        model.addAttribute("policy", policy);
        model.addAttribute("policySections", policy == null ? List.of() : policy.policy()
                .excerpt(module.attestation().sections()).sectionIds().stream()
                .map(id -> policy.policy().sectionTitle(id)).toList());
        return "admin/module";
    }

    @PostMapping("/admin/modules/{moduleId}/releases")
    String publish(@PathVariable String moduleId, @RequestParam(required = false) String version,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                   @RequestParam(defaultValue = "false") boolean material, @RequestParam(required = false) String summary,
                   Principal admin, RedirectAttributes redirect) {
        try {
            ModuleRelease release = releases.publish(moduleId, version == null ? null : version.trim(), date, material,
                    summary, admin.getName());
            redirect.addFlashAttribute("success", "Published " + moduleId + " " + release.version() + ", in effect from "
                    + release.date() + (release.material() ? " (material: due again within the retraining window)." : "."));
        } catch (ComplianceException e) {
            redirect.addFlashAttribute("error", "Not published (" + moduleId + "): " + e.getMessage());
        }
        return "redirect:/admin/modules#module-" + moduleId;
    }
}
