package jtrace.sema;

/**
 * The config variables beyond the string and map limits: set by {@code BPFTRACE_*} environment
 * variables or a script's {@code config = { }} block (see {@link ConfigBlock}).
 */
public record ConfigValues(String stackMode, String strTruncTrailer, boolean printMapsOnExit, String missingProbes,
                           String license) {
    public static final ConfigValues DEFAULTS = new ConfigValues("bpftrace", "..", true, "error", "GPL");
}
