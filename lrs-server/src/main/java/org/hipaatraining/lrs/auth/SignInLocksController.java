package org.hipaatraining.lrs.auth;

import java.security.Principal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for failed sign-ins: who is locked out, and lifting a lock (the ids hold '|' and '/', so a parameter). */
@RestController
@RequestMapping("/api/admin/sign-in-locks")
@Tag(name = "Sign-in locks", description = "Accounts and addresses with failed sign-ins, and lifting their locks")
class SignInLocksController {

    private final SignInThrottle throttle;

    SignInLocksController(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping
    @Operation(summary = "Accounts (admin users, xAPI client keys) and addresses with failed sign-ins in the last day, locked first")
    List<SignInThrottle.FailureRecord> list() {
        return throttle.records();
    }

    @DeleteMapping
    @Operation(summary = "Lift the lock on an account or address (the id from the list) and forget its failures")
    ResponseEntity<Void> lift(@RequestParam String id, Principal admin) {
        return throttle.lift(id, admin.getName()) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
