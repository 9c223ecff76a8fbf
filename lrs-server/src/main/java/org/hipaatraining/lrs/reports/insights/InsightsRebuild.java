package org.hipaatraining.lrs.reports.insights;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.hipaatraining.lrs.xapi.statements.StoredStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Recounts the insights from the stored statements: every statement in stored order through the same counting as
 * when it arrived ({@link KnowledgeCheckProjector#apply(List, InsightStore, boolean)}), into the set of counter
 * collections not in use, which one write puts in use only when complete ({@link InsightStore#finishRebuild}), so a
 * rebuild that fails or a crash at any point leaves either the old counts or the new ones. Statements stored while it
 * ran are counted again after the switch (counting is idempotent). An admin starts it (the insights page, {@code POST /api/reports/insights/rebuild}); the LRS starts it by itself, in
 * the background, when the counters' {@link KnowledgeCheckProjector#FORMAT} differs from the one recorded.
 */
@Service
public class InsightsRebuild {

    private static final Logger log = LoggerFactory.getLogger(InsightsRebuild.class);
    private static final int PAGE = 1000;
    /** How long a rebuild's claim lasts unless renewed (it is, every page of statements). */
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** Statements stored this long before the rebuild began are counted again after the switch. */
    private static final Duration OVERLAP = Duration.ofSeconds(30);

    private final InsightStore store;
    private final KnowledgeCheckProjector projector;
    private final StoredStatements statements;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    InsightsRebuild(InsightStore store, KnowledgeCheckProjector projector, StoredStatements statements, Clock clock) {
        this.store = store;
        this.projector = projector;
        this.statements = statements;
        this.clock = clock;
    }

    /**
     * Rebuilds now; returns the number of statements read.
     *
     * @throws AlreadyRunning when another instance is rebuilding
     */
    public synchronized long rebuild() {
        String owner = java.util.UUID.randomUUID().toString();
        if (!store.claimRebuild(owner, clock.instant(), LEASE)) {
            throw new AlreadyRunning();
        }
        running.set(true);
        try {
            Instant started = clock.instant();
            InsightStore building = store.startRebuild();
            long read = walk(Instant.EPOCH, batch -> projector.apply(batch, building, true), () -> {
                if (!store.claimRebuild(owner, clock.instant(), LEASE)) {
                    throw new IllegalStateException("the insights rebuild lost its claim (stopped longer than "
                            + LEASE.toSeconds() + " s); the counters in use are unchanged");
                }
            });
            store.finishRebuild(building, KnowledgeCheckProjector.FORMAT);
            long since = walk(started.minus(OVERLAP), page -> projector.apply(page, store, false), () -> { });
            log.info("Insights rebuilt from {} statements ({} stored while it ran)", read, since);
            return read;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("insights rebuild interrupted after the switch; the recount of recent statements did not run", e);
        } finally {
            running.set(false);
            store.releaseRebuild(owner);
        }
    }

    /** Another instance is rebuilding the insights: answered with 409. */
    public static class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("The insights are being recounted by another server instance; try again when it has finished.");
        }
    }

    /** Whether a rebuild is running (the page says the numbers are being recounted). */
    public boolean running() {
        return running.get();
    }

    /** At start-up: counters in an older format (or from before formats) are rebuilt in the background. */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildOnFormatChange() {
        Integer format = store.format();
        if (format != null && format == KnowledgeCheckProjector.FORMAT) {
            return;
        }
        if (statements.page(Instant.EPOCH, null, 1).isEmpty()) {
            store.setFormat(KnowledgeCheckProjector.FORMAT); // nothing to recount
            return;
        }
        log.info("Insight counters are in format {}, this version counts in format {}: rebuilding them in the background",
                format, KnowledgeCheckProjector.FORMAT);
        Thread thread = new Thread(() -> {
            try {
                rebuild();
            } catch (AlreadyRunning e) {
                log.info("Insights: another instance is recounting them");
            } catch (RuntimeException e) {
                log.warn("Insights rebuild failed; the counters stay as they were: {}", e.toString());
            }
        }, "insights-rebuild");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Applies every statement stored from {@code from} on, in stored order, one stored time at a time (a batch, as it
     * was stored: a page's last batch waits for the rest of it on the next page); returns how many it read.
     */
    private long walk(Instant from, java.util.function.Consumer<List<StoredStatement>> apply, Runnable eachPage) {
        long read = 0;
        Instant position = from;
        String positionId = null;
        List<StoredStatement> run = new ArrayList<>();
        while (true) {
            eachPage.run();
            List<StoredStatement> page = statements.page(position, positionId, PAGE);
            for (StoredStatement s : page) {
                if (!run.isEmpty() && !run.get(0).stored().equals(s.stored())) {
                    apply.accept(run);
                    run = new ArrayList<>();
                }
                run.add(s);
            }
            read += page.size();
            if (page.size() < PAGE) {
                if (!run.isEmpty()) {
                    apply.accept(run);
                }
                return read;
            }
            StoredStatement last = page.get(page.size() - 1);
            position = last.stored();
            positionId = last.id();
        }
    }
}
