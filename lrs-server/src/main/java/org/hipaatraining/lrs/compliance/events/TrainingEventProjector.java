package org.hipaatraining.lrs.compliance.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.xapi.statements.StatementsStored;
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
    private final ActivityMappingStore mappings;
    private final TrainingEventStore events;

    TrainingEventProjector(Catalogue catalogue, ActivityMappingStore mappings, TrainingEventStore events) {
        this.catalogue = catalogue;
        this.rules = MappingRules.loadDefault();
        this.mappings = mappings;
        this.events = events;
    }

    public MappingRules rules() {
        return rules;
    }

    /** Statements just stored by this instance. A failure here loses nothing: the catch-up applies them again. */
    @EventListener
    void onStored(StatementsStored stored) {
        try {
            apply(stored.statements().stream().map(s -> new StatementFeed.Stored(s, null, false)).toList());
        } catch (RuntimeException e) {
            log.warn("Compliance records will catch up on {} statements later: {}", stored.statements().size(), e.toString());
        }
    }

    /** Applies statements in stored order. */
    public void apply(List<StatementFeed.Stored> statements) {
        StatementMapper mapper = mapperFor(statements);
        List<TrainingEvent> toSave = new ArrayList<>();
        Set<String> toDelete = new HashSet<>();
        for (StatementFeed.Stored stored : statements) {
            JsonNode statement = stored.statement();
            if (VOIDED.equals(statement.path("verb").path("id").asString())) {
                toDelete.add(statement.path("object").path("id").asString());
            } else if (stored.voided()) {
                toDelete.add(statement.path("id").asString());
            } else {
                mapper.map(statement).ifPresent(toSave::add);
            }
        }
        toSave.removeIf(e -> toDelete.contains(e.statementId()));
        events.saveAll(toSave);
        events.deleteAll(toDelete);
    }

    /** Applies statements again from scratch, e.g. after the mapping of their activity changed. */
    public void reapply(List<StatementFeed.Stored> statements) {
        events.deleteAll(statements.stream().map(s -> s.statement().path("id").asString()).toList());
        apply(statements);
    }

    /** A mapper that knows the admin's mappings for the LMS activities in this batch (one lookup per batch). */
    private StatementMapper mapperFor(List<StatementFeed.Stored> statements) {
        Set<String> unknown = new HashSet<>();
        for (StatementFeed.Stored stored : statements) {
            String iri = stored.statement().path("object").path("id").asString();
            if (!iri.isEmpty() && catalogue.moduleContaining(iri).isEmpty()) {
                unknown.add(iri);
            }
        }
        Map<String, ActivityMapping> found = mappings.findAll(unknown);
        return new StatementMapper(catalogue, rules, iri -> Optional.ofNullable(found.get(iri)));
    }
}
