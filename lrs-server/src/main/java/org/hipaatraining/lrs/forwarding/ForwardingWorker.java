package org.hipaatraining.lrs.forwarding;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers to every target, off the request path: each poll, the targets with something due are taken one by one
 * under a lease ({@link TargetStore#claim}), so that among several instances exactly one delivers to a target at a
 * time, and a lease left by a stopped instance runs out and is taken over. Holding the lease, an instance sends
 * batch after batch in order, moving the target's cursor only after the receiver accepted a batch: a stop at any
 * point sends that batch again, never skips it, and the ids let the receiver keep one copy.
 */
@Component
class ForwardingWorker {

    private static final Logger log = LoggerFactory.getLogger(ForwardingWorker.class);
    /** Items read per look when a batch is wanted; also the most a webhook target's selection passes over at once. */
    private static final int READ_AHEAD = 500;

    private final TargetStore targets;
    private final BatchReader reader;
    private final Sender sender;
    private final DeliveryLog deliveries;
    private final DeadLetters deadLetters;
    private final ForwardingSettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "|" + UUID.randomUUID();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "forwarding");
        t.setDaemon(true);
        return t;
    });

    ForwardingWorker(TargetStore targets, BatchReader reader, Sender sender, DeliveryLog deliveries, DeadLetters deadLetters,
                     ForwardingSettings settings, Clock clock) {
        this.targets = targets;
        this.reader = reader;
        this.sender = sender;
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.clock = clock;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffMax(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** This instance's name on the leases it takes. */
    String owner() {
        return owner;
    }

    @Scheduled(initialDelayString = "#{@forwardingSettings.pollInterval().toMillis()}",
            fixedDelayString = "#{@forwardingSettings.pollInterval().toMillis()}")
    void poll() {
        Instant now = clock.instant();
        try {
            for (TargetStore.Stored t : targets.all()) {
                DeliveryState s = t.state();
                boolean due = s.nextAttemptAt() == null || !s.nextAttemptAt().isAfter(now);
                if (t.secretsProblem() != null) {
                    if (unreadable.add(t.target().id())) {
                        log.warn("Forwarding to {} is held: {}", t.target().name(), t.secretsProblem());
                    }
                    continue; // never sent to without the credentials and signature it was given
                }
                unreadable.remove(t.target().id());
                if (!t.target().paused() && due && !s.leasedAt(now) && running.add(t.target().id())) {
                    pool.execute(() -> {
                        try {
                            deliver(t.target().id());
                        } catch (RuntimeException e) {
                            log.warn("Forwarding to target {} stopped for now: {}", t.target().id(), e.toString());
                        } finally {
                            running.remove(t.target().id());
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            log.warn("Forwarding: targets not read now, will retry: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** One round for one target: batches in order until it has everything, a try fails, or the round's time is up. */
    void deliver(String targetId) {
        String token = UUID.randomUUID().toString();
        Instant start = clock.instant();
        Optional<TargetStore.Stored> claimed = targets.claim(targetId, token, owner, start, start.plus(settings.lease()));
        if (claimed.isEmpty()) {
            return; // another instance has it, or it was paused meanwhile
        }
        if (claimed.get().secretsProblem() != null) {
            targets.release(targetId, token);
            return;
        }
        Target target = claimed.get().target();
        DeliveryState state = claimed.get().state();
        Position cursor = state.cursor();
        int failures = state.failures();
        Instant failingSince = state.failingSince();
        try {
            while (Duration.between(start, clock.instant()).compareTo(settings.roundTime()) < 0) {
                // a retried batch goes one item at a time, so that one item a receiver refuses holds back no other
                int limit = target.kind() == TargetKind.WEBHOOK ? READ_AHEAD : failures > 0 ? 1 : settings.batchSize();
                Optional<Batch> next = reader.next(target, cursor, limit);
                if (next.isEmpty()) {
                    return; // caught up
                }
                Batch batch = next.get();
                if (batch.nothingToSend()) {
                    if (!targets.passed(targetId, token, batch.end())) {
                        return;
                    }
                    cursor = batch.end();
                    continue;
                }
                // the lease must outlast the request: if it cannot be renewed, another instance has the target
                Instant now = clock.instant();
                if (!targets.renew(targetId, token, now.plus(settings.lease()))) {
                    return;
                }
                Sender.Outcome outcome = sender.send(TargetRequests.request(target, batch.body(), idempotencyKey(batch),
                        now.getEpochSecond(), settings.requestTimeout()));
                if (Thread.currentThread().isInterrupted()) {
                    return; // stopping: the batch is neither delivered nor failed; whoever holds the target next sends it
                }
                Instant done = clock.instant();
                deliveries.record(new DeliveryLog.Delivery(targetId, done, "batch", batch.ids().size(), batch.ids().get(0),
                        batch.ids().get(batch.ids().size() - 1), outcome.status(), outcome.error(), outcome.millis()));
                if (outcome.succeeded()) {
                    if (!targets.delivered(targetId, token, batch.end(), batch.ids().size(), done)) {
                        return;
                    }
                    cursor = batch.end();
                    failures = 0;
                    failingSince = null;
                    continue;
                }
                failures++;
                failingSince = failingSince == null ? done : failingSince;
                boolean refusedOne = outcome.refused() && batch.ids().size() == 1;
                boolean tooOld = Duration.between(failingSince, done).compareTo(settings.deadLetterAfter()) >= 0;
                if (refusedOne || tooOld) {
                    deadLetters.add(new DeadLetters.DeadLetter(targetId, done, batch.oldest(), batch.ids(), outcome.error()));
                    targets.failed(targetId, token, outcome.error(), done, failures, failingSince, done);
                    if (!targets.deadLettered(targetId, token, batch.end(), batch.ids().size())) {
                        return;
                    }
                    log.warn("Forwarding to {}: {} items set aside as dead letters ({})", target.name(), batch.ids().size(),
                            outcome.error());
                    cursor = batch.end();
                    failures = 0;
                    failingSince = null;
                    continue;
                }
                Instant nextTry = done.plus(backoff.after(failures, outcome.retryAfter()));
                targets.failed(targetId, token, outcome.error(), done, failures, failingSince, nextTry);
                return;
            }
        } finally {
            targets.release(targetId, token);
            deliveries.prune(targetId, settings.deliveriesKept());
        }
    }

    /** The same batch has the same key at every try, on every instance. */
    private static String idempotencyKey(Batch batch) {
        return UUID.nameUUIDFromBytes((batch.ids().get(0) + "|" + batch.ids().get(batch.ids().size() - 1) + "|"
                + batch.ids().size()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
