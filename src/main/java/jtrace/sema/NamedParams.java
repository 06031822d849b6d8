package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named parameters ({@code -- --name=value --flag}) and {@code getopt("name"[, default])}: the
 * value is known at compile time, so getopt() becomes a constant of its default's type (a bool
 * when there is no default).
 */
public final class NamedParams {
    private NamedParams() {}

    /** The {@code --name[=value]} words among the program's arguments (only possible after {@code --}). */
    public static Map<String, String> named(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || a.length() == 2) continue;
            int eq = a.indexOf('=');
            if (eq < 0) out.put(a.substring(2), "true");
            else out.put(a.substring(2, eq), a.substring(eq + 1));
        }
        return out;
    }

    /** The positional parameters: every other argument. */
    public static List<String> positional(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) if (!a.startsWith("--") || a.length() == 2) out.add(a);
        return out;
    }

    /** The constant getopt() evaluates to. */
    public static Expr value(Expr.Call c, CompileOptions options) {
        if (c.args().isEmpty() || c.args().size() > 2 || !(c.args().getFirst() instanceof Expr.StrLit name)) {
            throw new CompileError(c.span(), "getopt() expects a string literal name and an optional default, e.g. getopt(\"name\", 1)");
        }
        Expr def = c.args().size() == 2 ? c.args().get(1) : new Expr.BoolLit(false, c.span());
        String given = options.namedParams().get(name.value());
        return switch (def) {
            case Expr.BoolLit b -> new Expr.BoolLit(given == null ? b.value()
                    : !(given.equals("false") || given.equals("0")), c.span());
            case Expr.StrLit s -> new Expr.StrLit(given == null ? s.value() : given, c.span());
            case Expr.IntLit i -> {
                if (given == null) yield new Expr.IntLit(i.value(), i.unsigned(), c.span());
                try {
                    yield new Expr.IntLit(Long.decode(given), false, c.span());
                } catch (NumberFormatException e) {
                    throw new CompileError(c.span(), "Could not convert named param '" + name.value() + "' value '" + given + "' to an integer");
                }
            }
            default -> throw new CompileError(def.span(), "getopt() default must be a string, integer or boolean literal");
        };
    }

    static Type type(Expr constant) {
        return switch (constant) {
            case Expr.BoolLit b -> new Type.Bool();
            case Expr.StrLit s -> new Type.Str(Types.utf8Length(s.value()) + 1);
            default -> Type.Int.INT64;
        };
    }
}
