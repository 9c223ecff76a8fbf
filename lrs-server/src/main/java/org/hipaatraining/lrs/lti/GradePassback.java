package org.hipaatraining.lrs.lti;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.lrs.compliance.events.EventType;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapi.statements.StatementsStored;
import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns passes recorded in the compliance records into scores owed to LMS grade columns. A passed statement stored here
 * triggers a check of its learner's graded links a moment later (once the compliance records have it); a periodic
 * sweep checks every link as well, so a pass seen by another instance, or missed, is still queued. Queuing is
 * idempotent ({@link ScoreOutbox}), so the two never post a score twice.
 * <p>
 * A module link is scored by each pass of its module (the knowledge-check score out of 100). A role's course is scored
 * once every module of the role has a pass since the first launch: the average of the latest scores.
 */
@Component
class GradePassback {

    private static final Logger log = LoggerFactory.getLogger(GradePassback.class);

    private final GradeWatchStore watches;
    private final ScoreOutbox outbox;
    private final RosterService roster;
    private final ComplianceService compliance;
    private final Catalogue catalogue;
    private final Clock clock;
    private final ScheduledExecutorService soon = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "lti-grade-passback");
        thread.setDaemon(true);
        return thread;
    });

    GradePassback(GradeWatchStore watches, ScoreOutbox outbox, RosterService roster, ComplianceService compliance,
                  Catalogue catalogue, Clock clock) {
        this.watches = watches;
        this.outbox = outbox;
        this.roster = roster;
        this.compliance = compliance;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        soon.shutdownNow();
    }

    /**
     * Published once the batch's training records are saved (every StatementsConsumer, the records projector among
     * them, has run), so the passes are already records here; the check runs off the request thread.
     */
    @EventListener
    void onStored(StatementsStored stored) {
        Set<String> actors = new HashSet<>();
        for (StoredStatement statement : stored.statements()) {
            if (Vocabulary.VERB_PASSED.equals(statement.verb()) && statement.actorKey() != null) {
                actors.add(statement.actorKey());
            }
        }
        if (!actors.isEmpty() && watches.any()) {
            soon.execute(() -> checkActors(actors));
        }
    }

    @Scheduled(fixedDelayString = "#{@ltiSettings.gradeSweepInterval().toMillis()}",
            initialDelayString = "#{@ltiSettings.gradeSweepInterval().toMillis()}")
    void sweep() {
        Map<String, Person> people = new HashMap<>();
        for (GradeWatchStore.GradeWatch watch : watches.all()) {
            try {
                Person person = people.computeIfAbsent(watch.personId(), id -> roster.find(id).orElse(null));
                if (person != null) {
                    check(watch, person);
                }
            } catch (RuntimeException e) {
                log.warn("LTI: grades of link {} could not be checked: {}", watch.lineItem(), e.toString());
            }
        }
    }

    /** Two queries whatever the batch's size: who the actors are, then their watched links. */
    private void checkActors(Set<String> agentKeys) {
        try {
            Map<String, Person> people = new HashMap<>();
            roster.byIdentities(agentKeys).forEach(person -> people.put(person.id(), person));
            if (!people.isEmpty()) {
                watches.forPeople(people.keySet()).forEach(w -> check(w, people.get(w.personId())));
            }
        } catch (RuntimeException e) {
            log.warn("LTI: grades of {} learners could not be checked now; the sweep will: {}", agentKeys.size(), e.toString());
        }
    }

    /** Queues a score for every pass of the watch's target that is not queued yet. */
    void check(GradeWatchStore.GradeWatch watch, Person person) {
        List<String> modules = watch.target().moduleIds(catalogue);
        List<TrainingEvent> passes = compliance.eventsOf(person).stream()
                .filter(e -> e.type() == EventType.PASSED && modules.contains(e.moduleId())
                        && !e.timestamp().isBefore(watch.since()))
                .toList();
        Map<String, Double> latest = new HashMap<>();
        for (TrainingEvent pass : passes) {
            latest.put(pass.moduleId(), pass.scaled() == null ? 1.0 : pass.scaled());
            if (latest.size() == modules.size()) {
                double average = latest.values().stream().mapToDouble(Double::doubleValue).average().orElse(1.0);
                queue(watch, person, pass, average);
            }
        }
    }

    private void queue(GradeWatchStore.GradeWatch watch, Person person, TrainingEvent pass, double scaled) {
        ObjectNode score = XapiJson.MAPPER.createObjectNode();
        score.put("userId", watch.sub());
        score.put("scoreGiven", Math.round(Math.max(0, Math.min(1, scaled)) * 10000) / 100.0);
        score.put("scoreMaximum", 100);
        score.put("activityProgress", "Completed");
        score.put("gradingProgress", "FullyGraded");
        score.put("timestamp", pass.timestamp().toString());
        score.put("comment", "Passed " + catalogue.module(pass.moduleId()).map(m -> m.title()).orElse(pass.moduleId())
                + (pass.moduleVersion() == null ? "" : " (version " + pass.moduleVersion() + ")"));
        if (outbox.enqueue(watch.platformId(), watch.lineItem(), watch.sub(), pass.statementId(), person.id(),
                XapiJson.write(score), clock.instant())) {
            log.info("LTI: score {} for {} queued for {}", score.get("scoreGiven"), watch.sub(), watch.lineItem());
        }
    }
}
