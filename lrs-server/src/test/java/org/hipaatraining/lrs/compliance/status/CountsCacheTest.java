package org.hipaatraining.lrs.compliance.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.hipaatraining.lrs.compliance.roster.Person;
import org.junit.jupiter.api.Test;

/**
 * The overview's counts are read in full once, then caught up by re-reading only the people a logged change wrote; they
 * are never served from before a change, and a change the log cannot account for reads everyone again.
 */
class CountsCacheTest {

    /** Kept statuses without a store: people's shares, a change counter with its log, and counts of each kind of read. */
    private static final class FakeKept extends KeptStatuses {
        final Map<String, OverviewShare> people = new ConcurrentHashMap<>();
        final Map<Long, Set<String>> log = new ConcurrentHashMap<>();
        volatile long changes;
        final AtomicInteger fullReads = new AtomicInteger();
        final AtomicInteger peopleRead = new AtomicInteger();
        volatile CountDownLatch reading;

        FakeKept() {
            super(null);
        }

        /** A write of one person's statuses, counted and logged as {@link KeptStatuses#keep} does. */
        void write(String person, OverviewShare share) {
            if (share == null) {
                people.remove(person);
            } else {
                people.put(person, share);
            }
            log.put(++changes, Set.of(person));
        }

        @Override
        long changes() {
            return changes;
        }

        @Override
        Optional<Set<String>> changedBetween(long after, long upTo) {
            Set<String> changed = new java.util.HashSet<>();
            for (long n = after + 1; n <= upTo; n++) {
                if (!log.containsKey(n)) {
                    return Optional.empty();
                }
                changed.addAll(log.get(n));
            }
            return Optional.of(changed);
        }

        @Override
        Map<String, OverviewShare> shares(Collection<String> personIds) {
            peopleRead.addAndGet(personIds.size());
            Map<String, OverviewShare> found = new HashMap<>();
            personIds.stream().filter(people::containsKey).forEach(id -> found.put(id, people.get(id)));
            return found;
        }

        @Override
        void forEachShare(BiConsumer<String, OverviewShare> each) {
            fullReads.incrementAndGet();
            CountDownLatch hold = reading;
            if (hold != null) {
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            people.forEach(each);
        }
    }

    private static OverviewShare share(Person.Status status, ComplianceState privacy, boolean overdue) {
        return new OverviewShare(status, List.of(
                new OverviewShare.Item("privacy", privacy, List.of("everyone"), overdue),
                new OverviewShare.Item("security", ComplianceState.COMPLIANT, List.of("everyone", "it"), false)));
    }

    private static FakeKept practiceOfThree() {
        FakeKept kept = new FakeKept();
        kept.people.put("ana", share(Person.Status.ACTIVE, ComplianceState.COMPLIANT, false));
        kept.people.put("ben", share(Person.Status.ACTIVE, ComplianceState.NEVER_STARTED, true));
        kept.people.put("cleo", share(Person.Status.ON_LEAVE, ComplianceState.NEVER_STARTED, false));
        return kept;
    }

    @Test
    void countsEveryCurrentPersonsShare() {
        FakeKept kept = practiceOfThree();
        kept.people.put("dora", share(Person.Status.DEPARTED, ComplianceState.NEVER_STARTED, false));
        CountsCache cache = new CountsCache(kept);

        StatusCounts counts = cache.counts();

        assertThat(counts.people()).as("departed people are not counted").isEqualTo(3);
        assertThat(counts.onLeave()).isEqualTo(1);
        assertThat(counts.requirementsInForce()).isEqualTo(6);
        assertThat(counts.overdue()).isEqualTo(1);
        assertThat(counts.totals()).containsEntry(ComplianceState.COMPLIANT, 4).containsEntry(ComplianceState.NEVER_STARTED, 2);
        assertThat(counts.byRole().get("everyone").get("privacy")).containsEntry(ComplianceState.NEVER_STARTED, 2);
        assertThat(counts.byRole().get("it").get("security")).containsEntry(ComplianceState.COMPLIANT, 3);
        assertThat(cache.peopleOverdue()).isEqualTo(1);
    }

