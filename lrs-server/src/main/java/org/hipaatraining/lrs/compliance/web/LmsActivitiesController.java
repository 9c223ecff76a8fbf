package org.hipaatraining.lrs.compliance.web;

import java.security.Principal;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.lms.LmsActivities;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moodle without LTI: the activities an LMS reports through its xAPI logstore plugin, with the module each name suggests,
 * so an admin makes the LMS's own completions count in two clicks.
 */
@Controller
class LmsActivitiesController {

    private final LmsActivities lms;
    private final Catalogue catalogue;

    LmsActivitiesController(LmsActivities lms, Catalogue catalogue) {
        this.lms = lms;
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/lms-activities")
    String page(Model model) {
        model.addAttribute("mapped", lms.mapped());
        model.addAttribute("unmapped", lms.unmapped());
        model.addAttribute("modules", catalogue.modules());
        return "admin/lms-activities";
    }

    @PostMapping("/admin/lms-activities/map")
    String map(@RequestParam String activityIri, @RequestParam(required = false) String moduleId,
               @RequestParam(defaultValue = "false") boolean completionCounts, @RequestParam(required = false) String name,
               Principal admin, RedirectAttributes redirect) {
        try {
            lms.map(activityIri, moduleId, completionCounts, name, admin.getName());
            String title = catalogue.module(moduleId).map(Module::title).orElse(moduleId);
            redirect.addFlashAttribute("success", "\u201c" + (name == null ? activityIri : name) + "\u201d now counts as "
                    + title + (completionCounts ? " (its completions count as passes)." : " (its passes count)."));
        } catch (ComplianceException e) {
            redirect.addFlashAttribute("error", "Not mapped: " + e.getMessage());
        }
        return "redirect:/admin/lms-activities";
    }

    @PostMapping("/admin/lms-activities/unmap")
    String unmap(@RequestParam String activityIri, RedirectAttributes redirect) {
        if (lms.unmap(activityIri)) {
            redirect.addFlashAttribute("success", "Removed the mapping of " + activityIri
                    + "; the records made from it are gone, its statements stay.");
        } else {
            redirect.addFlashAttribute("error", "That activity was not mapped.");
        }
        return "redirect:/admin/lms-activities";
    }
}
