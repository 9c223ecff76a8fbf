package org.hipaatraining.lrs.compliance.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.compliance.ComplianceInputsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.hipaatraining.lrs.xapi.statements.StatementsConsumer;
import org.hipaatraining.lrs.xapi.statements.StoredStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code training_events} in step with the statements: new statements become events as soon as they are
 * stored, a voiding statement removes its target's event, a voided statement never has one. The LRS hands it every
 * stored batch before answering, and again after a crash ({@link StatementsConsumer}); it is idempotent, so replays,
 * several server instances and a rebuild can all apply the same statements safely. A statement no rule can map
 * without failing is recorded in {@link ProjectionErrors} and skipped.
 */
@Component
@Order(0)
public class TrainingEventProjector implements StatementsConsumer {

    private static final Logger log = LoggerFactory.getLogger(TrainingEventProjector.class);
    private static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private final Catalogue catalogue;
    private final MappingRules rules;
    private final ActivityMappings mappings;
    private final TrainingEventStore events;
    private final ProjectionErrors errors;
    private final ApplicationEventPublisher changes;

    TrainingEventProjector(Catalogue catalogue, ActivityMappings mappings, TrainingEventStore events, ProjectionErrors errors,
                           ApplicationEventPublisher changes) {
        this.changes = changes;
        this.catalogue = catalogue;
        this.rules = MappingRules.loadDefault();
        this.mappings = mappings;
        this.events = events;
        this.errors = errors;
    }

    public MappingRules rules() {
        return rules;
    }

    /** A batch just stored (or replayed from the statement log). */
    @Override
    public void apply(List<StoredStatement> statements, String launchSession) {
        apply(statements, mappings.recent(), TrainingEventStore.EVENTS);
    }

    /** Applies statements in stored order, with the mappings as they are now in the database. */
    public void apply(List<StoredStatement> statements) {
        apply(statements, mappings.fresh(), TrainingEventStore.EVENTS);
    }

    /** Applies statements to another events collection: a rebuild's, before it replaces the records. */
    void applyTo(List<StoredStatement> statements, String collection) {
        apply(statements, mappings.fresh(), collection);
    }

    /** Applies statements again from scratch, e.g. after the mapping of their activity changed. */
    public void reapply(List<StoredStatement> statements) {
        List<String> ids = statements.stream().map(StoredStatement::id).toList();
        Set<String> agents = new HashSet<>(events.agentsOf(ids, TrainingEventStore.EVENTS));
        events.deleteAll(ids);
        apply(statements);
        if (!agents.isEmpty()) {
            changes.publishEvent(ComplianceInputsChanged.agents(agents));
        }
    }

    private void apply(List<StoredStatement> statements, Map<String, ActivityMapping> mapped, String collection) {
        StatementMapper mapper = new StatementMapper(catalogue, rules, iri -> Optional.ofNullable(mapped.get(iri)));
        List<TrainingEvent> toSave = new ArrayList<>();
        Set<String> toDelete = new HashSet<>();
        List<String> mappedFine = new ArrayList<>();
        for (StoredStatement stored : statements) {
            if (VOIDED.equals(stored.verb())) {
                if (stored.voidTarget() != null) {
                    toDelete.add(stored.voidTarget());
                }
            } else if (stored.voided()) {
                toDelete.add(stored.id());
            } else if (stored.activity() != null && stored.relatedActivities().stream()
                    .anyMatch(iri -> mapped.containsKey(iri) || catalogue.moduleContaining(iri).isPresent())) {
                // only statements about (or, as cmi5's grouping, in the context of) the catalogue or a mapped activity
                // can match a rule: parse just those
                try {
                    mapper.map(stored.statement()).ifPresent(toSave::add);
                    mappedFine.add(stored.id());
                } catch (RuntimeException e) {
                    log.warn("Compliance records: statement {} could not be mapped and is skipped: {}", stored.id(), e.toString());
                    errors.record(stored.id(), e);
                }
            }
        }
        toSave.removeIf(e -> toDelete.contains(e.statementId()));
        Set<String> agents = new HashSet<>();
        toSave.stream().map(TrainingEvent::agentKey).filter(java.util.Objects::nonNull).forEach(agents::add);
        agents.addAll(events.agentsOf(toDelete, collection));
        events.saveAll(toSave, collection);
        events.deleteAll(toDelete, collection);
        if (collection.equals(TrainingEventStore.EVENTS) && !agents.isEmpty()) {
            // the statuses of the people concerned are brought up to date before the batch is acknowledged
            changes.publishEvent(ComplianceInputsChanged.agents(agents));
        }
        if (!mappedFine.isEmpty() && errors.count() > 0) {
            errors.cleared(mappedFine);
        }
    }
}
