package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.List;
import java.util.Set;

/** Signatures of the builtin functions: argument checks and result types. */
final class Functions {
    private Functions() {}

    private static final Set<String> AGGREGATIONS = Set.of("count", "sum", "min", "max", "avg", "stats", "hist", "lhist");

    static boolean isAggregation(String name) { return AGGREGATIONS.contains(name); }

    /** Functions whose map argument names the whole map, not one element. */
    static boolean takesWholeMap(String name) {
        return name.equals("print") || name.equals("clear") || name.equals("zero") || name.equals("len");
    }

    static Type check(Expr.Call c, List<Type> args, ProbeTarget target, CompileOptions options) {
        return switch (c.name()) {
            case "printf" -> {
                if (c.args().isEmpty()) {
                    throw new CompileError(c.span(), "printf() requires at least one argument (0 provided)");
                }
                if (!(c.args().getFirst() instanceof Expr.StrLit fmt)) {
                    throw new CompileError(c.span(), "printf() expects a string literal (" + kindName(args.getFirst()) + " provided)");
                }
                PrintfCheck.check(c, fmt.value(), args.subList(1, args.size()));
                yield new Type.Void();
            }
            case "exit" -> {
                if (c.args().size() > 1) {
                    throw new CompileError(c.span(), "exit() takes up to one argument (" + c.args().size() + " provided)");
                }
                if (c.args().size() == 1 && !Type.isInteger(args.getFirst())) {
                    throw new CompileError(c.args().getFirst().span(), "exit() only supports int arguments (" + args.getFirst().display() + " provided)");
                }
                yield new Type.Void();
            }
            case "str" -> {
                arity(c, 1, 2);
                Type src = args.getFirst();
                if (src instanceof Type.Str s) yield s;
                // str($N) is the parameter's text, even when it looks like a number.
                if (c.args().getFirst() instanceof Expr.Positional p) {
                    List<String> params = options.positionalParams();
                    String text = p.index() <= params.size() ? params.get(p.index() - 1) : "";
                    yield new Type.Str(Types.utf8Length(text) + 1);
                }
                if (!Type.isInteger(src)) {
                    throw new CompileError(c.span(), "str() expects an integer or a pointer type as first argument (" + src.display() + " provided)");
                }
                int size = options.maxStrlen();
                if (c.args().size() == 2) {
                    if (!Type.isInteger(args.get(1))) {
                        throw new CompileError(c.args().get(1).span(), "str() expects an integer as second argument (" + args.get(1).display() + " provided)");
                    }
                    if (c.args().get(1) instanceof Expr.IntLit n) {
                        if (n.value() < 0) throw new CompileError(c.args().get(1).span(), "str() length must be positive");
                        size = (int) Math.min(size, n.value() + 1);
                    }
                }
                yield new Type.Str(size);
            }
            case "strerror" -> {
                arity(c, 1, 1);
                if (!Type.isInteger(args.getFirst())) {
                    throw new CompileError(c.span(), "strerror() expects an integer argument (" + args.getFirst().display() + " provided)");
                }
                yield new Type.Strerror();
            }
            case "bswap" -> {
                arity(c, 1, 1);
                if (!(args.getFirst() instanceof Type.Int n)) {
                    throw new CompileError(c.span(), "bswap() expects an integer argument (" + args.getFirst().display() + " provided)");
                }
                // The bytes reversed within the argument's own width, as an unsigned integer of that width.
                yield new Type.Int(n.bytes(), false);
            }
            case "kptr", "uptr" -> {
                arity(c, 1, 1);
                Type t = args.getFirst();
                // Marks which address space a pointer reads from; the value is unchanged.
                if (t instanceof Type.Pointer p) yield new Type.Pointer(p.target(), p.pointee(), c.name().equals("uptr"));
                if (Type.isInteger(t)) yield t;
                throw new CompileError(c.span(), c.name() + "() expects a pointer or an integer (" + t.display() + " provided)");
            }
            case "is_array", "is_integer", "is_literal", "is_ptr", "is_str", "is_unsigned_integer" -> {
                // Known at compile time from the argument's type; codegen emits the constant.
                arity(c, 1, 1);
                yield new Type.Bool();
            }
            case "print" -> {
                arity(c, 1, 3);
                if (args.getFirst() instanceof Type.Args) {
                    throw new CompileError(c.args().getFirst().span(), "jtrace cannot print args as a whole yet: print its fields (args.NAME)");
                }
                yield new Type.Void();
            }
            case "clear", "zero" -> {
                arity(c, 1, 1);
                if (!(c.args().getFirst() instanceof Expr.MapAccess m) || !m.keys().isEmpty()) {
                    throw new CompileError(c.span(), c.name() + "() expects a map argument");
                }
                yield new Type.Void();
            }
            case "delete" -> {
                arity(c, 1, 2);
                if (!(c.args().getFirst() instanceof Expr.MapAccess)) {
                    throw new CompileError(c.span(), "delete() expects a map argument");
                }
                // True when the key was there to delete, as in current bpftrace.
                yield new Type.Bool();
            }
            case "len" -> {
                arity(c, 1, 1);
                if (!(c.args().getFirst() instanceof Expr.MapAccess m) || !m.keys().isEmpty()) {
                    throw new CompileError(c.span(), "len() expects a map or a stack argument");
                }
                yield Type.Int.INT64;
            }
            case "time" -> {
                arity(c, 0, 1);
                if (c.args().size() == 1 && !(c.args().getFirst() instanceof Expr.StrLit)) {
                    throw new CompileError(c.span(), "time() expects a string literal");
                }
                yield new Type.Void();
            }
            case "strncmp", "strcontains", "strlen", "strstr" -> LanguageFunctions.check(c, args);
            case "buf" -> BufferFunction.check(c, args, options);
            case "join", "errorf", "warnf" -> OutputFunctions.check(c, args);
            case "memcmp" -> MemoryComparison.check(c, args);
            case "path" -> PathFunction.check(c, args, target, options);
            default -> {
                UnavailableFunctions.refuse(c);
                Type resolved = ResolvedFunctions.check(c, args);
                if (resolved != null) yield resolved;
                Type symbolic = SymbolFunctions.check(c, args, target, options);
                if (symbolic != null) yield symbolic;
                throw new CompileError(new jtrace.diag.Span(c.span().start(), c.span().start() + c.name().length()),
                        "Unknown function: " + c.name());
            }
        };
    }

