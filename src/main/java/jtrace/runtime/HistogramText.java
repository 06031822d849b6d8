package jtrace.runtime;

import jtrace.types.HistBuckets;

import java.util.ArrayList;
import java.util.List;

/** The rows of a hist() or lhist() as bpftrace prints them: empty leading/trailing buckets trimmed. */
final class HistogramText {
    private static final int BAR_WIDTH = 52;

    private HistogramText() {}

    /** A bucket bound: numbers are plain integers (adjacent ones print as {@code [n]}), symbols carry suffixes. */
    private record Label(String text, boolean plainInt, long value) {
        static Label of(long v) { return new Label(Long.toString(v), true, v); }

        static Label sym(String text) { return new Label(text, false, 0); }

        boolean precedes(Label next) {
            return plainInt && next.plainInt && value != Long.MAX_VALUE && value + 1 == next.value;
        }
    }

    /** labels.get(i) is the upper bound of counts.get(i); a missing last label means "and above". */
    private record Rows(Label lowerBound, List<Label> labels, List<Long> counts) {}

    static String log2(long[] buckets, int k, long div) {
        int[] range = HistBuckets.nonEmptyRange(buckets);
        if (range == null) return "";
        int min = range[0], max = range[1];
        int singles = 2 << k;
        Label lower = null;
        if (min != 0) lower = min - 1 <= singles ? Label.of(min - 1) : log2Label(min - 1, k);
        List<Label> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int i = min; i <= max; i++) {
            labels.add(i <= singles ? Label.of(i) : log2Label(i, k));
            counts.add(Long.divideUnsigned(buckets[i], div));
        }
        return rows(new Rows(lower, labels, counts));
    }

    /** The lower bound of bucket index+1: 2^power * (2^k + interval), with a K/M/G/T/P/E suffix. */
    private static Label log2Label(int index, int k) {
        int power = HistBuckets.log2Power(index, k);
        int decade = power / 10;
        long mantissa = (1L << (power - 10 * decade)) * HistBuckets.log2Multiplier(index, k);
        String suffix = decade == 0 ? "" : String.valueOf("KMGTPE".charAt(decade - 1));
        return Label.sym(mantissa + suffix);
    }

    static String linear(long[] buckets, long minValue, long maxValue, long step) {
        int[] range = HistBuckets.nonEmptyRange(buckets);
        if (range == null) return "";
        int min = range[0], max = range[1];
        Label lower = min != 0 ? linearLabel(minValue + (min - 1) * step, step) : null;
        List<Label> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int i = min; i <= max; i++) {
            long bound = minValue + i * step;
            if (bound <= maxValue) labels.add(linearLabel(bound, step));
            counts.add(buckets[i]); // div does not apply to lhist in bpftrace
        }
        return rows(new Rows(lower, labels, counts));
    }

    private static Label linearLabel(long number, long step) {
        final long kilo = 1024, mega = 1024 * 1024;
        if (step % kilo != 0) return Label.of(number);
        if (number == 0) return Label.sym("0");
        if (number % mega == 0) return Label.sym(number / mega + "M");
        if (number % kilo == 0) return Label.sym(number / kilo + "K");
        return Label.sym(Long.toString(number));
    }

    private static String rows(Rows r) {
        long maxCount = 0;
        for (long c : r.counts()) maxCount = Math.max(maxCount, c);
        StringBuilder out = new StringBuilder();
        int rows = Math.max(r.counts().size(), r.labels().size());
        for (int i = 0; i < rows; i++) {
            long count = r.counts().get(i);
            out.append(pad(header(r, i), 16, true))
                    .append(pad(Long.toUnsignedString(count), 8, false))
                    .append(" |")
                    .append(pad("@".repeat(barLength(count, maxCount)), BAR_WIDTH, true))
                    .append("|\n");
        }
        return out.toString();
    }

    private static String header(Rows r, int i) {
        List<Label> labels = r.labels();
        if (i == 0) {
            Label first = labels.isEmpty() ? null : labels.getFirst();
            if (r.lowerBound() == null) return "(..., " + first.text() + ")";
            if (first == null) return "[" + r.lowerBound().text() + ", ...)";
            if (r.lowerBound().precedes(first)) return "[" + r.lowerBound().text() + "]";
            return "[" + r.lowerBound().text() + ", " + first.text() + ")";
        }
        if (i >= labels.size()) return "[" + labels.get(i - 1).text() + ", ...)";
        if (labels.get(i - 1).precedes(labels.get(i))) return "[" + labels.get(i - 1).text() + "]";
        return "[" + labels.get(i - 1).text() + ", " + labels.get(i).text() + ")";
    }

    /** bpftrace computes the bar in single precision: (int) (count / (float) max * 52). */
    private static int barLength(long count, long max) {
        if (max == 0) return 0;
        return (int) ((float) count / (float) max * BAR_WIDTH);
    }

    private static String pad(String s, int width, boolean left) {
        if (s.length() >= width) return s;
        String fill = " ".repeat(width - s.length());
        return left ? s + fill : fill + s;
    }
}
