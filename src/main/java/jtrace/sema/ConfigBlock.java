package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.ast.Preamble;
import jtrace.diag.CompileError;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a script's {@code config = { ... }} block to the compile options. Names may be written
 * as {@code max_strlen}, {@code MAX_STRLEN} or {@code BPFTRACE_MAX_STRLEN}; as in bpftrace, a
 * variable also set in the environment keeps the environment's value.
 */
public final class ConfigBlock {
    private ConfigBlock() {}

    private enum Kind { INTEGER, STRING, BOOL }

    /** Every config variable bpftrace knows, with the type its value must have. */
    private static final Map<String, Kind> KNOWN = Map.ofEntries(
            Map.entry("max_strlen", Kind.INTEGER), Map.entry("max_map_keys", Kind.INTEGER),
            Map.entry("log_size", Kind.INTEGER), Map.entry("max_bpf_progs", Kind.INTEGER),
            Map.entry("max_cat_bytes", Kind.INTEGER), Map.entry("max_probes", Kind.INTEGER),
            Map.entry("perf_rb_pages", Kind.INTEGER), Map.entry("on_stack_limit", Kind.INTEGER),
            Map.entry("stack_mode", Kind.STRING), Map.entry("str_trunc_trailer", Kind.STRING),
            Map.entry("missing_probes", Kind.STRING), Map.entry("license", Kind.STRING),
            Map.entry("cache_user_symbols", Kind.STRING),
            Map.entry("cpp_demangle", Kind.BOOL), Map.entry("lazy_symbolication", Kind.BOOL),
            Map.entry("show_debug_info", Kind.BOOL), Map.entry("print_maps_on_exit", Kind.BOOL),
            Map.entry("unstable_map_decl", Kind.STRING), Map.entry("unstable_tseries", Kind.STRING),
            Map.entry("unstable_addr", Kind.STRING), Map.entry("unstable_import", Kind.STRING));

    private static final Map<String, List<String>> CHOICES = Map.of(
            "stack_mode", List.of("bpftrace", "perf", "raw"),
            "missing_probes", List.of("error", "warn", "ignore"),
            "cache_user_symbols", List.of("PER_PROGRAM", "PER_PID", "NONE"),
            "unstable_map_decl", List.of("error", "warn", "enable"),
            "unstable_tseries", List.of("error", "warn", "enable"),
            "unstable_addr", List.of("error", "warn", "enable"),
            "unstable_import", List.of("error", "warn", "enable"));

    /** The options with the block's settings applied; {@code env} decides which settings the environment already made. */
    public static CompileOptions apply(Preamble.Config config, Map<String, String> env, CompileOptions options) {
        CompileOptions out = applyEnvironment(env, options);
        if (config == null) return out;
        for (Preamble.ConfigEntry entry : config.entries()) {
            String key = canonical(entry.name());
            if (key.equals("max_ast_nodes")) {
                throw new CompileError(entry.span(), "max_ast_nodes can only be set as an environment variable");
            }
            Kind kind = KNOWN.get(key);
            if (kind == null) throw new CompileError(entry.span(), "Unrecognized config variable: " + entry.name());
            Object value = value(entry, kind);
            if (inEnvironment(env, key)) continue;
            out = set(out, key, value);
        }
        return out;
    }

    /** The config variables jtrace honours that {@link CompileOptions#fromEnvironment} does not read. */
    static CompileOptions applyEnvironment(Map<String, String> env, CompileOptions options) {
        CompileOptions out = options;
        for (String key : List.of("stack_mode", "str_trunc_trailer", "print_maps_on_exit", "missing_probes", "license",
                "unstable_map_decl")) {
            String v = env.get("BPFTRACE_" + key.toUpperCase(Locale.ROOT));
            if (v == null) continue;
            Object value = switch (KNOWN.get(key)) {
                case BOOL -> v.equals("1") || v.equalsIgnoreCase("true");
                default -> v;
            };
            out = set(out, key, value);
        }
        return out;
    }

    static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("bpftrace_") ? lower.substring("bpftrace_".length()) : lower;
    }

    private static boolean inEnvironment(Map<String, String> env, String key) {
        String v = env.get("BPFTRACE_" + key.toUpperCase(Locale.ROOT));
        return v != null && !v.isEmpty();
    }

    private static Object value(Preamble.ConfigEntry entry, Kind kind) {
        Expr v = entry.value();
        Object value = switch (kind) {
            case INTEGER -> v instanceof Expr.IntLit i ? (Object) i.value() : null;
            case STRING -> switch (v) {
                case Expr.StrLit s -> s.value();
                case Expr.Ident id -> id.name();
                default -> null;
            };
            case BOOL -> switch (v) {
                case Expr.BoolLit b -> b.value();
                case Expr.IntLit i when i.value() == 0 || i.value() == 1 -> i.value() == 1;
                default -> null;
            };
        };
        if (value == null) {
            throw new CompileError(entry.span(), "Invalid type for " + entry.name() + ". Type: " + typeName(v)
                    + ". Expected Type: " + kind.name().toLowerCase(Locale.ROOT).replace("bool", "boolean"));
        }
        String key = canonical(entry.name());
        if (value instanceof Long n && n <= 0 && !key.equals("on_stack_limit")) {
            throw new CompileError(entry.span(), "Invalid value for " + entry.name() + ": " + n + ". It must be a positive integer");
        }
        List<String> choices = CHOICES.get(key);
        if (choices != null && !choices.contains(value)) {
            throw new CompileError(entry.span(), "Invalid value for " + entry.name() + ": " + value
                    + ". Valid values: " + String.join(", ", choices));
        }
        return value;
    }

    private static String typeName(Expr v) {
        return switch (v) {
            case Expr.IntLit i -> "integer";
            case Expr.BoolLit b -> "boolean";
            default -> "string";
        };
    }

    private static CompileOptions set(CompileOptions o, String key, Object value) {
        ConfigValues c = o.config();
        return switch (key) {
            case "max_strlen" -> o.withLimits(intValue(value), o.maxMapKeys());
            case "max_map_keys" -> o.withLimits(o.maxStrlen(), intValue(value));
            case "perf_rb_pages" -> o.withPerfRbPages(intValue(value));
            case "stack_mode" -> o.withConfig(c.withStackMode((String) value));
            case "str_trunc_trailer" -> o.withConfig(c.withStrTruncTrailer((String) value));
            case "print_maps_on_exit" -> o.withConfig(c.withPrintMapsOnExit((Boolean) value));
            case "missing_probes" -> o.withConfig(c.withMissingProbes((String) value));
            case "license" -> o.withConfig(c.withLicense((String) value));
            case "unstable_map_decl" -> o.withConfig(c.withUnstableMapDecl((String) value));
            // Accepted for portability; jtrace has no use for them (no symbol caches, no libbpf log).
            default -> o;
        };
    }

    private static int intValue(Object v) {
        long n = (Long) v;
        return (int) Math.min(n, Integer.MAX_VALUE);
    }
}
