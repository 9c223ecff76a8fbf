package org.hipaatraining.lrs.compliance.status;

import org.springframework.stereotype.Component;

/**
 * Today's overview counts, aggregated once per change of the kept statuses rather than once per view: at 10,000
 * people the aggregation takes seconds on the embedded store, while checking that nothing changed is one read.
 * Exact, not eventually right: a write counts itself only after it is done, and the counts are read after the count,
 * so counts cached under the current count include every write acknowledged so far. Each instance keeps its own.
 */
@Component
class CountsCache {

    private final KeptStatuses kept;
    private volatile Snapshot latest;
    private volatile OverdueSnapshot latestOverdue;

    CountsCache(KeptStatuses kept) {
        this.kept = kept;
    }

    private record Snapshot(long changes, StatusCounts counts) {
    }

    private record OverdueSnapshot(long changes, long people) {
    }

    StatusCounts counts() {
        Snapshot snapshot = latest;
        if (snapshot != null && snapshot.changes() == kept.changes()) {
            return snapshot.counts();
        }
        return recount();
    }

    /** One aggregation at a time: viewers arriving together wait for it rather than each running their own. */
    private synchronized StatusCounts recount() {
        long changes = kept.changes();
        Snapshot snapshot = latest;
        if (snapshot != null && snapshot.changes() == changes) {
            return snapshot.counts();
        }
        StatusCounts counts = kept.counts().frozen();
        latest = new Snapshot(changes, counts);
        return counts;
    }

    /**
     * How many people the overdue list holds, counted once per change like the counts: the count reads every matching
     * status on the embedded store, which at thousands of people overdue cost the list page as much as its page of rows.
     */
    long peopleOverdue() {
        OverdueSnapshot snapshot = latestOverdue;
        long changes = kept.changes();
        if (snapshot != null && snapshot.changes() == changes) {
            return snapshot.people();
        }
        long people = kept.overdueCount(); // read after the change count, so it includes every write counted so far
        latestOverdue = new OverdueSnapshot(changes, people);
        return people;
    }
}
