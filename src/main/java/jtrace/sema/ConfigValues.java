package jtrace.sema;

/**
 * The config variables beyond the string and map limits: set by {@code BPFTRACE_*} environment
 * variables or a script's {@code config = { }} block (see {@link ConfigBlock}).
 */
public record ConfigValues(String stackMode, String strTruncTrailer, boolean printMapsOnExit, String missingProbes,
                           String license, String unstableMapDecl) {
    public static final ConfigValues DEFAULTS = new ConfigValues("bpftrace", "..", true, "error", "GPL", "warn");

    /** With map declarations' default: {@code warn} (used, with a warning). */
    public ConfigValues(String stackMode, String strTruncTrailer, boolean printMapsOnExit, String missingProbes, String license) {
        this(stackMode, strTruncTrailer, printMapsOnExit, missingProbes, license, "warn");
    }

    /** {@code unstable_map_decl}: error, warn or enable. */
    public ConfigValues withUnstableMapDecl(String value) {
        return new ConfigValues(stackMode, strTruncTrailer, printMapsOnExit, missingProbes, license, value);
    }
}
