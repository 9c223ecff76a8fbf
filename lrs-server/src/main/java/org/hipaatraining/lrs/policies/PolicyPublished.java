package org.hipaatraining.lrs.policies;

import java.util.List;

/**
 * A practice published a new version of a policy. Published synchronously: the compliance records make it a material
 * release of {@code moduleIds} (the modules whose acknowledgement cites the policy) before the publication is
 * confirmed to the admin.
 */
public record PolicyPublished(PolicyVersion version, List<String> moduleIds, String publishedBy) {

    public PolicyPublished {
        moduleIds = List.copyOf(moduleIds);
    }
}
