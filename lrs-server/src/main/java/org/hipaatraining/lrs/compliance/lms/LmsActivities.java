package org.hipaatraining.lrs.compliance.lms;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.events.ActivityMapping;
import org.hipaatraining.lrs.compliance.events.ActivityMappingStore;
import org.hipaatraining.lrs.xapi.statements.StoredStatements;
import org.hipaatraining.lrs.compliance.events.TrainingEventProjector;
import org.hipaatraining.lrs.xapi.activities.ActivityNames;
import org.hipaatraining.lrs.xapimodel.Formats;
import org.springframework.stereotype.Service;

/**
 * LMS activities (a Moodle SCORM activity, as its xAPI logstore plugin names it) and the admin's mappings of them to
 * catalogue modules, so the LMS's own completions count. Mapping re-applies the activity's statements at once.
 */
@Service
public class LmsActivities {

    /** How many activity names are looked at for the list: a practice's LMS has tens to hundreds of activities. */
    static final int AT_MOST = 5_000;

    private final ActivityNames activities;
    private final ActivityMappingStore mappings;
    private final TrainingEventProjector projector;
    private final StoredStatements feed;
    private final Catalogue catalogue;
    private final Clock clock;

    LmsActivities(ActivityNames activities, ActivityMappingStore mappings, TrainingEventProjector projector,
                  StoredStatements feed, Catalogue catalogue, Clock clock) {
        this.activities = activities;
        this.mappings = mappings;
        this.projector = projector;
        this.feed = feed;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * An activity the LRS has seen that is neither the catalogue's nor mapped yet.
     *
     * @param suggestedModuleId the module its name matches, or null
     */
    public record Unmapped(String activityIri, String name, String suggestedModuleId, String suggestedModuleTitle) {
    }

    /** Activities not counted yet, those whose name matches a module first, then by name. */
    public List<Unmapped> unmapped() {
        Set<String> mapped = new HashSet<>();
        mappings.all().forEach(m -> mapped.add(m.activityIri()));
        Map<String, String> names = activities.names(AT_MOST);
        ModuleNameMatcher matcher = new ModuleNameMatcher(catalogue.modules());
        List<Unmapped> found = new ArrayList<>();
        names.forEach((iri, name) -> {
            if (isCatalogues(iri) || mapped.contains(iri)) {
                return;
            }
            Optional<Module> module = matcher.match(name);
            found.add(new Unmapped(iri, name, module.map(Module::id).orElse(null), module.map(Module::title).orElse(null)));
        });
        found.sort(Comparator.comparing((Unmapped u) -> u.suggestedModuleId() == null)
                .thenComparing(u -> u.name() == null ? "" : u.name(), String.CASE_INSENSITIVE_ORDER));
        return found;
    }

    private boolean isCatalogues(String iri) {
        return iri.startsWith(catalogue.iriBase()) || catalogue.moduleContaining(iri).isPresent();
    }

    public List<ActivityMapping> mapped() {
        return mappings.all();
    }

    public ActivityMapping map(String activityIri, String moduleId, boolean completionCounts, String name, String admin) {
        if (activityIri == null || !Formats.isIri(activityIri)) {
            throw new ComplianceException("activityIri: must be the activity id (an IRI) the LMS sends");
        }
        if (catalogue.moduleContaining(activityIri).isPresent()) {
            throw new ComplianceException("activityIri: is one of the catalogue's own activities and is counted already");
        }
        if (moduleId == null || catalogue.module(moduleId).isEmpty()) {
            throw new ComplianceException("moduleId: '" + moduleId + "' is not in the catalogue");
        }
        ActivityMapping mapping = mappings.save(new ActivityMapping(activityIri, moduleId, completionCounts, name, admin,
                clock.instant()));
        projector.reapply(feed.aboutActivity(activityIri));
        return mapping;
    }

    /** @return false when the activity was not mapped */
    public boolean unmap(String activityIri) {
        if (!mappings.delete(activityIri)) {
            return false;
        }
        projector.reapply(feed.aboutActivity(activityIri));
        return true;
    }
}
