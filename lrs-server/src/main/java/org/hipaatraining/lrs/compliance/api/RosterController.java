package org.hipaatraining.lrs.compliance.api;

import java.io.StringReader;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hipaatraining.lrs.compliance.RecordRetention;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterImport;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.springframework.format.annotation.DateTimeFormat;
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

@RestController
@RequestMapping("/api/roster")
@Tag(name = "Roster", description = "The workforce: people, their roles over time, their xAPI identities")
class RosterController {

    private final RosterService roster;
    private final RosterImport rosterImport;
    private final RecordRetention retention;

    RosterController(RosterService roster, RosterImport rosterImport, RecordRetention retention) {
        this.roster = roster;
        this.rosterImport = rosterImport;
        this.retention = retention;
    }

    @GetMapping("/people")
    @Operation(summary = "Everyone on the roster, by name, with role and status history")
    List<Person> people() {
        return roster.all();
    }

    @GetMapping("/people/{id}")
    Person person(@PathVariable String id) {
        return roster.find(id).orElseThrow(() -> new ComplianceService.NotFound("no person with id " + id));
    }

    @PostMapping("/people")
    @Operation(summary = "Add a person; roles start on the hire date")
    ResponseEntity<Person> create(@RequestBody RosterService.PersonDetails details) {
        return ResponseEntity.status(HttpStatus.CREATED).body(roster.create(details));
    }

    @PutMapping("/people/{id}")
    @Operation(summary = "Change a person; role and status changes are recorded as history from `effective` (default today)")
    Person update(@PathVariable String id, @RequestBody RosterService.PersonDetails details,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective) {
        return roster.update(id, details, effective);
    }

    record RoleChange(Set<String> roles, LocalDate effective) {
    }

    @PutMapping("/people/{id}/roles")
    @Operation(summary = "Change a person's roles from a date; the new roles' modules are assigned from then")
    Person roles(@PathVariable String id, @RequestBody RoleChange change) {
        return roster.changeRoles(id, change.roles(), change.effective());
    }

    record StatusChange(Person.Status status, LocalDate effective) {
    }

    @PutMapping("/people/{id}/status")
    @Operation(summary = "Record a status change (ACTIVE, ON_LEAVE, DEPARTED) from a date")
    Person status(@PathVariable String id, @RequestBody StatusChange change) {
        if (change.status() == null) {
            throw new RosterService.RosterException("status: one of ACTIVE, ON_LEAVE, DEPARTED");
        }
        return roster.changeStatus(id, change.status(), change.effective());
    }

    @PostMapping(value = "/people/{id}/identities", consumes = "application/json")
    @Operation(summary = "Link another xAPI agent (e.g. an LMS account) to a person")
    Person identity(@PathVariable String id, @RequestBody String agentJson) {
        return roster.addIdentity(id, agentJson);
    }

    @PostMapping(value = "/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import a staff list as CSV (name, email, roles; optional employee_id, hire_date, supervisor, "
            + "status, accounts); all or nothing")
    ResponseEntity<RosterImport.Result> importCsv(@RequestBody String csv,
                                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effective) {
        RosterImport.Result result = rosterImport.importCsv(new StringReader(csv), effective);
        return result.errors().isEmpty() ? ResponseEntity.ok(result) : ResponseEntity.badRequest().body(result);
    }

    @DeleteMapping("/people/{id}")
    @Operation(summary = "Delete a person and their records: refused until six years after they departed and after "
            + "their last training record")
    ResponseEntity<Void> delete(@PathVariable String id, Principal admin) {
        retention.deletePerson(id, admin.getName());
        return ResponseEntity.noContent().build();
    }
}
