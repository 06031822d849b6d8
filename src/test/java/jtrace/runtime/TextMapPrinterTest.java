package jtrace.runtime;

import jtrace.types.HistBuckets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden texts. Where bpftrace 0.17 (installed here) and current bpftrace agree, they were
 * checked against 0.17's real output; current differs in writing "@h:" without a trailing
 * space, in {@code [n]} rows for step-1 lhists, and in stats as a record.
 */
class TextMapPrinterTest {
    private static final String BAR = "@".repeat(52);
    private static final String NONE = " ".repeat(52);

    private static Value i(long v) { return Value.Int.int64(v); }

    private static Value s(String v) { return new Value.Str(v); }

    private static Map.Entry<List<Value>, MapValue> e(List<Value> key, MapValue v) { return Map.entry(key, v); }

    private static List<Map.Entry<List<Value>, MapValue>> scalar(MapValue v) { return List.of(e(List.of(), v)); }

    private static String row(String header, long count, String bar) {
        return String.format("%-16s%8d |%-52s|%n", header, count, bar);
    }

    private static long[] log2(int k, long... values) {
        long[] b = new long[HistBuckets.log2Count(k)];
        for (long v : values) b[HistBuckets.log2Index(v, k)]++;
        return b;
    }

    private static long[] linear(long min, long max, long step, long... values) {
        long[] b = new long[HistBuckets.linearCount(min, max, step)];
        for (long v : values) b[HistBuckets.linearIndex(v, min, max, step)]++;
        return b;
    }

    @Test
    void countsSortAscendingWithTupleKeys() {
        var entries = List.of(
                e(List.of(i(2), s("x")), new MapValue.Count(2)),
                e(List.of(i(1), s("abc")), new MapValue.Count(1)));
        assertEquals("@c[1, abc]: 1\n@c[2, x]: 2\n", TextMapPrinter.print("@c", entries, 0, 0));
    }

    @Test
    void scalarValues() {
        assertEquals("@b: 1\n", TextMapPrinter.print("@b", scalar(new MapValue.Scalar(i(1))), 0, 0));
        assertEquals("@mn: -3\n", TextMapPrinter.print("@mn", scalar(new MapValue.Min(-3)), 0, 0));
        assertEquals("@a: 3\n", TextMapPrinter.print("@a", scalar(new MapValue.Avg(7, 2)), 0, 0));
        assertEquals("@a: -3\n", TextMapPrinter.print("@a", scalar(new MapValue.Avg(-7, 2)), 0, 0));
        assertEquals("@a: 0\n", TextMapPrinter.print("@a", scalar(new MapValue.Avg(0, 0)), 0, 0));
        assertEquals("@s: abc\n", TextMapPrinter.print("@s", scalar(new MapValue.Scalar(s("abc"))), 0, 0));
        assertEquals("@t: true\n", TextMapPrinter.print("@t", scalar(new MapValue.Scalar(new Value.Bool(true))), 0, 0));
    }

    @Test
    void edgeIntegers() {
        assertEquals("@x: 9223372036854775807\n",
                TextMapPrinter.print("@x", scalar(new MapValue.Sum(Long.MAX_VALUE, true)), 0, 0));
        assertEquals("@x: 18446744073709551615\n",
                TextMapPrinter.print("@x", scalar(new MapValue.Count(-1L)), 0, 0));
        assertEquals("@x: -1\n", TextMapPrinter.print("@x", scalar(new MapValue.Sum(-1, true)), 0, 0));
        assertEquals("@x: 18446744073709551615\n",
                TextMapPrinter.print("@x", scalar(new MapValue.Sum(-1, false)), 0, 0));
        assertEquals("@x: 0\n", TextMapPrinter.print("@x", scalar(new MapValue.Max(0)), 0, 0));
        assertEquals("@x: 4294967295\n", TextMapPrinter.print("@x",
                scalar(new MapValue.Scalar(new Value.Int(0xFFFF_FFFFL, 4, false))), 0, 0));
        assertEquals("@x: -1\n", TextMapPrinter.print("@x",
                scalar(new MapValue.Scalar(new Value.Int(0xFFFF_FFFFL, 4, true))), 0, 0));
    }

    @Test
    void statsPrintAsRecord() {
        assertEquals("@s: { .count = 2, .average = 3, .total = 6 }\n",
                TextMapPrinter.print("@s", scalar(new MapValue.Stats(2, 6)), 0, 0));
        assertEquals("@st[a]: { .count = 1, .average = 2, .total = 2 }\n", TextMapPrinter.print("@st",
                List.of(e(List.of(s("a")), new MapValue.Stats(1, 2))), 0, 0));
    }

