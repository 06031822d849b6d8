package jtrace.runtime;

import jtrace.types.HistBuckets;

import java.util.AbstractMap;
import java.util.List;

/** Test access to the printer: a histogram of the given values, bucketed in Java. */
public final class HistBucketsProbe {
    private HistBucketsProbe() {}

    public static String print(String name, long[] values, int k) {
        long[] buckets = new long[HistBuckets.log2Count(k)];
        for (long v : values) buckets[HistBuckets.log2Index(v, k)]++;
        return TextMapPrinter.print(name, List.of(new AbstractMap.SimpleImmutableEntry<>(List.of(), new MapValue.Hist(buckets, k))), 0, 0);
    }
}
