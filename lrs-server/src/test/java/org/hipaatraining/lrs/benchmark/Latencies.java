package org.hipaatraining.lrs.benchmark;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies of one operation, and how many items (statements, pages) it moved, for throughput. */
final class Latencies {

    private final long[] nanos;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong items = new AtomicLong();
    private final AtomicInteger errors = new AtomicInteger();
    private volatile long wallNanos;

    Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    void record(long elapsedNanos, long itemCount) {
        int i = count.getAndIncrement();
        if (i < nanos.length) {
            nanos[i] = elapsedNanos;
        }
        items.addAndGet(itemCount);
    }

    void error() {
        errors.incrementAndGet();
    }

    void wall(long elapsed) {
        this.wallNanos = elapsed;
    }

    int count() {
        return Math.min(count.get(), nanos.length);
    }

    int errors() {
        return errors.get();
    }

    long items() {
        return items.get();
    }

    double wallSeconds() {
        return wallNanos / 1e9;
    }

    /** Items per second over the wall-clock time of the run. */
    double throughput() {
        return wallNanos == 0 ? 0 : items.get() / wallSeconds();
    }

    double percentileMillis(double p) {
        int n = count();
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, index))] / 1e6;
    }

    double meanMillis() {
        int n = count();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += nanos[i];
        }
        return n == 0 ? Double.NaN : sum / 1e6 / n;
    }
}
