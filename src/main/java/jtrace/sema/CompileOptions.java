package jtrace.sema;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Settings that shape compilation: bpftrace's config variables (also read from BPFTRACE_* in the
 * environment), the positional parameters, the -c child's pid ({@code cpid}) and the -p pid filter.
 */
public record CompileOptions(int maxStrlen, int maxMapKeys, List<String> positionalParams,
                             OptionalLong childPid, OptionalLong filterPid, int perfRbPages) {

    public CompileOptions(int maxStrlen, int maxMapKeys, List<String> positionalParams) {
        this(maxStrlen, maxMapKeys, positionalParams, OptionalLong.empty(), OptionalLong.empty());
    }

    public CompileOptions(int maxStrlen, int maxMapKeys, List<String> positionalParams,
                          OptionalLong childPid, OptionalLong filterPid) {
        this(maxStrlen, maxMapKeys, positionalParams, childPid, filterPid, DEFAULT_PERF_RB_PAGES);
    }

    /** With the pid of the -c child (the value of {@code cpid}) and the -p pid probes are filtered by. */
    public CompileOptions withProcesses(OptionalLong child, OptionalLong filter) {
        return new CompileOptions(maxStrlen, maxMapKeys, positionalParams, child, filter, perfRbPages);
    }

    /** With {@code perf_rb_pages}: pages of output ring buffer per CPU. */
    public CompileOptions withPerfRbPages(int pages) {
        return new CompileOptions(maxStrlen, maxMapKeys, positionalParams, childPid, filterPid, pages);
    }

    /**
     * bpftrace's perf_rb_pages defaults to 64 pages per CPU. jtrace's output is one BPF ring buffer
     * that lets the traced process run at full speed, so bursts are absorbed by the ring alone:
     * 4096 pages (16 MiB) per CPU, the total rounded up to a power of two and, by default only,
     * capped at 64 MiB (bench/README.md: 1M printf events from getpid at full speed lose none).
     */
    public static final int DEFAULT_PERF_RB_PAGES = 4096;

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
                params).withPerfRbPages(intSetting(env, "BPFTRACE_PERF_RB_PAGES", DEFAULT_PERF_RB_PAGES));
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
