package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.fmt.ArgType;
import jtrace.fmt.PrintfFormat;
import jtrace.fmt.PrintfFormatException;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.List;

/** Checks printf arguments against the format string's conversions, with bpftrace's messages. */
final class PrintfCheck {
    private PrintfCheck() {}

    static void check(Expr.Call call, String format, List<Type> args) {
        List<ArgType> argTypes = new ArrayList<>();
        for (Type t : args) {
            if (t instanceof Type.Tuple || t instanceof Type.Aggregation || t instanceof Type.Void || t instanceof Type.Args
                    || t instanceof Type.Struct || t instanceof Type.Array) {
                throw new CompileError(call.span(), "printf: can not print a value of type " + t.display());
            }
            argTypes.add(argType(t));
        }
        try {
            PrintfFormat.parse(format).check(argTypes);
        } catch (PrintfFormatException e) {
            throw new CompileError(call.span(), "printf: " + e.getMessage());
        }
    }

    static ArgType argType(Type t) {
        ArgType.Kind kind = switch (t) {
            case Type.Int i -> ArgType.Kind.INTEGER;
            case Type.Enum e -> ArgType.Kind.INTEGER;
            case Type.Bool b -> ArgType.Kind.BOOLEAN;
            case Type.Pointer p -> ArgType.Kind.POINTER;
            case Type.Buffer b -> ArgType.Kind.BUFFER;
            default -> ArgType.Kind.OTHER;
        };
        return new ArgType(kind, t.display());
    }
}
