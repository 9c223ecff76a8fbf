package org.hipaatraining.lrs.policies;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.system.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/policies")
@Tag(name = "Policies", description = "The practice's policy documents that module acknowledgements cite, with every version")
class PoliciesController {

    private final PracticePolicies policies;

    PoliciesController(PracticePolicies policies) {
        this.policies = policies;
    }

    /**
     * One version of a policy.
     *
     * @param sha256   SHA-256 of the whole text ({@code html}); an acknowledgement's hash is of the sections shown
     * @param sections the section ids modules can cite
     */
    record VersionView(String policyId, String version, String title, LocalDate effectiveDate, String origin,
                       String publishedBy, Instant publishedAt, String sha256, List<String> sections, String format,
                       String html, String source) {

        static VersionView of(PolicyVersion v, boolean withText) {
            return new VersionView(v.policyId(), v.version(), v.title(), v.effectiveDate(), v.origin(), v.publishedBy(),
                    v.publishedAt(), v.sha256(), v.policy().sectionIds(), v.format(), withText ? v.html() : null,
                    withText ? v.source() : null);
        }
    }

    /** A policy: the version in force, every version, and the modules whose acknowledgement cites it. */
    record PolicyView(String policyId, VersionView current, List<VersionView> history, List<String> citedBy,
                      String suggestedVersion) {
    }

    /** The result of publishing: the version stored and what the admin should know about it. */
    record Published(VersionView version, List<String> notices, List<String> materialReleaseFor) {
    }

    @GetMapping
    @Operation(summary = "Every policy with the version in force (the catalogue's model until the practice publishes its own)")
    List<VersionView> list() {
        return policies.currentVersions().values().stream().map(v -> VersionView.of(v, false)).toList();
    }

    @GetMapping("/{policyId}")
    @Operation(summary = "A policy: the version in force with its text, and every version")
    PolicyView get(@PathVariable String policyId) {
        return new PolicyView(policyId, VersionView.of(policies.currentVersion(policyId), true),
                policies.history(policyId).stream().map(v -> VersionView.of(v, false)).toList(),
                policies.modulesCiting(policyId).stream().map(Module::id).toList(), policies.suggestedVersion(policyId));
    }

    @GetMapping("/{policyId}/versions/{version}")
    @Operation(summary = "One version of a policy, with its text")
    VersionView version(@PathVariable String policyId, @PathVariable String version) {
        policies.currentVersion(policyId); // 404 for an unknown policy before an unknown version
        return policies.version(policyId, version).map(v -> VersionView.of(v, true)).orElseThrow(() ->
                PolicyException.notFound("version: " + policyId + " has no version '" + version + "'"));
    }

    @PostMapping("/{policyId}/versions")
    @Operation(summary = "Publish a new version (text in Markdown or HTML, cleaned to the allow-list); the modules citing"
            + " the policy get a material release, so everyone who acknowledged an older version is due again")
    ResponseEntity<Published> publish(@PathVariable String policyId, @RequestBody PracticePolicies.Draft draft,
                                      Principal admin) {
        PracticePolicies.Prepared published = policies.publish(policyId, draft, admin.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Published(VersionView.of(published.version(), true),
                published.notices(), policies.modulesCiting(policyId).stream().map(Module::id).toList()));
    }

    @ExceptionHandler(PolicyException.class)
    ResponseEntity<ProblemDetail> refused(PolicyException e) {
        return ApiProblems.of(e.isNotFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
