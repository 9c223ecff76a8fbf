package org.hipaatraining.lrs.lti;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hipaatraining.lrs.system.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API: the LMSs registered as LTI platforms, and the tool's signing keys. */
@RestController
@RequestMapping("/api/lti")
@Tag(name = "LTI", description = "LTI 1.3 platforms (Moodle, Canvas, ...) and the tool's keys")
class LtiPlatformController {

    private final LtiPlatforms platforms;
    private final ToolKeys keys;
    private final MembershipImport members;

    LtiPlatformController(LtiPlatforms platforms, ToolKeys keys, MembershipImport members) {
        this.platforms = platforms;
        this.keys = keys;
        this.members = members;
    }

    @GetMapping("/platforms")
    @Operation(summary = "Every registered platform")
    List<LtiPlatform> list() {
        return platforms.all();
    }

    @GetMapping("/platforms/{id}")
    LtiPlatform get(@PathVariable String id) {
        return platforms.get(id);
    }

    @PostMapping("/platforms")
    @Operation(summary = "Register a platform with what it shows after the tool is added (issuer, client id, deployment ids, URLs)")
    ResponseEntity<LtiPlatform> create(@RequestBody LtiPlatform.Details details) {
        return ResponseEntity.status(HttpStatus.CREATED).body(platforms.create(details));
    }

    @PutMapping("/platforms/{id}")
    LtiPlatform update(@PathVariable String id, @RequestBody LtiPlatform.Details details) {
        return platforms.update(id, details);
    }

    @DeleteMapping("/platforms/{id}")
    @Operation(summary = "Stop trusting a platform: its launches are refused from now on")
    ResponseEntity<Void> delete(@PathVariable String id) {
        platforms.delete(id);
        return ResponseEntity.noContent().build();
    }

    record ImportRequest(String contextMembershipsUrl, String role) {
    }

    @PostMapping("/platforms/{id}/import-members")
    @Operation(summary = "Add a course's members (LTI Names and Role Provisioning) to the roster, with their platform account")
    MembershipImport.Result importMembers(@PathVariable String id, @RequestBody ImportRequest request) {
        return members.importMembers(platforms.get(id), request.contextMembershipsUrl(), request.role());
    }

    @GetMapping("/keys")
    @Operation(summary = "The tool's keys, newest (signing) first; all are published at /lti/jwks")
    List<ToolKeys.KeyView> keys() {
        return keys.list();
    }

    @PostMapping("/keys/rotate")
    @Operation(summary = "Make a new signing key; older keys stay published until removed")
    ResponseEntity<ToolKeys.KeyView> rotate() {
        return ResponseEntity.status(HttpStatus.CREATED).body(keys.rotate());
    }

    @DeleteMapping("/keys/{kid}")
    @Operation(summary = "Stop publishing an old key (not the signing key)")
    ResponseEntity<Void> removeKey(@PathVariable String kid) {
        keys.remove(kid);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(LtiException.class)
    ResponseEntity<ProblemDetail> failed(LtiException e) {
        return ApiProblems.of(e.status(), e.getMessage());
    }
}
