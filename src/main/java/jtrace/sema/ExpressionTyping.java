package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Types expressions, recording each one's type: literals, builtins, positionals, fields, indexing,
 * ternaries and tuples here; variables, maps, operators and calls through their own typers.
 */
final class ExpressionTyping {
    private final ProbeTarget target;
    private final CompileOptions options;
    private final IdentityHashMap<Expr, Type> types;
    private final StructTyping structs;
    private final VariableTyping variables;
    private final MapAccessTyping mapAccess;
    private final OperatorTyping operators;
    private final CallTyping calls;
    /** False inside a branch a compile-time condition rules out (fail() is no error there). */
    private final BooleanSupplier reachable;

    ExpressionTyping(ProbeTarget target, CompileOptions options, IdentityHashMap<Expr, Type> types, StructTyping structs,
                     VariableTyping variables, MapAccessTyping mapAccess, OperatorTyping operators, CallTyping calls,
                     BooleanSupplier reachable) {
        this.target = target;
        this.options = options;
        this.types = types;
        this.structs = structs;
        this.variables = variables;
        this.mapAccess = mapAccess;
        this.operators = operators;
        this.calls = calls;
        this.reachable = reachable;
    }

    /** An if/while/ternary condition: an integer (or bool). */
    void condition(Expr cond) {
        Type t = expr(cond);
        if (t != null && !Type.isInteger(t)) {
            throw new CompileError(cond.span(), "Invalid condition in if(): " + t.display());
        }
    }

    /** Types an expression; null only while inferring, for a read of a map not typed yet. */
    Type expr(Expr e) {
        Type t = typeOf(e);
        if (t != null) types.put(e, t);
        return t;
    }

