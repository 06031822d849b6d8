package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.Span;

import java.util.ArrayList;
import java.util.List;

/** An expression with every node's span replaced by one span (where the text it came from stands in the script). */
final class Respan {
    private Respan() {}

    static Expr expr(Expr x, Span at) {
        return switch (x) {
            case Expr.IntLit i -> new Expr.IntLit(i.value(), i.unsigned(), at);
            case Expr.StrLit s -> new Expr.StrLit(s.value(), at);
            case Expr.BoolLit b -> new Expr.BoolLit(b.value(), at);
            case Expr.Ident i -> new Expr.Ident(i.name(), at);
            case Expr.Positional p -> new Expr.Positional(p.index(), at);
            case Expr.PositionalCount p -> new Expr.PositionalCount(at);
            case Expr.Variable v -> new Expr.Variable(v.name(), at);
            case Expr.MapAccess m -> new Expr.MapAccess(m.name(), exprs(m.keys(), at), at);
            case Expr.Call c -> new Expr.Call(c.name(), exprs(c.args(), at), at);
            case Expr.FieldAccess f -> new Expr.FieldAccess(expr(f.base(), at), f.field(), f.arrow(), at);
            case Expr.Index i -> new Expr.Index(expr(i.base(), at), expr(i.index(), at), at);
            case Expr.Binary b -> new Expr.Binary(b.op(), expr(b.left(), at), expr(b.right(), at), at);
            case Expr.Unary u -> new Expr.Unary(u.op(), expr(u.operand(), at), at);
            case Expr.IncDec d -> new Expr.IncDec(expr(d.target(), at), d.increment(), d.prefix(), at);
            case Expr.Ternary t -> new Expr.Ternary(expr(t.cond(), at), expr(t.then(), at), expr(t.otherwise(), at), at);
            case Expr.Tuple t -> new Expr.Tuple(exprs(t.elements(), at), at);
            case Expr.Record r -> new Expr.Record(r.names(), exprs(r.values(), at), at);
            case Expr.Cast c -> new Expr.Cast(c.type(), expr(c.operand(), at), at);
            case Expr.SizeOf s -> new Expr.SizeOf(s.type(), s.operand() == null ? null : expr(s.operand(), at), at);
            default -> x;
        };
    }

    private static List<Expr> exprs(List<Expr> xs, Span at) {
        List<Expr> out = new ArrayList<>(xs.size());
        for (Expr x : xs) out.add(expr(x, at));
        return out;
    }
}
