package org.hipaatraining.lrs.reports.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The knowledge-check insights: the admin page and the same numbers as JSON for scripts. */
@Controller
@Tag(name = "Knowledge-check insights", description = "Per module version, role and period: each bank item's first-try "
        + "share, choices, discrimination and flags; median time per lesson; the objectives each role misses most")
class InsightsController {

    private final InsightsService insights;
    private final InsightsRebuild rebuild;

    InsightsController(InsightsService insights, InsightsRebuild rebuild) {
        this.insights = insights;
        this.rebuild = rebuild;
    }

    @org.springframework.web.bind.annotation.PostMapping("/admin/insights/rebuild")
    String rebuildPage(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            long read = rebuild.rebuild();
            redirect.addFlashAttribute("success", "The insights were recounted from " + read + " statements.");
        } catch (InsightsRebuild.AlreadyRunning e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/insights";
    }

    @org.springframework.web.bind.annotation.PostMapping(value = "/api/reports/insights/rebuild", produces = "application/json")
    @ResponseBody
    @Operation(summary = "Recounts the insights from every stored statement, into new counters that replace the old ones "
            + "when complete (a failure leaves the old counts); answers when done, with the number of statements read")
    org.springframework.http.ResponseEntity<?> rebuild() {
        try {
            return org.springframework.http.ResponseEntity.ok(Map.of("statementsRead", rebuild.rebuild()));
        } catch (InsightsRebuild.AlreadyRunning e) {
            return org.hipaatraining.lrs.system.ApiProblems.of(org.springframework.http.HttpStatus.CONFLICT, e.getMessage());
        }
    }

    @GetMapping("/admin/insights")
    String page(@RequestParam(required = false) String module, @RequestParam(required = false) String version,
                @RequestParam(required = false) String role, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Model model) {
        KnowledgeCheckInsights found = insights.insights(module, version, role, from, to);
        model.addAttribute("insights", found);
        model.addAttribute("modules", insights.modules());
        model.addAttribute("roles", insights.roles());
        model.addAttribute("itemsChart", itemsChart(found));
        model.addAttribute("lessonsChart", lessonsChart(found));
        model.addAttribute("minTries", InsightsService.MIN_TRIES);
        model.addAttribute("minSide", InsightsService.MIN_SIDE);
        model.addAttribute("rebuilding", rebuild.running());
        return "admin/insights";
    }

    @GetMapping(value = "/api/reports/insights", produces = "application/json")
    @ResponseBody
    @Operation(summary = "The insights of a module version (default: privacy, its current version) for a role (default "
            + "`*`, everyone) from `from` to `to` (UTC, both included: a month YYYY-MM or a day YYYY-MM-DD; default the last 12 months)")
    KnowledgeCheckInsights api(@RequestParam(required = false) String module, @RequestParam(required = false) String version,
                               @RequestParam(required = false) String role, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        return insights.insights(module, version, role, from, to);
    }

    /** Chart.js data: the share right at the first try, per item that has first tries. */
    private static String itemsChart(KnowledgeCheckInsights found) {
        ObjectNode data = XapiJson.MAPPER.createObjectNode();
        ArrayNode labels = data.putArray("labels");
        ObjectNode dataset = data.putArray("datasets").addObject();
        dataset.put("label", "Right at the first try (%)");
        dataset.put("backgroundColor", "#1f4e79");
        ArrayNode values = dataset.putArray("data");
        for (KnowledgeCheckInsights.ItemRow item : found.items()) {
            if (item.firstTries() > 0) {
                labels.add(item.id());
                values.add(Math.round(item.firstCorrectShare() * 100));
            }
        }
        return XapiJson.write(data);
    }

    /** Chart.js data: the median minutes on each lesson. */
    private static String lessonsChart(KnowledgeCheckInsights found) {
        ObjectNode data = XapiJson.MAPPER.createObjectNode();
        ArrayNode labels = data.putArray("labels");
        ObjectNode dataset = data.putArray("datasets").addObject();
        dataset.put("label", "Median time (minutes)");
        dataset.put("backgroundColor", "#1d6b34");
        ArrayNode values = dataset.putArray("data");
        for (KnowledgeCheckInsights.LessonRow lesson : found.lessons()) {
            labels.add(lesson.title());
            values.add(lesson.medianSeconds() == null ? 0 : Math.round(lesson.medianSeconds() / 6.0) / 10.0);
        }
        return XapiJson.write(data);
    }
}
