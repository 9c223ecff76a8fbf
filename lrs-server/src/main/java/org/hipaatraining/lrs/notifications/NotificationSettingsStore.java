package org.hipaatraining.lrs.notifications;

import java.time.DayOfWeek;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The practice's notice schedule: one document in {@code notification_settings}; the defaults until an admin saves. */
@Repository
public class NotificationSettingsStore {

    static final String COLLECTION = "notification_settings";
    private static final String ID = "practice";

    private final MongoTemplate mongo;

    NotificationSettingsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public NotificationSettings current() {
        Document d = mongo.findById(ID, Document.class, COLLECTION);
        if (d == null) {
            return NotificationSettings.defaults();
        }
        NotificationSettings defaults = NotificationSettings.defaults();
        return new NotificationSettings(d.getInteger("dueSoonDays", defaults.dueSoonDays()),
                d.getInteger("overdueEveryDays", defaults.overdueEveryDays()),
                d.getInteger("supervisorAfterDays", defaults.supervisorAfterDays()),
                d.getInteger("privacyOfficerAfterDays", defaults.privacyOfficerAfterDays()),
                d.getInteger("retakeWithinDays", defaults.retakeWithinDays()),
                DayOfWeek.valueOf(d.get("digestDay", defaults.digestDay().name())),
                d.getInteger("summaryDayOfMonth", defaults.summaryDayOfMonth()), d.getString("privacyOfficerName"),
                d.getString("privacyOfficerEmail"), d.getString("lmsUrl"));
    }

    /** Saves settings that have no {@link NotificationSettings#problems()}; else throws naming every bad field. */
    public void save(NotificationSettings settings, String by) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
        Document d = new Document("_id", ID).append("dueSoonDays", settings.dueSoonDays())
                .append("overdueEveryDays", settings.overdueEveryDays())
                .append("supervisorAfterDays", settings.supervisorAfterDays())
                .append("privacyOfficerAfterDays", settings.privacyOfficerAfterDays())
                .append("retakeWithinDays", settings.retakeWithinDays()).append("digestDay", settings.digestDay().name())
                .append("summaryDayOfMonth", settings.summaryDayOfMonth())
                .append("privacyOfficerName", settings.privacyOfficerName())
                .append("privacyOfficerEmail", settings.privacyOfficerEmail()).append("lmsUrl", settings.lmsUrl())
                .append("savedBy", by).append("savedAt", new java.util.Date());
        mongo.findAndReplace(Query.query(Criteria.where("_id").is(ID)), d,
                org.springframework.data.mongodb.core.FindAndReplaceOptions.options().upsert(), Document.class, COLLECTION);
    }

    /** Settings an admin cannot save; the messages name the fields. Answered with 400. */
    public static class InvalidSettings extends org.hipaatraining.lrs.compliance.ComplianceException {
        private final List<String> problems;

        InvalidSettings(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
