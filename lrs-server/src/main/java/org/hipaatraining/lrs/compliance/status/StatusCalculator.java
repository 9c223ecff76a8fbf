package org.hipaatraining.lrs.compliance.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.events.EventType;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.requirements.ModuleRelease;
import org.hipaatraining.lrs.compliance.requirements.ModuleReleases;
import org.hipaatraining.lrs.compliance.requirements.Requirements;
import org.hipaatraining.lrs.compliance.requirements.RoleRequirement;
import org.hipaatraining.lrs.compliance.roster.Person;

/**
 * The status rules (docs/compliance.md), as a pure function of a person, the requirements, the module releases, the
 * person's training events and the day: the same inputs always give the same statuses, which is what lets a rebuild
 * and a test check them.
 * <ul>
 * <li>A module is required while the person holds a role that requires it; it is first due {@code onboardingDays}
 * after the earliest such role began, or, for a new hire's roles, the practice's onboarding window after the hire date
 * ({@link OnboardingDeadline}).</li>
 * <li>A satisfying event (passed, or as the mapping rules say) counts unless a material release took effect after it
 * and it was not made on that release's version or later; a counted completion is valid {@code refresherMonths}.</li>
 * <li>Someone trained before a material release is due again {@code retrainingDays} after the release (never before
 * their onboarding deadline).</li>
 * <li>Security reminders rotate through the role's reminder modules, one every {@code reminderIntervalMonths}.</li>
 * <li>Departed people have no requirements; people on leave keep their statuses but are flagged.</li>
 * </ul>
 */
public final class StatusCalculator {

    /** The requirement id of the rotating security reminders. */
    public static final String REMINDERS = "security-reminders";

    private final Catalogue catalogue;
    private final BiFunction<String, LocalDate, Optional<ModuleRelease>> latestMaterial;
    private final java.util.function.Function<Person, List<Assignment>> assignments;

    public StatusCalculator(Catalogue catalogue, BiFunction<String, LocalDate, Optional<ModuleRelease>> latestMaterial) {
        this(catalogue, latestMaterial, person -> List.of());
    }

    /** @param assignments modules a person must take for other reasons than their roles (trigger events) */
    public StatusCalculator(Catalogue catalogue, BiFunction<String, LocalDate, Optional<ModuleRelease>> latestMaterial,
                            java.util.function.Function<Person, List<Assignment>> assignments) {
        this.catalogue = catalogue;
        this.latestMaterial = latestMaterial;
        this.assignments = assignments;
    }

    public List<ModuleStatus> statusOf(Person person, Requirements requirements, List<TrainingEvent> events, LocalDate today) {
        if (person.statusOn(today) == Person.Status.DEPARTED) {
            return List.of();
        }
        Set<String> roles = person.rolesOn(today);
        Set<String> modules = new LinkedHashSet<>();
        for (Module module : catalogue.modules()) {
            if (!requirements.requiring(roles, module.id()).isEmpty()) {
                modules.add(module.id());
            }
        }
        List<Assignment> assigned = assignments.apply(person).stream().filter(a -> !a.assignedOn().isAfter(today)).toList();
        List<ModuleStatus> statuses = new ArrayList<>();
        for (String moduleId : modules) {
            statuses.add(assigned(module(person, requirements, moduleId, roles, events, today), assigned, events, today));
        }
        // modules assigned by events alone: the catalogue's in its order, then the practice's micro-lessons
        List<Module> byEvents = new ArrayList<>(catalogue.modules());
        assigned.stream().map(Assignment::moduleId).distinct().filter(id -> !catalogue.lists(id))
                .forEach(id -> catalogue.module(id).ifPresent(byEvents::add));
        for (Module module : byEvents) {
            if (!modules.contains(module.id()) && assigned.stream().anyMatch(a -> a.moduleId().equals(module.id()))) {
                ModuleStatus byEvent = status(person, module.id(), module.id(), module.title(), List.of(),
                        ComplianceState.NEVER_STARTED, false, today, today, null, null, List.of(), List.of(),
                        Optional.empty(), today);
                ModuleStatus open = assigned(byEvent, assigned, events, today);
                if (open.reason() != null) {
                    statuses.add(open);
                } else if (!catalogue.lists(module.id())) {
                    // a micro-lesson is nothing but its event's requirement: once taken it stays, compliant, as the
                    // record that the event's training was done
                    completedMicroLesson(person, module, assigned, events, today).ifPresent(statuses::add);
                }
                // a catalogue module only while open: once taken, nothing is outstanding (the completion is in the
                // records)
            }
        }
        reminders(person, requirements, roles, events, today).ifPresent(statuses::add);
        return statuses;
    }

