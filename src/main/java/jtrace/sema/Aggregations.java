package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.List;

/** The aggregation functions assigned to maps (count, sum, min, max, avg, stats, hist, lhist): their checks and value types. */
final class Aggregations {
    private Aggregations() {}

    /** The aggregation's type, its arguments already typed ({@code argTypes}, null where unknown yet). */
    static Type type(Expr.Call c, List<Type> argTypes) {
        List<Expr> args = c.args();
        switch (c.name()) {
            case "count" -> {
                Functions.arity(c, 0, 0);
                return new Type.Count();
            }
            case "sum", "min", "max", "avg", "stats" -> {
                Functions.arity(c, 1, 1);
                Type t = argTypes.getFirst();
                if (t != null) TypeChecker.requireInteger(args.getFirst(), t, c.name() + "()");
                Type.Int of = Types.widen(Type.intOf(t) instanceof Type.Int i ? i : Type.Int.INT64);
                return switch (c.name()) {
                    case "sum" -> new Type.Sum(of);
                    case "min" -> new Type.Min(of);
                    case "max" -> new Type.Max(of);
                    case "avg" -> new Type.Avg(of);
                    default -> new Type.Stats(of);
                };
            }
            case "hist" -> {
                Functions.arity(c, 1, 2);
                if (argTypes.getFirst() != null) TypeChecker.requireInteger(args.getFirst(), argTypes.getFirst(), "hist()");
                int k = 0;
                if (args.size() == 2) {
                    k = (int) Functions.literal(args.get(1), "hist: bits");
                    if (k < 0 || k > 5) throw new CompileError(args.get(1).span(), "hist: bits " + k + " must be 0..5");
                }
                return new Type.Hist(k);
            }
            case "lhist" -> {
                Functions.arity(c, 4, 4);
                if (argTypes.getFirst() != null) TypeChecker.requireInteger(args.getFirst(), argTypes.getFirst(), "lhist()");
                long min = Functions.literal(args.get(1), "lhist() min");
                long max = Functions.literal(args.get(2), "lhist() max");
                long step = Functions.literal(args.get(3), "lhist() step");
                if (step <= 0) throw new CompileError(args.get(3).span(), "lhist() step must be >= 1 (" + step + " provided)");
                if (min > max) throw new CompileError(c.span(), "lhist() min must be less than max (provided min " + min + " and max " + max + ")");
                if ((max - min) / step > 1000) {
                    throw new CompileError(c.span(), "lhist() too many buckets, must be <= 1000 (would need " + ((max - min) / step) + ")");
                }
                return new Type.Lhist(min, max, step);
            }
            default -> throw new IllegalStateException(c.name());
        }
    }
}
