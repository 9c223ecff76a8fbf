package org.hipaatraining.lrs.compliance.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies every statement to the compliance records, in stored order, from a checkpoint in the database: statements
 * another instance stored, ones whose immediate update failed, and all existing statements the first time the
 * records are built. It re-reads a margin before the checkpoint, because concurrent writers can commit statements
 * whose stored time is slightly earlier than one already read; re-applying is harmless.
 */
@Component
public class RecordsCatchUp {

    private static final Logger log = LoggerFactory.getLogger(RecordsCatchUp.class);
    private static final int PAGE = 1000;

    private final StatementFeed feed;
    private final TrainingEventProjector projector;
    private final CatchUpCheckpoint checkpoint;
    private final Duration margin;

    RecordsCatchUp(StatementFeed feed, TrainingEventProjector projector, CatchUpCheckpoint checkpoint,
                   @Value("${lrs.compliance.catch-up-margin:5s}") Duration margin) {
        this.feed = feed;
        this.projector = projector;
        this.checkpoint = checkpoint;
        this.margin = margin;
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

    /** Catches up to the newest statement; returns how many statements it read. */
    public synchronized long run() {
        CatchUpCheckpoint.Position position = checkpoint.read();
        CatchUpCheckpoint.Position start = position.stored().equals(Instant.EPOCH) ? position
                : new CatchUpCheckpoint.Position(position.stored().minus(margin), null);
        return runFrom(start);
    }

    long runFrom(CatchUpCheckpoint.Position start) {
        long read = 0;
        CatchUpCheckpoint.Position position = start;
        while (true) {
            List<StatementFeed.Stored> page = feed.page(position.stored(), position.statementId(), PAGE);
            if (page.isEmpty()) {
                break;
            }
            projector.apply(page);
            StatementFeed.Stored last = page.get(page.size() - 1);
            position = new CatchUpCheckpoint.Position(last.stored(), last.id());
            read += page.size();
            if (page.size() < PAGE) {
                break;
            }
        }
        if (!position.equals(start)) {
            checkpoint.write(position);
        }
        return read;
    }
}
