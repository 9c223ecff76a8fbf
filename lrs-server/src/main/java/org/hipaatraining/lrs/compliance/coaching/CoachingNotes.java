package org.hipaatraining.lrs.compliance.coaching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.store.DeclaresIndexes;
import org.hipaatraining.lrs.store.IndexDeclaration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** The {@code coaching_notes} collection: notes are records, so there is no edit or delete. */
@Service
public class CoachingNotes implements DeclaresIndexes {

    static final String NOTES = "coaching_notes";
    static final int MAX_TEXT = 2000;

    private final MongoTemplate mongo;
    private final Clock clock;

    CoachingNotes(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public List<IndexDeclaration> indexes() {
        return List.of(IndexDeclaration.of(NOTES, new Document("personId", 1).append("at", 1)));
    }

    /**
     * Keeps a note about a person (who must exist: the caller checks who may write about whom).
     *
     * @throws ComplianceException naming the field, for an empty or too long text
     */
    public CoachingNote add(String personId, String text, String author) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new ComplianceException("text: say what you talked about, e.g. 'went through the phishing examples together'");
        }
        if (trimmed.length() > MAX_TEXT) {
            throw new ComplianceException("text: at most " + MAX_TEXT + " characters, was " + trimmed.length());
        }
        CoachingNote note = new CoachingNote(UUID.randomUUID().toString(), personId, trimmed, author,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        mongo.getCollection(NOTES).insertOne(new Document("_id", note.id()).append("personId", personId)
                .append("text", note.text()).append("author", author).append("at", Date.from(note.at())));
        return note;
    }

    /** A person's notes, oldest first. */
    public List<CoachingNote> forPerson(String personId) {
        List<CoachingNote> notes = new ArrayList<>();
        mongo.getCollection(NOTES).find(Filters.eq("personId", personId)).sort(Sorts.ascending("personId", "at"))
                .forEach(d -> notes.add(new CoachingNote(d.getString("_id"), d.getString("personId"), d.getString("text"),
                        d.getString("author"), d.getDate("at").toInstant())));
        return notes;
    }
}
