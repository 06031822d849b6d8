package jtrace.sema;

import jtrace.ast.Block;
import jtrace.ast.Expr;
import jtrace.ast.Probe;
import jtrace.ast.Program;
import jtrace.ast.Stmt;
import jtrace.cpp.Macro;
import jtrace.cpp.Preprocessed;
import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.diag.Span;
import jtrace.parse.Parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces bare identifiers in probes that name an object-like C macro ({@code #define}, from the
 * script or its headers) with the macro's replacement parsed as a bpftrace expression, as
 * bpftrace's C macro expansion does; it runs before type checking, so a macro wins over a BTF
 * enumerator of the same name. Names inside an expansion expand in turn; a macro is not expanded
 * inside itself (C's rule), so {@code #define SOCK_STREAM SOCK_STREAM} leaves the name for the
 * enumerators. Builtins ({@code pid}, {@code comm}...) are never macros here, as in bpftrace.
 * Every node of an expansion carries the identifier's span.
 */
public final class CMacroExpander {
    private final Preprocessed cpp;
    private final Map<String, Expr> parsed = new HashMap<>();
    private final Set<String> active = new HashSet<>();

    private CMacroExpander(Preprocessed cpp) { this.cpp = cpp; }

    public static Program expand(Program program, Preprocessed cpp) {
        if (cpp.macros().isEmpty()) return program;
        CMacroExpander x = new CMacroExpander(cpp);
        List<Probe> probes = new ArrayList<>();
        for (Probe p : program.probes()) {
            Expr pred = p.predicate() == null ? null : x.expr(p.predicate());
            probes.add(new Probe(p.attachPoints(), pred, x.block(p.body()), p.span()));
        }
        return new Program(probes, program.span());
    }

    /**
     * {@code e} with a note when it is about a name the C part could explain: an unknown
     * identifier while a header was not found, or a call of a function-like C macro.
     */
    public static CompileError explain(CompileError e, Preprocessed cpp) {
        String msg = e.getMessage();
        if (msg.startsWith("Unknown identifier: '") && !cpp.missingHeaders().isEmpty()) {
            return new CompileError(e.span(), msg + " (not defined by the headers found; not found: "
                    + String.join(", ", cpp.missingHeaders()) + ")");
        }
        if (msg.startsWith("Unknown identifier: '") && !cpp.headersRead().isEmpty()) {
            return new CompileError(e.span(), msg + " (no macro of that name in the headers read, and no kernel enumerator)");
        }
        if (msg.startsWith("Unknown function: ")) {
            Macro m = cpp.macro(msg.substring("Unknown function: ".length()).strip());
            if (m != null && m.functionLike()) {
                return new CompileError(e.span(), msg + " (a function-like C macro: only object-like macros expand in bpftrace code)");
            }
        }
        return e;
    }

    private Block block(Block b) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : b.stmts()) out.add(stmt(s));
        return new Block(out, b.span());
    }

    private Stmt stmt(Stmt s) {
        return switch (s) {
            case Stmt.ExprStmt x -> new Stmt.ExprStmt(expr(x.expr()), x.span());
            case Stmt.Assign a -> new Stmt.Assign(expr(a.target()), a.op(), expr(a.value()), a.span());
            case Stmt.Let l -> new Stmt.Let(l.variable(), l.type(), l.value() == null ? null : expr(l.value()), l.span());
            case Stmt.If i -> new Stmt.If(expr(i.cond()), block(i.then()), i.otherwise() == null ? null : block(i.otherwise()), i.span());
            case Stmt.While w -> new Stmt.While(expr(w.cond()), block(w.body()), w.span());
            case Stmt.Unroll u -> new Stmt.Unroll(expr(u.count()), block(u.body()), u.span());
            case Stmt.ForMap f -> new Stmt.ForMap(f.variable(), f.map(), block(f.body()), f.span());
            case Stmt.ForRange f -> new Stmt.ForRange(f.variable(), expr(f.from()), expr(f.to()), block(f.body()), f.span());
            case Stmt.Nested n -> new Stmt.Nested(block(n.block()), n.span());
            default -> s;
        };
    }

    private Expr expr(Expr x) {
        return switch (x) {
            case Expr.Ident id -> ident(id);
            case Expr.MapAccess m -> new Expr.MapAccess(m.name(), exprs(m.keys()), m.span());
            case Expr.Call c -> new Expr.Call(c.name(), exprs(c.args()), c.span());
            case Expr.FieldAccess f -> new Expr.FieldAccess(expr(f.base()), f.field(), f.arrow(), f.span());
            case Expr.Index i -> new Expr.Index(expr(i.base()), expr(i.index()), i.span());
            case Expr.Binary b -> new Expr.Binary(b.op(), expr(b.left()), expr(b.right()), b.span());
            case Expr.Unary u -> new Expr.Unary(u.op(), expr(u.operand()), u.span());
            case Expr.IncDec d -> new Expr.IncDec(expr(d.target()), d.increment(), d.prefix(), d.span());
            case Expr.Ternary t -> new Expr.Ternary(expr(t.cond()), expr(t.then()), expr(t.otherwise()), t.span());
            case Expr.Tuple t -> new Expr.Tuple(exprs(t.elements()), t.span());
            case Expr.Record r -> new Expr.Record(r.names(), exprs(r.values()), r.span());
            case Expr.Cast c -> new Expr.Cast(c.type(), expr(c.operand()), c.span());
            case Expr.SizeOf s -> s.operand() == null ? s : new Expr.SizeOf(null, expr(s.operand()), s.span());
            default -> x;
        };
    }

    private List<Expr> exprs(List<Expr> xs) {
        List<Expr> out = new ArrayList<>(xs.size());
        for (Expr x : xs) out.add(expr(x));
        return out;
    }

    private Expr ident(Expr.Ident id) {
        Macro m = cpp.macro(id.name());
        if (m == null || active.contains(id.name()) || Parser.isBuiltin(id.name())) return id;
        if (m.functionLike()) {
            throw new CompileError(id.span(), "unable to expand macro as an expression: " + id.name()
                    + " is a function-like macro (" + m.name() + "(" + String.join(", ", m.params()) + ") " + m.replacement() + ")");
        }
        Expr value = parsed.get(m.name());
        if (value == null) {
            try {
                value = Parser.parseExpression(new SourceFile(m.name(), m.replacement()));
            } catch (CompileError e) {
                throw new CompileError(id.span(), "unable to expand macro as an expression: " + m.replacement());
            }
            parsed.put(m.name(), value);
        }
        active.add(m.name());
        try {
            return expr(Respan.expr(value, id.span()));
        } finally {
            active.remove(m.name());
        }
    }
}
