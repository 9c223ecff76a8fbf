package org.hipaatraining.lrs.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.hipaatraining.lrs.support.LrsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Forwarding's records do not grow forever: old tries go, dead letters go only once a replay resolved them, and
 * compliance events go once they are older than the replay window and every webhook target has them.
 */
class ForwardingPruneTest extends LrsIntegrationTest {

    @Autowired
    DeliveryLog deliveries;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    ComplianceEventLog events;
    @Autowired
    TargetStore targets;
    @Autowired
    ForwardingService forwarding;
    @Autowired
    ForwardingSettings settings;
    @Autowired
    MongoTemplate mongo;

    /** The running settings with a one-day retention and replay window. */
    private ForwardingPruner pruner() {
        ForwardingSettings s = settings;
        ForwardingSettings oneDay = new ForwardingSettings(s.pollInterval(), s.batchSize(), s.lease(), s.requestTimeout(),
                s.roundTime(), s.settle(), s.backoffBase(), s.backoffMax(), s.deadLetterAfter(), s.deliveriesKept(),
                s.allowHttp(), s.eventsCheckInterval(), Duration.ofDays(1), Duration.ofDays(1), s.pruneInterval(),
                s.secretKey());
        return new ForwardingPruner(deliveries, deadLetters, events, targets, oneDay, Clock.systemUTC());
    }

    private long count(String collection, String field, Object value) {
        return mongo.getCollection(collection).countDocuments(new Document(field, value));
    }

    @Test
    void oldTriesGoUnresolvedDeadLettersStayAndResolvedOnesGo() {
        String id = "prune-" + UUID.randomUUID().toString().substring(0, 8);
        targets.insert(new Target(id, "Prune", TargetKind.NDJSON, URI.create("https://warehouse.example/in"), null,
                Credentials.NONE, "whsec_prune-test-secret-0123456789", StatementSelection.EVERYTHING, Set.of(), true,
                Instant.now()), Position.from(Instant.now()));
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(3));
        deliveries.record(new DeliveryLog.Delivery(id, old, "batch", 1, "a", "a", 500, "HTTP 500", 3));
        deliveries.record(new DeliveryLog.Delivery(id, now, "batch", 1, "b", "b", 200, null, 3));
        deadLetters.add(new DeadLetters.DeadLetter(id, old, old.minus(Duration.ofDays(1)), List.of("x"), "HTTP 400"));
        deadLetters.add(new DeadLetters.DeadLetter(id, old, old, List.of("y"), "HTTP 400"));

        pruner().prune();
        assertThat(deliveries.recent(id, 10)).extracting(DeliveryLog.Delivery::firstId).containsExactly("b");
        assertThat(deadLetters.recent(id, 10)).as("unresolved dead letters stay, however old").hasSize(2);

        // a replay from the second one's first item resolves it (and not the one before it)
        forwarding.replay(id, old);
        List<DeadLetters.DeadLetter> letters = deadLetters.recent(id, 10);
        assertThat(letters).filteredOn(d -> d.resolvedAt() != null).extracting(d -> d.ids().get(0)).containsExactly("y");
        pruner().prune();
        assertThat(deadLetters.recent(id, 10)).as("resolved just now: kept for the retention").hasSize(2);

        // resolved more than the retention ago: gone
        mongo.getCollection(DeadLetters.DEAD_LETTERS).updateMany(new Document("targetId", id).append("resolvedAt",
                new Document("$ne", null)), new Document("$set", new Document("resolvedAt",
                java.util.Date.from(old))));
        pruner().prune();
        assertThat(deadLetters.recent(id, 10)).extracting(d -> d.ids().get(0)).containsExactly("x");
        forwarding.delete(id);
    }

    @Test
    void eventsGoOnceOlderThanTheReplayWindowAndEveryWebhookTargetHasThem() {
        String run = UUID.randomUUID().toString();
        ComplianceEvent delivered = event(run + "-1", Instant.parse("2001-01-01T00:00:00Z"));
        ComplianceEvent waiting = event(run + "-2", Instant.parse("2002-01-01T00:00:00Z"));
        ComplianceEvent recent = event(run + "-3", Instant.now().minus(Duration.ofHours(1)));
        events.add(List.of(delivered, waiting, recent));
        String id = "prune-" + run.substring(0, 8);
        // a paused webhook target that has delivered up to mid-2001
        targets.insert(new Target(id, "Hook", TargetKind.WEBHOOK, URI.create("https://hr.example/hook"), null,
                Credentials.NONE, "whsec_prune-test-secret-0123456789", null, Set.of(), true, Instant.now()),
                Position.from(Instant.parse("2001-06-01T00:00:00Z")));
        try {
            pruner().prune();
            assertThat(count(ComplianceEventLog.EVENTS, "_id", delivered.id())).as("delivered and old: gone").isZero();
            assertThat(count(ComplianceEventLog.EVENTS, "_id", waiting.id())).as("old, but not delivered yet").isOne();

            forwarding.replay(id, Instant.now().minus(Duration.ofMinutes(1))); // the target's cursor moves past it
            pruner().prune();
            assertThat(count(ComplianceEventLog.EVENTS, "_id", waiting.id())).as("delivered now: gone").isZero();
            assertThat(count(ComplianceEventLog.EVENTS, "_id", recent.id())).as("inside the replay window").isOne();
        } finally {
            forwarding.delete(id);
        }
    }

    private static ComplianceEvent event(String id, Instant at) {
        return new ComplianceEvent(id, ComplianceEventType.PERSON_ADDED, at, "p-" + id, "prune@clinic.test", null, null,
                "COMPLIANT", null);
    }
}
