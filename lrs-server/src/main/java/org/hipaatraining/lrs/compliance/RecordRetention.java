package org.hipaatraining.lrs.compliance;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;

import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.events.TrainingEventStore;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.PersonStore;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The six-year rule (45 CFR 164.530(j)(2)): training documentation is kept six years from when it was created or last
 * in effect. A person's roster entry is in effect until they depart, and their training records until their newest one,
 * so deletion is refused before six years after the later of the two. Statements themselves are never deleted by the
 * LRS (xAPI has no delete; voiding keeps them).
 */
@Service
public class RecordRetention {

    private static final Logger log = LoggerFactory.getLogger(RecordRetention.class);
    public static final int YEARS = 6;

    private final PersonStore people;
    private final TrainingEventStore events;
    private final ComplianceService compliance;

    private final org.springframework.context.ApplicationEventPublisher changes;

    private final SentNotices notices;

    RecordRetention(PersonStore people, TrainingEventStore events, ComplianceService compliance,
                    org.springframework.context.ApplicationEventPublisher changes,
                    SentNotices notices) {
        this.changes = changes;
        this.notices = notices;
        this.people = people;
        this.events = events;
        this.compliance = compliance;
    }

    /** The first day a person's entry may be deleted, or null while they still work here. */
    public LocalDate deletableFrom(Person person) {
        LocalDate departed = person.statusOn(compliance.today()) == Person.Status.DEPARTED ? person.departedOn() : null;
        if (departed == null) {
            return null;
        }
        LocalDate last = events.forAgents(person.identifiers()).stream().map(TrainingEvent::timestamp)
                .max(Comparator.naturalOrder()).map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)).orElse(departed);
        return (last.isAfter(departed) ? last : departed).plusYears(YEARS);
    }

    public void deletePerson(String personId, String admin) {
        Person person = compliance.person(personId);
        LocalDate from = deletableFrom(person);
        if (from == null || compliance.today().isBefore(from)) {
            throw new RetentionException(person.name() + "'s roster entry and training records", from);
        }
        people.delete(personId);
        // the notices sent about them are training records too, kept as long and no longer
        notices.forget(java.util.List.of(personId));
        changes.publishEvent(ComplianceInputsChanged.people(java.util.Set.of(personId)));
        log.info("Roster entry of {} ({}) deleted by {} after the retention period", person.name(), personId, admin);
    }
}
