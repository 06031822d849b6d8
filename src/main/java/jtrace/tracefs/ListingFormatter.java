package jtrace.tracefs;

/** bpftrace's -l / -lv lines for tracepoints. */
public final class ListingFormatter {
    private ListingFormatter() {}

    public static String tracepoint(String category, String event) {
        return "tracepoint:" + category + ":" + event + "\n";
    }

    /** The probe line, then each non-common field's declaration indented by four spaces. */
    public static String tracepointWithArgs(String category, String event, TracepointFormat format) {
        StringBuilder out = new StringBuilder(tracepoint(category, event));
        for (TracepointFormat.Field f : format.args()) out.append("    ").append(f.declaration()).append('\n');
        return out.toString();
    }
}
