package jtrace.ast;

import jtrace.diag.Span;

import java.util.List;

/**
 * What a script may hold besides its probes: C definitions passed through verbatim, a config
 * block (null when absent), macros and map declarations.
 */
public record Preamble(List<CDefinition> cDefinitions, Config config, List<Macro> macros, List<MapDecl> mapDecls) {
    public Preamble {
        cDefinitions = List.copyOf(cDefinitions);
        macros = List.copyOf(macros);
        mapDecls = List.copyOf(mapDecls);
    }

    public Preamble(List<CDefinition> cDefinitions, Config config, List<Macro> macros) {
        this(cDefinitions, config, macros, List.of());
    }

    public static final Preamble EMPTY = new Preamble(List.of(), null, List.of());

    /** {@code let @name = type(maxEntries);}: the BPF map type and size of a map, as written. */
    public record MapDecl(String name, String type, long maxEntries, Span span) {}

    /** A {@code #include}/{@code #define} line or a {@code struct/union/enum NAME { ... }} definition, as written. */
    public record CDefinition(String text, Span span) {}

    /** {@code config = { name = value; ... }}. */
    public record Config(List<ConfigEntry> entries, Span span) {
        public Config { entries = List.copyOf(entries); }
    }

    /** One setting; the value is an IntLit, StrLit, BoolLit or Ident (e.g. {@code stack_mode = perf}). */
    public record ConfigEntry(String name, Expr value, Span span) {}

    /** {@code macro name(params) { body }}; each param is a Variable, a MapAccess without keys, or an Ident. */
    public record Macro(String name, List<Expr> params, Block body, Span span) {
        public Macro { params = List.copyOf(params); }
    }
}
