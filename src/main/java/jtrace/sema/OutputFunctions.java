package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.List;

/**
 * Signatures of the printing functions beyond printf: {@code join(argv [, sep])}, which prints a
 * user {@code char *} array on its own line, and {@code errorf}/{@code warnf}, printf-like
 * messages on stderr with the call's source location. All are statements (void).
 */
final class OutputFunctions {
    private OutputFunctions() {}

    static boolean handles(String name) {
        return name.equals("join") || name.equals("errorf") || name.equals("warnf");
    }

    static Type check(Expr.Call c, List<Type> args) {
        switch (c.name()) {
            case "join" -> {
                Functions.arity(c, 1, 2);
                Type arr = args.getFirst();
                if (!Type.isInteger(arr)) {
                    throw new CompileError(c.args().getFirst().span(),
                            "join() only supports int or pointer arguments (" + arr.display() + " provided)");
                }
                if (c.args().size() == 2 && !(c.args().get(1) instanceof Expr.StrLit)) {
                    throw new CompileError(c.args().get(1).span(), "join() expects a string literal as second argument");
                }
            }
            case "errorf", "warnf" -> {
                if (c.args().isEmpty()) {
                    throw new CompileError(c.span(), c.name() + "() requires at least one argument (0 provided)");
                }
                if (!(c.args().getFirst() instanceof Expr.StrLit fmt)) {
                    throw new CompileError(c.span(), c.name() + "() expects a string literal ("
                            + Functions.kindName(args.getFirst()) + " provided)");
                }
                PrintfCheck.check(c, fmt.value(), args.subList(1, args.size()));
            }
            default -> throw new IllegalStateException(c.name());
        }
        return new Type.Void();
    }
}
