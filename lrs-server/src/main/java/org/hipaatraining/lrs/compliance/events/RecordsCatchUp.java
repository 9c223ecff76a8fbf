package org.hipaatraining.lrs.compliance.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies to the compliance records the batches left in the {@link RecordsOutbox}: those whose immediate update failed
 * or whose instance stopped before making it. Each instance applies the statements it stores as it stores them, so
 * this reads only what was missed, never every statement again. It leaves alone batches younger than the margin,
 * which their instance is most likely applying right now; re-applying is harmless either way.
 * <p>
 * A database written before the outbox existed is brought up to date once, at start-up, by reading every statement
 * after the old checkpoint (or all of them, if the records were never built).
 */
@Component
public class RecordsCatchUp {

    private static final Logger log = LoggerFactory.getLogger(RecordsCatchUp.class);
    private static final int PAGE = 1000;
    private static final Duration GIVE_UP = Duration.ofMinutes(10);

    private final StatementFeed feed;
    private final RecordsOutbox outbox;
    private final TrainingEventProjector projector;
    private final CatchUpCheckpoint checkpoint;
    private final Duration margin;
    private final Clock clock;

    RecordsCatchUp(StatementFeed feed, RecordsOutbox outbox, TrainingEventProjector projector, CatchUpCheckpoint checkpoint,
                   @Value("${lrs.compliance.catch-up-margin:5s}") Duration margin, Clock clock) {
        this.feed = feed;
        this.outbox = outbox;
        this.projector = projector;
        this.checkpoint = checkpoint;
        this.margin = margin;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void upgradeOnce() {
        checkpoint.readLegacy().ifPresent(position -> {
            CatchUpCheckpoint.Position start = position.stored().equals(Instant.EPOCH) ? position
                    : new CatchUpCheckpoint.Position(position.stored().minus(margin), null);
            long read = walkFrom(start);
            checkpoint.markUpgraded();
            if (read > 0) {
                log.info("Compliance records: applied {} statements stored before the records outbox existed", read);
            }
        });
    }

    @Scheduled(initialDelayString = "${lrs.compliance.catch-up-interval:30s}",
            fixedDelayString = "${lrs.compliance.catch-up-interval:30s}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Compliance records catch-up failed, will retry: {}", e.toString());
        }
    }

    /** Applies every batch left in the outbox before the margin; returns how many statements it applied. */
    public synchronized long run() {
        Instant now = clock.instant();
        long applied = 0;
        while (true) {
            List<RecordsOutbox.Batch> batches = outbox.openedBefore(now.minus(margin), PAGE);
            boolean allClosed = true;
            for (RecordsOutbox.Batch batch : batches) {
                List<StatementFeed.Stored> stored = feed.byIds(batch.statementIds());
                projector.apply(stored);
                applied += stored.size();
                // A batch not stored whole may still be on its way; after the give-up time it never will be (its request
                // failed or was refused, and the LRS undid it).
                if (stored.size() == batch.statementIds().size() || batch.at().isBefore(now.minus(GIVE_UP))) {
                    outbox.closeNow(batch.id());
                } else {
                    allClosed = false;
                }
            }
            if (batches.size() < PAGE || !allClosed) {
                return applied;
            }
        }
    }

    /** Applies every statement stored from {@code start} on, in stored order; returns how many it read. */
    long walkFrom(CatchUpCheckpoint.Position start) {
        long read = 0;
        CatchUpCheckpoint.Position position = start;
        while (true) {
            List<StatementFeed.Stored> page = feed.page(position.stored(), position.statementId(), PAGE);
            if (page.isEmpty()) {
                return read;
            }
            projector.apply(page);
            StatementFeed.Stored last = page.get(page.size() - 1);
            position = new CatchUpCheckpoint.Position(last.stored(), last.id());
            read += page.size();
            if (page.size() < PAGE) {
                return read;
            }
        }
    }
}
