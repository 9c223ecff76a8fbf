package org.hipaatraining.lrs.compliance.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hipaatraining.lrs.compliance.roster.Person;
import org.springframework.stereotype.Component;

/**
 * Today's overview counts and the overdue headcount, kept per instance and brought up to date by re-reading only the
 * people whose statuses were written since: each write of the kept statuses counts itself and logs whose they were
 * ({@link KeptStatuses#changedBetween}), so the first view after a change reads a few documents rather than
 * counting 10,000 people's statuses again. Counted here rather than by a {@code $group} in the store: the embedded
 * store grouped keys holding the list of roles wrongly, and gave some roles' counts to others.
 * <p>
 * Exact, not eventually right: a write counts itself only after it is done, and the people it logged are read after the
 * count, so counts at the current count include every write acknowledged so far, on any instance. When the log cannot
 * say who changed (an entry still being written, cut off by a crash, or pruned), or too many people did, everyone is
 * read again from one cursor.
 */
@Component
class CountsCache {

    /** More people changed than this since the last view: one cursor over everyone costs less than looking each up. */
    static final int CATCH_UP_LIMIT = 2_000;

    private final KeptStatuses kept;
    private volatile Snapshot latest;
    /** Each current person's share, as of {@link #sharesAt} changes (-1: not read). Guarded by this. */
    private final Map<String, OverviewShare> shares = new HashMap<>();
    private long sharesAt = -1;

    CountsCache(KeptStatuses kept) {
        this.kept = kept;
    }

    private record Snapshot(long changes, StatusCounts counts, long peopleOverdue) {
    }

    StatusCounts counts() {
        return snapshot().counts();
    }

    /** How many people the overdue list holds. */
    long peopleOverdue() {
        return snapshot().peopleOverdue();
    }

    private Snapshot snapshot() {
        Snapshot snapshot = latest;
        if (snapshot != null && snapshot.changes() == kept.changes()) {
            return snapshot;
        }
        return catchUp();
    }

    /** One catch-up at a time: viewers arriving together wait for it rather than each reading their own. */
    private synchronized Snapshot catchUp() {
        long changes = kept.changes();
        Snapshot snapshot = latest;
        if (snapshot != null && snapshot.changes() == changes) {
            return snapshot;
        }
        Optional<Set<String>> changed = sharesAt < 0 ? Optional.empty() : kept.changedBetween(sharesAt, changes);
        if (changed.isPresent() && changed.get().size() <= CATCH_UP_LIMIT) {
            Map<String, OverviewShare> fresh = kept.shares(changed.get()); // read after the log: includes those writes
            for (String person : changed.get()) {
                OverviewShare share = fresh.get(person);
                if (share == null || !share.counted()) {
                    shares.remove(person);
                } else {
                    shares.put(person, share);
                }
            }
        } else {
            sharesAt = -1; // a read cut short leaves no half-filled shares to catch up from
            shares.clear();
            kept.forEachShare((person, share) -> {
                if (share.counted()) {
                    shares.put(person, share);
                }
            });
        }
        sharesAt = changes;
        latest = new Snapshot(changes, sum(shares.values()), shares.values().stream().filter(OverviewShare::overdue).count());
        return latest;
    }

    /** Counts everyone's kept statuses afresh, without the log or this cache: what the caught-up counts must equal. */
    StatusCounts recountEveryone() {
        List<OverviewShare> everyone = new ArrayList<>();
        kept.forEachShare((person, share) -> {
            if (share.counted()) {
                everyone.add(share);
            }
        });
        return sum(everyone);
    }

    /** The counts of these people's shares: each kind of requirement state added once with how many people have it. */
    private static StatusCounts sum(Collection<OverviewShare> shares) {
        Map<OverviewShare.Item, Integer> tally = new HashMap<>();
        int onLeave = 0;
        for (OverviewShare share : shares) {
            onLeave += share.personStatus() == Person.Status.ON_LEAVE ? 1 : 0;
            share.items().forEach(item -> tally.merge(item, 1, Integer::sum));
        }
        StatusCounts counts = StatusCounts.empty();
        // by requirement, so each role's rows come in the same order on every view and instance
        for (Map.Entry<OverviewShare.Item, Integer> kind : tally.entrySet().stream().sorted(Map.Entry.comparingByKey(
                java.util.Comparator.comparing(OverviewShare.Item::requirement).thenComparing(OverviewShare.Item::state))).toList()) {
            OverviewShare.Item item = kind.getKey();
            counts = counts.add(item.requiredBy(), item.requirement(), item.state(), item.overdueNotOnLeave(), kind.getValue());
        }
        return counts.withPeople(shares.size(), onLeave).frozen();
    }
}
