package org.hipaatraining.lrs.compliance.api;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hipaatraining.lrs.compliance.RetentionException;
import org.hipaatraining.lrs.compliance.requirements.ModuleRelease;
import org.hipaatraining.lrs.compliance.requirements.ModuleReleases;
import org.hipaatraining.lrs.compliance.requirements.Requirements;
import org.hipaatraining.lrs.compliance.requirements.RequirementsService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/compliance")
@Tag(name = "Requirements", description = "Which roles take which modules, how often, and module releases")
class RequirementsController {

    private final RequirementsService requirements;
    private final ModuleReleases releases;

    RequirementsController(RequirementsService requirements, ModuleReleases releases) {
        this.requirements = requirements;
        this.releases = releases;
    }

    @GetMapping("/requirements")
    @Operation(summary = "Per role: modules, onboarding window, refresher interval, reminders; and the retraining window")
    Requirements current() {
        return requirements.current();
    }

    @PutMapping("/requirements/roles/{roleId}")
    @Operation(summary = "Override a role's defaults; omitted fields keep the catalogue's value")
    Requirements override(@PathVariable String roleId, @RequestBody RequirementsService.RoleOverride override) {
        return requirements.overrideRole(roleId, override);
    }

    @DeleteMapping("/requirements/roles/{roleId}")
    @Operation(summary = "Return a role to the catalogue's defaults")
    Requirements reset(@PathVariable String roleId) {
        return requirements.resetRole(roleId);
    }

    record RetrainingWindow(int retrainingDays) {
    }

    @PutMapping("/requirements/retraining-days")
    @Operation(summary = "Days people have to retrain after a material module release")
    Requirements retraining(@RequestBody RetrainingWindow body) {
        return requirements.setRetrainingDays(body.retrainingDays());
    }

    @GetMapping("/modules/{moduleId}/releases")
    @Operation(summary = "Every version of a module: the catalogue's changelog and the practice's own releases")
    List<ModuleRelease> releases(@PathVariable String moduleId) {
        return releases.of(moduleId);
    }

    record NewRelease(String version, LocalDate date, Boolean material, String summary) {
    }

    @PostMapping("/modules/{moduleId}/releases")
    @Operation(summary = "Publish a module version, e.g. after a policy change; material releases make the module due "
            + "again within the retraining window for every role that takes it")
    ResponseEntity<ModuleRelease> publish(@PathVariable String moduleId, @RequestBody NewRelease body, Principal admin) {
        return ResponseEntity.status(HttpStatus.CREATED).body(releases.publish(moduleId, body.version(), body.date(),
                Boolean.TRUE.equals(body.material()), body.summary(), admin.getName()));
    }

    @DeleteMapping("/modules/{moduleId}/releases/{version}")
    @Operation(summary = "Refused: releases record what staff were taught and when")
    ResponseEntity<Void> unpublish(@PathVariable String moduleId, @PathVariable String version) {
        releases.of(moduleId);
        throw new RetentionException("Module release " + moduleId + " " + version, null);
    }
}
