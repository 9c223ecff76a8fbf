package org.hipaatraining.lrs.compliance.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.ComplianceInputsChanged;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.events.TrainingEventStore;
import org.hipaatraining.lrs.compliance.requirements.ModuleRelease;
import org.hipaatraining.lrs.compliance.requirements.ModuleReleases;
import org.hipaatraining.lrs.compliance.requirements.Requirements;
import org.hipaatraining.lrs.compliance.requirements.RequirementsService;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps every person's statuses ({@link KeptStatuses}) equal to what {@link StatusCalculator} gives for today:
 * <ul>
 *   <li>when a person's records or roster entry change, their statuses are recomputed before the change is
 *       acknowledged (a statement batch, a roster edit);</li>
 *   <li>when something concerns everyone (requirements, a release, a rebuild), everyone is marked and a background
 *       pass recomputes them a batch at a time;</li>
 *   <li>when time alone changes a status (a due date passes, a completion expires, a role or leave begins or ends, a
 *       release takes effect), the day's pass recomputes exactly the people whose {@code nextChange} has come.</li>
 * </ul>
 * Every recomputation is of whole people from their inputs, and only a newer result replaces a kept one
 * ({@link StatusMarks}), so replays, several instances and the passes can all recompute the same person safely, and
 * the kept statuses always equal a recomputation from scratch (a test checks this on a random history).
 */
@Service
public class StatusKeeper {

    private static final Logger log = LoggerFactory.getLogger(StatusKeeper.class);
    private static final int BATCH = 500;

    private final RosterService roster;
    private final RequirementsService requirements;
    private final TrainingEventStore events;
    private final ModuleReleases releases;
    private final Catalogue catalogue;
    private final StatusMarks marks;
    private final KeptStatuses kept;
    private final Clock clock;
    private final org.hipaatraining.lrs.compliance.triggers.TriggerEvents triggers;
    private final org.springframework.context.ApplicationEventPublisher publisher;

