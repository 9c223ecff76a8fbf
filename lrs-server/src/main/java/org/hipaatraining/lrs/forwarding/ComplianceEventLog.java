package org.hipaatraining.lrs.forwarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code forwarding_events} collection: every compliance event, in the order found, kept so that webhook targets
 * read it with a cursor of their own (like statements) and a replay from a date sends the same events again, with
 * the same ids. An event's id is its {@code _id}: found twice, it is stored once.
 */
@Repository
class ComplianceEventLog implements DeclaresIndexes {

    static final String EVENTS = "forwarding_events";

    private final MongoTemplate mongo;

    ComplianceEventLog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(EVENTS, new Document("at", 1).append("_id", 1)));
    }

    private MongoCollection<Document> events() {
        return mongo.getCollection(EVENTS);
    }

    /** Stores the events not stored yet. */
    void add(List<ComplianceEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> documents = events.stream().map(ComplianceEventLog::document).toList();
        try {
            events().insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e; // a duplicate is the same event found again: already there
                }
            }
        }
    }

    /** Up to {@code limit} events after {@code after}, in order. */
    List<ComplianceEvent> after(Position after, int limit) {
        Date since = Date.from(after.at());
        Bson filter = after.id() == null ? Filters.gte("at", since)
                : Filters.or(Filters.gt("at", since), Filters.and(Filters.eq("at", since), Filters.gt("_id", after.id())));
        List<ComplianceEvent> found = new ArrayList<>();
        events().find(filter).sort(Sorts.ascending("at", "_id")).limit(limit).forEach(d -> found.add(event(d)));
        return found;
    }

    /** Removes the events found before {@code before}. */
    long prune(Instant before) {
        return events().deleteMany(Filters.lt("at", Date.from(before))).getDeletedCount();
    }

    private static Document document(ComplianceEvent e) {
        return new Document("_id", e.id()).append("type", e.type().name()).append("at", Date.from(e.at()))
                .append("personId", e.personId()).append("email", e.email()).append("employeeId", e.employeeId())
                .append("requirement", e.requirement()).append("state", e.state())
                .append("dueDate", e.dueDate() == null ? null : e.dueDate().toString());
    }

    private static ComplianceEvent event(Document d) {
        String due = d.getString("dueDate");
        return new ComplianceEvent(d.getString("_id"), ComplianceEventType.valueOf(d.getString("type")),
                d.getDate("at").toInstant(), d.getString("personId"), d.getString("email"), d.getString("employeeId"),
                d.getString("requirement"), d.getString("state"), due == null ? null : LocalDate.parse(due));
    }
}
