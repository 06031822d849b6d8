package jtrace.sema;

import jtrace.ast.BinaryOp;
import jtrace.ast.Expr;
import jtrace.ast.Stmt;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.types.Type;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Scratch variables of one probe: which variable each {@code $name} refers to (block scopes), the
 * type each holds (declared, assigned, widened), and the integer type bpftrace would give it.
 */
final class VariableTyping {
    private final Function<Expr, Type> typer;
    private final IdentityHashMap<Expr, Type> types;
    private final StructTyping structs;
    private final MapTable maps;
    private final Map<ScratchVariable, Type> variables = new LinkedHashMap<>();
    private final IdentityHashMap<Expr.Variable, ScratchVariable> bindings = new IdentityHashMap<>();
    private final Scopes scopes = new Scopes();
    /** Variables declared with a type ({@code let $x: uint8}): assignments must fit it, it never widens. */
    private final java.util.Set<ScratchVariable> fixedTypes = new java.util.HashSet<>();
    /** The integer type bpftrace would give each integer variable (see {@link IntPromotion}). */
    private final Map<ScratchVariable, Type.Int> naturalInts = new java.util.HashMap<>();

    /** @param typer types an expression (and records its type), as the type checker does */
    VariableTyping(Function<Expr, Type> typer, IdentityHashMap<Expr, Type> types, StructTyping structs, MapTable maps) {
        this.typer = typer;
        this.types = types;
        this.structs = structs;
        this.maps = maps;
    }

    /** Opens the scope of a block or a loop. */
    void enterScope(Object owner) { scopes.push(owner); }

    void leaveScope() { scopes.pop(); }

    /** A loop's variable ({@code for ($i : ...)}), declared in the loop's scope (entered first). */
    void loopVariable(Expr.Variable v, Type t) {
        variables.put(bind(v, scopes.loopVariable(v)), t);
        types.put(v, t);
    }

    /** A read of {@code $name}. */
    Type read(Expr.Variable v) {
        ScratchVariable name = bind(v, scopes.require(v));
        Type t = variables.get(name);
        // Declared with a bare `let $x;` and not assigned yet: zero, an integer.
        if (t == null) variables.put(name, t = Type.Int.INT64);
        return t;
    }

    /** {@code $x++} and friends. */
    Type incDec(Expr.IncDec d, Expr.Variable v) {
        Type t = variables.get(bind(v, scopes.require(v)));
        if (t == null) throw new CompileError(v.span(), "Undefined or undeclared variable: $" + v.name());
        TypeChecker.requireInteger(v, t, d.increment() ? "++" : "--");
        t = steppedVariable(v, t);
        types.put(v, t);
        return t;
    }

    ScratchVariables scratch() { return new ScratchVariables(bindings, variables, scopes.root()); }

    /** {@code let $x[: type] [= value]}: declares in the current block; a type fixes the variable's type. */
    void let(Stmt.Let l) {
        // The value comes before the declaration: `let $x = $x` reads an $x visible before it.
        Type value = l.value() == null ? null : typer.apply(l.value());
        ScratchVariable name = bind(l.variable(), scopes.declare(l.variable(), new Span(l.span().start(), l.variable().span().end())));
        if (l.type() != null) {
            Type declared = structs.declared(l.type(), l.span());
            variables.put(name, declared);
            fixedTypes.add(name);
            types.put(l.variable(), declared);
        }
        if (l.value() != null) store(l.variable(), name, null, l.value(), value);
    }

    /** Records which variable an occurrence of {@code $name} refers to. */
    private ScratchVariable bind(Expr.Variable occurrence, ScratchVariable variable) {
        bindings.put(occurrence, variable);
        return variable;
    }

    void assign(Expr.Variable var, BinaryOp op, Expr value) {
        // The value is checked first: in `$x = $x + 1` the right side must see an $x already there.
        ScratchVariable name = op != null ? bind(var, scopes.require(var)) : null;
        Type v = typer.apply(value);
        if (op == null) name = bind(var, scopes.assign(var));
        store(var, name, op, value, v);
    }

