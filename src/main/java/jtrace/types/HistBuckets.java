package jtrace.types;

/**
 * Bucket indexing of log2 histograms: bucket 0 holds negative values, bucket 1 holds 0, then
 * for each power of two {@code 2^k} linear sub-buckets; 64-bit values need 64 powers.
 */
public final class HistBuckets {
    private HistBuckets() {}

    public static int count(int k) { return 2 + 64 * (1 << k); }
}