    private Type typeOf(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> i.unsigned() ? Type.Int.UINT64 : Type.Int.INT64;
            case Expr.StrLit s -> new Type.Str(Types.utf8Length(s.value()) + 1);
            case Expr.BoolLit b -> new Type.Bool();
            case Expr.Ident id when id.name().equals("args") -> {
                // Here args is a whole value (print(args), $a = args); args.NAME goes through argsBase.
                Type a = argsBuiltin(id);
                yield a instanceof Type.Args && WholeArgs.applies(target) ? WholeArgs.of(id, target, options) : a;
            }
            case Expr.Ident id when id.name().equals("ctx") && WholeArgs.appliesToCtx(target) -> {
                // An iterator's ctx as a whole value (print(ctx)); ctx.FIELD goes through argsBuiltin.
                Type c = argsBuiltin(id);
                yield c instanceof Type.Args ? WholeArgs.of(id, target, options) : c;
            }
            case Expr.Ident id when structs.builtin(id) != null -> structs.builtin(id);
            case Expr.Ident id -> identifier(id);
            case Expr.Positional p -> positional(p);
            case Expr.PositionalCount c -> Type.Int.INT64;
            case Expr.Variable v -> variables.read(v);
            case Expr.MapAccess m -> mapAccess.read(m);
            case Expr.Call c -> calls.type(c, reachable.getAsBoolean());
            case Expr.FieldAccess f -> field(f);
            case Expr.Index i -> index(i);
            case Expr.Binary b -> operators.binary(b);
            case Expr.Unary u -> operators.unary(u);
            case Expr.IncDec d -> incDec(d);
            case Expr.Ternary t -> ternary(t);
            case Expr.Tuple t -> tuple(t);
            case Expr.Record r -> {
                List<Type> elements = mapAccess.storableTypes(r.values(), "tuple element type");
                yield elements == null ? null : new Type.Tuple(elements, r.names());
            }
            case Expr.Cast c -> operators.cast(c);
            case Expr.SizeOf s when structs.sizeOf(s) != null -> Type.Int.UINT64;
            case Expr.SizeOf s -> {
                if (s.operand() != null) {
                    Type t = expr(s.operand());
                    yield t == null ? null : Type.Int.UINT64;
                }
                TypeNames.parse(s.type(), s.span(), options);
                yield Type.Int.UINT64;
            }
        };
    }

    /** A builtin, else an enumerator of the kernel's BTF (read only now), else bpftrace's error. */
    private Type identifier(Expr.Ident id) {
        Type builtin = Builtins.typeOf(id, target, options);
        if (builtin != null) return builtin;
        Type constant = structs.enumConstant(id);
        if (constant == null) throw Builtins.unknownIdentifier(id);
        return constant;
    }

    private Type positional(Expr.Positional p) {
        List<String> params = options.positionalParams();
        if (p.index() < 1) {
            throw new CompileError(p.span(), "param $" + p.index() + " is out of integer range [1, " + Long.MAX_VALUE + "]");
        }
        if (p.index() <= params.size()) {
            String v = params.get(p.index() - 1);
            if (TypeChecker.isNumber(v)) return Type.Int.INT64;
            return new Type.Str(Types.utf8Length(v) + 1);
        }
        return Type.Int.INT64;
    }

    /** The args builtin as the base of args.NAME: the arguments looked up by name. */
    private Type argsBuiltin(Expr.Ident id) {
        Type t = structs.builtin(id);
        return t != null ? t : identifier(id);
    }

    private Type field(Expr.FieldAccess f) {
        Type base;
        if (f.base() instanceof Expr.Ident id
                && (id.name().equals("args") || id.name().equals("ctx") && WholeArgs.appliesToCtx(target))) {
            base = argsBuiltin(id);
            types.put(id, base);
        } else {
            base = expr(f.base());
        }
        if (base == null) return null;
        if (base instanceof Type.Args && target instanceof ProbeTarget.RawTracepoint) return structs.rawArg(f);
        Type member = structs.field(f, base);
        if (member != null) return member;
        if (base instanceof Type.Args && target instanceof ProbeTarget.Kernel k) return KernelProbeBuiltins.field(f, k);
        if (base instanceof Type.Args && target instanceof ProbeTarget.Uprobe u) return UserProbeBuiltins.field(f, u);
        if (base instanceof Type.Args) {
            ProbeTarget.Tracepoint tp = (ProbeTarget.Tracepoint) target;
            for (TracepointField field : tp.fields()) {
                if (field.name().equals(f.field())) return structs.tracepointField(field, Types.ofField(field, options));
            }
            throw new CompileError(f.span(), "Struct/union of type 'struct " + Builtins.argsStructName(tp)
                    + "' does not contain a field named '" + f.field() + "'");
        }
        if (base instanceof Type.Tuple t && t.isRecord() && !f.field().matches("[0-9]+")) {
            int i = t.names().indexOf(f.field());
            if (i < 0) {
                throw new CompileError(f.span(), "Record does not contain a field named '" + f.field() + "'");
            }
            return t.elements().get(i);
        }
        if (base instanceof Type.Tuple t && f.field().matches("[0-9]+")) {
            // more than 9 digits cannot be an index (and may not fit an int)
            int i = f.field().length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(f.field());
            if (i >= t.elements().size()) {
                throw new CompileError(f.span(), "Invalid tuple index: " + (f.field().length() > 9 ? f.field() : i)
                        + ". Found " + t.elements().size() + " elements in tuple.");
            }
            return t.elements().get(i);
        }
        throw new CompileError(f.span(), "Can not access field '" + f.field() + "' on expression of type '" + base.display() + "'");
    }

    private Type index(Expr.Index i) {
        Type base = expr(i.base());
        Type idx = expr(i.index());
        if (base == null || idx == null) return null;
        Type element = Type.isInteger(idx) ? structs.index(i, base) : null;
        if (element != null) return element;
        if (base instanceof Type.Tuple t && i.index() instanceof Expr.IntLit n) {
            if (n.value() < 0 || n.value() >= t.elements().size()) {
                throw new CompileError(i.span(), "Invalid tuple index: " + n.value() + ". Found " + t.elements().size() + " elements in tuple.");
            }
            return t.elements().get((int) n.value());
        }
        throw new CompileError(i.span(), "The [] operator can not be used on expressions of type '" + base.display() + "'");
    }

    private Type incDec(Expr.IncDec d) {
        switch (d.target()) {
            case Expr.MapAccess m -> {
                return mapAccess.incDec(d, m);
            }
            case Expr.Variable v -> {
                return variables.incDec(d, v);
            }
            default -> throw new CompileError(d.span(), "The " + (d.increment() ? "++" : "--")
                    + " operator must be applied to a map or variable");
        }
    }

    private Type ternary(Expr.Ternary t) {
        condition(t.cond());
        Type a = expr(t.then());
        Type b = expr(t.otherwise());
        if (a == null || b == null) return null;
        Type u = Types.unify(a, b);
        if (u == null) {
            throw new CompileError(t.span(), "Ternary operator must return the same type: have '" + a.display()
                    + "' and '" + b.display() + "'");
        }
        return u;
    }

    private Type tuple(Expr.Tuple t) {
        List<Type> elems = mapAccess.storableTypes(t.elements(), "tuple element type");
        return elems == null ? null : new Type.Tuple(elems);
    }
}
