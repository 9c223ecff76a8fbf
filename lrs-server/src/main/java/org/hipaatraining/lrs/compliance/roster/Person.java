package org.hipaatraining.lrs.compliance.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A workforce member: employees, temps, students, volunteers and business associate staff alike.
 *
 * @param id          a stable id of the LRS's own
 * @param employeeId  the practice's own id for the person, used to match rows on a re-import
 * @param identifiers the xAPI identities that are this person (agent keys: an email as mbox, a Moodle account, ...)
 * @param roles       every role the person has had, with the dates it applied: a role change is history, not an edit
 * @param location    where the person works (a site or clinic name, as the practice writes it); null when not given
 * @param statuses    every employment status with the date it began (active, on leave, departed)
 */
@Document("people")
public record Person(@Id String id, String employeeId, String name, String email, List<String> identifiers,
                     List<RolePeriod> roles, String supervisor, String location, LocalDate hireDate,
                     List<StatusPeriod> statuses, Instant createdAt, Instant updatedAt) {

    public enum Status { ACTIVE, ON_LEAVE, DEPARTED }

    /** A role held from {@code from} until {@code to} (exclusive; null while it is held). */
    public record RolePeriod(String role, LocalDate from, LocalDate to) {

        public boolean heldOn(LocalDate day) {
            return !day.isBefore(from) && (to == null || day.isBefore(to));
        }
    }

    /** A status that began on {@code from}. */
    public record StatusPeriod(Status status, LocalDate from) {
    }

    @PersistenceCreator
    public Person {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        roles = roles == null ? List.of() : List.copyOf(roles);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    /** Without a location: the roster before locations were kept. */
    public Person(String id, String employeeId, String name, String email, List<String> identifiers, List<RolePeriod> roles,
                  String supervisor, LocalDate hireDate, List<StatusPeriod> statuses, Instant createdAt, Instant updatedAt) {
        this(id, employeeId, name, email, identifiers, roles, supervisor, null, hireDate, statuses, createdAt, updatedAt);
    }

    /** Roles held on a day. */
    public Set<String> rolesOn(LocalDate day) {
        Set<String> held = new TreeSet<>();
        roles.stream().filter(r -> r.heldOn(day)).forEach(r -> held.add(r.role()));
        return held;
    }

    /** The day a role was last taken up, if the person holds it on {@code day}. */
    public LocalDate roleSince(String role, LocalDate day) {
        return roles.stream().filter(r -> r.role().equals(role) && r.heldOn(day)).map(RolePeriod::from)
                .max(LocalDate::compareTo).orElse(null);
    }

    public Status statusOn(LocalDate day) {
        Status status = Status.ACTIVE;
        for (StatusPeriod period : statuses) {
            if (!period.from().isAfter(day)) {
                status = period.status();
            }
        }
        return status;
    }

    /** The last day the person's records were in effect: departure, else today. Drives the six-year retention. */
    public LocalDate departedOn() {
        return statuses.stream().filter(s -> s.status() == Status.DEPARTED).map(StatusPeriod::from)
                .max(LocalDate::compareTo).orElse(null);
    }

    /** A copy with the current roles replaced from {@code day}: roles dropped end that day, new ones start it. */
    public Person withRoles(Set<String> wanted, LocalDate day, Instant now) {
        List<RolePeriod> history = new ArrayList<>();
        Set<String> current = rolesOn(day);
        for (RolePeriod period : roles) {
            boolean open = period.to() == null || period.to().isAfter(day);
            if (open && period.heldOn(day) && !wanted.contains(period.role())) {
                history.add(new RolePeriod(period.role(), period.from(), day));
            } else {
                history.add(period);
            }
        }
        for (String role : wanted) {
            if (!current.contains(role)) {
                history.add(new RolePeriod(role, day, null));
            }
        }
        return new Person(id, employeeId, name, email, identifiers, history, supervisor, location, hireDate, statuses, createdAt, now);
    }

    public Person withStatus(Status status, LocalDate from, Instant now) {
        if (statusOn(from) == status) {
            return this;
        }
        List<StatusPeriod> history = new ArrayList<>(statuses);
        history.add(new StatusPeriod(status, from));
        return new Person(id, employeeId, name, email, identifiers, roles, supervisor, location, hireDate, history, createdAt, now);
    }

    public Person withDetails(String name, String email, List<String> identifiers, String supervisor, LocalDate hireDate,
                              Instant now) {
        return withDetails(name, email, identifiers, supervisor, location, hireDate, now);
    }

    public Person withDetails(String name, String email, List<String> identifiers, String supervisor, String location,
                              LocalDate hireDate, Instant now) {
        return new Person(id, employeeId, name, email, identifiers, roles, supervisor, location, hireDate, statuses, createdAt, now);
    }
}
