package org.hipaatraining.lrs.compliance.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hipaatraining.lrs.compliance.ComplianceInputsChanged;
import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.hipaatraining.lrs.xapi.statements.StoredStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Recreates the training events from the statements alone: the statements are the source of truth, so an admin can
 * rebuild after changing mapping rules or activity mappings, and a test can check the rebuild gives the same records.
 * The new records are built beside the old ones and replace them only when complete, so a rebuild that fails
 * midway leaves the records as they were. Statements stored while it ran are applied to the new records after the
 * switch.
 */
@Service
public class RecordsRebuild {

    private static final Logger log = LoggerFactory.getLogger(RecordsRebuild.class);
    private static final int PAGE = 1000;
    /** Statements stored this long before the rebuild began are applied again after the switch (clocks differ a little). */
    private static final Duration OVERLAP = Duration.ofSeconds(30);

    private final TrainingEventStore events;
    private final TrainingEventProjector projector;
    private final StoredStatements statements;
    private final ProjectionErrors errors;
    private final Clock clock;
    private final ApplicationEventPublisher changes;

    RecordsRebuild(TrainingEventStore events, TrainingEventProjector projector, StoredStatements statements,
                   ProjectionErrors errors, Clock clock, ApplicationEventPublisher changes) {
        this.changes = changes;
        this.events = events;
        this.projector = projector;
        this.statements = statements;
        this.errors = errors;
        this.clock = clock;
    }

    /** Returns the number of statements read. */
    public synchronized long rebuild() {
        Instant started = clock.instant();
        String building = events.startRebuild();
        errors.clearAll();
        long read = walk(Instant.EPOCH, null, page -> projector.applyTo(page, building));
        events.finishRebuild(building);
        long since = walk(started.minus(OVERLAP), null, projector::apply);
        changes.publishEvent(ComplianceInputsChanged.forEveryone());
        log.info("Compliance records rebuilt from {} statements ({} stored while it ran)", read, since);
        return read;
    }

    /** Applies every statement stored from {@code from} on, in stored order; returns how many it read. */
    long walk(Instant from, String afterId, java.util.function.Consumer<List<StoredStatement>> apply) {
        long read = 0;
        Instant position = from;
        String positionId = afterId;
        while (true) {
            List<StoredStatement> page = statements.page(position, positionId, PAGE);
            if (page.isEmpty()) {
                return read;
            }
            apply.accept(page);
            StoredStatement last = page.get(page.size() - 1);
            position = last.stored();
            positionId = last.id();
            read += page.size();
            if (page.size() < PAGE) {
                return read;
            }
        }
    }
}