    @Test
    void divDividesValuesButNotStatsTotals() {
        assertEquals("@s: { .count = 2, .average = 1, .total = 6 }\n",
                TextMapPrinter.print("@s", scalar(new MapValue.Stats(2, 6)), 0, 2));
        assertEquals("@c: 3\n", TextMapPrinter.print("@c", scalar(new MapValue.Count(7)), 0, 2));
        assertEquals("@c: -3\n", TextMapPrinter.print("@c", scalar(new MapValue.Sum(-7, true)), 0, 2));
    }

    @Test
    void topKeepsTheLargestAndDivDivides() {
        // bpftrace 0.17: @x[1]=100; @x[2]=250; @x[-3]=7; print(@x, 2, 10)
        var entries = List.of(
                e(List.of(i(1)), new MapValue.Scalar(i(100))),
                e(List.of(i(2)), new MapValue.Scalar(i(250))),
                e(List.of(i(-3)), new MapValue.Scalar(i(7))));
        assertEquals("@x[1]: 10\n@x[2]: 25\n", TextMapPrinter.print("@x", entries, 2, 10));
        assertEquals("@x[-3]: 7\n@x[1]: 100\n@x[2]: 250\n", TextMapPrinter.print("@x", entries, 0, 0));
        assertEquals("@x[-3]: 7\n@x[1]: 100\n@x[2]: 250\n", TextMapPrinter.print("@x", entries, 5, 1));
    }

    @Test
    void signedSumsSortSignedAndMinMaxSortUnsigned() {
        var sums = List.of(e(List.of(s("a")), new MapValue.Sum(5, true)), e(List.of(s("b")), new MapValue.Sum(-5, true)));
        assertEquals("@s[b]: -5\n@s[a]: 5\n", TextMapPrinter.print("@s", sums, 0, 0));
        var mins = List.of(e(List.of(s("a")), new MapValue.Min(-5)), e(List.of(s("b")), new MapValue.Min(5)));
        assertEquals("@m[b]: 5\n@m[a]: -5\n", TextMapPrinter.print("@m", mins, 0, 0));
    }

    @Test
    void nonIntegerValuesSortByKey() {
        // bpftrace 0.17: @str["b"] = "x"; @str["a"] = "y"
        var entries = List.of(e(List.of(s("b")), new MapValue.Scalar(s("x"))),
                e(List.of(s("a")), new MapValue.Scalar(s("y"))));
        assertEquals("@str[a]: y\n@str[b]: x\n", TextMapPrinter.print("@str", entries, 0, 0));
        var tuples = List.of(
                e(List.of(i(2), s("b")), new MapValue.Scalar(s("v"))),
                e(List.of(i(-1), s("z")), new MapValue.Scalar(s("v"))),
                e(List.of(i(2), s("a")), new MapValue.Scalar(s("v"))),
                e(List.of(i(2), s("ab")), new MapValue.Scalar(s("v"))));
        assertEquals("@t[-1, z]: v\n@t[2, a]: v\n@t[2, ab]: v\n@t[2, b]: v\n",
                TextMapPrinter.print("@t", tuples, 0, 0));
    }

    @Test
    void tupleValuesAndKeysThatAreTuples() {
        var entries = List.of(e(List.of(new Value.Tuple(List.of(i(1), s("x")))),
                new MapValue.Scalar(new Value.Tuple(List.of(i(3), s("abc"), new Value.Bool(false))))));
        assertEquals("@p[1, x]: (3, abc, false)\n", TextMapPrinter.print("@p", entries, 0, 0));
    }

    @Test
    void emptyMapPrintsNothing() {
        assertEquals("", TextMapPrinter.print("@m", List.of(), 0, 0));
    }

    @Test
    void log2Histogram() {
        // bpftrace 0.17: @h = hist(5), hist(0), hist(-1), hist(1), hist(1100000)
        var h = new MapValue.Hist(log2(0, 5, 0, -1, 1, 1100000), 0);
        StringBuilder want = new StringBuilder("@h:\n");
        want.append(row("(..., 0)", 1, BAR)).append(row("[0]", 1, BAR)).append(row("[1]", 1, BAR))
                .append(row("[2, 4)", 0, NONE)).append(row("[4, 8)", 1, BAR))
                .append(row("[8, 16)", 0, NONE)).append(row("[16, 32)", 0, NONE)).append(row("[32, 64)", 0, NONE))
                .append(row("[64, 128)", 0, NONE)).append(row("[128, 256)", 0, NONE))
                .append(row("[256, 512)", 0, NONE)).append(row("[512, 1K)", 0, NONE))
                .append(row("[1K, 2K)", 0, NONE)).append(row("[2K, 4K)", 0, NONE)).append(row("[4K, 8K)", 0, NONE))
                .append(row("[8K, 16K)", 0, NONE)).append(row("[16K, 32K)", 0, NONE))
                .append(row("[32K, 64K)", 0, NONE)).append(row("[64K, 128K)", 0, NONE))
                .append(row("[128K, 256K)", 0, NONE)).append(row("[256K, 512K)", 0, NONE))
                .append(row("[512K, 1M)", 0, NONE)).append(row("[1M, 2M)", 1, BAR)).append("\n");
        assertEquals(want.toString(), TextMapPrinter.print("@h", scalar(h), 0, 0));
    }

