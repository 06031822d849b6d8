package jtrace.sema;

import jtrace.ast.Block;
import jtrace.ast.Expr;
import jtrace.ast.Preamble;
import jtrace.ast.Probe;
import jtrace.ast.Program;
import jtrace.ast.Script;
import jtrace.ast.Stmt;
import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.diag.Span;
import jtrace.parse.BlockExpressions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands {@code macro name(params) { body }} calls before type checking, hygienically as
 * bpftrace does: a {@code $x} parameter takes a variable, an {@code @m} parameter a map, a bare
 * {@code x} any expression; the body sees maps only through its parameters, and the variables it
 * creates get names of their own. A call used as a value needs a body ending in an expression
 * (no trailing ';'); the statements before that expression run just before the statement that
 * holds the call.
 */
public final class MacroExpander {
    private final Map<String, Preamble.Macro> macros = new LinkedHashMap<>();
    private final String text;
    private int expansions;

    private MacroExpander(String text) { this.text = text; }

    /** The script's probes with every macro call expanded. */
    public static Program expand(SourceFile source, Script script) {
        MacroExpander x = new MacroExpander(source.text());
        for (Preamble.Macro m : script.preamble().macros()) x.define(m);
        if (x.macros.isEmpty()) return script.program();
        List<Probe> probes = new ArrayList<>();
        for (Probe p : script.program().probes()) {
            List<Stmt> hoisted = new ArrayList<>();
            Expr pred = p.predicate() == null ? null : x.expr(p.predicate(), Env.ROOT, hoisted);
            if (!hoisted.isEmpty()) throw x.needsBlockExpression(p.predicate().span());
            probes.add(new Probe(p.attachPoints(), pred, x.block(p.body(), Env.ROOT), p.span()));
        }
        return new Program(probes, script.program().span());
    }

    private void define(Preamble.Macro m) {
        if (macros.containsKey(m.name())) throw new CompileError(m.span(), "Redifinition of macro: " + m.name());
        Set<String> seen = new HashSet<>();
        for (Expr p : m.params()) {
            String name = paramName(p);
            if (!seen.add(name)) throw new CompileError(p.span(), "Variable for macro argument has already been used: " + name);
        }
        macros.put(m.name(), m);
    }

    private static String paramName(Expr p) {
        return switch (p) {
            case Expr.Variable v -> "$" + v.name();
            case Expr.MapAccess m -> m.name();
            case Expr.Ident id -> id.name();
            default -> throw new IllegalStateException(p.toString());
        };
    }

    /** What names mean inside one expansion of a macro body (ROOT: outside any macro). */
    /** An expression argument, expanded afresh (in the caller's names) wherever its parameter is used. */
    private record Argument(Expr expr, Env env) {}

    private record Env(Map<String, String> variables, Map<String, String> maps, Map<String, Argument> idents,
                       Set<String> params, List<String> chain, String suffix, Env outer) {
        static final Env ROOT = new Env(Map.of(), Map.of(), Map.of(), Set.of(), List.of(), null, null);

        boolean inMacro() { return suffix != null; }

        /** A block expression: it sees the names around it; only the variables it declares are its own. */
        boolean isBlock() { return outer != null; }

        String variable(String name) {
            if (isBlock()) return variables.containsKey(name) ? variables.get(name) : outer.variable(name);
            return !inMacro() ? name : variables.computeIfAbsent(name, n -> n + "__" + suffix);
        }

        Argument ident(String name) {
            if (idents.containsKey(name)) return idents.get(name);
            return isBlock() ? outer.ident(name) : null;
        }
    }

    // ---- statements ----

