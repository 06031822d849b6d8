package jtrace.sema;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Settings that shape compilation: bpftrace's config variables (from a {@code config = { }} block or
 * BPFTRACE_* in the environment), the positional and named parameters, the -c child's pid
 * ({@code cpid}), the -p pid filter, and whether --unsafe functions are allowed.
 */
public record CompileOptions(int maxStrlen, int maxMapKeys, List<String> positionalParams,
                             OptionalLong childPid, OptionalLong filterPid, ConfigValues config,
                             Map<String, String> namedParams, boolean unsafe, int perfRbPages) {

    /** bpftrace's default; strings that do not fit the BPF stack live in scratch maps (docs/architecture.md). */
    public static final int DEFAULT_MAX_STRLEN = 1024;
    public static final int DEFAULT_MAX_MAP_KEYS = 4096;
    public static final String DEFAULT_STACK_MODE = "bpftrace";
    public static final List<String> STACK_MODES = List.of("bpftrace", "perf", "raw");
    /**
     * Ring buffer pages per CPU (BPFTRACE_PERF_RB_PAGES). Larger than bpftrace's 64: jtrace has one
     * shared ring, and a printf per event at full speed must not lose events; see bench/README.md.
     */
    public static final int DEFAULT_PERF_RB_PAGES = 4096;

    public CompileOptions {
        positionalParams = List.copyOf(positionalParams);
        namedParams = Map.copyOf(namedParams);
    }

    public CompileOptions(int maxStrlen, int maxMapKeys, List<String> positionalParams) {
        this(maxStrlen, maxMapKeys, positionalParams, OptionalLong.empty(), OptionalLong.empty());
    }

    public CompileOptions(int maxStrlen, int maxMapKeys, List<String> positionalParams,
                          OptionalLong childPid, OptionalLong filterPid) {
        this(maxStrlen, maxMapKeys, positionalParams, childPid, filterPid, ConfigValues.DEFAULTS, Map.of(), false,
                DEFAULT_PERF_RB_PAGES);
    }

    /** The default output of kstack/ustack: bpftrace, perf or raw. */
    public String stackMode() { return config.stackMode(); }

    /** With the pid of the -c child (the value of {@code cpid}) and the -p pid probes are filtered by. */
    public CompileOptions withProcesses(OptionalLong child, OptionalLong filter) {
        return new CompileOptions(maxStrlen, maxMapKeys, positionalParams, child, filter, config, namedParams, unsafe, perfRbPages);
    }

    /** With the string and map limits a config block set. */
    public CompileOptions withLimits(int strlen, int mapKeys) {
        return new CompileOptions(strlen, mapKeys, positionalParams, childPid, filterPid, config, namedParams, unsafe, perfRbPages);
    }

    public CompileOptions withConfig(ConfigValues values) {
        return new CompileOptions(maxStrlen, maxMapKeys, positionalParams, childPid, filterPid, values, namedParams, unsafe, perfRbPages);
    }

    /** With the {@code --name=value} parameters given after {@code --}, read by {@code getopt()}. */
    public CompileOptions withNamedParams(Map<String, String> named) {
        return new CompileOptions(maxStrlen, maxMapKeys, positionalParams, childPid, filterPid, config, named, unsafe, perfRbPages);
    }

    /** With --unsafe: system(), signal() and the other unsafe functions are allowed. */
    public CompileOptions withUnsafe(boolean allowed) {
        return new CompileOptions(maxStrlen, maxMapKeys, positionalParams, childPid, filterPid, config, namedParams, allowed, perfRbPages);
    }

    public CompileOptions withPerfRbPages(int pages) {
        return new CompileOptions(maxStrlen, maxMapKeys, positionalParams, childPid, filterPid, config, namedParams, unsafe, pages);
    }

    public CompileOptions withStackMode(String mode) {
        if (!STACK_MODES.contains(mode)) {
            throw new IllegalArgumentException("Invalid value for stack_mode: valid values are bpftrace, perf, raw (" + mode + " provided)");
        }
        return withConfig(config.withStackMode(mode));
    }

    public static CompileOptions defaults() {
        return new CompileOptions(DEFAULT_MAX_STRLEN, DEFAULT_MAX_MAP_KEYS, List.of());
    }

    public static CompileOptions fromEnvironment(Map<String, String> env, List<String> params) {
        CompileOptions o = new CompileOptions(
                intSetting(env, "BPFTRACE_MAX_STRLEN", DEFAULT_MAX_STRLEN),
                intSetting(env, "BPFTRACE_MAX_MAP_KEYS", DEFAULT_MAX_MAP_KEYS),
                params).withPerfRbPages(intSetting(env, "BPFTRACE_PERF_RB_PAGES", DEFAULT_PERF_RB_PAGES));
        String trailer = env.get("BPFTRACE_STR_TRUNC_TRAILER");
        if (trailer != null) {
            o = o.withConfig(o.config().withStrTruncTrailer(trailer));
        }
        String mode = env.get("BPFTRACE_STACK_MODE");
        return mode == null || mode.isBlank() ? o : o.withStackMode(mode.trim());
    }

    private static int intSetting(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            int n = Integer.parseInt(v.trim());
            if (n <= 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Env var '" + name + "' did not contain a valid positive number: " + v);
        }
    }
}