    StatusKeeper(RosterService roster, RequirementsService requirements, TrainingEventStore events, ModuleReleases releases,
                 Catalogue catalogue, StatusMarks marks, KeptStatuses kept, Clock clock,
                 org.hipaatraining.lrs.compliance.triggers.TriggerEvents triggers,
                 org.springframework.context.ApplicationEventPublisher publisher) {
        this.triggers = triggers;
        this.publisher = publisher;
        this.roster = roster;
        this.requirements = requirements;
        this.events = events;
        this.releases = releases;
        this.catalogue = catalogue;
        this.marks = marks;
        this.kept = kept;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @EventListener
    void onChange(ComplianceInputsChanged change) {
        if (change.everyone()) {
            markEveryone();
            return;
        }
        Set<String> people = new LinkedHashSet<>(change.personIds());
        if (!change.agentKeys().isEmpty()) {
            roster.byIdentities(change.agentKeys()).forEach(p -> people.add(p.id()));
        }
        if (!people.isEmpty()) {
            marks.mark(people);
            recompute(people);
        }
    }

    private void markEveryone() {
        List<String> ids = roster.all().stream().map(Person::id).toList();
        marks.mark(ids);
        log.info("Statuses of {} people will be recomputed", ids.size());
    }

    /** At start-up: people never computed (a new release of the LRS, a restored database) and the day's changes. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        kept.changed(); // a write a crash cut off before it was counted: counts cached anywhere are recounted
        if ((kept.count() == 0 && !roster.all().isEmpty()) || kept.anyOfAnotherFormat()) {
            markEveryone(); // never computed (a new or restored database), or kept by an older release
        }
        passOfTheDay();
    }

    /** Recomputes everyone marked, a batch at a time; returns how many people. */
    @Scheduled(initialDelayString = "#{@complianceSettings.statusPassInterval().toMillis()}",
            fixedDelayString = "#{@complianceSettings.statusPassInterval().toMillis()}")
    public synchronized int recomputeMarked() {
        int done = 0;
        while (true) {
            List<String> dirty = marks.dirty(BATCH);
            if (dirty.isEmpty()) {
                return done;
            }
            recompute(dirty);
            done += dirty.size();
        }
    }

    /** The people whose statuses change by time alone today (run shortly after midnight UTC, and at start-up). */
    @Scheduled(cron = "#{@complianceSettings.statusDayCron()}", zone = "UTC")
    public synchronized int passOfTheDay() {
        LocalDate today = today();
        int done = 0;
        while (true) {
            List<String> due = kept.changingBy(today, BATCH);
            if (due.isEmpty()) {
                return done;
            }
            recompute(due);
            done += due.size();
            if (due.size() < BATCH) {
                return done;
            }
        }
    }

    /** Recomputes these people from their inputs and keeps the result (unless a newer one is kept already). */
    public void recompute(Collection<String> personIds) {
        Map<String, Long> versions = marks.versions(personIds);
        List<Person> people = roster.byIds(personIds);
        Set<String> gone = new LinkedHashSet<>(personIds);
        people.forEach(p -> gone.remove(p.id()));
        List<KeptStatus> computed = compute(people, versions, today());
        kept.keep(computed);
        kept.forget(gone);
        marks.clean(versions);
        if (!computed.isEmpty()) {
            publisher.publishEvent(new StatusesKept(List.copyOf(computed)));
        }
    }

    /** Statuses of these people on a day, from their inputs: one read of events per 500 identities. */
    private List<KeptStatus> compute(List<Person> people, Map<String, Long> versions, LocalDate today) {
        Map<String, List<TrainingEvent>> byAgent = new HashMap<>();
        List<String> identities = new ArrayList<>();
        people.forEach(p -> identities.addAll(p.identifiers()));
        for (int from = 0; from < identities.size(); from += BATCH) {
            for (TrainingEvent e : events.forAgents(identities.subList(from, Math.min(identities.size(), from + BATCH)))) {
                byAgent.computeIfAbsent(e.agentKey(), k -> new ArrayList<>()).add(e);
            }
        }
        Requirements current = requirements.current();
        Map<String, List<ModuleRelease>> releaseCache = new HashMap<>(releases.all());
        List<org.hipaatraining.lrs.compliance.triggers.TriggerEvent> triggered = triggers.all();
        StatusCalculator calculator = new StatusCalculator(catalogue, (moduleId, day) -> latestMaterial(
                releaseCache.computeIfAbsent(moduleId, releases::of), day),
                person -> org.hipaatraining.lrs.compliance.triggers.TriggerEvents.assignmentsOf(triggered, person));
        List<KeptStatus> computed = new ArrayList<>(people.size());
        for (Person person : people) {
            List<TrainingEvent> own = new ArrayList<>();
            person.identifiers().forEach(id -> own.addAll(byAgent.getOrDefault(id, List.of())));
            List<ModuleStatus> statuses = calculator.statusOf(person, current, own, today);
            computed.add(KeptStatus.of(person, versions.getOrDefault(person.id(), 0L), today,
                    nextChange(person, statuses, releaseCache, today), statuses));
        }
        return computed;
    }

    /**
     * Compares every person's kept statuses with a recomputation from scratch, without keeping anything: the check
     * that the incremental path and a full rebuild agree (run when nothing is being recorded, or differences may be
     * changes still on their way).
     */
    public StatusCheck check() {
        LocalDate today = today();
        List<Person> everyone = roster.all();
        int differing = 0;
        List<String> examples = new ArrayList<>();
        for (int from = 0; from < everyone.size(); from += BATCH) {
            List<Person> chunk = everyone.subList(from, Math.min(everyone.size(), from + BATCH));
            Map<String, KeptStatus> stored = new HashMap<>();
            kept.findAll(chunk.stream().map(Person::id).toList()).forEach(k -> stored.put(k.personId(), k));
            for (KeptStatus fresh : compute(chunk, Map.of(), today)) {
                KeptStatus old = stored.get(fresh.personId());
                if (old == null || !comparable(old).equals(comparable(fresh))) {
                    differing++;
                    if (examples.size() < 10) {
                        examples.add(fresh.personId());
                    }
                }
            }
        }
        return new StatusCheck(everyone.size(), differing, examples, today, true);
    }

    /** What a status says, as stored: without the version and the day it was computed on (it holds until nextChange). */
    private static org.bson.Document comparable(KeptStatus status) {
        org.bson.Document stored = KeptStatus.from(status.toDocument()).toDocument();
        stored.remove("version");
        stored.remove("computedOn");
        return stored;
    }

    /**
     * The outcome of {@link #check()}: how many people's kept statuses differ from a recomputation, and a few of them;
     * and whether the overview's counts, kept up to date change by change, equal an aggregation of the kept statuses.
     */
    public record StatusCheck(int people, int differing, List<String> examples, LocalDate day, boolean overviewCountsAgree) {

        StatusCheck withOverviewCountsAgree(boolean agree) {
            return new StatusCheck(people, differing, examples, day, agree);
        }
    }

    private static Optional<ModuleRelease> latestMaterial(List<ModuleRelease> moduleReleases, LocalDate day) {
        return moduleReleases.stream().skip(1).filter(r -> r.material() && !r.date().isAfter(day)).reduce((a, b) -> b);
    }

    /** The first day after {@code today} on which time alone can change these statuses. */
    private LocalDate nextChange(Person person, List<ModuleStatus> statuses, Map<String, List<ModuleRelease>> releaseCache,
                                 LocalDate today) {
        List<LocalDate> candidates = new ArrayList<>();
        for (ModuleStatus s : statuses) {
            if (s.compliantUntil() != null) {
                candidates.add(s.compliantUntil().plusDays(1));
            } else if (s.dueDate() != null && !s.overdue()) {
                candidates.add(s.dueDate().plusDays(1));
            }
        }
        person.roles().forEach(r -> {
            candidates.add(r.from());
            if (r.to() != null) {
                candidates.add(r.to());
            }
        });
        person.statuses().forEach(p -> candidates.add(p.from()));
        // a release taking effect changes the statuses of anyone whose roles require the module; when the roles
        // change, so does the set of modules, which the role dates above already cover
        for (String moduleId : catalogue.modules().stream().map(m -> m.id()).toList()) {
            releaseCache.computeIfAbsent(moduleId, releases::of).forEach(r -> candidates.add(r.date()));
        }
        return candidates.stream().filter(d -> d != null && d.isAfter(today)).min(LocalDate::compareTo).orElse(null);
    }
}
