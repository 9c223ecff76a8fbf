package org.hipaatraining.lrs.forwarding;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The forwarding API (admin credentials, like every /api endpoint; auditors may read). Secrets are never returned. */
@RestController
@RequestMapping("/api/forwarding/targets")
@Tag(name = "Forwarding", description = "Statement forwarding and compliance webhooks: targets, their deliveries, pause, resume, replay, test")
class ForwardingController {

    private final ForwardingService forwarding;

    ForwardingController(ForwardingService forwarding) {
        this.forwarding = forwarding;
    }

    @GetMapping
    @Operation(summary = "Every target with its status, lag and counts")
    List<TargetView> list() {
        return forwarding.all();
    }

    @PostMapping
    @Operation(summary = "Add a target; the answer holds its signing secret in full, the only time it is shown")
    ResponseEntity<ForwardingService.Created> create(@RequestBody TargetForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(forwarding.create(form));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One target with its status, lag and counts")
    TargetView get(@PathVariable String id) {
        return forwarding.view(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a target; secrets left out are kept")
    TargetView update(@PathVariable String id, @RequestBody TargetForm form) {
        return forwarding.update(id, form);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a target, its delivery history and dead letters")
    ResponseEntity<Void> delete(@PathVariable String id) {
        forwarding.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Stop delivering to the target; items wait (nothing is lost)")
    TargetView pause(@PathVariable String id) {
        return forwarding.pause(id);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Deliver again, from where the target stopped, at once")
    TargetView resume(@PathVariable String id) {
        return forwarding.resume(id);
    }

    @PostMapping("/{id}/replay")
    @Operation(summary = "Deliver again everything from a date (2026-11-30, midnight UTC) or instant on, in order")
    TargetView replay(@PathVariable String id, @RequestParam(required = false) String from) {
        return forwarding.replay(id, TargetForm.parseFrom(from, "from"));
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Try the target's address and credentials without delivering anything")
    DeliveryLog.Delivery test(@PathVariable String id) {
        return forwarding.test(id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The target's recent tries, newest first, with the receiver's status codes")
    List<DeliveryLog.Delivery> deliveries(@PathVariable String id) {
        return forwarding.deliveries(id);
    }

    @GetMapping("/{id}/dead-letters")
    @Operation(summary = "Batches set aside after failing too long or being refused; replay from their 'from' to send them again")
    List<DeadLetters.DeadLetter> deadLetters(@PathVariable String id) {
        return forwarding.deadLetters(id);
    }
}
