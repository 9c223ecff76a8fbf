package org.hipaatraining.lrs.compliance.status;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.hipaatraining.lrs.compliance.roster.Person;

/**
 * What one person adds to the overview's counts, read from their kept statuses: whether they count at all (departed
 * people do not), whether they are on leave, and each requirement's state with the roles imposing it.
 */
record OverviewShare(Person.Status personStatus, List<Item> items) {

    /** One requirement as the overview counts it. */
    record Item(String requirement, ComplianceState state, List<String> requiredBy, boolean overdueNotOnLeave) {
    }

    OverviewShare {
        items = List.copyOf(items);
    }

    static OverviewShare of(Document kept) {
        List<Item> items = new ArrayList<>();
        for (Document s : kept.getList("statuses", Document.class, List.of())) {
            items.add(new Item(s.getString("requirement"), ComplianceState.valueOf(s.getString("state")),
                    List.copyOf(s.getList("requiredBy", String.class, List.of())),
                    Boolean.TRUE.equals(s.getBoolean("overdue")) && !Boolean.TRUE.equals(s.getBoolean("onLeave"))));
        }
        return new OverviewShare(Person.Status.valueOf(kept.getString("personStatus")), items);
    }

    boolean counted() {
        return personStatus != Person.Status.DEPARTED;
    }

    /** On the overdue list: some requirement overdue and not excused by leave (what {@code overdueSince} marks). */
    boolean overdue() {
        return items.stream().anyMatch(Item::overdueNotOnLeave);
    }
}
