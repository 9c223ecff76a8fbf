package org.hipaatraining.lrs.compliance.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.content.Role;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.events.EventType;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.events.TrainingEventStore;
import org.hipaatraining.lrs.compliance.remediation.RemedialAction;
import org.hipaatraining.lrs.compliance.remediation.RemedialActions;
import org.hipaatraining.lrs.compliance.requirements.ModuleReleases;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.hipaatraining.lrs.policies.PracticePolicies;
import org.hipaatraining.lrs.system.ServerSettings;
import org.springframework.stereotype.Service;

/**
 * Assembles {@link AuditPackage}s for a person, a module or the whole practice, and renders them to PDF. The records
 * are read in a few queries whatever the roster's size: statuses for everyone at once, the period's events, its
 * remedial actions, and each module's releases.
 */
@Service
public class AuditPackages {

    private final ComplianceService compliance;
    private final RosterService roster;
    private final TrainingEventStore events;
    private final RemedialActions remedial;
    private final ModuleReleases releases;
    private final PracticePolicies policies;
    private final Catalogue catalogue;
    private final PracticeSettings practice;
    private final PdfRenderer renderer;
    private final ServerSettings server;
    private final Clock clock;

    AuditPackages(ComplianceService compliance, RosterService roster, TrainingEventStore events, RemedialActions remedial,
                  ModuleReleases releases, PracticePolicies policies, Catalogue catalogue, PracticeSettings practice,
                  PdfRenderer renderer, ServerSettings server, Clock clock) {
        this.policies = policies;
        this.compliance = compliance;
        this.roster = roster;
        this.events = events;
        this.remedial = remedial;
        this.releases = releases;
        this.catalogue = catalogue;
        this.practice = practice;
        this.renderer = renderer;
        this.server = server;
        this.clock = clock;
    }

    public byte[] pdf(AuditPackage audit) {
        return renderer.render("audit", Map.of("audit", audit, "xapiBase", server.base() + "/xapi"));
    }

    /**
     * @param personId only this person (departed people too), or null
     * @param moduleId only this module, for everyone it concerns, or null
     */
    public AuditPackage assemble(String personId, String moduleId, ReportPeriod period, String generatedBy) {
        Module module = moduleId == null ? null : catalogue.module(moduleId)
                .orElseThrow(() -> new ComplianceException("module: '" + moduleId + "' is not in the catalogue"));
        LocalDate today = compliance.today();
        LocalDate statusOn = period.to().isAfter(today) ? today : period.to();

        Map<Person, List<ModuleStatus>> statuses = new LinkedHashMap<>();
        Map<String, List<TrainingEvent>> eventsByPerson = new HashMap<>();
        int unmatched = 0;
        String scope;
        if (personId != null) {
            Person person = compliance.person(personId);
            statuses.put(person, compliance.statusOf(personId, statusOn));
            eventsByPerson.put(person.id(), compliance.eventsOf(person).stream()
                    .filter(e -> period.contains(e.timestamp()) && (module == null || e.moduleId().equals(moduleId))).toList());
            scope = "Person: " + person.name() + (person.employeeId() == null ? "" : " (employee ID " + person.employeeId() + ")");
        } else {
            statuses.putAll(compliance.statusOfEveryone(statusOn));
            Map<String, Person> byIdentity = ReportFormat.byIdentity(roster.all());
            List<TrainingEvent> inPeriod = module == null ? events.between(period.start(), period.end())
                    : events.forModule(moduleId, period.start(), period.end());
            for (TrainingEvent event : inPeriod) {
                Person person = byIdentity.get(event.agentKey());
                if (person == null) {
                    unmatched++;
                } else {
                    eventsByPerson.computeIfAbsent(person.id(), id -> new ArrayList<>()).add(event);
                }
            }
            scope = module == null ? "Whole practice" : "Module: " + module.title() + " (" + module.id() + ")";
        }
        if (module != null) {
            statuses.replaceAll((person, list) -> list.stream()
                    .filter(s -> s.moduleId().equals(moduleId) || s.requirement().equals(moduleId)).toList());
        }

        Map<String, List<RemedialAction>> actions = new HashMap<>();
        List<RemedialAction> inPeriodActions = personId != null ? remedial.forPerson(personId).stream()
                .filter(a -> period.contains(a.date())).toList() : remedial.between(period.from(), period.to());
        inPeriodActions.stream().filter(a -> module == null || moduleId.equals(a.moduleId()))
                .forEach(a -> actions.computeIfAbsent(a.personId(), id -> new ArrayList<>()).add(a));

        List<AuditPackage.PersonRecord> people = new ArrayList<>();
        Set<String> modulesCovered = new LinkedHashSet<>();
        int results = 0;
        for (Person person : peopleInScope(personId, statuses, eventsByPerson)) {
            List<ModuleStatus> own = statuses.getOrDefault(person, List.of());
            List<TrainingEvent> ownEvents = eventsByPerson.getOrDefault(person.id(), List.of());
            if (module != null && own.isEmpty() && ownEvents.isEmpty()) {
                continue;
            }
            List<AuditPackage.ResultLine> lines = resultLines(ownEvents, this::title, this::check);
            results += lines.size();
            own.forEach(s -> modulesCovered.add(s.moduleId()));
            ownEvents.forEach(e -> modulesCovered.add(e.moduleId()));
            people.add(new AuditPackage.PersonRecord(person, person.statusOn(statusOn), roleLines(person), own, lines,
                    actions.getOrDefault(person.id(), List.of()), ownEvents.size() - lines.size()));
        }
        if (module != null) {
            modulesCovered.add(moduleId);
        }
        int remedialCount = people.stream().mapToInt(p -> p.remedialActions().size()).sum();
        return new AuditPackage(practice.name(), scope, period, statusOn, clock.instant(), generatedBy, people,
                histories(modulesCovered), policiesAcknowledged(people), results, remedialCount, unmatched);
    }