    private Block block(Block b, Env env) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : b.stmts()) stmt(s, env, out);
        return new Block(out, b.span());
    }

    /** Appends the rewritten statement to {@code out}, preceded by whatever its macro calls hoisted. */
    private void stmt(Stmt s, Env env, List<Stmt> out) {
        switch (s) {
            case Stmt.ExprStmt x when macroCall(x.expr()) != null -> {
                Expr.Call c = macroCall(x.expr());
                Env inner = enter(c, env);
                Preamble.Macro m = macros.get(c.name());
                out.add(new Stmt.Nested(block(m.body(), inner), x.span()));
            }
            case Stmt.ExprStmt x -> out.add(new Stmt.ExprStmt(expr(x.expr(), env, out), x.span()));
            case Stmt.Assign a -> {
                Expr value = expr(a.value(), env, out);
                out.add(new Stmt.Assign(expr(a.target(), env, out), a.op(), value, a.span()));
            }
            case Stmt.Let l -> {
                if (env.params().contains("$" + l.variable().name())) {
                    throw new CompileError(l.variable().span(), "Variable declaration shadows macro arg $" + l.variable().name());
                }
                Expr value = l.value() == null ? null : expr(l.value(), env, out);
                // A block expression's statements are hoisted out of its braces: its own variables get names of their own.
                if (env.isBlock()) env.variables().put(l.variable().name(), l.variable().name() + "__" + env.suffix());
                out.add(new Stmt.Let((Expr.Variable) expr(l.variable(), env, out), l.type(), value, l.span()));
            }
            case Stmt.If i -> out.add(new Stmt.If(expr(i.cond(), env, out), block(i.then(), env),
                    i.otherwise() == null ? null : block(i.otherwise(), env), i.span()));
            case Stmt.While w -> {
                List<Stmt> hoisted = new ArrayList<>();
                Expr cond = expr(w.cond(), env, hoisted);
                if (!hoisted.isEmpty()) throw needsBlockExpression(w.cond().span());
                out.add(new Stmt.While(cond, block(w.body(), env), w.span()));
            }
            case Stmt.Unroll u -> out.add(new Stmt.Unroll(u.count(), block(u.body(), env), u.span()));
            case Stmt.ForMap f -> out.add(new Stmt.ForMap((Expr.Variable) expr(f.variable(), env, out),
                    (Expr.MapAccess) expr(f.map(), env, out), block(f.body(), env), f.span()));
            case Stmt.ForRange f -> {
                Expr from = expr(f.from(), env, out);
                Expr to = expr(f.to(), env, out);
                out.add(new Stmt.ForRange((Expr.Variable) expr(f.variable(), env, out), from, to, block(f.body(), env), f.span()));
            }
            case Stmt.Nested n -> out.add(new Stmt.Nested(block(n.block(), env), n.span()));
            default -> out.add(s);
        }
    }

    // ---- expressions ----

    /** The call a macro name stands for: {@code name(args)}, or a bare {@code name}. */
    private Expr.Call macroCall(Expr x) {
        return switch (x) {
            case Expr.Call c when macros.containsKey(c.name()) -> c;
            case Expr.Ident id when macros.containsKey(id.name()) -> new Expr.Call(id.name(), List.of(), id.span());
            default -> null;
        };
    }

    private Expr expr(Expr x, Env env, List<Stmt> hoist) {
        if (x instanceof Expr.Ident id && env.ident(id.name()) != null) {
            Argument a = env.ident(id.name());
            return expr(a.expr(), a.env(), hoist);
        }
        Expr.Call call = macroCall(x);
        if (call != null) {
            if (x instanceof Expr.Ident && !macros.get(call.name()).params().isEmpty()) {
                throw new CompileError(x.span(), "Call to macro has no number arguments. Expected: "
                        + macros.get(call.name()).params().size());
            }
            return expandValue(call, env, hoist);
        }
        return switch (x) {
            case Expr.Variable v -> !env.inMacro() ? v : new Expr.Variable(env.variable(v.name()), v.span());
            case Expr.MapAccess m -> new Expr.MapAccess(mapName(m, env), exprs(m.keys(), env, hoist), m.span());
            case Expr.Call c -> new Expr.Call(c.name(), exprs(c.args(), env, hoist), c.span());
            case Expr.FieldAccess f -> new Expr.FieldAccess(expr(f.base(), env, hoist), f.field(), f.arrow(), f.span());
            case Expr.Index i -> new Expr.Index(expr(i.base(), env, hoist), expr(i.index(), env, hoist), i.span());
            case Expr.Binary b -> new Expr.Binary(b.op(), expr(b.left(), env, hoist), expr(b.right(), env, hoist), b.span());
            case Expr.Unary u -> new Expr.Unary(u.op(), expr(u.operand(), env, hoist), u.span());
            case Expr.IncDec d -> new Expr.IncDec(expr(d.target(), env, hoist), d.increment(), d.prefix(), d.span());
            case Expr.Ternary t -> new Expr.Ternary(expr(t.cond(), env, hoist), expr(t.then(), env, hoist),
                    expr(t.otherwise(), env, hoist), t.span());
            case Expr.Tuple t -> new Expr.Tuple(exprs(t.elements(), env, hoist), t.span());
            case Expr.Record r -> new Expr.Record(r.names(), exprs(r.values(), env, hoist), r.span());
            case Expr.Cast c -> new Expr.Cast(c.type(), expr(c.operand(), env, hoist), c.span());
            case Expr.SizeOf s -> s.operand() == null ? s : new Expr.SizeOf(null, expr(s.operand(), env, hoist), s.span());
            default -> x;
        };
    }

    private List<Expr> exprs(List<Expr> xs, Env env, List<Stmt> hoist) {
        List<Expr> out = new ArrayList<>();
        for (Expr x : xs) out.add(expr(x, env, hoist));
        return out;
    }

    private String mapName(Expr.MapAccess m, Env env) {
        if (env.isBlock()) return mapName(m, env.outer());
        if (!env.inMacro()) return m.name();
        String to = env.maps().get(m.name());
        if (to == null) {
            throw new CompileError(m.span(), "Unhygienic access to map: " + m.name() + ". Maps must be passed into the macro as arguments");
        }
        return to;
    }

    /** A call used as a value: the body's leading statements are hoisted, its last expression returned. */
    private Expr expandValue(Expr.Call c, Env env, List<Stmt> hoist) {
        Env inner = enter(c, env);
        Preamble.Macro m = macros.get(c.name());
        List<Stmt> body = m.body().stmts();
        if (body.isEmpty() || !(body.getLast() instanceof Stmt.ExprStmt last)
                || !BlockExpressions.isBlock(m.name()) && endsWithSemicolon(m.body())) {
            throw new CompileError(c.span(), "Macro '" + m.name() + "' expanded to a block instead of a block expression. "
                    + "Try removing the semicolon from the end of the last statement in the macro body.");
        }
        for (Stmt s : body.subList(0, body.size() - 1)) stmt(s, inner, hoist);
        return expr(last.expr(), inner, hoist);
    }

    /** Checks the call against the macro's parameters and binds them. */
    private Env enter(Expr.Call c, Env env) {
        Preamble.Macro m = macros.get(c.name());
        if (BlockExpressions.isBlock(m.name())) {
            return new Env(new HashMap<>(), Map.of(), Map.of(), env.params(), env.chain(), m.name().substring(2) + "b" + ++expansions, env);
        }
        if (env.chain().contains(m.name())) {
            List<String> chain = new ArrayList<>(env.chain());
            chain.add(m.name());
            throw new CompileError(c.span(), "Recursive macro call detected. Call chain: " + String.join(" > ", chain));
        }
        if (c.args().size() != m.params().size()) {
            throw new CompileError(c.span(), "Call to macro has wrong number arguments. Expected: " + m.params().size()
                    + " but got " + c.args().size());
        }
        Map<String, String> variables = new HashMap<>();
        Map<String, String> maps = new HashMap<>();
        Map<String, Argument> idents = new HashMap<>();
        Set<String> params = new HashSet<>();
        for (int i = 0; i < m.params().size(); i++) {
            Expr p = m.params().get(i);
            Expr arg = c.args().get(i);
            params.add(paramName(p));
            switch (p) {
                case Expr.Variable v -> {
                    if (!(arg instanceof Expr.Variable)) throw mismatch(arg, "a variable", "$" + v.name());
                    variables.put(v.name(), ((Expr.Variable) expr(arg, env, List.of())).name());
                }
                case Expr.MapAccess mp -> {
                    if (!(arg instanceof Expr.MapAccess a) || !a.keys().isEmpty()) throw mismatch(arg, "a map", mp.name());
                    maps.put(mp.name(), mapName(a, env));
                }
                default -> {
                    // Checked here (e.g. a map the caller may not use), expanded again at each use.
                    expr(arg, env, new ArrayList<>());
                    idents.put(((Expr.Ident) p).name(), new Argument(arg, env));
                }
            }
        }
        List<String> chain = new ArrayList<>(env.chain());
        chain.add(m.name());
        return new Env(variables, maps, idents, params, chain, m.name() + ++expansions, null);
    }

    private static CompileError mismatch(Expr arg, String expected, String param) {
        String got = switch (arg) {
            case Expr.Variable v -> "a variable";
            case Expr.MapAccess m when m.keys().isEmpty() -> "a map";
            default -> "an expression";
        };
        return new CompileError(arg.span(), "Mismatched arg to macro call. Macro expects " + expected + " for arg " + param
                + " but got " + got + ".");
    }

    private CompileError needsBlockExpression(Span span) {
        return new CompileError(span, "jtrace cannot run a block expression's or macro's statements here "
                + "(in a predicate, a while condition or a macro's expression argument)");
    }

    /** Whether the last statement of the body is followed by ';' (the parser keeps no record of it). */
    private boolean endsWithSemicolon(Block body) {
        int i = body.span().end() - 2;
        while (i > body.span().start()) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch)) { i--; continue; }
            if (ch == '/' && i > 0 && text.charAt(i - 1) == '*') {
                int open = text.lastIndexOf("/*", i - 2);
                if (open < 0) return false;
                i = open - 1;
                continue;
            }
            return ch == ';';
        }
        return false;
    }
}
