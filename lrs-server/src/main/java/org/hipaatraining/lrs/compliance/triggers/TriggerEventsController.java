package org.hipaatraining.lrs.compliance.triggers;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API: events that call for training, and the assignments they make. */
@RestController
@RequestMapping("/api/compliance/trigger-events")
class TriggerEventsController {

    private final TriggerEvents triggers;

    TriggerEventsController(TriggerEvents triggers) {
        this.triggers = triggers;
    }

    @PostMapping
    @Operation(summary = "Record an event that calls for training (incident, near miss, new system, audit finding, policy "
            + "change): the people it concerns (everyone, roles, or person ids) get the modules, due on dueDate, with the "
            + "event as the reason. No patient details in the description. Events cannot be edited or deleted. Optionally "
            + "microLesson: {title, text (plain paragraphs separated by blank lines), questions: 1 to 3 of {prompt, "
            + "choices (2 to 5), correct (the right choice's position, from 0), explanation}}: a lesson of the practice's "
            + "own, built into module event-{id} (version 1.0.0) and required of the same people by the same date.")
    ResponseEntity<TriggerEvent> record(@RequestBody TriggerEvents.Details body, Principal admin) {
        return ResponseEntity.status(HttpStatus.CREATED).body(triggers.record(body, admin.getName()));
    }

    @GetMapping
    @Operation(summary = "Every trigger event, oldest first")
    List<TriggerEvent> all() {
        return triggers.all();
    }
}
