package org.hipaatraining.lrs.compliance.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The overview's counts are aggregated once per change of the kept statuses, and never served from before one. */
class CountsCacheTest {

    /** Kept statuses without a store: a change counter and an aggregation that counts its runs. */
    private static final class FakeKept extends KeptStatuses {
        final AtomicLong changes = new AtomicLong();
        final AtomicInteger aggregations = new AtomicInteger();
        final AtomicInteger overdueCounts = new AtomicInteger();
        volatile CountDownLatch aggregating;

        FakeKept() {
            super(null);
        }

        @Override
        long changes() {
            return changes.get();
        }

        @Override
        long overdueCount() {
            return overdueCounts.incrementAndGet() * 10L;
        }

        @Override
        StatusCounts counts() {
            int run = aggregations.incrementAndGet();
            CountDownLatch hold = aggregating;
            if (hold != null) {
                try {
                    hold.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return StatusCounts.empty().add(List.of("everyone"), "privacy", ComplianceState.COMPLIANT, false, run)
                    .withPeople(run, 0);
        }
    }

    @Test
    void viewsWithoutAChangeShareOneAggregation() {
        FakeKept kept = new FakeKept();
        CountsCache cache = new CountsCache(kept);

        StatusCounts first = cache.counts();
        StatusCounts second = cache.counts();

        assertThat(kept.aggregations).hasValue(1);
        assertThat(second).isSameAs(first);
    }

    @Test
    void aChangeIsCountedAgainOnTheNextView() {
        FakeKept kept = new FakeKept();
        CountsCache cache = new CountsCache(kept);
        assertThat(cache.counts().people()).isEqualTo(1);

        kept.changes.incrementAndGet();

        assertThat(cache.counts().people()).isEqualTo(2);
        assertThat(kept.aggregations).hasValue(2);
    }

    @Test
    void viewersArrivingTogetherWaitForOneAggregation() throws Exception {
        FakeKept kept = new FakeKept();
        CountsCache cache = new CountsCache(kept);
        kept.aggregating = new CountDownLatch(1);
        ExecutorService viewers = Executors.newFixedThreadPool(8);
        try {
            List<Future<StatusCounts>> views = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> viewers.submit(cache::counts)).toList();
            org.awaitility.Awaitility.await().untilAtomic(kept.aggregations, org.hamcrest.Matchers.equalTo(1));
            kept.aggregating.countDown();
            for (Future<StatusCounts> view : views) {
                assertThat(view.get(10, TimeUnit.SECONDS).people()).isEqualTo(1);
            }
        } finally {
            viewers.shutdownNow();
        }
        assertThat(kept.aggregations).hasValue(1);
    }

    @Test
    void sharedCountsCannotBeChangedByAViewer() {
        StatusCounts counts = new CountsCache(new FakeKept()).counts();

        assertThatThrownBy(() -> counts.byRole().get("everyone").put("security", null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> counts.totals().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theOverdueHeadcountIsCountedOncePerChange() {
        FakeKept kept = new FakeKept();
        CountsCache cache = new CountsCache(kept);

        assertThat(cache.peopleOverdue()).isEqualTo(10);
        assertThat(cache.peopleOverdue()).isEqualTo(10);
        assertThat(kept.overdueCounts).hasValue(1);

        kept.changes.incrementAndGet();

        assertThat(cache.peopleOverdue()).isEqualTo(20);
        assertThat(kept.overdueCounts).hasValue(2);
        assertThat(kept.aggregations).as("the headcount does not pay for the overview's aggregation").hasValue(0);
    }
}