    /**
     * A module assigned by trigger events and not completed since the earliest of them still open is due by that
     * assignment's date (or earlier, if the roles say so), whatever the person's standing for their roles, with the
     * event as its reason.
     */
    private ModuleStatus assigned(ModuleStatus status, List<Assignment> assigned, List<TrainingEvent> all, LocalDate today) {
        List<TrainingEvent> events = all.stream().filter(e -> e.moduleId().equals(status.moduleId()))
                .sorted(Comparator.comparing(TrainingEvent::timestamp)).toList();
        Assignment open = null;
        for (Assignment a : assigned) {
            boolean done = events.stream().anyMatch(e -> e.satisfies() && !day(e).isBefore(a.assignedOn()));
            if (a.moduleId().equals(status.moduleId()) && !done && (open == null || a.dueDate().isBefore(open.dueDate()))) {
                open = a;
            }
        }
        if (open == null) {
            return status;
        }
        LocalDate since = open.assignedOn();
        LocalDate dueDate = status.reason() == null && status.state() != ComplianceState.COMPLIANT && !status.requiredBy().isEmpty()
                && status.dueDate().isBefore(open.dueDate()) ? status.dueDate() : open.dueDate();
        List<TrainingEvent> cycle = events.stream().filter(e -> !day(e).isBefore(since))
                .filter(e -> e.type() == EventType.STARTED || e.type() == EventType.PASSED || e.type() == EventType.FAILED)
                .toList();
        boolean pastDue = today.isAfter(dueDate);
        ComplianceState state = state(events, cycle, pastDue);
        int attempts = (int) cycle.stream().filter(e -> e.type() == EventType.PASSED || e.type() == EventType.FAILED).count();
        return new ModuleStatus(status.personId(), status.personName(), status.requirement(), status.moduleId(),
                status.moduleTitle(), status.requiredBy(), state, pastDue, status.requiredBy().isEmpty() ? since
                : status.assignedOn(), dueDate, null, status.completedOn(), status.completedVersion(),
                status.completionStatementId(), status.scaled(), attempts, status.lastActivity(), status.materialRelease(),
                status.acknowledgedPolicy(), status.acknowledgedAt(), status.onLeave(), open.reason(),
                status.beforeAccess() && dueDate.equals(status.dueDate()));
    }

    /**
     * A micro-lesson passed on or after its event's day: compliant for good (no due date: there is no refresher, and
     * nothing to remind of), with the event as its reason.
     */
    private Optional<ModuleStatus> completedMicroLesson(Person person, Module module, List<Assignment> assigned,
                                                        List<TrainingEvent> all, LocalDate today) {
        Assignment assignment = assigned.stream().filter(a -> a.moduleId().equals(module.id()))
                .min(Comparator.comparing(Assignment::assignedOn)).orElseThrow();
        List<TrainingEvent> events = all.stream().filter(e -> e.moduleId().equals(module.id()))
                .sorted(Comparator.comparing(TrainingEvent::timestamp)).toList();
        TrainingEvent completion = events.stream().filter(e -> e.satisfies() && !day(e).isBefore(assignment.assignedOn()))
                .findFirst().orElse(null);
        if (completion == null) {
            return Optional.empty();
        }
        List<TrainingEvent> cycle = events.stream().filter(e -> !day(e).isBefore(assignment.assignedOn())
                && !e.timestamp().isAfter(completion.timestamp())).toList();
        ModuleStatus done = status(person, module.id(), module.id(), module.title(), List.of(), ComplianceState.COMPLIANT,
                false, assignment.assignedOn(), assignment.dueDate(), null, completion, cycle, events, Optional.empty(),
                today);
        return Optional.of(new ModuleStatus(done.personId(), done.personName(), done.requirement(), done.moduleId(),
                done.moduleTitle(), done.requiredBy(), done.state(), false, done.assignedOn(), null, null,
                done.completedOn(), done.completedVersion(), done.completionStatementId(), done.scaled(), done.attempts(),
                done.lastActivity(), null, null, null, done.onLeave(), assignment.reason(), false));
    }

