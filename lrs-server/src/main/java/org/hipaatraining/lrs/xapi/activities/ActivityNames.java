package org.hipaatraining.lrs.xapi.activities;

import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The names activities have in their stored definitions, as xapi publishes them to other features (the LMS activity
 * mapping page), so that no feature outside xapi reads the activities collection or its JSON.
 */
@Component
public class ActivityNames {

    private final ActivityStore activities;

    ActivityNames(ActivityStore activities) {
        this.activities = activities;
    }

    /** Up to {@code atMost} activities with a name, by id, in the definitions' language (English first). */
    public Map<String, String> names(int atMost) {
        return activities.names(atMost);
    }
}
