package org.hipaatraining.lrs.cmi5;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.system.ServerSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Admin API for cmi5 registrations and launches (the LTI layer calls the same service): enrol a learner, launch an
 * AU, waive an AU, and read where a registration stands.
 */
@RestController
@RequestMapping("/api/cmi5/registrations")
class RegistrationController {

    private final RegistrationService registrations;
    private final LaunchService launches;
    private final ServerSettings server;

    RegistrationController(RegistrationService registrations, LaunchService launches, ServerSettings server) {
        this.registrations = registrations;
        this.launches = launches;
        this.server = server;
    }

    /** @param renew true to start a new registration even if the learner has one (e.g. next year's refresher) */
    record NewRegistration(String courseId, JsonNode actor, Boolean renew) {
    }

    record RegistrationCreated(String registration, String courseId, JsonNode actor, int cycle, boolean created) {
    }

    @PostMapping
    ResponseEntity<RegistrationCreated> register(@RequestBody NewRegistration request) {
        RegistrationService.Enrolment enrolment = registrations.register(request.courseId(), request.actor(),
                Boolean.TRUE.equals(request.renew()));
        RegistrationStore.Registration r = enrolment.registration();
        return ResponseEntity.status(enrolment.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new RegistrationCreated(r.id(), r.courseId(), r.actor(), r.cycle(), enrolment.created()));
    }

    @GetMapping("/{id}")
    RegistrationService.RegistrationView get(@PathVariable String id) {
        return registrations.view(id);
    }

    @PostMapping("/{id}/launch")
    LaunchService.Launch launch(@PathVariable String id, @RequestBody LaunchService.LaunchRequest request,
                                HttpServletRequest http) {
        return launches.launch(id, request, base(http));
    }

    record Waiver(String auId, String reason) {
    }

    @PostMapping("/{id}/waive")
    ResponseEntity<Map<String, String>> waive(@PathVariable String id, @RequestBody Waiver request) {
        String statementId = registrations.waive(id, request.auId(), request.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("statementId", statementId));
    }

    /**
     * The address learners' browsers use: {@code lrs.public-url}, or, when that names port 0 (the server picked a free
     * port, as in tests), the address this request came to.
     */
    private String base(HttpServletRequest request) {
        if (server.publicUrl().getPort() != 0) {
            return server.base();
        }
        String url = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