    @Test
    void viewsWithoutAChangeShareOneRead() {
        FakeKept kept = practiceOfThree();
        CountsCache cache = new CountsCache(kept);

        StatusCounts first = cache.counts();
        StatusCounts second = cache.counts();

        assertThat(kept.fullReads).hasValue(1);
        assertThat(second).isSameAs(first);
    }

    @Test
    void aLoggedChangeIsCaughtUpByReadingOnlyThosePeople() {
        FakeKept kept = practiceOfThree();
        CountsCache cache = new CountsCache(kept);
        assertThat(cache.counts().overdue()).isEqualTo(1);

        kept.write("ben", share(Person.Status.ACTIVE, ComplianceState.COMPLIANT, false));
        kept.write("eve", share(Person.Status.ACTIVE, ComplianceState.IN_PROGRESS, false));
        kept.write("ana", share(Person.Status.DEPARTED, ComplianceState.COMPLIANT, false));
        kept.write("cleo", null); // forgotten

        StatusCounts counts = cache.counts();
        assertThat(kept.fullReads).as("no second read of everyone").hasValue(1);
        assertThat(kept.peopleRead).hasValue(4);
        assertThat(counts.people()).isEqualTo(2);
        assertThat(counts.onLeave()).isZero();
        assertThat(counts.overdue()).isZero();
        assertThat(counts.byRole().get("everyone").get("privacy"))
                .containsEntry(ComplianceState.COMPLIANT, 1).containsEntry(ComplianceState.IN_PROGRESS, 1)
                .doesNotContainKey(ComplianceState.NEVER_STARTED);
        assertThat(cache.peopleOverdue()).isZero();
    }

    @Test
    void aChangeTheLogCannotAccountForReadsEveryoneAgain() {
        FakeKept kept = practiceOfThree();
        CountsCache cache = new CountsCache(kept);
        cache.counts();

        // a write that a crash cut off before it logged itself: counted at start-up without an entry
        kept.people.put("ben", share(Person.Status.ACTIVE, ComplianceState.COMPLIANT, false));
        kept.changes++;

        assertThat(cache.counts().overdue()).isZero();
        assertThat(kept.fullReads).hasValue(2);
        assertThat(kept.peopleRead).hasValue(0);
    }

    @Test
    void aLargeChangeReadsEveryoneFromOneCursorInstead() {
        FakeKept kept = practiceOfThree();
        CountsCache cache = new CountsCache(kept);
        cache.counts();
        for (int i = 0; i <= CountsCache.CATCH_UP_LIMIT; i++) {
            kept.write("new" + i, share(Person.Status.ACTIVE, ComplianceState.NEVER_STARTED, false));
        }

        assertThat(cache.counts().people()).isEqualTo(3 + CountsCache.CATCH_UP_LIMIT + 1);
        assertThat(kept.fullReads).hasValue(2);
        assertThat(kept.peopleRead).hasValue(0);
    }

    @Test
    void viewersArrivingTogetherWaitForOneRead() throws Exception {
        FakeKept kept = practiceOfThree();
        CountsCache cache = new CountsCache(kept);
        kept.reading = new CountDownLatch(1);
        ExecutorService viewers = Executors.newFixedThreadPool(8);
        try {
            List<Future<StatusCounts>> views = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> viewers.submit(cache::counts)).toList();
            org.awaitility.Awaitility.await().untilAtomic(kept.fullReads, org.hamcrest.Matchers.equalTo(1));
            kept.reading.countDown();
            for (Future<StatusCounts> view : views) {
                assertThat(view.get(10, TimeUnit.SECONDS).people()).isEqualTo(3);
            }
        } finally {
            viewers.shutdownNow();
        }
        assertThat(kept.fullReads).hasValue(1);
    }

    @Test
    void sharedCountsCannotBeChangedByAViewer() {
        StatusCounts counts = new CountsCache(practiceOfThree()).counts();

        assertThatThrownBy(() -> counts.byRole().get("everyone").put("security", null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> counts.totals().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
