package org.hipaatraining.lrs.compliance.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.xapi.statements.StatementsStored;
import org.hipaatraining.lrs.xapi.statements.StatementsStoring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@code training_events} in step with the statements: new statements become events as soon as they are
 * stored, a voiding statement removes its target's event, a voided statement never has one. Idempotent, so the
 * catch-up, several server instances and a rebuild can all apply the same statements safely.
 */
@Component
public class TrainingEventProjector {

    private static final Logger log = LoggerFactory.getLogger(TrainingEventProjector.class);
    private static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private final Catalogue catalogue;
    private final MappingRules rules;
    private final ActivityMappings mappings;
    private final TrainingEventStore events;
    private final RecordsOutbox outbox;

    TrainingEventProjector(Catalogue catalogue, ActivityMappings mappings, TrainingEventStore events, RecordsOutbox outbox) {
        this.catalogue = catalogue;
        this.rules = MappingRules.loadDefault();
        this.mappings = mappings;
        this.events = events;
        this.outbox = outbox;
    }

    public MappingRules rules() {
        return rules;
    }

    /** A batch about to be stored: recorded first, so that it is applied even if this instance stops right after. */
    @EventListener
    void onStoring(StatementsStoring storing) {
        outbox.open(storing.batchId(), storing.statementIds(), storing.stored());
    }

    /**
     * Statements just stored by this instance. A failure here loses nothing: the batch stays in the outbox and the
     * catch-up applies it.
     */
    @EventListener
    void onStored(StatementsStored stored) {
        try {
            apply(stored.statements().stream().map(StatementFeed.Stored::of).toList(), mappings.recent());
            outbox.close(stored.batchId());
        } catch (RuntimeException e) {
            log.warn("Compliance records will catch up on {} statements later: {}", stored.statements().size(), e.toString());
        }
    }

    /** Applies statements in stored order, with the mappings as they are now in the database. */
    public void apply(List<StatementFeed.Stored> statements) {
        apply(statements, mappings.fresh());
    }

    /** Applies statements again from scratch, e.g. after the mapping of their activity changed. */
    public void reapply(List<StatementFeed.Stored> statements) {
        events.deleteAll(statements.stream().map(StatementFeed.Stored::id).toList());
        apply(statements);
    }

    private void apply(List<StatementFeed.Stored> statements, Map<String, ActivityMapping> mapped) {
        StatementMapper mapper = new StatementMapper(catalogue, rules, iri -> Optional.ofNullable(mapped.get(iri)));
        List<TrainingEvent> toSave = new ArrayList<>();
        Set<String> toDelete = new HashSet<>();
        for (StatementFeed.Stored stored : statements) {
            if (VOIDED.equals(stored.verb())) {
                toDelete.add(stored.statement().path("object").path("id").asString());
            } else if (stored.voided()) {
                toDelete.add(stored.id());
            } else if (stored.activity() != null && stored.relatedActivities().stream()
                    .anyMatch(iri -> mapped.containsKey(iri) || catalogue.moduleContaining(iri).isPresent())) {
                // only statements about (or, as cmi5's grouping, in the context of) the catalogue or a mapped activity
                // can match a rule: parse just those
                mapper.map(stored.statement()).ifPresent(toSave::add);
            }
        }
        toSave.removeIf(e -> toDelete.contains(e.statementId()));
        events.saveAll(toSave);
        events.deleteAll(toDelete);
    }
}