    private ModuleStatus module(Person person, Requirements requirements, String moduleId, Set<String> roles,
                                List<TrainingEvent> all, LocalDate today) {
        List<RoleRequirement> by = requirements.requiring(roles, moduleId);
        LocalDate assignedOn = by.stream().map(r -> person.roleSince(r.roleId(), today)).min(Comparator.naturalOrder()).orElse(today);
        int onboardingDays = by.stream().mapToInt(RoleRequirement::onboardingDays).min().orElse(30);
        int refresherMonths = by.stream().mapToInt(RoleRequirement::refresherMonths).min().orElse(12);
        List<TrainingEvent> events = all.stream().filter(e -> e.moduleId().equals(moduleId))
                .sorted(Comparator.comparing(TrainingEvent::timestamp)).toList();
        Optional<ModuleRelease> material = latestMaterial.apply(moduleId, today);

        TrainingEvent lastSatisfying = last(events, e -> e.satisfies());
        TrainingEvent counted = last(events, e -> e.satisfies() && counts(e, material));
        OnboardingDeadline onboarding = OnboardingDeadline.of(person, assignedOn, onboardingDays, requirements.onboardingWindow());
        LocalDate onboardingDue = onboarding.due();
        LocalDate dueDate;
        LocalDate compliantUntil = null;
        if (counted != null) {
            LocalDate until = day(counted).plusMonths(refresherMonths);
            dueDate = until;
            if (!today.isAfter(until)) {
                compliantUntil = until;
            }
        } else if (lastSatisfying != null && material.isPresent()) {
            LocalDate retrain = material.get().date().plusDays(requirements.retrainingDays());
            dueDate = retrain.isAfter(onboardingDue) ? retrain : onboardingDue;
        } else {
            dueDate = onboardingDue;
        }
        TrainingEvent completion = counted != null ? counted : lastSatisfying;
        List<TrainingEvent> cycle = since(events, compliantUntil != null ? previousSatisfying(events, counted) : lastSatisfying);
        if (compliantUntil != null) {
            cycle = cycle.stream().filter(e -> !e.timestamp().isAfter(counted.timestamp())).toList();
        }
        ComplianceState state = compliantUntil != null ? ComplianceState.COMPLIANT
                : state(events, newWorkSince(events, lastSatisfying), today.isAfter(dueDate));
        Module module = catalogue.module(moduleId).orElseThrow();
        ModuleStatus status = status(person, moduleId, moduleId, module.title(), by, state,
                compliantUntil == null && today.isAfter(dueDate), assignedOn, dueDate, compliantUntil, completion, cycle,
                events, material, today);
        // only while the first training is outstanding: a completion or a retraining has a deadline of its own
        return onboarding.beforeAccess() && lastSatisfying == null ? status.withBeforeAccess() : status;
    }

    private Optional<ModuleStatus> reminders(Person person, Requirements requirements, Set<String> roles,
                                             List<TrainingEvent> all, LocalDate today) {
        List<RoleRequirement> by = roles.stream().map(r -> requirements.role(r).orElse(null))
                .filter(r -> r != null && !r.reminders().isEmpty() && r.reminderIntervalMonths() > 0).toList();
        if (by.isEmpty()) {
            return Optional.empty();
        }
        List<String> rotation = by.get(0).reminders();
        int interval = by.stream().mapToInt(RoleRequirement::reminderIntervalMonths).min().orElseThrow();
        LocalDate assignedOn = by.stream().map(r -> person.roleSince(r.roleId(), today)).min(Comparator.naturalOrder()).orElse(today);
        List<TrainingEvent> events = all.stream().filter(e -> rotation.contains(e.moduleId()))
                .sorted(Comparator.comparing(TrainingEvent::timestamp)).toList();
        TrainingEvent last = last(events, TrainingEvent::satisfies);
        String next = last == null ? rotation.get(0)
                : rotation.get((rotation.indexOf(last.moduleId()) + 1) % rotation.size());
        LocalDate dueDate = last == null ? assignedOn.plusMonths(interval) : day(last).plusMonths(interval);
        boolean compliant = last != null && !today.isAfter(dueDate);
        List<TrainingEvent> sinceLast = newWorkSince(events, last);
        ComplianceState state = compliant ? ComplianceState.COMPLIANT : state(events, sinceLast, today.isAfter(dueDate));
        String title = catalogue.module(next).map(Module::title).orElse(next);
        return Optional.of(status(person, REMINDERS, next, title, by, state, !compliant && today.isAfter(dueDate), assignedOn,
                dueDate, compliant ? dueDate : null, last, compliant ? List.of(last) : sinceLast, events, Optional.empty(), today));
    }

