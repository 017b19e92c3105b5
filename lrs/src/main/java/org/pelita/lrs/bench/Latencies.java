package org.pelita.lrs.bench;

import java.util.Arrays;

/** Latencies of one phase, in microseconds, for percentiles. */
final class Latencies {
    private long[] values = new long[1024];
    private int count;

    synchronized void add(long micros) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = micros;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.values[i]);
        }
    }

    synchronized int count() {
        return count;
    }

    /** The p-th percentile in milliseconds (nearest rank). */
    synchronized double percentile(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1000.0;
    }
}
