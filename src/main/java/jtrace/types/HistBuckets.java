package jtrace.types;

/**
 * bpftrace's bucket numbering. log2 histograms with k bits split each power of two into 2^k
 * buckets: index 0 holds negative values, indexes 1..2^(k+1) hold the single values
 * 0..2^(k+1)-1, and after that each power of two [2^p, 2^(p+1)) spreads over 2^k buckets.
 * Linear histograms: index 0 is below min, 1.. are [min + (i-1)*step, min + i*step), and the
 * last one is everything from the last in-range bound up.
 */
public final class HistBuckets {
    private HistBuckets() {}

    /** The bucket of a value (taken as signed 64-bit, as bpftrace does) in a log2 histogram. */
    public static int log2Index(long value, int k) {
        checkBits(k);
        if (value < 0) return 0;
        long n = 1L << k;
        if (value < 2 * n) return (int) value + 1;
        int p = 63 - Long.numberOfLeadingZeros(value);
        long interval = (value >>> (p - k)) & (n - 1);
        return (int) ((p - k + 1) * n + interval + 1);
    }

    /** Buckets needed for every signed 64-bit value: (64 - k) * 2^k + 1. */
    public static int log2Count(int k) {
        checkBits(k);
        return (64 - k) * (1 << k) + 1;
    }

    public static int linearIndex(long value, long min, long max, long step) {
        if (value < min) return 0;
        if (value >= max) return (int) ((max - min) / step) + 1;
        return (int) ((value - min) / step) + 1;
    }

    public static int linearCount(long min, long max, long step) {
        return (int) ((max - min) / step) + 2;
    }

    /**
     * The power of two {@code p} of the bound between log2 buckets {@code index} and
     * {@code index + 1} (beyond the single values): the bound is {@code 2^p * log2Multiplier(index, k)}.
     */
    public static int log2Power(int index, int k) { return (index >> k) - 1; }

    /** {@code 2^k + interval}: the bound's multiplier of {@link #log2Power}. */
    public static long log2Multiplier(int index, int k) {
        int n = 1 << k;
        return n + (index & (n - 1));
    }

    /**
     * First and last bucket with a positive count, or null. bpftrace reads each count into an
     * int for this test, so only counts positive as 32-bit values take part.
     */
    public static int[] nonEmptyRange(long[] buckets) {
        int first = -1, last = -1;
        for (int i = 0; i < buckets.length; i++) {
            if ((int) buckets[i] > 0) {
                if (first < 0) first = i;
                last = i;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

    private static void checkBits(int k) {
        if (k < 0 || k > 5) throw new IllegalArgumentException("hist() bits must be 0 to 5: " + k);
    }
}
