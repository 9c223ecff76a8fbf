package org.hipaatraining.lrs.compliance.requirements;

import org.hipaatraining.lrs.compliance.ComplianceInputsChanged;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.ChangeLogEntry;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.hipaatraining.lrs.policies.PolicyPublished;
import org.hipaatraining.lrs.policies.PolicyVersion;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Every module version in effect over time: the catalogue's changelog plus the releases a practice publishes. Releases
 * are records of what staff were taught when, so they are never edited or deleted.
 */
@Service
public class ModuleReleases implements DeclaresIndexes {

    static final String RELEASES = "module_releases";
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)");

    private final Catalogue catalogue;
    private final MongoTemplate mongo;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher changes;

    ModuleReleases(Catalogue catalogue, MongoTemplate mongo, Clock clock, org.springframework.context.ApplicationEventPublisher changes) {
        this.changes = changes;
        this.catalogue = catalogue;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(RELEASES, new Document("moduleId", 1).append("date", 1)));
    }

    /** A module's releases, oldest first. */
    public List<ModuleRelease> of(String moduleId) {
        Module module = catalogue.module(moduleId)
                .orElseThrow(() -> new ComplianceException("module: '" + moduleId + "' is not in the catalogue"));
        List<ModuleRelease> releases = new ArrayList<>();
        for (ChangeLogEntry entry : module.changelog()) {
            releases.add(new ModuleRelease(moduleId, entry.version(), entry.date(), entry.material(), entry.summary(),
                    ModuleRelease.CATALOGUE, null, null));
        }
        releases.addAll(mongo.find(Query.query(Criteria.where("moduleId").is(moduleId)), ModuleRelease.class, RELEASES));
        releases.sort(Comparator.comparing(ModuleRelease::date).thenComparing(r -> versionKey(r.version())));
        return releases;
    }

    /**
     * Every module's releases, oldest first, in one read of the practice's releases (a handful per module): what a
     * status computation for some people needs, instead of one read per module and person.
     */
    public java.util.Map<String, List<ModuleRelease>> all() {
        java.util.Map<String, List<ModuleRelease>> byModule = new java.util.HashMap<>();
        for (Module module : catalogue.modules()) {
            List<ModuleRelease> releases = new ArrayList<>();
            for (ChangeLogEntry entry : module.changelog()) {
                releases.add(new ModuleRelease(module.id(), entry.version(), entry.date(), entry.material(), entry.summary(),
                        ModuleRelease.CATALOGUE, null, null));
            }
            byModule.put(module.id(), releases);
        }
        for (ModuleRelease release : mongo.find(new Query(), ModuleRelease.class, RELEASES)) {
            List<ModuleRelease> releases = byModule.get(release.moduleId());
            if (releases != null) {
                releases.add(release);
            }
        }
        byModule.values().forEach(list -> list.sort(Comparator.comparing(ModuleRelease::date).thenComparing(r -> versionKey(r.version()))));
        return byModule;
    }

    /**
     * The newest material change in effect on a day: completions before it no longer count. A module's first release
     * changes nothing, so it never is one (training before it, e.g. an LMS course mapped to the module, still counts).
     */
    public Optional<ModuleRelease> latestMaterial(String moduleId, LocalDate day) {
        List<ModuleRelease> releases = of(moduleId);
        return releases.stream().skip(1).filter(r -> r.material() && !r.date().isAfter(day)).reduce((a, b) -> b);
    }

    public ModuleRelease publish(String moduleId, String version, LocalDate date, boolean material, String summary,
                                 String admin) {
        List<ModuleRelease> existing = of(moduleId);
        if (version == null || !SEMVER.matcher(version).matches()) {
            throw new ComplianceException("version: '" + version + "' must be a semantic version such as 1.1.0");
        }
        if (existing.stream().anyMatch(r -> r.version().equals(version))) {
            throw new ComplianceException("version: " + moduleId + " " + version + " is already published");
        }
        String newest = existing.stream().map(ModuleRelease::version).max(Comparator.comparing(ModuleReleases::versionKey))
                .orElse("0.0.0");
        if (versionKey(version).compareTo(versionKey(newest)) <= 0) {
            throw new ComplianceException("version: must be newer than " + newest);
        }
        if (summary == null || summary.isBlank()) {
            throw new ComplianceException("summary: say what changed; auditors read it");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate effective = date == null ? today : date;
        if (effective.isBefore(today.minusDays(1))) {
            throw new ComplianceException("date: a release cannot take effect in the past (" + effective + ")");
        }
        ModuleRelease release = new ModuleRelease(moduleId, version, effective, material, summary.trim(),
                ModuleRelease.PRACTICE, admin, clock.instant());
        mongo.insert(release, RELEASES);
        changes.publishEvent(ComplianceInputsChanged.forEveryone());
        return release;
    }

    /**
     * A new version of a policy is a material change for the modules whose acknowledgement cites it: each gets a
     * practice release (the next major version, docs/content-format.md) in effect from today, so everyone who
     * completed it before, and so acknowledged an older text, is due again within the retraining window.
     */
    @EventListener
    void onPolicyPublished(PolicyPublished published) {
        PolicyVersion policy = published.version();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (String moduleId : published.moduleIds()) {
            String newest = of(moduleId).stream().map(ModuleRelease::version)
                    .max(Comparator.comparing(ModuleReleases::versionKey)).orElse("0.0.0");
            String version = (Integer.parseInt(newest.split("\\.")[0]) + 1) + ".0.0";
            mongo.insert(new ModuleRelease(moduleId, version, today, true, "New version of the policy the module's"
                    + " acknowledgement cites: " + policy.title() + " (" + policy.policyId() + ") version "
                    + policy.version() + ", effective " + policy.effectiveDate() + ".", ModuleRelease.PRACTICE,
                    published.publishedBy(), clock.instant()), RELEASES);
        }
        if (!published.moduleIds().isEmpty()) {
            changes.publishEvent(ComplianceInputsChanged.forEveryone());
        }
    }

    /** Orders versions numerically (1.10.0 after 1.9.0). */
    public static String versionKey(String version) {
        if (version == null || !SEMVER.matcher(version).matches()) {
            return "";
        }
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format("%06d", Integer.parseInt(part)));
        }
        return key.toString();
    }
}