    @Test
    void histogramBarsScaleToTheLargestBucket() {
        // bpftrace's tests/runtime/outputs/hist.txt: values -1, 2, 3, 4, 16
        var h = new MapValue.Hist(log2(0, -1, 2, 3, 4, 16), 0);
        String half = "@".repeat(26);
        String want = "@:\n" + row("(..., 0)", 1, half) + row("[0]", 0, NONE) + row("[1]", 0, NONE)
                + row("[2, 4)", 2, BAR) + row("[4, 8)", 1, half) + row("[8, 16)", 0, NONE)
                + row("[16, 32)", 1, half) + "\n";
        assertEquals(want, TextMapPrinter.print("@", scalar(h), 0, 0));
    }

    @Test
    void histogramWithLeadingBucketsTrimmedUsesLowerBound() {
        assertEquals("@z:\n" + row("[0]", 1, BAR) + "\n",
                TextMapPrinter.print("@z", scalar(new MapValue.Hist(log2(0, 0), 0)), 0, 0));
        assertEquals("@z:\n" + row("[4, 8)", 1, BAR) + "\n",
                TextMapPrinter.print("@z", scalar(new MapValue.Hist(log2(0, 5), 0)), 0, 0));
        assertEquals("@z:\n" + row("[2, 4)", 1, BAR) + "\n",
                TextMapPrinter.print("@z", scalar(new MapValue.Hist(log2(0, 2), 0)), 0, 0));
    }

    @Test
    void hugeValuesGetExaSuffix() {
        assertEquals("@g:\n" + row("[4E, 8E)", 1, BAR) + "\n",
                TextMapPrinter.print("@g", scalar(new MapValue.Hist(log2(0, Long.MAX_VALUE), 0)), 0, 0));
        assertEquals("@g:\n" + row("[1G, 2G)", 3, BAR) + "\n", TextMapPrinter.print("@g",
                scalar(new MapValue.Hist(log2(0, 1L << 30, (1L << 31) - 1, 1500000000L), 0)), 0, 0));
    }

    @Test
    void histogramWithBits() {
        // k = 1: singles up to 3, then each power of two in two halves.
        var h = new MapValue.Hist(log2(1, 3, 4, 5, 6, 7, 8, 11, 12), 1);
        // counts: [3]=1, [4,6)=2, [6,8)=2, [8,12)=2, [12,16)=1; max 2
        String want = "@h:\n" + row("[3]", 1, "@".repeat(26)) + row("[4, 6)", 2, BAR) + row("[6, 8)", 2, BAR)
                + row("[8, 12)", 2, BAR) + row("[12, 16)", 1, "@".repeat(26)) + "\n";
        assertEquals(want, TextMapPrinter.print("@h", scalar(h), 0, 0));
    }

    @Test
    void histogramDivDividesCounts() {
        var h = new MapValue.Hist(log2(0, 1, 1, 1, 1, 2), 0);
        String want = "@h:\n" + row("[1]", 2, BAR) + row("[2, 4)", 0, NONE) + "\n";
        assertEquals(want, TextMapPrinter.print("@h", scalar(h), 0, 2));
    }

    @Test
    void barsUseSinglePrecision() {
        long[] b = new long[HistBuckets.log2Count(0)];
        b[1] = 3;
        b[2] = 1;
        // 1/3 * 52 = 17.33 -> 17
        String want = "@h:\n" + row("[0]", 3, BAR) + row("[1]", 1, "@".repeat(17)) + "\n";
        assertEquals(want, TextMapPrinter.print("@h", scalar(new MapValue.Hist(b, 0)), 0, 0));
    }

    @Test
    void emptyHistogramPrintsHeaderAndBlankLine() {
        var h = new MapValue.Hist(new long[HistBuckets.log2Count(0)], 0);
        assertEquals("@h:\n\n", TextMapPrinter.print("@h", scalar(h), 0, 0));
    }

    @Test
    void keyedHistogramsSortByTotalCount() {
        // bpftrace 0.17: @e[1] = hist(3); @e[2] = hist(4); @e[2] = hist(40)
        var entries = List.of(
                e(List.of(i(2)), new MapValue.Hist(log2(0, 4, 40), 0)),
                e(List.of(i(1)), new MapValue.Hist(log2(0, 3), 0)));
        String want = "@e[1]:\n" + row("[2, 4)", 1, BAR) + "\n"
                + "@e[2]:\n" + row("[4, 8)", 1, BAR) + row("[8, 16)", 0, NONE) + row("[16, 32)", 0, NONE)
                + row("[32, 64)", 1, BAR) + "\n";
        assertEquals(want, TextMapPrinter.print("@e", entries, 0, 0));
        assertEquals("@e[2]:\n" + row("[4, 8)", 1, BAR) + row("[8, 16)", 0, NONE) + row("[16, 32)", 0, NONE)
                + row("[32, 64)", 1, BAR) + "\n", TextMapPrinter.print("@e", entries, 1, 0));
    }

