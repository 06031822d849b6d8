package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.List;

/** Signatures of the newer language functions: string tests ({@code strncmp}, {@code strcontains}), {@code bswap}. */
final class LanguageFunctions {
    private LanguageFunctions() {}

    static Type check(Expr.Call c, List<Type> args) {
        return switch (c.name()) {
            case "strncmp" -> {
                Functions.arity(c, 3, 3);
                requireString(c, args, 0, "first");
                requireString(c, args, 1, "second");
                if (!(c.args().get(2) instanceof Expr.IntLit n) || n.value() < 0) {
                    throw new CompileError(c.args().get(2).span(), "strncmp() expects a non-negative integer literal as third argument");
                }
                yield Type.Int.INT64;
            }
            case "strcontains" -> {
                Functions.arity(c, 2, 2);
                requireString(c, args, 0, "first");
                requireString(c, args, 1, "second");
                yield new Type.Bool();
            }
            case "bswap" -> {
                Functions.arity(c, 1, 1);
                if (!(args.getFirst() instanceof Type.Int i)) {
                    throw new CompileError(c.args().getFirst().span(), "bswap() only supports integer arguments ("
                            + args.getFirst().display() + " provided)");
                }
                yield new Type.Int(i.bytes(), false);
            }
            default -> throw new IllegalStateException(c.name());
        };
    }

    private static void requireString(Expr.Call c, List<Type> args, int i, String which) {
        if (!(args.get(i) instanceof Type.Str)) {
            throw new CompileError(c.args().get(i).span(), c.name() + "() expects a string as " + which
                    + " argument (" + args.get(i).display() + " provided)");
        }
    }
}
