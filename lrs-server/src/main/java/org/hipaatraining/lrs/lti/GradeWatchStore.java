package org.hipaatraining.lrs.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.hipaatraining.lrs.system.Caches;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code lti_grade_watches} collection: one document per learner and graded LMS link (platform, line item, LTI user),
 * made at their first launch. Passes recorded for the link's modules from then on are posted to the line item.
 */
@Repository
class GradeWatchStore implements DeclaresIndexes {

    static final String WATCHES = "lti_grade_watches";

    /** How long an answer of {@link #any()} is kept: a first watch made by another instance is seen within this time. */
    private static final Duration ANSWER_KEPT = Duration.ofSeconds(10);

    private static final String ANY = "any";

    private final MongoTemplate mongo;
    /** One entry: whether any watch exists, as answered at most {@link #ANSWER_KEPT} ago. */
    private final LoadingCache<String, Boolean> answer;

    GradeWatchStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.answer = Caches.builder(clock).expireAfterWrite(ANSWER_KEPT).build(any ->
                mongo.getCollection(WATCHES).find(Filters.gte("since", new Date(0))).limit(1).first() != null);
    }

    /**
     * Whether any learner has a graded link. A practice that does not launch through LTI has none, and then the passes
     * in a stored batch need no roster lookup. The answer is kept for a few seconds, so it costs a query at most that
     * often.
     */
    boolean any() {
        return answer.get(ANY);
    }

    /** A learner's graded link: passes of the target's modules since {@code since} go to {@code lineItem} for {@code sub}. */
    record GradeWatch(String id, String platformId, String lineItem, String sub, String personId, LaunchTarget target,
                      Instant since) {
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(WATCHES, new Document("personId", 1)),
                IndexDeclaration.of(WATCHES, new Document("since", 1)));
    }

    /** Starts watching at the first launch; later launches keep the start and update person and target. */
    void watch(String platformId, String lineItem, String sub, String personId, LaunchTarget target, Instant now) {
        answer.put(ANY, true);
        mongo.getCollection(WATCHES).updateOne(Filters.eq("_id", id(platformId, lineItem, sub)), Updates.combine(
                Updates.setOnInsert("since", Date.from(now)),
                Updates.set("platformId", platformId), Updates.set("lineItem", lineItem), Updates.set("sub", sub),
                Updates.set("personId", personId), Updates.set("targetKind", target.kind()),
                Updates.set("targetId", target.id()), Updates.set("updatedAt", Date.from(now))),
                new UpdateOptions().upsert(true));
    }

    List<GradeWatch> forPeople(Collection<String> personIds) {
        return read(mongo.getCollection(WATCHES).find(Filters.in("personId", personIds)));
    }

    /** Every watch, oldest first: the sweep's list. */
    List<GradeWatch> all() {
        return read(mongo.getCollection(WATCHES).find().sort(Sorts.ascending("since")));
    }

    private static List<GradeWatch> read(Iterable<Document> documents) {
        List<GradeWatch> watches = new ArrayList<>();
        for (Document d : documents) {
            watches.add(new GradeWatch(d.getString("_id"), d.getString("platformId"), d.getString("lineItem"),
                    d.getString("sub"), d.getString("personId"),
                    new LaunchTarget(d.getString("targetKind"), d.getString("targetId")), d.getDate("since").toInstant()));
        }
        return watches;
    }

    static String id(String platformId, String lineItem, String sub) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((platformId + "\n" + lineItem + "\n" + sub).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