    @Test
    void linearHistogram() {
        // bpftrace 0.17: @l = lhist(5|-5|500, 0, 100, 10)
        var l = new MapValue.Lhist(linear(0, 100, 10, 5, -5, 500), 0, 100, 10);
        StringBuilder want = new StringBuilder("@l:\n").append(row("(..., 0)", 1, BAR)).append(row("[0, 10)", 1, BAR));
        for (int lo = 10; lo < 100; lo += 10) want.append(row("[" + lo + ", " + (lo + 10) + ")", 0, NONE));
        want.append(row("[100, ...)", 1, BAR)).append("\n");
        assertEquals(want.toString(), TextMapPrinter.print("@l", scalar(l), 0, 0));
    }

    @Test
    void linearHistogramTrimmedStartsAtLowerBound() {
        // bpftrace 0.17: lhist(20|27|59|60, 20, 60, 5)
        var l = new MapValue.Lhist(linear(20, 60, 5, 20, 27, 59, 60), 20, 60, 5);
        StringBuilder want = new StringBuilder("@l:\n").append(row("[20, 25)", 1, BAR)).append(row("[25, 30)", 1, BAR));
        for (int lo = 30; lo < 55; lo += 5) want.append(row("[" + lo + ", " + (lo + 5) + ")", 0, NONE));
        want.append(row("[55, 60)", 1, BAR)).append(row("[60, ...)", 1, BAR)).append("\n");
        assertEquals(want.toString(), TextMapPrinter.print("@l", scalar(l), 0, 0));
    }

    @Test
    void linearHistogramNegativeRange() {
        var l = new MapValue.Lhist(linear(-20, 20, 10, -25, -20, -1, 0, 19, 20), -20, 20, 10);
        String want = "@l:\n" + row("(..., -20)", 1, BAR) + row("[-20, -10)", 1, BAR) + row("[-10, 0)", 1, BAR)
                + row("[0, 10)", 1, BAR) + row("[10, 20)", 1, BAR) + row("[20, ...)", 1, BAR) + "\n";
        assertEquals(want, TextMapPrinter.print("@l", scalar(l), 0, 0));
    }

    @Test
    void linearHistogramLabels() {
        // bpftrace 0.17: lhist(3000, 0, 10240, 1024) and lhist(1048576, 0, 2097152, 1048576)
        assertEquals("@k:\n" + row("[2K, 3K)", 1, BAR) + "\n", TextMapPrinter.print("@k",
                scalar(new MapValue.Lhist(linear(0, 10240, 1024, 3000), 0, 10240, 1024)), 0, 0));
        assertEquals("@j:\n" + row("[1M, 2M)", 1, BAR) + "\n", TextMapPrinter.print("@j",
                scalar(new MapValue.Lhist(linear(0, 2097152, 1048576, 1048576), 0, 2097152, 1048576)), 0, 0));
        // Step 1: adjacent integer bounds print as a single value in current bpftrace (0.17: "[3, 4)").
        assertEquals("@w:\n" + row("[3]", 1, BAR) + "\n", TextMapPrinter.print("@w",
                scalar(new MapValue.Lhist(linear(0, 10, 1, 3), 0, 10, 1)), 0, 0));
        assertEquals("@w:\n" + row("[10, ...)", 1, BAR) + "\n", TextMapPrinter.print("@w",
                scalar(new MapValue.Lhist(linear(0, 10, 1, 50), 0, 10, 1)), 0, 0));
    }

    @Test
    void printAllSortsMapsByNameAfterTwoNewlines() {
        List<MapDump> maps = new ArrayList<>();
        maps.add(new MapDump("@c", List.of(e(List.of(i(1), s("abc")), new MapValue.Count(1)))));
        maps.add(new MapDump("@a", scalar(new MapValue.Avg(7, 2))));
        maps.add(new MapDump("@z", scalar(new MapValue.Hist(log2(0, 0), 0))));
        maps.add(new MapDump("@", scalar(new MapValue.Count(4))));
        maps.add(new MapDump("@empty", List.of()));
        String want = "\n\n@: 4\n@a: 3\n@c[1, abc]: 1\n@z:\n" + row("[0]", 1, BAR) + "\n";
        assertEquals(want, TextMapPrinter.printAll(maps));
        assertEquals("", TextMapPrinter.printAll(List.of()));
    }
}