    private static ComplianceState state(List<TrainingEvent> events, List<TrainingEvent> cycle, boolean pastDue) {
        TrainingEvent result = last(cycle, e -> e.type() == EventType.PASSED || e.type() == EventType.FAILED);
        if (result != null && result.type() == EventType.FAILED) {
            return ComplianceState.FAILED;
        }
        if (pastDue) {
            return ComplianceState.OVERDUE;
        }
        if (!cycle.isEmpty()) {
            return ComplianceState.IN_PROGRESS;
        }
        return events.isEmpty() ? ComplianceState.NEVER_STARTED : ComplianceState.DUE;
    }

    private ModuleStatus status(Person person, String requirement, String moduleId, String title, List<RoleRequirement> by,
                                ComplianceState state, boolean overdue, LocalDate assignedOn, LocalDate dueDate,
                                LocalDate compliantUntil, TrainingEvent completion, List<TrainingEvent> cycle,
                                List<TrainingEvent> events, Optional<ModuleRelease> material, LocalDate today) {
        Double scaled = completion == null ? null : completion.scaled();
        if (completion != null && scaled == null) {
            // completed or satisfied events carry no score: report the best pass that led to it
            scaled = cycle.stream().filter(e -> e.type() == EventType.PASSED && e.scaled() != null)
                    .map(TrainingEvent::scaled).max(Double::compare).orElse(null);
        }
        int attempts = (int) cycle.stream().filter(e -> e.type() == EventType.PASSED || e.type() == EventType.FAILED).count();
        TrainingEvent ack = last(events, e -> e.type() == EventType.ACKNOWLEDGED);
        return new ModuleStatus(person.id(), person.name(), requirement, moduleId, title,
                by.stream().map(RoleRequirement::roleId).toList(), state, overdue, assignedOn, dueDate, compliantUntil,
                completion == null ? null : day(completion), completion == null ? null : completion.moduleVersion(),
                completion == null ? null : completion.statementId(), scaled, attempts,
                events.isEmpty() ? null : events.get(events.size() - 1).timestamp(),
                material.map(r -> r.version() + " (" + r.date() + ")").orElse(null),
                ack == null ? null : ack.policyId() + " " + ack.policyVersion(), ack == null ? null : ack.timestamp(),
                person.statusOn(today) == Person.Status.ON_LEAVE);
    }

    /** Whether a completion still counts after the material release in effect. */
    private static boolean counts(TrainingEvent event, Optional<ModuleRelease> material) {
        if (material.isEmpty() || !day(event).isBefore(material.get().date())) {
            return true;
        }
        return !event.versionInferred() && ModuleReleases.versionKey(event.moduleVersion())
                .compareTo(ModuleReleases.versionKey(material.get().version())) >= 0;
    }

    private static TrainingEvent previousSatisfying(List<TrainingEvent> events, TrainingEvent counted) {
        return last(events.stream().filter(e -> e.timestamp().isBefore(counted.timestamp())).toList(), TrainingEvent::satisfies);
    }

    /**
     * Work that starts a new round after a completion: launches, lessons, answers and results in another session.
     * What follows a pass in the same session (its completed and acknowledged statements, a review) is not new work.
     */
    private static List<TrainingEvent> newWorkSince(List<TrainingEvent> events, TrainingEvent completion) {
        return since(events, completion).stream()
                .filter(e -> e.type() == EventType.STARTED || e.type() == EventType.PASSED || e.type() == EventType.FAILED)
                .filter(e -> completion == null || completion.registration() == null
                        || !completion.registration().equals(e.registration()))
                .toList();
    }

    private static List<TrainingEvent> since(List<TrainingEvent> events, TrainingEvent boundary) {
        return boundary == null ? events : events.stream().filter(e -> e.timestamp().isAfter(boundary.timestamp())).toList();
    }

    private static TrainingEvent last(List<TrainingEvent> events, Predicate<TrainingEvent> test) {
        TrainingEvent found = null;
        for (TrainingEvent e : events) {
            if (test.test(e)) {
                found = e;
            }
        }
        return found;
    }

    private static LocalDate day(TrainingEvent event) {
        return LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC);
    }
}
