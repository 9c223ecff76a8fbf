package org.hipaatraining.lrs.support;

import java.util.Arrays;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.hipaatraining.lrs.compliance.ComplianceInputsChanged;
import org.hipaatraining.lrs.compliance.status.StatusKeeper;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The practice profile is one document every test class shares, and its onboarding window moves every new hire's due
 * dates: a test class that saves one is annotated {@code @ExtendWith(PracticeProfileRestore.class)}, which takes a
 * snapshot before each test and puts it back (or removes it) after, recomputing the statuses when the window moved,
 * so the classes that run later see the install as it was.
 */
public final class PracticeProfileRestore implements BeforeEachCallback, AfterEachCallback {

    private static final String COLLECTION = "practice_profile";
    private static final String ID = "practice";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PracticeProfileRestore.class);

    /** The profile before the test; a holder because there may be none. */
    private record Snapshot(Document profile) {
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        test.getStore(NAMESPACE).put(ID, new Snapshot(profiles(test).find(Filters.eq("_id", ID)).first()));
    }

    @Override
    public void afterEach(ExtensionContext test) {
        Document before = test.getStore(NAMESPACE).remove(ID, Snapshot.class).profile();
        MongoCollection<Document> profiles = profiles(test);
        Document now = profiles.find(Filters.eq("_id", ID)).first();
        if (before == null) {
            profiles.deleteOne(Filters.eq("_id", ID));
        } else {
            profiles.replaceOne(Filters.eq("_id", ID), before, new ReplaceOptions().upsert(true));
        }
        if (!window(now).equals(window(before))) {
            ApplicationContext context = SpringExtension.getApplicationContext(test);
            context.publishEvent(ComplianceInputsChanged.forEveryone());
            context.getBean(StatusKeeper.class).recomputeMarked();
        }
    }

    /** What moves due dates: the onboarding window and the training-before-access choice. */
    private static List<Object> window(Document profile) {
        return profile == null ? List.of() : Arrays.asList(profile.get("onboardingWindowDays"), profile.get("trainingBeforeAccess"));
    }

    private static MongoCollection<Document> profiles(ExtensionContext test) {
        return SpringExtension.getApplicationContext(test).getBean(MongoTemplate.class).getCollection(COLLECTION);
    }
}
