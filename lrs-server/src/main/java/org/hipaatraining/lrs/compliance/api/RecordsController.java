package org.hipaatraining.lrs.compliance.api;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hipaatraining.lrs.compliance.events.ActivityMapping;
import org.hipaatraining.lrs.compliance.events.MappingRule;
import org.hipaatraining.lrs.compliance.events.ProjectionErrors;
import org.hipaatraining.lrs.compliance.events.RecordsRebuild;
import org.hipaatraining.lrs.compliance.events.TrainingEventProjector;
import org.hipaatraining.lrs.compliance.lms.LmsActivities;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** How statements become records: the mapping rules, the admin's LMS activity mappings, and rebuilding. */
@RestController
@RequestMapping("/api/compliance")
@Tag(name = "Records", description = "Mapping rules, LMS activity mappings and rebuilding records from statements")
class RecordsController {

    private final TrainingEventProjector projector;
    private final LmsActivities lms;
    private final RecordsRebuild rebuild;
    private final ProjectionErrors errors;

    RecordsController(TrainingEventProjector projector, LmsActivities lms, RecordsRebuild rebuild, ProjectionErrors errors) {
        this.projector = projector;
        this.lms = lms;
        this.rebuild = rebuild;
        this.errors = errors;
    }

    @GetMapping("/mapping-rules")
    @Operation(summary = "The rules that turn statements into training events")
    List<MappingRule> rules() {
        return projector.rules().all();
    }

    @GetMapping("/activity-mappings")
    List<ActivityMapping> activityMappings() {
        return lms.mapped();
    }

    record NewMapping(String activityIri, String moduleId, Boolean completionCounts, String name) {
    }

    @GetMapping("/activity-mappings/unmapped")
    @Operation(summary = "Activities the LRS has seen (e.g. Moodle's) that count for nothing yet, each with the module "
            + "its name suggests, if any")
    List<LmsActivities.Unmapped> unmapped() {
        return lms.unmapped();
    }

    @PutMapping("/activity-mappings")
    @Operation(summary = "Count an LMS activity (e.g. a Moodle SCORM activity's statement id) as a catalogue module; "
            + "its existing statements are applied at once")
    ActivityMapping map(@RequestBody NewMapping body, Principal admin) {
        return lms.map(body.activityIri(), body.moduleId(), Boolean.TRUE.equals(body.completionCounts()), body.name(),
                admin.getName());
    }

    @DeleteMapping("/activity-mappings")
    @Operation(summary = "Stop counting an LMS activity; the records made from it are removed (its statements stay)")
    ResponseEntity<Void> unmap(@RequestParam String activityIri) {
        return lms.unmap(activityIri) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @GetMapping("/projection-errors")
    @Operation(summary = "Statements stored but set aside by the records (a rule could not map them), most recent first")
    List<ProjectionErrors.ProjectionError> projectionErrors(@RequestParam(defaultValue = "100") int limit) {
        return errors.latest(Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Recreate every training record from the statements (the source of truth)")
    Map<String, Long> rebuild() {
        return Map.of("statementsRead", rebuild.rebuild());
    }
}
