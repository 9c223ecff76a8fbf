package org.hipaatraining.lrs.forwarding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.hipaatraining.lrs.xapi.statements.StoredStatements;
import org.springframework.stereotype.Component;

/**
 * Reads a target's next batch after its cursor: statements through the xAPI feature's read side, in stored order,
 * or compliance events from their log. Only what has settled is read (see {@link StoredStatements#settledThrough()}),
 * so a statement stored a moment earlier on another instance is never passed over by the cursor.
 */
@Component
class BatchReader {

    private final StoredStatements statements;
    private final ComplianceEventLog events;
    private final ForwardingSettings settings;
    private final Clock clock;

    BatchReader(StoredStatements statements, ComplianceEventLog events, ForwardingSettings settings, Clock clock) {
        this.statements = statements;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** The next batch of at most {@code limit} items, or empty when the target has everything settled so far. */
    Optional<Batch> next(Target target, Position after, int limit) {
        return target.kind().forwardsStatements() ? nextStatements(target, after, limit) : nextEvent(target, after, limit);
    }

    /** The oldest item not yet delivered (its stored time), whether or not the selection wants it; null if none. */
    Instant oldestAfter(Target target, Position after) {
        if (target.kind().forwardsStatements()) {
            List<StoredStatement> first = statements.page(after.at(), after.id(), 1);
            return first.isEmpty() ? null : first.get(0).stored();
        }
        List<ComplianceEvent> first = events.after(after, 1);
        return first.isEmpty() ? null : first.get(0).at();
    }

    private Optional<Batch> nextStatements(Target target, Position after, int limit) {
        Instant until = statements.settledThrough().minus(settings.settle());
        List<StoredStatement> page = new ArrayList<>(statements.page(after.at(), after.id(), limit));
        page.removeIf(s -> !s.stored().isBefore(until)); // stored order: only a tail is removed
        if (page.isEmpty()) {
            return Optional.empty();
        }
        Map<String, StoredStatement> voided = voidedBy(page);
        List<StoredStatement> selected = new ArrayList<>(page.size());
        for (StoredStatement s : page) {
            if (target.selection().matches(s, s.voidTarget() == null ? null : voided.get(s.voidTarget()))) {
                selected.add(s);
            }
        }
        StoredStatement last = page.get(page.size() - 1);
        Position end = new Position(last.stored(), last.id());
        if (selected.isEmpty()) {
            return Optional.of(new Batch(List.of(), null, end, null));
        }
        TargetRequests.Body body = target.kind() == TargetKind.XAPI_LRS
                ? TargetRequests.forLrs(selected, statements.attachmentsOf(selected).values())
                : TargetRequests.forNdjson(selected);
        return Optional.of(new Batch(selected.stream().map(StoredStatement::id).toList(), selected.get(0).stored(), end, body));
    }

    /** The statements that the voiding statements of a page void, for the selection to judge them by. */
    private Map<String, StoredStatement> voidedBy(List<StoredStatement> page) {
        Set<String> targets = new HashSet<>();
        page.forEach(s -> {
            if (s.voidTarget() != null) {
                targets.add(s.voidTarget());
            }
        });
        Map<String, StoredStatement> found = new HashMap<>();
        if (!targets.isEmpty()) {
            statements.byIds(targets).forEach(s -> found.put(s.id(), s));
        }
        return found;
    }

    /** Webhooks get one event per request: the next one the target wants, or past events it does not want. */
    private Optional<Batch> nextEvent(Target target, Position after, int limit) {
        Instant until = clock.instant().minus(settings.settle());
        List<ComplianceEvent> page = new ArrayList<>(events.after(after, limit));
        page.removeIf(e -> !e.at().isBefore(until));
        if (page.isEmpty()) {
            return Optional.empty();
        }
        for (ComplianceEvent e : page) {
            if (target.wants(e.type())) {
                return Optional.of(new Batch(List.of(e.id()), e.at(), new Position(e.at(), e.id()),
                        TargetRequests.forWebhook(e)));
            }
        }
        ComplianceEvent last = page.get(page.size() - 1);
        return Optional.of(new Batch(List.of(), null, new Position(last.at(), last.id()), null));
    }
}
