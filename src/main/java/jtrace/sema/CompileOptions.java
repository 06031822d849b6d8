package jtrace.sema;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Settings that shape compilation: bpftrace's config variables (also read from BPFTRACE_* in the
 * environment), the positional parameters, the -c child's pid ({@code cpid}) and the -p pid filter.
 */
public record CompileOptions(int maxStrlen, int maxMapKeys, List<String> positionalParams,
                             OptionalLong childPid, OptionalLong filterPid, ConfigValues config,
                             Map<String, String> namedParams) {

    public CompileOptions {
        positionalParams = List.copyOf(positionalParams);
        namedParams = Map.copyOf(namedParams);
    }

    public CompileOptions(int maxStrlen, int maxMapKeys, List<String> positionalParams) {
        this(maxStrlen, maxMapKeys, positionalParams, OptionalLong.empty(), OptionalLong.empty());
    }

    public CompileOptions(int maxStrlen, int maxMapKeys, List<String> positionalParams,
                          OptionalLong childPid, OptionalLong filterPid) {
        this(maxStrlen, maxMapKeys, positionalParams, childPid, filterPid, ConfigValues.DEFAULTS, Map.of());
    }

    /** With the pid of the -c child (the value of {@code cpid}) and the -p pid probes are filtered by. */
    public CompileOptions withProcesses(OptionalLong child, OptionalLong filter) {
        return new CompileOptions(maxStrlen, maxMapKeys, positionalParams, child, filter, config, namedParams);
    }

    /** With the string and map limits a config block set. */
    public CompileOptions withLimits(int strlen, int mapKeys) {
        return new CompileOptions(strlen, mapKeys, positionalParams, childPid, filterPid, config, namedParams);
    }

    public CompileOptions withConfig(ConfigValues values) {
        return new CompileOptions(maxStrlen, maxMapKeys, positionalParams, childPid, filterPid, values, namedParams);
    }

    /** With the {@code --name=value} parameters given after {@code --}, read by {@code getopt()}. */
    public CompileOptions withNamedParams(Map<String, String> named) {
        return new CompileOptions(maxStrlen, maxMapKeys, positionalParams, childPid, filterPid, config, named);
    }

    /** Strings live on the 512-byte BPF stack here, so the default stays small; see docs/architecture.md. */
    public static final int DEFAULT_MAX_STRLEN = 64;
    public static final int DEFAULT_MAX_MAP_KEYS = 4096;

    public static CompileOptions defaults() {
        return new CompileOptions(DEFAULT_MAX_STRLEN, DEFAULT_MAX_MAP_KEYS, List.of());
    }

    public static CompileOptions fromEnvironment(Map<String, String> env, List<String> params) {
        return new CompileOptions(
                intSetting(env, "BPFTRACE_MAX_STRLEN", DEFAULT_MAX_STRLEN),
                intSetting(env, "BPFTRACE_MAX_MAP_KEYS", DEFAULT_MAX_MAP_KEYS),
                params);
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
