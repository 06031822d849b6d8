package jtrace.sema;

/**
 * The config variables beyond the string and map limits: set by {@code BPFTRACE_*} environment
 * variables or a script's {@code config = { }} block (see {@link ConfigBlock}).
 */
public record ConfigValues(String stackMode, String strTruncTrailer, boolean printMapsOnExit, String missingProbes,
                           String license, String unstableMapDecl) {
    public static final ConfigValues DEFAULTS = new ConfigValues("bpftrace", "..", true, "error", "GPL", "warn");

    /** {@code stack_mode}: bpftrace, perf or raw. */
    public ConfigValues withStackMode(String value) {
        return new ConfigValues(value, strTruncTrailer, printMapsOnExit, missingProbes, license, unstableMapDecl);
    }

    /** {@code str_trunc_trailer}: appended to truncated strings. */
    public ConfigValues withStrTruncTrailer(String value) {
        return new ConfigValues(stackMode, value, printMapsOnExit, missingProbes, license, unstableMapDecl);
    }

    /** {@code print_maps_on_exit}. */
    public ConfigValues withPrintMapsOnExit(boolean value) {
        return new ConfigValues(stackMode, strTruncTrailer, value, missingProbes, license, unstableMapDecl);
    }

    /** {@code missing_probes}: error, warn or ignore. */
    public ConfigValues withMissingProbes(String value) {
        return new ConfigValues(stackMode, strTruncTrailer, printMapsOnExit, value, license, unstableMapDecl);
    }

    /** {@code license}: the license string programs are loaded with. */
    public ConfigValues withLicense(String value) {
        return new ConfigValues(stackMode, strTruncTrailer, printMapsOnExit, missingProbes, value, unstableMapDecl);
    }

    /** {@code unstable_map_decl}: error, warn or enable. */
    public ConfigValues withUnstableMapDecl(String value) {
        return new ConfigValues(stackMode, strTruncTrailer, printMapsOnExit, missingProbes, license, value);
    }
}
