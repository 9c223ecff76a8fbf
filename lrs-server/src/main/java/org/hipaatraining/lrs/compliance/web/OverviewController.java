package org.hipaatraining.lrs.compliance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.requirements.Requirements;
import org.hipaatraining.lrs.compliance.requirements.RequirementsService;
import org.hipaatraining.lrs.compliance.requirements.RoleRequirement;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.hipaatraining.lrs.compliance.status.StatusCalculator;
import org.hipaatraining.lrs.compliance.status.StatusCounts;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The overview: where the practice stands today, per role and requirement, as a chart, a table and totals. */
@Controller
class OverviewController {

    /** The order states are counted and charted in: done, under way, not yet, late. */
    static final List<ComplianceState> STATES = List.of(ComplianceState.COMPLIANT, ComplianceState.IN_PROGRESS,
            ComplianceState.DUE, ComplianceState.NEVER_STARTED, ComplianceState.OVERDUE, ComplianceState.FAILED);
    private static final Map<ComplianceState, String> COLOURS = Map.of(ComplianceState.COMPLIANT, "#2e7d32",
            ComplianceState.IN_PROGRESS, "#f0a202", ComplianceState.DUE, "#7aa6d6", ComplianceState.NEVER_STARTED, "#9aa3ad",
            ComplianceState.OVERDUE, "#c62828", ComplianceState.FAILED, "#6a1b1a");

    private final ComplianceService compliance;
    private final RequirementsService requirements;
    private final Catalogue catalogue;

    OverviewController(ComplianceService compliance, RequirementsService requirements, Catalogue catalogue) {
        this.compliance = compliance;
        this.requirements = requirements;
        this.catalogue = catalogue;
    }

    /** One role's requirement: how many people are in each state. */
    record Row(String role, String roleTitle, boolean firstOfRole, int roleRows, String requirement, String requirementTitle,
               Map<ComplianceState, Integer> counts, int total) {
    }

    @GetMapping("/admin")
    String overview(Model model) {
        LocalDate today = compliance.today();
        StatusCounts counts = compliance.countsToday();
        Map<ComplianceState, Integer> totals = new EnumMap<>(ComplianceState.class);
        STATES.forEach(s -> totals.put(s, counts.totals().getOrDefault(s, 0)));
        int requirementsInForce = counts.requirementsInForce();
        List<Row> rows = rows(counts.byRole());
        model.addAttribute("today", today);
        model.addAttribute("people", counts.people());
        model.addAttribute("onLeave", counts.onLeave());
        model.addAttribute("requirementsInForce", requirementsInForce);
        model.addAttribute("compliantPercent", requirementsInForce == 0 ? 0
                : Math.round(100.0 * totals.get(ComplianceState.COMPLIANT) / requirementsInForce));
        model.addAttribute("overdue", counts.overdue());
        model.addAttribute("totals", totals);
        model.addAttribute("states", STATES);
        model.addAttribute("rows", rows);
        model.addAttribute("chart", chart(rows));
        return "admin/overview";
    }

    private List<Row> rows(Map<String, Map<String, Map<ComplianceState, Integer>>> overview) {
        Requirements current = requirements.current();
        List<Row> rows = new ArrayList<>();
        overview.forEach((role, byRequirement) -> {
            String roleTitle = current.role(role).map(RoleRequirement::title).orElse(role);
            boolean first = true;
            for (Map.Entry<String, Map<ComplianceState, Integer>> entry : byRequirement.entrySet()) {
                Map<ComplianceState, Integer> counts = new EnumMap<>(ComplianceState.class);
                STATES.forEach(s -> counts.put(s, entry.getValue().getOrDefault(s, 0)));
                int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                rows.add(new Row(role, roleTitle, first, byRequirement.size(), entry.getKey(), title(entry.getKey()), counts, total));
                first = false;
            }
        });
        return rows;
    }

    private String title(String requirement) {
        return StatusCalculator.REMINDERS.equals(requirement) ? "Security reminders"
                : catalogue.module(requirement).map(Module::title).orElse(requirement);
    }

    /** Chart.js data: one stacked bar per role, one dataset per state, counting that role's requirements. */
    private static String chart(List<Row> rows) {
        Map<String, String> roles = new LinkedHashMap<>();
        rows.forEach(r -> roles.put(r.role(), r.roleTitle()));
        ObjectNode data = XapiJson.MAPPER.createObjectNode();
        ArrayNode labels = data.putArray("labels");
        roles.values().forEach(labels::add);
        ArrayNode datasets = data.putArray("datasets");
        for (ComplianceState state : STATES) {
            ObjectNode dataset = datasets.addObject().put("label", state.label()).put("backgroundColor", COLOURS.get(state));
            ArrayNode values = dataset.putArray("data");
            for (String role : roles.keySet()) {
                values.add(rows.stream().filter(r -> r.role().equals(role)).mapToInt(r -> r.counts().get(state)).sum());
            }
        }
        return XapiJson.write(data);
    }
}
