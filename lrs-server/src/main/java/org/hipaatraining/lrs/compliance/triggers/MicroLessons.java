package org.hipaatraining.lrs.compliance.triggers;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hipaatraining.content.AuthoredModules;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The trigger events' micro-lessons as modules ({@code event-{event id}}), which the catalogue resolves like its own:
 * so the statements of their players become training records, the cmi5 launcher and the package downloads build them,
 * and statuses and notices name them. A module is built from the event as stored ({@code trigger_events}), the same on
 * every server instance; events are never edited, so a module once built is kept in memory for good.
 */
@Component
public class MicroLessons implements AuthoredModules {

    private final TriggerEvents triggers;
    private final ObjectProvider<Catalogue> catalogue;
    private final Map<String, Module> built = new ConcurrentHashMap<>();

    MicroLessons(TriggerEvents triggers, ObjectProvider<Catalogue> catalogue) {
        this.triggers = triggers;
        this.catalogue = catalogue;
    }

    @Override
    public Optional<Module> module(String moduleId) {
        if (moduleId == null || !moduleId.startsWith(TriggerEvent.MICRO_LESSON_PREFIX)) {
            return Optional.empty();
        }
        Module kept = built.get(moduleId);
        if (kept != null) {
            return Optional.of(kept);
        }
        // not cached when missing: the event may be recorded on another instance a moment later
        Optional<Module> module = triggers.find(moduleId.substring(TriggerEvent.MICRO_LESSON_PREFIX.length()))
                .filter(e -> e.microLesson() != null).map(this::moduleOf);
        module.ifPresent(m -> built.put(moduleId, m));
        return module;
    }

    /** The module of an event's micro-lesson; the event must have one. */
    public Module moduleOf(TriggerEvent event) {
        return built.computeIfAbsent(event.microLessonModuleId(), id -> event.microLesson().module(
                catalogue.getObject().iriBase(), id, event.microLessonDescription(),
                LocalDate.ofInstant(event.recordedAt(), ZoneOffset.UTC)));
    }
}
