package jtrace.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistBucketsTest {
    @ParameterizedTest(name = "log2Index({0}, k={1}) = {2}")
    @CsvSource({
            "-1, 0, 0", "-9223372036854775808, 0, 0", "0, 0, 1", "1, 0, 2", "2, 0, 3", "3, 0, 3", "4, 0, 4",
            "1023, 0, 11", "1024, 0, 12", "9223372036854775807, 0, 64",
            "0, 1, 1", "3, 1, 4", "4, 1, 5", "5, 1, 5", "6, 1, 6", "8, 1, 7", "12, 1, 8",
            "7, 2, 8", "8, 2, 9", "9, 2, 9", "10, 2, 10", "9223372036854775807, 2, 248"})
    void log2Index(long value, int k, int index) {
        assertEquals(index, HistBuckets.log2Index(value, k));
    }

    @ParameterizedTest(name = "log2Count(k={0}) = {1}")
    @CsvSource({"0, 65", "1, 127", "2, 249", "5, 1889"})
    void log2CountCoversLongMax(int k, int count) {
        assertEquals(count, HistBuckets.log2Count(k));
        assertEquals(count - 1, HistBuckets.log2Index(Long.MAX_VALUE, k));
    }

    @ParameterizedTest(name = "linearIndex({0}, {1}, {2}, {3}) = {4}")
    @CsvSource({
            "-1, 0, 100, 10, 0", "0, 0, 100, 10, 1", "9, 0, 100, 10, 1", "10, 0, 100, 10, 2",
            "99, 0, 100, 10, 10", "100, 0, 100, 10, 11", "5000, 0, 100, 10, 11",
            "-21, -20, 20, 10, 0", "-20, -20, 20, 10, 1", "-1, -20, 20, 10, 2", "19, -20, 20, 10, 4",
            "20, -20, 20, 10, 5"})
    void linearIndex(long value, long min, long max, long step, int index) {
        assertEquals(index, HistBuckets.linearIndex(value, min, max, step));
    }

    @ParameterizedTest(name = "bound after log2 bucket {0} (k={1}) = {2}")
    @CsvSource({"2, 0, 2", "10, 0, 512", "11, 0, 1024", "4, 1, 4", "5, 1, 6", "8, 2, 8", "11, 2, 14"})
    void log2BoundIsTheNextBucketsLowestValue(int index, int k, long bound) {
        assertEquals(bound, (1L << HistBuckets.log2Power(index, k)) * HistBuckets.log2Multiplier(index, k));
        assertEquals(index + 1, HistBuckets.log2Index(bound, k));
        assertEquals(index, HistBuckets.log2Index(bound - 1, k));
    }

    @org.junit.jupiter.api.Test
    void nonEmptyRangeCountsOnlyPositive32BitCounts() {
        assertEquals(null, HistBuckets.nonEmptyRange(new long[] {0, 0}));
        assertArrayEquals(new int[] {1, 3}, HistBuckets.nonEmptyRange(new long[] {0, 2, 0, 1, 0}));
        // 2^32 is 0 as an int, 2^31 negative: bpftrace skips both.
        assertArrayEquals(new int[] {2, 2}, HistBuckets.nonEmptyRange(new long[] {1L << 32, 1L << 31, 5}));
    }
}
