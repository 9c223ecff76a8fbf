package org.hipaatraining.lrs.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.bson.Document;
import org.hipaatraining.lrs.compliance.SentNotices;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The {@code notices} collection: every notice claimed, by its key. A notice is claimed by inserting its key before
 * the mail is sent, so of two instances (or a pass repeated after a restart) exactly one sends it; a notice whose
 * sender died mid-send, or whose send failed, carries {@code retryAt} and is claimed again by a conditional update.
 */
@Repository
public class NoticeLedger implements DeclaresIndexes, SentNotices {

    static final String NOTICES = "notices";

    private final MongoTemplate mongo;

    NoticeLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(
                // a person's notices, newest first (their page)
                IndexDeclaration.of(NOTICES, new Document("personId", 1).append("createdAt", -1)),
                // notices to send again: failed, or claimed by an instance that stopped mid-send
                IndexDeclaration.of(NOTICES, new Document("retryAt", 1)),
                // the admin page's failed list
                IndexDeclaration.of(NOTICES, new Document("status", 1).append("createdAt", -1)),
                // newest first for the admin page, by period for the CSV export and the audit package
                IndexDeclaration.of(NOTICES, new Document("createdAt", 1)));
    }

    /** Claims a new notice (status SENDING); false when its key was claimed before, by anyone. */
    boolean claim(Notice notice) {
        try {
            mongo.getCollection(NOTICES).insertOne(notice.toDocument());
            return true;
        } catch (DuplicateKeyException | com.mongodb.MongoWriteException e) {
            if (e instanceof com.mongodb.MongoWriteException w && w.getError().getCode() != 11000) {
                throw e;
            }
            return false;
        }
    }

    /** Which of these keys are claimed already. */
    Set<String> claimed(Collection<String> keys) {
        Set<String> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        mongo.getCollection(NOTICES).find(new Document("_id", new Document("$in", List.copyOf(keys))))
                .projection(new Document("_id", 1))
                .forEach(d -> found.add(d.getString("_id")));
        return found;
    }

    /** The status of each of these keys that is claimed already. */
    Map<String, Notice.Status> statuses(Collection<String> keys) {
        Map<String, Notice.Status> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        mongo.getCollection(NOTICES).find(new Document("_id", new Document("$in", List.copyOf(keys))))
                .projection(new Document("_id", 1).append("status", 1))
                .forEach(d -> found.put(d.getString("_id"), Notice.Status.valueOf(d.getString("status"))));
        return found;
    }

    /** Claims a notice whose retry is due again; empty when another instance got it first. */
    java.util.Optional<Notice> reclaim(String id, Instant now, Instant leaseUntil) {
        Document found = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("retryAt").lte(Date.from(now))),
                new Update().set("status", Notice.Status.SENDING.name()).set("retryAt", Date.from(leaseUntil))
                        .inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, NOTICES);
        return java.util.Optional.ofNullable(found).map(Notice::from);
    }

    /** Notices whose retry is due, oldest first. */
    List<Notice> retryDue(Instant now, int limit) {
        Query query = Query.query(Criteria.where("retryAt").lte(Date.from(now))).with(Sort.by("retryAt")).limit(limit);
        return mongo.find(query, Document.class, NOTICES).stream().map(Notice::from).toList();
    }

    /** Notices sent together in one mail: each records the mail's Message-ID and subject. */
    void sent(Collection<String> ids, String messageId, String subject, String result, Instant at) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().set("status", Notice.Status.SENT.name())
                .set("messageId", messageId).set("subject", subject).set("result", result).set("sentAt", Date.from(at))
                .unset("retryAt"), NOTICES);
    }

    /** Notices whose one mail failed; see {@link #failed(String, String, Instant)}. */
    void failed(Collection<String> ids, String error, Instant retryAt) {
        ids.forEach(id -> failed(id, error, retryAt));
    }

    /** A failed send: tried again at {@code retryAt}, or given up (FAILED) when that is null. */
    void failed(String id, String error, Instant retryAt) {
        Update update = new Update().set("result", error);
        if (retryAt == null) {
            update.set("status", Notice.Status.FAILED.name()).unset("retryAt");
        } else {
            update.set("status", Notice.Status.RETRY.name()).set("retryAt", Date.from(retryAt));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, NOTICES);
    }

    @Override
    public List<Notice> ofPerson(String personId, int limit) {
        Query query = Query.query(Criteria.where("personId").is(personId)).with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(limit);
        return mongo.find(query, Document.class, NOTICES).stream().map(Notice::from).toList();
    }

    /** Every notice about these people (digests to them as supervisors included), oldest first. */
    @Override
    public List<Notice> about(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("personId").in(personIds)).with(Sort.by("createdAt"));
        return mongo.find(query, Document.class, NOTICES).stream().map(Notice::from).toList();
    }

    public List<Notice> latest(int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit);
        return mongo.find(query, Document.class, NOTICES).stream().map(Notice::from).toList();
    }

    /** Notices failing or given up, newest first. */
    public List<Notice> failing(int limit) {
        List<Notice> failing = new ArrayList<>();
        for (Notice.Status status : List.of(Notice.Status.RETRY, Notice.Status.FAILED)) {
            Query query = Query.query(Criteria.where("status").is(status.name()))
                    .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit);
            mongo.find(query, Document.class, NOTICES).forEach(d -> failing.add(Notice.from(d)));
        }
        return failing;
    }

    /** Every notice claimed in [from, to] (days, UTC), oldest first: the CSV export and the audit package. */
    public void forEachIn(LocalDate from, LocalDate to, Consumer<Notice> each) {
        Criteria created = Criteria.where("createdAt");
        if (from != null) {
            created = created.gte(Date.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (to != null) {
            created = created.lt(Date.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        Query query = (from == null && to == null ? new Query() : Query.query(created)).with(Sort.by("createdAt"));
        try (var stream = mongo.stream(query, Document.class, NOTICES)) {
            stream.forEach(d -> each.accept(Notice.from(d)));
        }
    }

    /** Notices about people whose records are past retention (RecordRetention removes them with the person). */
    @Override
    public long forget(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return 0;
        }
        return mongo.remove(Query.query(Criteria.where("personId").in(personIds)), NOTICES).getDeletedCount();
    }
}
