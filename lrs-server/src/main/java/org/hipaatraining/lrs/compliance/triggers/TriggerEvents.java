package org.hipaatraining.lrs.compliance.triggers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.MicroLesson;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.ComplianceInputsChanged;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.Assignment;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Trigger events ({@code trigger_events}): recorded by an admin, never edited or deleted (they are evidence), read whole
 * (a practice records a handful a year) and turned into {@link Assignment}s for the status rules.
 */
@Service
public class TriggerEvents implements DeclaresIndexes {

    static final String COLLECTION = "trigger_events";

    private final MongoTemplate mongo;
    private final Catalogue catalogue;
    private final Clock clock;
    private final ApplicationEventPublisher changes;

    TriggerEvents(MongoTemplate mongo, Catalogue catalogue, Clock clock, ApplicationEventPublisher changes) {
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.clock = clock;
        this.changes = changes;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(COLLECTION, new Document("date", 1)));
    }

    /** What an admin records; {@code microLesson} is optional. */
    public record Details(LocalDate date, TriggerEvent.Kind kind, String description, Boolean everyone,
                          List<String> roles, List<String> personIds, List<String> modules, LocalDate dueDate,
                          MicroLesson microLesson) {

        public Details(LocalDate date, TriggerEvent.Kind kind, String description, Boolean everyone, List<String> roles,
                       List<String> personIds, List<String> modules, LocalDate dueDate) {
            this(date, kind, description, everyone, roles, personIds, modules, dueDate, null);
        }
    }

    public TriggerEvent record(Details d, String by) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<String> problems = new ArrayList<>();
        if (d.date() == null || d.date().isAfter(today)) {
            problems.add("date: the day it happened, today or earlier");
        }
        if (d.kind() == null) {
            problems.add("kind: one of PRIVACY_INCIDENT, NEAR_MISS, NEW_SYSTEM, AUDIT_FINDING, POLICY_CHANGE");
        }
        if (d.description() == null || d.description().isBlank() || d.description().length() > 500) {
            problems.add("description: what happened in up to 500 characters, without patient details");
        }
        boolean everyone = Boolean.TRUE.equals(d.everyone());
        List<String> roles = d.roles() == null ? List.of() : d.roles();
        List<String> people = d.personIds() == null ? List.of() : d.personIds();
        if (!everyone && roles.isEmpty() && people.isEmpty()) {
            problems.add("everyone, roles or personIds: whom it concerns");
        }
        roles.stream().filter(r -> catalogue.role(r).isEmpty())
                .forEach(r -> problems.add("roles: '" + r + "' is not a role in the catalogue"));
        if ((d.modules() == null || d.modules().isEmpty()) && d.microLesson() == null) {
            problems.add("modules: the modules to take (or microLesson: a lesson written for the event)");
        } else if (d.modules() != null) {
            d.modules().stream().filter(m -> !catalogue.lists(m))
                    .forEach(m -> problems.add("modules: '" + m + "' is not a module in the catalogue"));
        }
        if (d.dueDate() == null || d.dueDate().isBefore(today)) {
            problems.add("dueDate: today or later");
        }
        if (d.microLesson() != null) {
            problems.addAll(d.microLesson().problems("microLesson."));
        }
        if (!problems.isEmpty()) {
            throw new ComplianceException(String.join("; ", problems));
        }
        TriggerEvent event = new TriggerEvent(UUID.randomUUID().toString(), d.date(), d.kind(), d.description().trim(),
                everyone, roles, people, d.modules(), d.dueDate(), by, clock.instant(), stripped(d.microLesson()));
        Document document = new Document("_id", event.id()).append("date", event.date().toString())
                .append("kind", event.kind().name()).append("description", event.description())
                .append("everyone", event.everyone()).append("roles", event.roles()).append("personIds", event.personIds())
                .append("modules", event.modules()).append("dueDate", event.dueDate().toString())
                .append("recordedBy", by).append("recordedAt", Date.from(event.recordedAt()));
        if (event.microLesson() != null) {
            document.append("microLesson", microLessonDocument(event.microLesson()));
        }
        mongo.getCollection(COLLECTION).insertOne(document);
        changes.publishEvent(everyone || !roles.isEmpty() ? ComplianceInputsChanged.forEveryone()
                : ComplianceInputsChanged.people(java.util.Set.copyOf(people)));
        return event;
    }

    /** Every trigger event, oldest first. */
    public List<TriggerEvent> all() {
        Query query = new Query().with(Sort.by("date"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(TriggerEvents::event).toList();
    }

    /** One trigger event, e.g. the one whose micro-lesson a module id names. */
    public Optional<TriggerEvent> find(String id) {
        Document d = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
        return Optional.ofNullable(d).map(TriggerEvents::event);
    }

    /** The assignments these events make for a person: their modules, and their micro-lessons. */
    public static List<Assignment> assignmentsOf(List<TriggerEvent> events, Person person) {
        List<Assignment> assignments = new ArrayList<>();
        for (TriggerEvent e : events) {
            if (e.concerns(person)) {
                e.modules().forEach(m -> assignments.add(new Assignment(m, e.date(), e.dueDate(), e.reason())));
                if (e.microLesson() != null) {
                    assignments.add(new Assignment(e.microLessonModuleId(), e.date(), e.dueDate(), e.reason()));
                }
            }
        }
        return assignments;
    }

    /** The lesson as kept: every text trimmed, so what is stored is what learners see. */
    private static MicroLesson stripped(MicroLesson lesson) {
        return lesson == null ? null : new MicroLesson(lesson.title().strip(), lesson.text().strip(),
                lesson.questions().stream().map(q -> new MicroLesson.MicroQuestion(q.prompt().strip(),
                        q.choices().stream().map(String::strip).toList(), q.correct(), q.explanation().strip())).toList());
    }

    private static Document microLessonDocument(MicroLesson lesson) {
        List<Document> questions = lesson.questions().stream().map(q -> new Document("prompt", q.prompt())
                .append("choices", q.choices()).append("correct", q.correct()).append("explanation", q.explanation()))
                .toList();
        return new Document("title", lesson.title()).append("text", lesson.text()).append("questions", questions);
    }

    private static MicroLesson microLesson(Document d) {
        if (d == null) {
            return null;
        }
        return new MicroLesson(d.getString("title"), d.getString("text"), d.getList("questions", Document.class).stream()
                .map(q -> new MicroLesson.MicroQuestion(q.getString("prompt"), q.getList("choices", String.class),
                        q.getInteger("correct"), q.getString("explanation"))).toList());
    }

    private static TriggerEvent event(Document d) {
        return new TriggerEvent(d.getString("_id"), LocalDate.parse(d.getString("date")),
                TriggerEvent.Kind.valueOf(d.getString("kind")), d.getString("description"),
                Boolean.TRUE.equals(d.getBoolean("everyone")), d.getList("roles", String.class),
                d.getList("personIds", String.class), d.getList("modules", String.class),
                LocalDate.parse(d.getString("dueDate")), d.getString("recordedBy"),
                d.getDate("recordedAt").toInstant(), microLesson(d.get("microLesson", Document.class)));
    }
}
