package jtrace.cpp;

import jtrace.ast.Preamble;
import jtrace.diag.CompileError;
import jtrace.diag.Span;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A C preprocessor for the C part of a script, as bpftrace runs it through clang: {@code #include}
 * along the {@link IncludePath}, {@code #define}/{@code #undef}, conditionals with
 * {@code defined()} and integer expressions, include guards and {@code #pragma once}. Only
 * directives are interpreted: ordinary header text is kept (for its struct definitions), never
 * parsed as C. Errors in the script's own lines carry their span; errors inside a header name the
 * header and line, at the span of the script's {@code #include} that led there.
 */
public final class Preprocessor {
    /**
     * {@code includeDirs}: {@code -I} directories; {@code includeFiles}: {@code --include} files,
     * read before the script; {@code btf}: whether the kernel has BTF (defines BPFTRACE_HAVE_BTF,
     * and makes a header that is not found a warning instead of an error).
     */
    public record Options(List<String> includeDirs, List<String> includeFiles, boolean btf) {
        public Options {
            includeDirs = List.copyOf(includeDirs);
            includeFiles = List.copyOf(includeFiles);
        }

        /** This machine: BTF if /sys/kernel/btf/vmlinux exists. */
        public static Options of(List<String> includeDirs, List<String> includeFiles) {
            return new Options(includeDirs, includeFiles, Files.exists(Path.of("/sys/kernel/btf/vmlinux")));
        }
    }

    private static final int MAX_DEPTH = 200;

    private final MacroTable macros = new MacroTable();
    private final IncludePath path;
    private final boolean btf;
    private final Set<Path> once = new HashSet<>();
    private final Set<Path> read = new LinkedHashSet<>();
    private final List<String> missing = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final StringBuilder headerText = new StringBuilder();
    private final Deque<Path> including = new ArrayDeque<>();
    /** The script's span errors are reported at while a header is being read. */
    private Span includeSpan;

    private Preprocessor(IncludePath path, boolean btf) {
        this.path = path;
        this.btf = btf;
    }

    /** Whether the script has anything for the preprocessor (else {@link Preprocessed#none} will do). */
    public static boolean needed(List<Preamble.CDefinition> definitions, Options options) {
        if (!options.includeFiles().isEmpty()) return true;
        for (Preamble.CDefinition d : definitions) if (d.text().stripLeading().startsWith("#")) return true;
        return false;
    }

    /** Preprocesses the script's C definitions (in script order) with the machine's include path. */
    public static Preprocessed run(List<Preamble.CDefinition> definitions, Options options) {
        return run(definitions, options, IncludePath.system(options.includeDirs()));
    }

    public static Preprocessed run(List<Preamble.CDefinition> definitions, Options options, IncludePath path) {
        if (!needed(definitions, options)) return Preprocessed.none(definitions);
        Preprocessor p = new Preprocessor(path, options.btf());
        p.builtin(PredefinedMacros.GCC_X86_64);
        if (options.btf()) p.builtin(PredefinedMacros.BTF);
        Span first = definitions.isEmpty() ? new Span(0, 0) : definitions.getFirst().span();
        // A header's #if groups and errors need a span before the script's own lines set one.
        p.includeSpan = first;
        for (String f : options.includeFiles()) {
            String spelled = f.startsWith("<") || f.startsWith("\"") ? f : "\"" + f + "\"";
            p.include(spelled, null, false, first, "--include " + f);
        }
        return p.script(definitions);
    }

    private void builtin(String text) {
        for (SourceLines.Line l : SourceLines.split(text)) {
            List<PpToken> toks = PpLexer.tokens(l.text());
            try {
                define(toks.subList(2, toks.size()), "<built-in>");
            } catch (MacroTable.ExpansionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- the script ----

    private Preprocessed script(List<Preamble.CDefinition> definitions) {
        Conditionals cond = new Conditionals();
        List<Preamble.CDefinition> kept = new ArrayList<>();
        for (Preamble.CDefinition d : definitions) {
            includeSpan = d.span();
            if (!d.text().stripLeading().startsWith("#")) {
                if (cond.active()) kept.add(new Preamble.CDefinition(expandText(d.text(), d.span()), d.span()));
                continue;
            }
            for (SourceLines.Line line : SourceLines.split(d.text())) {
                if (!line.isDirective()) continue;
                try {
                    directive(line, cond, null, d);
                } catch (MacroTable.ExpansionException e) {
                    throw new CompileError(d.span(), e.getMessage());
                }
            }
        }
        if (!cond.stack.isEmpty()) throw new CompileError(cond.openedAt.peek(), "unterminated conditional directive");
        return new Preprocessed(macros.all(), kept, new HeaderStructs(headerText.toString()), List.copyOf(read), missing, warnings);
    }

    /** A struct definition of the script with its macros expanded (array sizes such as {@code char name[LEN]}). */
    private String expandText(String text, Span span) {
        List<PpToken> toks = new ArrayList<>();
        for (SourceLines.Line l : SourceLines.split(text)) toks.addAll(PpLexer.tokens(l.text()));
        try {
            List<PpToken> out = macros.expand(toks);
            return out.equals(toks) ? text : PpLexer.spell(out);
        } catch (MacroTable.ExpansionException e) {
            throw new CompileError(span, e.getMessage());
        }
    }

    // ---- headers ----

    private void include(String spelled, Path fromDir, boolean next, Span span, String where) {
        Path after = next && !including.isEmpty() ? path.dirOf(including.peek()) : null;
        Path file = path.find(spelled, fromDir, after);
        String name = spelled.substring(1, spelled.length() - 1);
        if (file == null) {
            String message = "'" + name + "' file not found";
            if (!btf) throw new CompileError(span, where == null ? message : where + ": " + message);
            // BTF describes the kernel's types, which is what kernel headers are usually included for.
            missing.add(name);
            warnings.add((where == null ? "" : where + ": ") + message
                    + " (kernel types come from BTF; macros it would define are unknown)");
            return;
        }
        Path real = file.toAbsolutePath().normalize();
        if (once.contains(real)) return;
        if (including.size() >= MAX_DEPTH) {
            throw new CompileError(span, where + ": #include nested depth " + MAX_DEPTH + " exceeds maximum of " + MAX_DEPTH);
        }
        String text;
        try {
            text = Files.readString(real, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CompileError(span, "cannot read '" + real + "': " + e.getMessage());
        }
        read.add(real);
        including.push(real);
        try {
            header(real, text);
        } finally {
            including.pop();
        }
    }

    private void header(Path file, String text) {
        Conditionals cond = new Conditionals();
        for (SourceLines.Line line : SourceLines.split(text)) {
            if (!line.isDirective()) {
                if (cond.active()) headerText.append(line.text()).append('\n');
                continue;
            }
            try {
                directive(line, cond, file, null);
            } catch (MacroTable.ExpansionException e) {
                throw new CompileError(includeSpan, file + ":" + line.number() + ": " + e.getMessage());
            }
        }
        if (!cond.stack.isEmpty()) throw new CompileError(includeSpan, file + ": unterminated conditional directive");
    }

    // ---- directives ----

    /** The state of nested #if groups in one file. */
    private static final class Conditionals {
        /** Per open group: 0 = a branch is active, 1 = none taken yet, 2 = one was taken (or the parent is inactive); +4 once #else is seen. */
        final Deque<Integer> stack = new ArrayDeque<>();
        final Deque<Span> openedAt = new ArrayDeque<>();
        int inactiveDepth;

        boolean active() { return inactiveDepth == 0; }
    }

    private void directive(SourceLines.Line line, Conditionals cond, Path file, Preamble.CDefinition scriptLine)
            throws MacroTable.ExpansionException {
        List<PpToken> toks = PpLexer.tokens(line.text());
        if (toks.size() < 2) return; // the null directive "#"
        String name = toks.get(1).text();
        List<PpToken> rest = toks.subList(2, toks.size());
        switch (name) {
            case "if", "ifdef", "ifndef" -> {
                boolean parentActive = cond.active();
                boolean take = parentActive && condition(name, rest, file);
                cond.stack.push(take ? 0 : parentActive ? 1 : 2);
                cond.openedAt.push(includeSpan);
                if (!take) cond.inactiveDepth++;
                return;
            }
            case "elif", "elifdef", "elifndef", "else" -> {
                if (cond.stack.isEmpty()) throw new MacroTable.ExpansionException("#" + name + " without #if");
                int state = cond.stack.pop();
                if ((state & 4) != 0) throw new MacroTable.ExpansionException("#" + name + " after #else");
                int s = state & 3;
                int next;
                if (s == 0) {
                    next = 2;
                    cond.inactiveDepth++;
                } else if (s == 1) {
                    boolean take = name.equals("else") || condition(name.substring(2), rest, file);
                    next = take ? 0 : 1;
                    if (take) cond.inactiveDepth--;
                } else {
                    next = 2;
                }
                cond.stack.push(next | (name.equals("else") ? 4 : 0));
                return;
            }
            case "endif" -> {
                if (cond.stack.isEmpty()) throw new MacroTable.ExpansionException("#endif without #if");
                if ((cond.stack.pop() & 3) != 0) cond.inactiveDepth--;
                cond.openedAt.pop();
                return;
            }
            default -> { }
        }
        if (!cond.active()) return;
        String where = file == null ? null : file + ":" + line.number();
        switch (name) {
            case "define" -> define(rest, where == null ? "script" : where);
            case "undef" -> {
                if (rest.isEmpty() || !rest.getFirst().isIdent()) throw new MacroTable.ExpansionException("macro name must be an identifier");
                macros.undefine(rest.getFirst().text());
            }
            case "include", "include_next", "import" -> {
                String spelled = IfExpression.headerName(rest, macros);
                Span span = includeSpan;
                if (scriptLine != null) {
                    int at = scriptLine.text().indexOf(spelled);
                    if (at >= 0) span = new Span(scriptLine.span().start() + at, scriptLine.span().start() + at + spelled.length());
                    includeSpan = span;
                }
                Path dir = file == null ? null : file.getParent();
                include(spelled, dir, name.equals("include_next") && file != null, span, where);
            }
            case "pragma" -> {
                if (!rest.isEmpty() && rest.getFirst().is("once") && file != null) once.add(file);
            }
            case "error" -> throw new MacroTable.ExpansionException("#error " + PpLexer.spell(rest).strip());
            case "warning", "line", "ident", "sccs", "assert", "unassert" -> { }
            default -> throw new MacroTable.ExpansionException("invalid preprocessing directive '#" + name + "'");
        }
    }

    private boolean condition(String kind, List<PpToken> rest, Path file) throws MacroTable.ExpansionException {
        if (kind.equals("if")) {
            Path dir = file == null ? null : file.getParent();
            return IfExpression.evaluate(rest, macros, h -> path.find(h, dir, null) != null);
        }
        if (rest.isEmpty() || !rest.getFirst().isIdent()) throw new MacroTable.ExpansionException("macro name missing");
        boolean defined = macros.defined(rest.getFirst().text());
        return kind.equals("ifdef") == defined;
    }

    /** {@code NAME body} or {@code NAME(params) body}, the parameters' '(' right after the name. */
    private void define(List<PpToken> toks, String origin) throws MacroTable.ExpansionException {
        if (toks.isEmpty() || !toks.getFirst().isIdent()) throw new MacroTable.ExpansionException("macro name must be an identifier");
        String name = toks.getFirst().text();
        if (name.equals("defined")) throw new MacroTable.ExpansionException("'defined' cannot be used as a macro name");
        int i = 1;
        List<String> params = null;
        boolean variadic = false;
        if (i < toks.size() && toks.get(i).is("(") && !toks.get(i).spaceBefore()) {
            params = new ArrayList<>();
            i++;
            while (true) {
                if (i >= toks.size()) throw new MacroTable.ExpansionException("missing ')' in macro parameter list");
                PpToken t = toks.get(i++);
                if (t.is(")") && params.isEmpty()) break;
                if (t.is("...")) {
                    params.add("__VA_ARGS__");
                    variadic = true;
                } else if (t.isIdent()) {
                    params.add(t.text());
                    if (i < toks.size() && toks.get(i).is("...")) {
                        variadic = true;
                        i++;
                    }
                } else {
                    throw new MacroTable.ExpansionException("invalid token in macro parameter list");
                }
                if (i >= toks.size()) throw new MacroTable.ExpansionException("missing ')' in macro parameter list");
                PpToken sep = toks.get(i++);
                if (sep.is(")")) break;
                if (!sep.is(",") || variadic) throw new MacroTable.ExpansionException("expected ',' or ')' in macro parameter list");
            }
        }
        List<PpToken> body = new ArrayList<>(toks.subList(i, toks.size()));
        if (!body.isEmpty()) body.set(0, body.getFirst().withSpace(false));
        macros.define(new Macro(name, params, variadic, body, origin));
    }
}
