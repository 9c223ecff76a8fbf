package org.hipaatraining.lrs.compliance.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
import org.hipaatraining.lrs.compliance.PracticeProfileSource;
import org.hipaatraining.lrs.compliance.SentNotice;
import org.hipaatraining.lrs.compliance.SentNotices;
import org.hipaatraining.lrs.compliance.events.EventType;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.events.TrainingEventStore;
import org.hipaatraining.lrs.compliance.remediation.RemedialAction;
import org.hipaatraining.lrs.compliance.remediation.RemedialActions;
import org.hipaatraining.lrs.compliance.requirements.ModuleReleases;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.hipaatraining.lrs.compliance.triggers.TriggerEvent;
import org.hipaatraining.lrs.compliance.triggers.TriggerEvents;
import org.hipaatraining.lrs.policies.PracticePolicies;
import org.hipaatraining.lrs.policies.PolicyVersion;
import org.hipaatraining.lrs.system.ServerSettings;
import org.springframework.beans.factory.annotation.Value;
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
    private final SentNotices notices;
    private final TriggerEvents triggers;
    private final ModuleReleases releases;
    private final PracticePolicies policies;
    private final Catalogue catalogue;
    private final PracticeProfileSource practice;
    private final PdfRenderer renderer;
    private final ServerSettings server;
    private final Clock clock;
    private final int maxPeopleInOnePdf;
    private final int partSize;
    private final int partRows;

    AuditPackages(ComplianceService compliance, RosterService roster, TrainingEventStore events, RemedialActions remedial,
                  ModuleReleases releases, PracticePolicies policies, Catalogue catalogue, PracticeProfileSource practice, PdfRenderer renderer, ServerSettings server,
                  Clock clock, @Value("${lrs.reports.audit-pdf-max-people:250}") int maxPeopleInOnePdf,
                  @Value("${lrs.reports.audit-part-size:250}") int partSize,
                  @Value("${lrs.reports.audit-part-rows:2000}") int partRows,
                  SentNotices notices, TriggerEvents triggers) {
        this.partRows = Math.max(1, partRows);
        this.triggers = triggers;
        this.notices = notices;
        this.maxPeopleInOnePdf = maxPeopleInOnePdf;
        this.partSize = Math.max(1, partSize);
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
     * A package small enough to render at once: one person, or a practice or module whose roster has at most
     * {@code lrs.reports.audit-pdf-max-people}. Larger ones go through {@link AuditPackageJobs}, a part at a time.
     *
     * @param personId only this person (departed people too), or null
     * @param moduleId only this module, for everyone it concerns, or null
     */
    public AuditPackage assemble(String personId, String moduleId, ReportPeriod period, String generatedBy) {
        Module module = module(moduleId);
        LocalDate statusOn = statusOn(period);
        if (personId != null) {
            Person person = compliance.person(personId);
            AuditPackage audit = assemble(List.of(person), module, period, statusOn, generatedBy, true);
            String scope = "Person: " + person.name() + (person.employeeId() == null ? "" : " (employee ID " + person.employeeId() + ")");
            return audit.withScope(scope, 0);
        }
        List<Person> everyone = roster.all();
        if (everyone.size() > maxPeopleInOnePdf) {
            throw new TooLarge("the roster has " + everyone.size() + " people: a whole-practice or module package of more than "
                    + maxPeopleInOnePdf + " people is built in parts as a background job (POST /api/reports/audit-packages, "
                    + "or the Audit packages page)");
        }
        AuditPackage audit = assemble(everyone, module, period, statusOn, generatedBy, false);
        int rows = audit.people().stream().mapToInt(AuditPackages::rows).sum();
        if (rows > partRows) {
            throw new TooLarge("the package would hold " + rows + " lines of records (more than " + partRows
                    + ", lrs.reports.audit-part-rows): it is built in parts as a background job (POST /api/reports/audit-packages, "
                    + "or the Audit packages page)");
        }
        return audit.withScope(scope(module), unmatchedRecords(module, period));
    }

    /** The lines a person takes in a PDF: their heading, each status, result, remedial action and notice. */
    static int rows(AuditPackage.PersonRecord person) {
        return 1 + person.statuses().size() + person.results().size() + person.remedialActions().size() + person.notices().size();
    }

    /**
     * The people of an assembled package in groups of at most {@code lrs.reports.audit-part-rows} lines (a person with
     * more is a group alone): what one PDF renders within the heap, whatever the length of people's histories.
     */
    List<List<Person>> pieces(AuditPackage assembled) {
        return pieces(assembled.people(), partRows);
    }

    static List<List<Person>> pieces(List<AuditPackage.PersonRecord> people, int partRows) {
        List<List<Person>> pieces = new ArrayList<>();
        List<Person> piece = new ArrayList<>();
        int rows = 0;
        for (AuditPackage.PersonRecord person : people) {
            int own = rows(person);
            if (!piece.isEmpty() && rows + own > partRows) {
                pieces.add(piece);
                piece = new ArrayList<>();
                rows = 0;
            }
            piece.add(person.person());
            rows += own;
        }
        if (!piece.isEmpty()) {
            pieces.add(piece);
        }
        return pieces;
    }

    /**
     * The package for some of the roster: those current on the status day, and anyone else with records in the
     * period (departed since, say), in the order given. The scope's wording and unmatched records are the caller's.
     *
     * @param everyoneGiven list every person given (a one-person package lists a departed person without records too)
     */
    AuditPackage assemble(List<Person> chunk, Module module, ReportPeriod period, LocalDate statusOn, String generatedBy,
                          boolean everyoneGiven) {
        String moduleId = module == null ? null : module.id();
        Map<Person, List<ModuleStatus>> statuses = compliance.statusesOf(chunk, statusOn);
        Map<String, Person> byIdentity = ReportFormat.byIdentity(chunk);
        Map<String, List<TrainingEvent>> eventsByPerson = new HashMap<>();
        List<String> identities = chunk.stream().flatMap(p -> p.identifiers().stream()).toList();
        for (TrainingEvent event : identities.isEmpty() ? List.<TrainingEvent>of() : events.forAgents(identities)) {
            Person person = byIdentity.get(event.agentKey());
            if (person != null && period.contains(event.timestamp()) && (module == null || event.moduleId().equals(moduleId))) {
                eventsByPerson.computeIfAbsent(person.id(), id -> new ArrayList<>()).add(event);
            }
        }
        eventsByPerson.values().forEach(list -> list.sort(Comparator.comparing(TrainingEvent::timestamp)));

        Set<String> ids = new HashSet<>();
        chunk.forEach(p -> ids.add(p.id()));
        Map<String, List<RemedialAction>> actions = new HashMap<>();
        List<RemedialAction> inPeriodActions = chunk.size() == 1 ? remedial.forPerson(chunk.get(0).id()).stream()
                .filter(a -> period.contains(a.date())).toList() : remedial.between(period.from(), period.to());
        inPeriodActions.stream().filter(a -> ids.contains(a.personId()) && (module == null || moduleId.equals(a.moduleId())))
                .forEach(a -> actions.computeIfAbsent(a.personId(), id -> new ArrayList<>()).add(a));

        Map<String, List<SentNotice>> noticesByPerson = new HashMap<>();
        // notices about a requirement (digests and summaries are about no one person's training)
        notices.about(ids).stream().filter(n -> period.contains(n.createdAt()) && n.requirement() != null
                        && (module == null || moduleId.equals(n.requirement())))
                .forEach(n -> noticesByPerson.computeIfAbsent(n.personId(), id -> new ArrayList<>()).add(n));

        List<AuditPackage.PersonRecord> people = new ArrayList<>();
        Set<String> modulesCovered = new LinkedHashSet<>();
        int results = 0;
        for (Person person : chunk) {
            List<TrainingEvent> ownEvents = eventsByPerson.getOrDefault(person.id(), List.of());
            boolean current = person.statusOn(statusOn) != Person.Status.DEPARTED;
            if (!everyoneGiven && !current && ownEvents.isEmpty()) {
                continue;
            }
            List<ModuleStatus> own = current || everyoneGiven ? statuses.getOrDefault(person, List.of()) : List.of();
            if (module != null) {
                own = own.stream().filter(s -> s.moduleId().equals(moduleId) || s.requirement().equals(moduleId)).toList();
                if (!everyoneGiven && own.isEmpty() && ownEvents.isEmpty()) {
                    continue;
                }
            }
            List<AuditPackage.ResultLine> lines = resultLines(ownEvents, this::title, this::check);
            results += lines.size();
            own.forEach(s -> modulesCovered.add(s.moduleId()));
            ownEvents.forEach(e -> modulesCovered.add(e.moduleId()));
            people.add(new AuditPackage.PersonRecord(person, person.statusOn(statusOn), roleLines(person), own, lines,
                    actions.getOrDefault(person.id(), List.of()), ownEvents.size() - lines.size(),
                    noticesByPerson.getOrDefault(person.id(), List.of())));
        }
        if (module != null) {
            modulesCovered.add(moduleId);
        }
        int remedialCount = people.stream().mapToInt(p -> p.remedialActions().size()).sum();
        return new AuditPackage(practice.current(), "", period, statusOn, clock.instant(), generatedBy, people,
                histories(modulesCovered), policiesAcknowledged(people), results, remedialCount, 0,
                triggerEvents(people, moduleId, period));
    }

    /**
     * The trigger events of the period (for a module's package, those assigning it), with who among these people has
     * passed each micro-lesson and who it is still open for.
     */
    private List<AuditPackage.TriggerEventLine> triggerEvents(List<AuditPackage.PersonRecord> people, String moduleId,
                                                              ReportPeriod period) {
        List<AuditPackage.TriggerEventLine> lines = new ArrayList<>();
        for (TriggerEvent event : triggers.all()) {
            if (!period.contains(event.date()) || (moduleId != null && !event.requiredModules().contains(moduleId))) {
                continue;
            }
            List<AuditPackage.LessonCompletion> completed = new ArrayList<>();
            List<String> notYet = new ArrayList<>();
            if (event.microLesson() != null) {
                for (AuditPackage.PersonRecord p : people) {
                    p.statuses().stream().filter(s -> s.requirement().equals(event.microLessonModuleId())).findFirst()
                            .ifPresent(s -> {
                                if (s.state() == ComplianceState.COMPLIANT) {
                                    completed.add(new AuditPackage.LessonCompletion(p.person().name(), s.completedOn(),
                                            s.scaled(), s.completionStatementId()));
                                } else {
                                    notYet.add(p.person().name() + " (" + s.state().label().toLowerCase(java.util.Locale.ROOT) + ")");
                                }
                            });
                }
            }
            lines.add(new AuditPackage.TriggerEventLine(event, concerns(event),
                    event.modules().stream().map(this::title).toList(), completed, notYet));
        }
        return lines;
    }

    private String concerns(TriggerEvent e) {
        List<String> parts = new ArrayList<>();
        if (e.everyone()) {
            parts.add("Everyone");
        }
        e.roles().forEach(r -> parts.add(catalogue.role(r).map(Role::title).orElse(r)));
        if (!e.personIds().isEmpty()) {
            parts.add(e.personIds().size() == 1 ? "1 named person" : e.personIds().size() + " named people");
        }
        return String.join(", ", parts);
    }

    private PracticePolicies.Check check(TrainingEvent ack) {
        return policies.verify(ack.policyId(), ack.policyVersion(), ack.policySections(), ack.policySha256());
    }

    /** Each policy version acknowledged by the people listed, per set of sections shown, in order of first acknowledgement. */
    private List<AuditPackage.PolicyAcknowledged> policiesAcknowledged(List<AuditPackage.PersonRecord> people) {
        record Key(String policyId, String version, List<String> sections) {
        }
        Map<Key, List<AuditPackage.ResultLine>> byVersion = new LinkedHashMap<>();
        people.stream().flatMap(p -> p.results().stream()).filter(r -> r.policyCheck() != null)
                .sorted(Comparator.comparing(r -> r.event().timestamp()))
                .forEach(r -> byVersion.computeIfAbsent(new Key(r.event().policyId(), r.event().policyVersion(),
                        r.event().policySections() == null ? List.of() : r.event().policySections()),
                        k -> new ArrayList<>()).add(r));
        List<AuditPackage.PolicyAcknowledged> lines = new ArrayList<>();
        byVersion.forEach((key, acks) -> {
            java.util.Optional<PolicyVersion> version = key.version() == null ? java.util.Optional.empty()
                    : policies.version(key.policyId(), key.version());
            lines.add(new AuditPackage.PolicyAcknowledged(key.policyId(), key.version(),
                    version.map(PolicyVersion::title).orElse(key.policyId()), version.map(PolicyVersion::effectiveDate).orElse(null),
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

    /** People per PDF of a large package: a part renders in bounded memory and opens quickly. */
    int partSize() {
        return partSize;
    }

    String practiceName() {
        return practice.current().name();
    }

    Module module(String moduleId) {
        return moduleId == null ? null : catalogue.module(moduleId)
                .orElseThrow(() -> new ComplianceException("module: '" + moduleId + "' is not in the catalogue"));
    }

    LocalDate statusOn(ReportPeriod period) {
        LocalDate today = compliance.today();
        return period.to().isAfter(today) ? today : period.to();
    }

    static String scope(Module module) {
        return module == null ? "Whole practice" : "Module: " + module.title() + " (" + module.id() + ")";
    }

    /** Records in scope from xAPI identities that are nobody on the roster: counted from a cursor, not listed. */
    int unmatchedRecords(Module module, ReportPeriod period) {
        Set<String> known = new HashSet<>();
        roster.all().forEach(p -> known.addAll(p.identifiers()));
        int[] unmatched = {0};
        events.forEachBetween(period.start(), period.end(), e -> {
            if (!known.contains(e.agentKey()) && (module == null || e.moduleId().equals(module.id()))) {
                unmatched[0]++;
            }
        });
        return unmatched[0];
    }

    /** A whole-practice or module package too large to render in one request: built as a job instead. */
    public static class TooLarge extends ComplianceException {
        TooLarge(String message) {
            super(message);
        }
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
