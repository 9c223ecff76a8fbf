package org.hipaatraining.lrs.cmi5;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** The {@code cmi5_courses} collection: one document per imported course, keyed by its course id in this LRS. */
@Repository
class CourseStore implements DeclaresIndexes {

    static final String COURSES = "cmi5_courses";

    private final MongoTemplate mongo;

    CourseStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * An imported course.
     *
     * @param id         the course id in this LRS: {@code role-{roleId}} and {@code module-{moduleId}} for the
     *                   catalogue's packages, the uploader's choice (or one derived from the file name) for uploads
     * @param source     {@code catalogue} or {@code upload}
     * @param contentKey where its files are in {@link ContentStore}
     * @param sha256     of the zip it was imported from: an identical re-import changes nothing
     */
    record Cmi5Course(String id, String source, CourseStructure structure, String contentKey, String sha256,
                      String fileName, Instant importedAt, String importedBy) {
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(COURSES, new Document("importedAt", 1)));
    }

    private MongoCollection<Document> courses() {
        return mongo.getCollection(COURSES);
    }

    Optional<Cmi5Course> find(String id) {
        return Optional.ofNullable(courses().find(Filters.eq("_id", id)).first()).map(CourseStore::from);
    }

    List<Cmi5Course> all() {
        List<Cmi5Course> all = new ArrayList<>();
        courses().find().sort(Sorts.ascending("importedAt")).forEach(d -> all.add(from(d)));
        return all;
    }

    /** Stores a course that must be new; false when another request imported it first. */
    boolean insert(Cmi5Course course) {
        try {
            courses().insertOne(toDocument(course));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void replace(Cmi5Course course) {
        courses().replaceOne(Filters.eq("_id", course.id()), toDocument(course), new ReplaceOptions().upsert(true));
    }

    private static Document toDocument(Cmi5Course c) {
        return new Document("_id", c.id()).append("source", c.source()).append("structure", c.structure().toDocument())
                .append("contentKey", c.contentKey()).append("sha256", c.sha256()).append("fileName", c.fileName())
                .append("importedAt", Date.from(c.importedAt())).append("importedBy", c.importedBy());
    }

    private static Cmi5Course from(Document d) {
        return new Cmi5Course(d.getString("_id"), d.getString("source"),
                CourseStructure.from(d.get("structure", Document.class)), d.getString("contentKey"), d.getString("sha256"),
                d.getString("fileName"), d.getDate("importedAt").toInstant(), d.getString("importedBy"));
    }
}