    /** Checks {@code var op= value} (value of type {@code v}) against the variable and records its type. */
    private void store(Expr.Variable var, ScratchVariable name, BinaryOp op, Expr value, Type v) {
        if (v == null) v = Type.Int.INT64;
        if (v instanceof Type.Void || v instanceof Type.Aggregation) {
            throw new CompileError(value.span(), "Value of type '" + v.display() + "' can not be assigned to a scratch variable");
        }
        if (v instanceof Type.Args) {
            throw new CompileError(value.span(), "args can not be assigned to a scratch variable");
        }
        TypeChecker.requireHoldable(value, v);
        Type old = variables.get(name);
        // Declared with a bare `let $x;`: zero, an integer, until assigned.
        if (op != null && old == null) variables.put(name, old = Type.Int.INT64);
        if (op != null) {
            if (old == null) throw new CompileError(var.span(), "Undefined or undeclared variable: $" + var.name());
            TypeChecker.requireInteger(value, v, op.symbol + "=");
            TypeChecker.requireInteger(var, old, op.symbol + "=");
            if (op == BinaryOp.ADD || op == BinaryOp.SUB) old = steppedVariable(var, old);
            types.put(var, old);
            return;
        }
        if (old != null && fixedTypes.contains(name)) {
            if (!fitsDeclared(old, v)) {
                throw new CompileError(var.span(), "Type mismatch for $" + var.name() + ": trying to assign value of type '"
                        + v.display() + "' when variable already has a type '" + old.display() + "'");
            }
            types.put(var, old);
            return;
        }
        Type merged = old == null ? v : Types.unify(old, v);
        if (merged != null) promoteInt(var, name, value, v);
        if (merged == null) {
            throw new CompileError(var.span(), "Type mismatch for $" + var.name() + ": trying to assign value of type '"
                    + v.display() + "' when variable already contains a value of type '" + old.display() + "'");
        }
        variables.put(name, merged);
        types.put(var, merged);
    }

    /** Widens the variable's bpftrace integer type to hold {@code value} too, or reports bpftrace's mismatch. */
    private void promoteInt(Expr.Variable var, ScratchVariable name, Expr value, Type v) {
        if (!(v instanceof Type.Int vi)) {
            naturalInts.remove(name);
            return;
        }
        Type.Int now = natural(value, vi), was = naturalInts.get(name);
        if (now == null) return;
        Type.Int promoted = was == null ? now : IntPromotion.promote(was, now);
        if (promoted == null) {
            throw new CompileError(var.span(), "Type mismatch for $" + var.name() + ": trying to assign value of type '"
                    + now.display() + "' when variable already contains a value of type '" + was.display() + "'");
        }
        naturalInts.put(name, promoted);
    }

    /**
     * The integer type bpftrace gives {@code e}: literals are as small as their value, variables
     * and maps as widened so far, casts, builtins, fields and calls as typed. Null when jtrace cannot
     * tell (bpftrace folds constant expressions into literals; other operators type differently),
     * which skips the check rather than report a mismatch bpftrace would not.
     */
    Type.Int natural(Expr e, Type.Int t) {
        if (e instanceof Expr.IntLit || IntPromotion.isConstant(e)) return IntPromotion.literal(e);
        return switch (e) {
            case Expr.Variable v -> bindings.get(v) == null ? null : naturalInts.get(bindings.get(v));
            case Expr.MapAccess m -> maps.naturalInt(m.name());
            case Expr.Cast c -> t;
            case Expr.Ident id -> t;
            case Expr.FieldAccess f -> t;
            case Expr.Call c -> t;
            // Arithmetic keeps its operands' widened type, so that `$x + 1` stays as small as $x.
            case Expr.Binary b when !IntPromotion.isConstant(b) && !b.op().isComparison() && !b.op().isLogical()
                    && types.get(b.left()) instanceof Type.Int l && types.get(b.right()) instanceof Type.Int r -> {
                Type.Int nl = natural(b.left(), l), nr = natural(b.right(), r);
                yield nl == null || nr == null ? null : IntPromotion.promote(nl, nr);
            }
            default -> null;
        };
    }

    /** A value a variable declared with {@code type} can hold: integers are truncated to it, strings must fit. */
    private static boolean fitsDeclared(Type declared, Type value) {
        return switch (declared) {
            case Type.Int i -> Type.intOf(value) != null || value instanceof Type.Pointer;
            case Type.Bool b -> value instanceof Type.Bool;
            case Type.Str s -> value instanceof Type.Str vs && vs.capacity() <= s.capacity();
            default -> declared.equals(value);
        };
    }

    /** A pointer variable moved by ++, --, += or -=: its pointee is resolved so that code generation knows the step. */
    Type steppedVariable(Expr.Variable v, Type t) {
        if (!(t instanceof Type.Pointer p)) return t;
        Type.Pointer resolved = structs.arithmeticPointer(p, v);
        variables.put(bindings.get(v), resolved);
        return resolved;
    }
}