    private PracticePolicies.Check check(TrainingEvent ack) {
        return policies.verify(ack.policyId(), ack.policyVersion(), ack.policySections(), ack.policySha256());
    }

    /** Each policy version acknowledged by the people listed, per set of sections shown, oldest version first. */
    private List<AuditPackage.PolicyAcknowledged> policiesAcknowledged(List<AuditPackage.PersonRecord> people) {
        record Key(String policyId, String version, List<String> sections) {
        }
        Map<Key, List<AuditPackage.ResultLine>> byVersion = new LinkedHashMap<>();
        people.stream().flatMap(p -> p.results().stream()).filter(r -> r.policyCheck() != null)
                .sorted(java.util.Comparator.comparing(r -> r.event().timestamp()))
                .forEach(r -> byVersion.computeIfAbsent(new Key(r.event().policyId(), r.event().policyVersion(),
                        r.event().policySections() == null ? List.of() : r.event().policySections()),
                        k -> new ArrayList<>()).add(r));
        List<AuditPackage.PolicyAcknowledged> lines = new ArrayList<>();
        byVersion.forEach((key, acks) -> {
            var version = key.version() == null ? java.util.Optional.<org.hipaatraining.lrs.policies.PolicyVersion>empty()
                    : policies.version(key.policyId(), key.version());
            lines.add(new AuditPackage.PolicyAcknowledged(key.policyId(), key.version(),
                    version.map(v -> v.title()).orElse(key.policyId()), version.map(v -> v.effectiveDate()).orElse(null),
                    version.map(v -> v.policy().excerpt(key.sections()).sectionIds()).orElse(key.sections()),
                    policies.expectedSha256(key.policyId(), key.version(), key.sections()).orElse(null), acks.size(),
                    count(acks, PracticePolicies.Check.MATCHES), count(acks, PracticePolicies.Check.DIFFERS),
                    count(acks, PracticePolicies.Check.NOT_REPORTED)));
        });
        return lines;
    }

    private static int count(List<AuditPackage.ResultLine> acks, PracticePolicies.Check check) {
        return (int) acks.stream().filter(a -> a.policyCheck() == check).count();
    }

    /** Current people first in roster order with anyone else who has records in the period (e.g. departed since). */
    private List<Person> peopleInScope(String personId, Map<Person, List<ModuleStatus>> statuses,
                                       Map<String, List<TrainingEvent>> eventsByPerson) {
        if (personId != null) {
            return List.copyOf(statuses.keySet());
        }
        Set<String> current = new LinkedHashSet<>();
        statuses.keySet().forEach(p -> current.add(p.id()));
        return roster.all().stream().filter(p -> current.contains(p.id()) || eventsByPerson.containsKey(p.id())).toList();
    }

    /** Everything but "started" work, numbering knowledge-check attempts since the last completion of the module. */
    static List<AuditPackage.ResultLine> resultLines(List<TrainingEvent> events, Function<String, String> titles,
                                                     Function<TrainingEvent, PracticePolicies.Check> checks) {
        Map<String, Integer> attempts = new HashMap<>();
        List<AuditPackage.ResultLine> lines = new ArrayList<>();
        for (TrainingEvent event : events) {
            if (event.type() == EventType.STARTED) {
                continue;
            }
            int attempt = 0;
            if (event.type() == EventType.PASSED || event.type() == EventType.FAILED) {
                attempt = attempts.merge(event.moduleId(), 1, Integer::sum);
            }
            if (event.satisfies()) {
                attempts.remove(event.moduleId());
            }
            lines.add(new AuditPackage.ResultLine(event, titles.apply(event.moduleId()), attempt,
                    event.type() == EventType.ACKNOWLEDGED && event.policyId() != null ? checks.apply(event) : null));
        }
        return lines;
    }

    private String title(String moduleId) {
        return catalogue.module(moduleId).map(Module::title).orElse(moduleId);
    }

    private List<AuditPackage.RoleLine> roleLines(Person person) {
        return person.roles().stream().map(r -> new AuditPackage.RoleLine(r.role(),
                catalogue.role(r.role()).map(Role::title).orElse(r.role()), r.from(), r.to())).toList();
    }

    private List<AuditPackage.ModuleHistory> histories(Set<String> moduleIds) {
        List<AuditPackage.ModuleHistory> histories = new ArrayList<>();
        for (Module module : catalogue.modules()) {
            if (moduleIds.contains(module.id())) {
                histories.add(new AuditPackage.ModuleHistory(module.id(), module.title(), module.version(),
                        releases.of(module.id())));
            }
        }
        return histories;
    }
}
