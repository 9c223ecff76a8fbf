package org.hipaatraining.lrs.compliance.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.events.TrainingEventStore;
import org.hipaatraining.lrs.compliance.requirements.ModuleRelease;
import org.hipaatraining.lrs.compliance.requirements.ModuleReleases;
import org.hipaatraining.lrs.compliance.requirements.Requirements;
import org.hipaatraining.lrs.compliance.requirements.RequirementsService;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.triggers.TriggerEvents;
import org.springframework.stereotype.Service;

/** Statuses, overviews and transcripts: the roster, requirements and training events put together for a day. */
@Service
public class ComplianceService {

    /** How many identities go into one events query, to keep each query a sane size for large rosters. */
    private static final int IDENTITIES_PER_QUERY = 500;

    private final RosterService roster;
    private final RequirementsService requirements;
    private final TrainingEventStore events;
    private final StatusCalculator calculator;
    private final TriggerEvents triggers;
    private final Catalogue catalogue;
    private final ModuleReleases releases;
    private final Clock clock;

    private final KeptStatuses kept;
    private final CountsCache counts;
    private final StatusKeeper keeper;

    ComplianceService(RosterService roster, RequirementsService requirements, TrainingEventStore events,
                      ModuleReleases releases, Catalogue catalogue, Clock clock, KeptStatuses kept, CountsCache counts,
                      StatusKeeper keeper, TriggerEvents triggers) {
        this.kept = kept;
        this.counts = counts;
        this.keeper = keeper;
        this.roster = roster;
        this.requirements = requirements;
        this.events = events;
        this.triggers = triggers;
        this.calculator = new StatusCalculator(catalogue, releases::latestMaterial,
                person -> TriggerEvents.assignmentsOf(triggers.all(), person));
        this.catalogue = catalogue;
        this.releases = releases;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public Person person(String personId) {
        return roster.find(personId).orElseThrow(() -> new NotFound("no person with id " + personId));
    }

    /** A person's training events, oldest first, under every identity they have. */
    public List<TrainingEvent> eventsOf(Person person) {
        return events.forAgents(person.identifiers()).stream()
                .sorted(Comparator.comparing(TrainingEvent::timestamp)).toList();
    }

    /** A person's statuses on a day: today's as kept, any other day's computed now. */
    public List<ModuleStatus> statusOf(String personId, LocalDate day) {
        Person person = person(personId);
        if (day == null || day.equals(today())) {
            return kept(personId).statuses();
        }
        return calculator.statusOf(person, requirements.current(), eventsOf(person), day);
    }

    /** A person's kept statuses for today (computed now if they were never kept). */
    public KeptStatus kept(String personId) {
        LocalDate today = today();
        return kept.find(personId).filter(k -> holdsOn(k, today)).orElseGet(() -> {
            keeper.recompute(List.of(personId));
            return kept.find(personId).orElseThrow(() -> new NotFound("no person with id " + personId));
        });
    }

    /** Kept statuses hold from the day they were computed until the first day they change by time alone. */
    private static boolean holdsOn(KeptStatus k, LocalDate day) {
        return !k.computedOn().isAfter(day) && (k.nextChange() == null || k.nextChange().isAfter(day));
    }

    /** One page of people, in name order, with their statuses today. */
    public List<KeptStatus> peoplePage(PeopleQuery query, PeopleQuery.Position after, int size) {
        return kept.page(query, after, size);
    }

    /**
     * Compares everyone's kept statuses with a recomputation from scratch, and the overview's counts (caught up change
     * by change) with a count of everyone's kept statuses. Keeps nothing.
     */
    public StatusKeeper.StatusCheck checkKeptStatuses() {
        return keeper.check().withOverviewCountsAgree(counts.counts().equals(counts.recountEveryone()));
    }

    /** How many people have kept statuses: everyone on the roster, departed people included. */
    public long peopleKept() {
        return kept.count();
    }

    /** How many people have requirements overdue today (people on leave aside). */
    public long peopleOverdue() {
        return counts.peopleOverdue();
    }

    /** People with overdue requirements, longest overdue first. */
    public List<KeptStatus> overduePage(String afterDue, String afterId, int size) {
        return kept.overdue(afterDue, afterId, size);
    }

    /** People whose work in progress has been idle since before {@code idleSince}, longest idle first. */
    public List<KeptStatus> stalledPage(java.time.Instant idleSince, java.time.Instant afterActivity, String afterId, int size) {
        return kept.stalled(idleSince, afterActivity, afterId, size);
    }

    /** Everyone's statuses today, a person at a time, in name order: exports, counts and reports of any size. */
    public void forEachKept(java.util.function.Consumer<KeptStatus> each) {
        kept.forEach(each);
    }

    /** Every current person's statuses on a day, by person (today: in name order, as kept). */
    public Map<Person, List<ModuleStatus>> statusOfEveryone(LocalDate day) {
        LocalDate on = day == null ? today() : day;
        if (on.equals(today())) {
            Map<String, Person> people = new HashMap<>();
            roster.all().forEach(p -> people.put(p.id(), p));
            Map<Person, List<ModuleStatus>> statuses = new LinkedHashMap<>();
            kept.forEach(k -> {
                Person person = people.get(k.personId());
                if (person != null && person.statusOn(on) != Person.Status.DEPARTED) {
                    statuses.put(person, k.statuses());
                }
            });
            return statuses;
        }
        return computedForEveryone(on);
    }

    /** Every current person's statuses on another day than today, computed from the records (an audit's past day). */
    private Map<Person, List<ModuleStatus>> computedForEveryone(LocalDate on) {
        return statusesOf(roster.all().stream().filter(p -> p.statusOn(on) != Person.Status.DEPARTED).toList(), on);
    }

    /**
     * Some people's statuses on a day, in their order: today's as kept (one read), another day's computed from their
     * records (one read of events per 500 identities). What a report works through a chunk of people at a time.
     */
    public Map<Person, List<ModuleStatus>> statusesOf(List<Person> people, LocalDate on) {
        if (on.equals(today())) {
            Map<String, KeptStatus> byId = new HashMap<>();
            kept.findAll(people.stream().map(Person::id).toList()).forEach(k -> byId.put(k.personId(), k));
            Map<Person, List<ModuleStatus>> statuses = new LinkedHashMap<>();
            for (Person person : people) {
                KeptStatus k = byId.get(person.id());
                statuses.put(person, k != null && holdsOn(k, on) ? k.statuses() : kept(person.id()).statuses());
            }
            return statuses;
        }
        Requirements current = requirements.current();
        Map<String, List<TrainingEvent>> byAgent = new HashMap<>();
        List<String> batch = new ArrayList<>();
        for (Person person : people) {
            batch.addAll(person.identifiers());
            if (batch.size() >= IDENTITIES_PER_QUERY) {
                load(batch, byAgent);
            }
        }
        load(batch, byAgent);
        // Every person is judged against the same releases: read each module's once, not once per person.
        Map<String, Optional<ModuleRelease>> material = new HashMap<>();
        List<org.hipaatraining.lrs.compliance.triggers.TriggerEvent> triggered = triggers.all();
        StatusCalculator everyone = new StatusCalculator(catalogue,
                (moduleId, d) -> material.computeIfAbsent(moduleId + "|" + d, k -> releases.latestMaterial(moduleId, d)),
                person -> TriggerEvents.assignmentsOf(triggered, person));
        Map<Person, List<ModuleStatus>> statuses = new LinkedHashMap<>();
        for (Person person : people) {
            List<TrainingEvent> own = new ArrayList<>();
            person.identifiers().forEach(id -> own.addAll(byAgent.getOrDefault(id, List.of())));
            statuses.put(person, everyone.statusOf(person, current, own, on));
        }
        return statuses;
    }

    /** Every current person's statuses on a day that pass a filter, in name order. */
    public List<ModuleStatus> statuses(StatusFilter filter, LocalDate day) {
        List<ModuleStatus> rows = new ArrayList<>();
        if (day == null || day.equals(today())) {
            kept.forEach(k -> k.statuses().stream().filter(filter).forEach(rows::add));
            return rows;
        }
        statusOfEveryone(day).values().forEach(statuses -> statuses.stream().filter(filter).forEach(rows::add));
        return rows;
    }

    /** The training record a statement made, if it made one: the statement explorer links the two. */
    public Optional<TrainingEvent> recordOf(String statementId) {
        return events.find(statementId);
    }

    /** Today's counts for the overview, from the kept statuses (caught up per change of them, not counted per view). */
    public StatusCounts countsToday() {
        return counts.counts();
    }

    /** Counts of each state per role and requirement on a day: the overview chart and table. */
    public Map<String, Map<String, Map<ComplianceState, Integer>>> overview(LocalDate day) {
        LocalDate on = day == null ? today() : day;
        if (on.equals(today())) {
            return countsToday().byRole();
        }
        Map<String, Map<String, Map<ComplianceState, Integer>>> counts = new TreeMap<>();
        statusOfEveryone(on).forEach((person, statuses) -> {
            Set<String> roles = person.rolesOn(on);
            for (ModuleStatus status : statuses) {
                for (String role : status.requiredBy()) {
                    if (roles.contains(role)) {
                        counts.computeIfAbsent(role, r -> new LinkedHashMap<>())
                                .computeIfAbsent(status.requirement(), r -> new EnumMap<>(ComplianceState.class))
                                .merge(status.state(), 1, Integer::sum);
                    }
                }
            }
        });
        return counts;
    }

    private void load(List<String> identities, Map<String, List<TrainingEvent>> into) {
        if (identities.isEmpty()) {
            return;
        }
        for (TrainingEvent event : events.forAgents(List.copyOf(identities))) {
            into.computeIfAbsent(event.agentKey(), k -> new ArrayList<>()).add(event);
        }
        identities.clear();
    }

    /** A person, module or record that does not exist. Answered with 404. */
    public static class NotFound extends ComplianceException {
        public NotFound(String message) {
            super(message);
        }
    }
}
