package org.hipaatraining.lrs.compliance.triggers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.hipaatraining.content.MicroLesson;
import org.hipaatraining.lrs.compliance.roster.Person;

/**
 * Something that calls for training (a privacy incident, a near miss, a new system, an audit finding, a policy change):
 * the people it concerns get the modules it names, due on {@code dueDate}, with the event as the reason.
 *
 * @param description what happened, in words without patient details
 * @param everyone    it concerns the whole workforce; else the people holding {@code roles} on {@code date}, and
 *                    {@code personIds}
 * @param microLesson a lesson the practice wrote for the event, taken like a module ({@link #microLessonModuleId()});
 *                    null when the event names catalogue modules only
 */
public record TriggerEvent(String id, LocalDate date, Kind kind, String description, boolean everyone,
                           List<String> roles, List<String> personIds, List<String> modules, LocalDate dueDate,
                           String recordedBy, Instant recordedAt, MicroLesson microLesson) {

    /** The module id of an event's micro-lesson: {@code event-{event id}}. */
    public static final String MICRO_LESSON_PREFIX = "event-";

    public enum Kind {
        PRIVACY_INCIDENT("Privacy incident"), NEAR_MISS("Near miss"), NEW_SYSTEM("New system"),
        AUDIT_FINDING("Audit finding"), POLICY_CHANGE("Policy change");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public TriggerEvent {
        roles = roles == null ? List.of() : List.copyOf(roles);
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    public TriggerEvent(String id, LocalDate date, Kind kind, String description, boolean everyone, List<String> roles,
                        List<String> personIds, List<String> modules, LocalDate dueDate, String recordedBy,
                        Instant recordedAt) {
        this(id, date, kind, description, everyone, roles, personIds, modules, dueDate, recordedBy, recordedAt, null);
    }

    /** The module its micro-lesson is built into, or null without one. */
    public String microLessonModuleId() {
        return microLesson == null ? null : MICRO_LESSON_PREFIX + id;
    }

    /** What the people it concerns take: the modules, then the micro-lesson. */
    public List<String> requiredModules() {
        if (microLesson == null) {
            return modules;
        }
        List<String> all = new java.util.ArrayList<>(modules);
        all.add(microLessonModuleId());
        return List.copyOf(all);
    }

    /** What the learner reads on the micro-lesson's start screen: the event, as statuses name it. */
    public String microLessonDescription() {
        return "Written by the practice after: " + reason();
    }

    public boolean concerns(Person person) {
        return everyone || personIds.contains(person.id()) || person.rolesOn(date).stream().anyMatch(roles::contains);
    }

    /** How statuses and notices name it: "Privacy incident 2027-05-03: fax sent to the wrong number". */
    public String reason() {
        return kind.label() + " " + date + ": " + description;
    }
}
