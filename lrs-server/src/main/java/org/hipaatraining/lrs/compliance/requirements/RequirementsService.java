package org.hipaatraining.lrs.compliance.requirements;

import org.hipaatraining.lrs.compliance.ComplianceInputsChanged;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.ModuleKind;
import org.hipaatraining.content.Role;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * The catalogue's role defaults with the practice's overrides on top. Overrides live in one small settings document
 * read on each use, so every server instance applies a change at once.
 */
@Service
public class RequirementsService {

    static final String SETTINGS = "compliance_settings";
    private static final String ID = "requirements";

    private final Catalogue catalogue;
    private final MongoTemplate mongo;

    private final org.springframework.context.ApplicationEventPublisher changes;
    private final ObjectProvider<PracticeOnboarding> practice;

    RequirementsService(Catalogue catalogue, MongoTemplate mongo, org.springframework.context.ApplicationEventPublisher changes,
                        ObjectProvider<PracticeOnboarding> practice) {
        this.changes = changes;
        this.practice = practice;
        this.catalogue = catalogue;
        this.mongo = mongo;
    }

    /** What a practice may change for a role; null fields keep the catalogue's default. */
    public record RoleOverride(List<String> modules, Integer onboardingDays, Integer refresherMonths, List<String> reminders,
                               Integer reminderIntervalMonths) {
    }

    public Requirements current() {
        Document settings = settings();
        Document overrides = settings.get("roles", Document.class);
        Map<String, RoleRequirement> roles = new LinkedHashMap<>();
        for (Role role : catalogue.roles()) {
            Document o = overrides == null ? null : overrides.get(role.id(), Document.class);
            roles.put(role.id(), new RoleRequirement(role.id(), role.title(),
                    o != null && o.containsKey("modules") ? o.getList("modules", String.class) : role.moduleIds(),
                    o != null && o.containsKey("onboardingDays") ? o.getInteger("onboardingDays") : role.onboardingDays(),
                    o != null && o.containsKey("refresherMonths") ? o.getInteger("refresherMonths") : role.refresherMonths(),
                    o != null && o.containsKey("reminders") ? o.getList("reminders", String.class) : role.reminders(),
                    o != null && o.containsKey("reminderIntervalMonths") ? o.getInteger("reminderIntervalMonths")
                            : role.reminderIntervalMonths(),
                    o != null && !o.isEmpty()));
        }
        PracticeOnboarding onboarding = practice.getIfAvailable();
        return new Requirements(roles, settings.getInteger("retrainingDays", Requirements.DEFAULT_RETRAINING_DAYS),
                onboarding == null ? null : onboarding.window().orElse(null));
    }

    public Requirements overrideRole(String roleId, RoleOverride override) {
        if (catalogue.role(roleId).isEmpty()) {
            throw new ComplianceException("role: '" + roleId + "' is not a role in the catalogue");
        }
        Document o = new Document();
        if (override.modules() != null) {
            checkModules("modules", override.modules(), false);
            o.append("modules", override.modules());
        }
        putPositive(o, "onboardingDays", override.onboardingDays(), 1, 3650);
        putPositive(o, "refresherMonths", override.refresherMonths(), 1, 120);
        if (override.reminders() != null) {
            checkModules("reminders", override.reminders(), true);
            o.append("reminders", override.reminders());
        }
        putPositive(o, "reminderIntervalMonths", override.reminderIntervalMonths(), 0, 24);
        Document settings = settings();
        Document roles = settings.get("roles", Document.class) == null ? new Document() : settings.get("roles", Document.class);
        roles.put(roleId, o);
        settings.put("roles", roles);
        save(settings);
        changes.publishEvent(ComplianceInputsChanged.forEveryone());
        return current();
    }

    /** Back to the catalogue's defaults for a role. */
    public Requirements resetRole(String roleId) {
        return overrideRole(roleId, new RoleOverride(null, null, null, null, null));
    }

    public Requirements setRetrainingDays(int days) {
        if (days < 1 || days > 365) {
            throw new ComplianceException("retrainingDays: must be between 1 and 365, was " + days);
        }
        Document settings = settings();
        settings.put("retrainingDays", days);
        save(settings);
        changes.publishEvent(ComplianceInputsChanged.forEveryone());
        return current();
    }

    private void checkModules(String field, List<String> ids, boolean reminders) {
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            // a role requires the content's modules, never a trigger event's micro-lesson
            var module = catalogue.module(id).filter(m -> catalogue.lists(m.id()));
            if (module.isEmpty()) {
                problems.add("'" + id + "' is not a module in the catalogue");
            } else if (reminders != (module.get().kind() == ModuleKind.REMINDER)) {
                problems.add("'" + id + "' is " + (reminders ? "not a reminder module" : "a reminder module (list it under reminders)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ComplianceException(field + ": " + String.join("; ", problems));
        }
    }

    private static void putPositive(Document o, String field, Integer value, int min, int max) {
        if (value == null) {
            return;
        }
        if (value < min || value > max) {
            throw new ComplianceException(field + ": must be between " + min + " and " + max + ", was " + value);
        }
        o.append(field, value);
    }

    private Document settings() {
        Document doc = mongo.getCollection(SETTINGS).find(Filters.eq("_id", ID)).first();
        return doc == null ? new Document("_id", ID) : doc;
    }

    private void save(Document settings) {
        mongo.getCollection(SETTINGS).replaceOne(Filters.eq("_id", ID), settings, new ReplaceOptions().upsert(true));
    }
}
