package jtrace.runtime;

import jtrace.types.HistBuckets;

import java.util.Arrays;

/** What one map entry holds, already reduced over CPUs. */
public sealed interface MapValue {

    /** A plain assigned value ({@code @x = 5}, {@code @s = "abc"}). */
    record Scalar(Value value) implements MapValue {}

    record Count(long count) implements MapValue {}

    record Sum(long sum, boolean signed) implements MapValue {}

    record Min(long min, boolean signed) implements MapValue {
        public Min(long min) { this(min, true); }
    }

    record Max(long max, boolean signed) implements MapValue {
        public Max(long max) { this(max, true); }
    }

    record Avg(long total, long count, boolean signed) implements MapValue {
        public Avg(long total, long count) { this(total, count, true); }

        /** total / count truncated, 0 when empty; as bpftrace computes it. */
        public long average() { return Stats.average(total, count, signed); }
    }

    record Stats(long count, long total, boolean signed) implements MapValue {
        public Stats(long count, long total) { this(count, total, true); }

        public long average() { return average(total, count, signed); }

        static long average(long total, long count, boolean signed) {
            if (count == 0) return 0;
            return signed ? total / count : Long.divideUnsigned(total, count);
        }
    }

    /**
     * A log2 histogram: {@code buckets[i]} counts values of bucket i as indexed by
     * {@link HistBuckets#log2Index}; {@code k} is hist()'s bits argument (0 to 5).
     */
    record Hist(long[] buckets, int k) implements MapValue {
        public Hist {
            buckets = buckets.clone();
        }

        @Override public long[] buckets() { return buckets.clone(); }

        @Override public boolean equals(Object o) {
            return o instanceof Hist h && h.k == k && Arrays.equals(h.buckets, buckets);
        }

        @Override public int hashCode() { return 31 * Arrays.hashCode(buckets) + k; }

        @Override public String toString() { return "Hist" + Arrays.toString(buckets) + " k=" + k; }
    }

    /** A linear histogram: {@code buckets[i]} as indexed by {@link HistBuckets#linearIndex}. */
    record Lhist(long[] buckets, long min, long max, long step) implements MapValue {
        public Lhist {
            buckets = buckets.clone();
        }

        @Override public long[] buckets() { return buckets.clone(); }

        @Override public boolean equals(Object o) {
            return o instanceof Lhist h && h.min == min && h.max == max && h.step == step
                    && Arrays.equals(h.buckets, buckets);
        }

        @Override public int hashCode() { return Arrays.hashCode(buckets) + Long.hashCode(min ^ max ^ step); }

        @Override public String toString() {
            return "Lhist" + Arrays.toString(buckets) + " min=" + min + " max=" + max + " step=" + step;
        }
    }
}
