package org.hipaatraining.lrs.compliance.api;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.events.ActivityMapping;
import org.hipaatraining.lrs.compliance.events.ActivityMappingStore;
import org.hipaatraining.lrs.compliance.events.MappingRule;
import org.hipaatraining.lrs.compliance.events.RecordsRebuild;
import org.hipaatraining.lrs.compliance.events.StatementFeed;
import org.hipaatraining.lrs.compliance.events.TrainingEventProjector;
import org.hipaatraining.lrs.xapi.validation.Formats;
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
    private final ActivityMappingStore mappings;
    private final StatementFeed feed;
    private final RecordsRebuild rebuild;
    private final Catalogue catalogue;
    private final Clock clock;

    RecordsController(TrainingEventProjector projector, ActivityMappingStore mappings, StatementFeed feed,
                      RecordsRebuild rebuild, Catalogue catalogue, Clock clock) {
        this.projector = projector;
        this.mappings = mappings;
        this.feed = feed;
        this.rebuild = rebuild;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/mapping-rules")
    @Operation(summary = "The rules that turn statements into training events")
    List<MappingRule> rules() {
        return projector.rules().all();
    }

    @GetMapping("/activity-mappings")
    List<ActivityMapping> activityMappings() {
        return mappings.all();
    }

    record NewMapping(String activityIri, String moduleId, Boolean completionCounts, String name) {
    }

    @PutMapping("/activity-mappings")
    @Operation(summary = "Count an LMS activity (e.g. a Moodle SCORM activity's statement id) as a catalogue module; "
            + "its existing statements are applied at once")
    ActivityMapping map(@RequestBody NewMapping body, Principal admin) {
        if (body.activityIri() == null || !Formats.isIri(body.activityIri())) {
            throw new ComplianceException("activityIri: must be the activity id (an IRI) the LMS sends");
        }
        if (catalogue.moduleContaining(body.activityIri()).isPresent()) {
            throw new ComplianceException("activityIri: is one of the catalogue's own activities and is counted already");
        }
        if (body.moduleId() == null || catalogue.module(body.moduleId()).isEmpty()) {
            throw new ComplianceException("moduleId: '" + body.moduleId() + "' is not in the catalogue");
        }
        ActivityMapping mapping = mappings.save(new ActivityMapping(body.activityIri(), body.moduleId(),
                Boolean.TRUE.equals(body.completionCounts()), body.name(), admin.getName(), clock.instant()));
        projector.reapply(feed.aboutActivity(body.activityIri()));
        return mapping;
    }

    @DeleteMapping("/activity-mappings")
    @Operation(summary = "Stop counting an LMS activity; the records made from it are removed (its statements stay)")
    ResponseEntity<Void> unmap(@RequestParam String activityIri) {
        if (!mappings.delete(activityIri)) {
            return ResponseEntity.notFound().build();
        }
        projector.reapply(feed.aboutActivity(activityIri));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Recreate every training record from the statements (the source of truth)")
    Map<String, Long> rebuild() {
        return Map.of("statementsRead", rebuild.rebuild());
    }
}
