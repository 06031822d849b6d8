package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.fmt.PrintfFormat;
import jtrace.fmt.PrintfFormatException;
import jtrace.types.Type;

import java.util.List;

/** Checks printf arguments against the format string's conversions, with bpftrace's messages. */
final class PrintfCheck {
    private PrintfCheck() {}

    static void check(Expr.Call call, String format, List<Type> args) {
        PrintfFormat fmt;
        try {
            fmt = PrintfFormat.parse(format);
        } catch (PrintfFormatException e) {
            throw new CompileError(call.span(), "printf: " + e.getMessage());
        }
        int expected = fmt.argumentCount();
        if (args.size() > expected) {
            throw new CompileError(call.span(), "printf: Too many arguments for format string (" + args.size()
                    + " supplied, " + expected + " expected)");
        }
        if (args.size() < expected) {
            throw new CompileError(call.span(), "printf: Not enough arguments for format string (" + args.size()
                    + " supplied, " + expected + " expected)");
        }
        for (int i = 0; i < args.size(); i++) {
            Type t = args.get(i);
            char conv = fmt.conversionChar(i);
            boolean wantsString = conv == 's';
            boolean ok = wantsString || Type.isInteger(t);
            if (!ok) {
                throw new CompileError(call.span(), "printf: %" + conv + " specifier expects a value of type integer ("
                        + Functions.kindName(t) + " supplied)");
            }
            if (t instanceof Type.Tuple || t instanceof Type.Aggregation) {
                throw new CompileError(call.span(), "printf: can not print a value of type " + t.display());
            }
        }
    }
}
