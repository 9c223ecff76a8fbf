package org.hipaatraining.lrs.support;

import org.bson.Document;
import org.hipaatraining.lrs.compliance.ComplianceInputsChanged;
import org.hipaatraining.lrs.compliance.status.StatusKeeper;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The practice profile is one document every test class shares, and its onboarding window moves every new hire's due
 * dates: a test that saves one takes a snapshot first and puts it back (or removes it) after, and has the statuses
 * recomputed, so the classes that run later see the install as it was.
 */
public final class PracticeProfileRestore {

    private static final String COLLECTION = "practice_profile";

    private final ApplicationContext context;
    private final Document before;

    private PracticeProfileRestore(ApplicationContext context) {
        this.context = context;
        this.before = mongo().getCollection(COLLECTION).find(new Document("_id", "practice")).first();
    }

    public static PracticeProfileRestore snapshot(ApplicationContext context) {
        return new PracticeProfileRestore(context);
    }

    public void restore() {
        var collection = mongo().getCollection(COLLECTION);
        Document now = collection.find(new Document("_id", "practice")).first();
        if (window(now).equals(window(before))) {
            if (before != null) {
                collection.replaceOne(new Document("_id", "practice"), before);
            } else {
                collection.deleteOne(new Document("_id", "practice"));
            }
            return; // nobody's due dates moved
        }
        if (before == null) {
            collection.deleteOne(new Document("_id", "practice"));
        } else {
            collection.replaceOne(new Document("_id", "practice"), before,
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
        }
        context.publishEvent(ComplianceInputsChanged.forEveryone());
        context.getBean(StatusKeeper.class).recomputeMarked();
    }

    private static java.util.List<Object> window(Document profile) {
        return profile == null ? java.util.List.of() : java.util.Arrays.asList(profile.get("onboardingWindowDays"),
                profile.get("trainingBeforeAccess"));
    }

    private MongoTemplate mongo() {
        return context.getBean(MongoTemplate.class);
    }
}
