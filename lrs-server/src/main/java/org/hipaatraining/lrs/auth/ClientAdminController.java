package org.hipaatraining.lrs.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hipaatraining.lrs.system.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for xAPI client credentials: create (the secret is shown once), list, revoke. */
@RestController
@RequestMapping("/api/admin/clients")
class ClientAdminController {

    private final ClientService clients;

    ClientAdminController(ClientService clients) {
        this.clients = clients;
    }

    /** What to create: a label and the scopes (xAPI scope strings such as {@code statements/write}). */
    record NewClient(String name, List<String> scopes) {
    }

    @GetMapping
    List<ClientService.ClientView> list() {
        return clients.list();
    }

    @PostMapping
    ResponseEntity<ClientService.IssuedCredential> create(@RequestBody NewClient request) {
        if (request.name() == null || request.name().isBlank()) {
            throw new IllegalArgumentException("name: required, e.g. \"Moodle\"");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(clients.create(request.name(), scopes(request.scopes())));
    }

    @DeleteMapping("/{key}")
    ResponseEntity<Void> revoke(@PathVariable String key) {
        return clients.revoke(key) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    static Set<Scope> scopes(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("scopes: required, e.g. [\"statements/write\", \"statements/read/mine\"]");
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : values) {
            scopes.add(Scope.fromValue(value).orElseThrow(() -> new IllegalArgumentException("scopes: unknown scope '"
                    + value + "'; use statements/write, statements/read, statements/read/mine, state, define, profile, "
                    + "all/read, all")));
        }
        return scopes;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