    static void arity(Expr.Call c, int min, int max) {
        int n = c.args().size();
        if (n >= min && n <= max) return;
        String need;
        if (min == max) {
            need = switch (min) {
                case 0 -> "requires no arguments";
                case 1 -> "requires one argument";
                default -> "requires " + min + " arguments";
            };
        } else if (n < min) {
            need = "requires at least " + (min == 1 ? "one argument" : min + " arguments");
        } else {
            need = "takes up to " + (max == 1 ? "one argument" : max + " arguments");
        }
        throw new CompileError(c.span(), c.name() + "() " + need + " (" + n + " provided)");
    }

    /** The value of an integer literal argument, which some functions require. */
    static long literal(Expr e, String what) {
        if (e instanceof Expr.IntLit i) return i.value();
        if (e instanceof Expr.Unary u && u.op() == jtrace.ast.UnaryOp.NEG && u.operand() instanceof Expr.IntLit i) return -i.value();
        throw new CompileError(e.span(), what + " must be an integer literal");
    }

    static String kindName(Type t) {
        return switch (t) {
            case Type.Int i -> "integer";
            case Type.Enum e -> "integer";
            case Type.Bool b -> "bool";
            case Type.Str s -> "string";
            case Type.Tuple tu -> "tuple";
            case null -> "unknown";
            default -> t.display();
        };
    }
}
