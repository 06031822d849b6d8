package jtrace.sema;

import jtrace.ast.BinaryOp;
import jtrace.ast.Block;
import jtrace.ast.Expr;
import jtrace.ast.Probe;
import jtrace.ast.Stmt;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Types one probe body for one concrete target. Map types are shared by all probes through a
 * {@link MapTable}: in the inference pass a read of a map not yet typed is let through (its
 * assignment may come in a later probe); in the checking pass everything must be typed.
 */
final class TypeChecker {
    private final ProbeTarget target;
    private final MapTable maps;
    private final CompileOptions options;
    private final boolean inferring;
    /** In the last inference pass a map read before any assignment is taken as an integer, as in {@code @n = @n + 1}. */
    private final boolean assumeIntegers;
    private final IdentityHashMap<Expr, Type> types = new IdentityHashMap<>();
    private final Map<ScratchVariable, Type> variables = new LinkedHashMap<>();
    private final IdentityHashMap<Expr.Variable, ScratchVariable> bindings = new IdentityHashMap<>();
    private final Scopes scopes = new Scopes();
    /** Variables declared with a type ({@code let $x: uint8}): assignments must fit it, it never widens. */
    private final java.util.Set<ScratchVariable> fixedTypes = new java.util.HashSet<>();
    /** The integer type bpftrace would give each integer variable (see {@link IntPromotion}). */
    private final Map<ScratchVariable, Type.Int> naturalInts = new java.util.HashMap<>();
    private final IdentityHashMap<Expr, Long> constants = new IdentityHashMap<>();
    private final StructTyping structs;
    private final ConstantFolder folder;
    private final CompileTimeFunctions compileTime;
    /** How many enclosing branches a compile-time condition rules out (fail() is no error there). */
    private int prunedDepth;
    private int loopDepth;

    TypeChecker(ProbeTarget target, MapTable maps, CompileOptions options, boolean inferring, boolean assumeIntegers) {
        this(target, maps, options, inferring, assumeIntegers, StructResolver.none());
    }

    TypeChecker(ProbeTarget target, MapTable maps, CompileOptions options, boolean inferring, boolean assumeIntegers,
                StructResolver structResolver) {
        this.structs = new StructTyping(structResolver, target, options, types, constants);
        this.folder = new ConstantFolder(types, constants, options);
        this.compileTime = new CompileTimeFunctions(folder, constants, KernelFunctions.vmlinux());
        this.target = target;
        this.maps = maps;
        this.options = options;
        this.inferring = inferring;
        this.assumeIntegers = assumeIntegers;
    }

    CheckedProbe check(Probe probe) {
        if (probe.predicate() != null) {
            Type t = expr(probe.predicate());
            if (t != null && !Type.isInteger(t)) {
                throw new CompileError(probe.predicate().span(), "Invalid type for predicate: " + t.display());
            }
        }
        block(probe.body());
        ScratchVariables scratch = new ScratchVariables(bindings, variables, scopes.root());
        return new CheckedProbe(probe, target, types, scratch.byName(), constants, scratch);
    }

    private void block(Block b) {
        scopes.push(b);
        for (Stmt s : b.stmts()) stmt(s);
        scopes.pop();
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> exprStatement(e.expr());
            case Stmt.Assign a -> assign(a);
            case Stmt.Let l -> let(l);
            case Stmt.If i -> {
                condition(i.cond());
                Long known = folder.fold(i.cond());
                prunedBlock(i.then(), known != null && known == 0);
                if (i.otherwise() != null) prunedBlock(i.otherwise(), known != null && known != 0);
            }
            case Stmt.While w -> {
                condition(w.cond());
                loopDepth++;
                block(w.body());
                loopDepth--;
            }
            case Stmt.Unroll u -> {
                // A literal or what folds to one, such as a numeric positional parameter (unroll($1)).
                Long n = folder.fold(u.count());
                if (n == null || n < 1 || n > 100) {
                    throw new CompileError(u.count().span(), "unroll maximum value is 100 and minimum is 1");
                }
                constants.put(u.count(), n);
                types.put(u.count(), Type.Int.INT64);
                block(u.body());
            }
            case Stmt.ForRange f -> {
                Type from = expr(f.from());
                Type to = expr(f.to());
                requireInteger(f.from(), from, "for range");
                requireInteger(f.to(), to, "for range");
                scopes.push(f);
                variables.put(bind(f.variable(), scopes.loopVariable(f.variable())), Type.Int.INT64);
                types.put(f.variable(), Type.Int.INT64);
                loopDepth++;
                block(f.body());
                loopDepth--;
                scopes.pop();
            }
            case Stmt.ForMap f -> forMap(f);
            case Stmt.Break b -> requireLoop(b.span(), "break");
            case Stmt.Continue c -> requireLoop(c.span(), "continue");
            case Stmt.Return r -> { }
            case Stmt.Nested n -> block(n.block());
        }
    }

    private void prunedBlock(Block b, boolean pruned) {
        if (pruned) prunedDepth++;
        block(b);
        if (pruned) prunedDepth--;
    }

    /** {@code for ($kv : @map)}: $kv is a (key, value) tuple scoped to the loop body. */
    private void forMap(Stmt.ForMap f) {
        MapInfo info = maps.get(f.map().name());
        if (info == null) {
            // The map may be assigned in a later probe: only the checking pass needs its type.
            if (inferring) return;
            throw new CompileError(f.map().span(), "Undefined map: " + f.map().name());
        }
        Type kv = MapIteration.elementType(f, info);
        types.put(f.map(), info.value());
        scopes.push(f);
        variables.put(bind(f.variable(), scopes.loopVariable(f.variable())), kv);
        types.put(f.variable(), kv);
        loopDepth++;
        block(f.body());
        loopDepth--;
        scopes.pop();
    }

    private void requireLoop(Span span, String what) {
        if (loopDepth == 0) throw new CompileError(span, "'" + what + "' statement is not allowed outside of a loop");
    }

    private void condition(Expr cond) {
        Type t = expr(cond);
        if (t != null && !Type.isInteger(t)) {
            throw new CompileError(cond.span(), "Invalid condition in if(): " + t.display());
        }
    }

    private void exprStatement(Expr e) {
        if (e instanceof Expr.Call c && Functions.isAggregation(c.name())) {
            throw new CompileError(c.span(), c.name() + "() should be directly assigned to a map");
        }
        expr(e);
    }

    private void assign(Stmt.Assign a) {
        switch (a.target()) {
            case Expr.MapAccess m -> assignMap(m, a.op(), a.value(), a.span());
            case Expr.Variable v -> assignVariable(v, a.op(), a.value());
            default -> throw new CompileError(a.target().span(), "Can only assign to maps and variables");
        }
    }

    private void assignMap(Expr.MapAccess m, BinaryOp op, Expr value, Span span) {
        List<Type> keys = keyTypes(m);
        Type v;
        if (op == null && value instanceof Expr.Call c && Functions.isAggregation(c.name())) {
            v = aggregation(c);
            types.put(value, v);
        } else {
            v = expr(value);
            if (v == null) return;
            if (v instanceof Type.Void) {
                throw new CompileError(value.span(), "Value of type '" + v.display() + "' can not be assigned to a map");
            }
            requireHoldable(value, v);
            if (op != null) {
                requireInteger(value, v, op.symbol + "=");
                MapInfo existing = maps.get(m.name());
                if (existing != null && Type.intOf(existing.value()) == null) {
                    throw new CompileError(m.span(), "Type mismatch for " + m.name() + ": trying to assign value of type '"
                            + v.display() + "' when map already contains a value of type '" + existing.value().display() + "'");
                }
                v = Types.widen(Type.intOf(v) instanceof Type.Int i ? i : Type.Int.INT64);
            }
        }
        if (op == null && v instanceof Type.Int vi) {
            Type.Int now = natural(value, vi), was = maps.naturalInt(m.name());
            Type.Int promoted = was == null || now == null ? now : IntPromotion.promote(was, now);
            if (now == null) promoted = was;
            if (promoted == null && was != null) {
                throw new CompileError(m.span(), "Type mismatch for " + m.name() + ": trying to assign value of type '"
                        + now.display() + "' when map already contains a value of type '" + was.display() + "'");
            }
            maps.naturalInt(m.name(), promoted);
        }
        maps.assign(m, keys, v);
        // unknown key types (a key reads a map not assigned yet) leave a new map unrecorded until a later pass
        MapInfo info = maps.get(m.name());
        if (info != null) types.put(m, info.value());
    }

    /** {@code let $x[: type] [= value]}: declares in the current block; a type fixes the variable's type. */
    private void let(Stmt.Let l) {
        // The value comes before the declaration: `let $x = $x` reads an $x visible before it.
        Type value = l.value() == null ? null : expr(l.value());
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

    private void assignVariable(Expr.Variable var, BinaryOp op, Expr value) {
        // The value is checked first: in `$x = $x + 1` the right side must see an $x already there.
        ScratchVariable name = op != null ? bind(var, scopes.require(var)) : null;
        Type v = expr(value);
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
        requireHoldable(value, v);
        Type old = variables.get(name);
        // Declared with a bare `let $x;`: zero, an integer, until assigned.
        if (op != null && old == null) variables.put(name, old = Type.Int.INT64);
        if (op != null) {
            if (old == null) throw new CompileError(var.span(), "Undefined or undeclared variable: $" + var.name());
            requireInteger(value, v, op.symbol + "=");
            requireInteger(var, old, op.symbol + "=");
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
    private Type.Int natural(Expr e, Type.Int t) {
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

    private List<Type> keyTypes(Expr.MapAccess m) {
        return storableTypes(m.keys(), "map key type");
    }

    /**
     * The types of values stored as map keys or tuple elements, in their key form; null when one
     * is not known yet. {@code what} names them in the error for a value that cannot be stored.
     */
    private List<Type> storableTypes(List<Expr> values, String what) {
        List<Type> out = new ArrayList<>();
        for (Expr x : values) {
            Type t = expr(x);
            if (t == null) return null;
            if (t instanceof Type.Void || t instanceof Type.Aggregation || t instanceof Type.Args) {
                throw new CompileError(x.span(), "Invalid " + what + ": " + t.display());
            }
            requireHoldable(x, t);
            out.add(Types.keyForm(t));
        }
        return out;
    }

    private Type aggregation(Expr.Call c) {
        List<Expr> args = c.args();
        List<Type> argTypes = new ArrayList<>();
        for (Expr a : args) argTypes.add(expr(a));
        switch (c.name()) {
            case "count" -> {
                Functions.arity(c, 0, 0);
                return new Type.Count();
            }
            case "sum", "min", "max", "avg", "stats" -> {
                Functions.arity(c, 1, 1);
                Type t = argTypes.getFirst();
                if (t != null) requireInteger(args.getFirst(), t, c.name() + "()");
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
                if (argTypes.getFirst() != null) requireInteger(args.getFirst(), argTypes.getFirst(), "hist()");
                int k = 0;
                if (args.size() == 2) {
                    k = (int) Functions.literal(args.get(1), "hist: bits");
                    if (k < 0 || k > 5) throw new CompileError(args.get(1).span(), "hist: bits " + k + " must be 0..5");
                }
                return new Type.Hist(k);
            }
            case "lhist" -> {
                Functions.arity(c, 4, 4);
                if (argTypes.getFirst() != null) requireInteger(args.getFirst(), argTypes.getFirst(), "lhist()");
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

    /** Types an expression; null only while inferring, for a read of a map not typed yet. */
    private Type expr(Expr e) {
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
            case Expr.Ident id when structs.builtin(id) != null -> structs.builtin(id);
            case Expr.Ident id -> identifier(id);
            case Expr.Positional p -> positional(p);
            case Expr.PositionalCount c -> Type.Int.INT64;
            case Expr.Variable v -> {
                ScratchVariable name = bind(v, scopes.require(v));
                Type t = variables.get(name);
                // Declared with a bare `let $x;` and not assigned yet: zero, an integer.
                if (t == null) variables.put(name, t = Type.Int.INT64);
                yield t;
            }
            case Expr.MapAccess m -> mapRead(m);
            case Expr.Call c -> call(c);
            case Expr.FieldAccess f -> field(f);
            case Expr.Index i -> index(i);
            case Expr.Binary b -> binary(b);
            case Expr.Unary u -> unary(u);
            case Expr.IncDec d -> incDec(d);
            case Expr.Ternary t -> ternary(t);
            case Expr.Tuple t -> tuple(t);
            case Expr.Record r -> {
                List<Type> elements = storableTypes(r.values(), "tuple element type");
                yield elements == null ? null : new Type.Tuple(elements, r.names());
            }
            case Expr.Cast c -> cast(c);
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
        try {
            return Builtins.typeOf(id, target, options);
        } catch (CompileError unknown) {
            if (!Builtins.isUnknownIdentifier(unknown, id)) throw unknown;
            Type constant = structs.enumConstant(id);
            if (constant == null) throw unknown;
            return constant;
        }
    }

    private Type positional(Expr.Positional p) {
        List<String> params = options.positionalParams();
        if (p.index() < 1) {
            throw new CompileError(p.span(), "param $" + p.index() + " is out of integer range [1, " + Long.MAX_VALUE + "]");
        }
        if (p.index() <= params.size()) {
            String v = params.get(p.index() - 1);
            if (isNumber(v)) return Type.Int.INT64;
            return new Type.Str(Types.utf8Length(v) + 1);
        }
        return Type.Int.INT64;
    }

    static boolean isNumber(String v) {
        return v.matches("-?[0-9]+") || v.matches("0[xX][0-9a-fA-F]+");
    }

    private Type mapRead(Expr.MapAccess m) {
        List<Type> keys = keyTypes(m);
        MapInfo info = maps.get(m.name());
        if (info == null) {
            if (inferring) return assumeIntegers ? Type.Int.INT64 : null;
            throw new CompileError(m.span(), "Undefined map: " + m.name());
        }
        if (keys != null) maps.checkKeys(m, keys);
        return switch (info.value()) {
            case Type.Count c -> Type.Int.UINT64;
            case Type.Sum s -> s.of();
            case Type.Min s -> s.of();
            case Type.Max s -> s.of();
            case Type.Avg s -> s.of();
            case Type.Aggregation a -> throw new CompileError(m.span(), "Map value of type " + a.display() + " can not be used in an expression");
            default -> info.value();
        };
    }

    /** The args builtin as the base of args.NAME: the arguments looked up by name. */
    private Type argsBuiltin(Expr.Ident id) {
        Type t = structs.builtin(id);
        return t != null ? t : identifier(id);
    }

    private Type field(Expr.FieldAccess f) {
        Type base;
        if (f.base() instanceof Expr.Ident id && id.name().equals("args")) {
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

    private Type binary(Expr.Binary b) {
        Type l = expr(b.left());
        Type r = expr(b.right());
        if (l == null || r == null) return null;
        BinaryOp op = b.op();
        if (l instanceof Type.Str && r instanceof Type.Str && (op == BinaryOp.EQ || op == BinaryOp.NE)) {
            return new Type.Bool();
        }
        if (!Type.isInteger(l) || !Type.isInteger(r)) {
            throw new CompileError(b.span(), "Type mismatch for '" + op.symbol + "': comparing '" + l.display()
                    + "' with '" + r.display() + "'");
        }
        if (op.isComparison() || op.isLogical()) return new Type.Bool();
        Type pointer = pointerArithmetic(b, l, r);
        if (pointer != null) return pointer;
        Type.Int li = Types.asInt(l);
        Type.Int ri = Types.asInt(r);
        return new Type.Int(8, li.signed() && ri.signed());
    }

    /**
     * {@code p + n}, {@code n + p}, {@code p - n}: a pointer of p's type moved by n elements, as in
     * bpftrace (and C); null when neither side is a pointer or the operator is not + or -.
     */
    private Type pointerArithmetic(Expr.Binary b, Type l, Type r) {
        boolean lp = l instanceof Type.Pointer, rp = r instanceof Type.Pointer;
        if (!lp && !rp || b.op() != BinaryOp.ADD && b.op() != BinaryOp.SUB) return null;
        if (lp && rp) {
            throw new CompileError(b.span(), "The " + b.op().symbol + " operator can not be used on two pointers ('"
                    + l.display() + "' and '" + r.display() + "'): pointer arithmetic takes a pointer and an integer");
        }
        if (rp && b.op() == BinaryOp.SUB) {
            throw new CompileError(b.span(), "The - operator can not take a pointer on its right side ('" + r.display()
                    + "'): subtract an integer from a pointer instead");
        }
        return lp ? structs.arithmeticPointer((Type.Pointer) l, b.left()) : structs.arithmeticPointer((Type.Pointer) r, b.right());
    }

    /** A pointer variable moved by ++, --, += or -=: its pointee is resolved so that code generation knows the step. */
    private Type steppedVariable(Expr.Variable v, Type t) {
        if (!(t instanceof Type.Pointer p)) return t;
        Type.Pointer resolved = structs.arithmeticPointer(p, v);
        variables.put(bindings.get(v), resolved);
        return resolved;
    }

    private Type unary(Expr.Unary u) {
        Type t = expr(u.operand());
        if (t == null) return null;
        switch (u.op()) {
            case LNOT -> {
                if (!Type.isInteger(t)) throw cannotApply(u, t);
                return new Type.Bool();
            }
            case NEG, BNOT -> {
                if (!Type.isInteger(t)) throw cannotApply(u, t);
                Type.Int i = Types.asInt(t);
                return new Type.Int(8, u.op() == jtrace.ast.UnaryOp.NEG || i.signed());
            }
            case DEREF -> {
                Type pointee = structs.deref(u, t);
                if (pointee != null) return pointee;
                throw new CompileError(u.span(), "The " + u.op().symbol + " operator is not supported by jtrace yet");
            }
            default -> throw new CompileError(u.span(), "The " + u.op().symbol + " operator is not supported by jtrace yet");
        }
    }

    private static CompileError cannotApply(Expr.Unary u, Type t) {
        Span opSpan = new Span(u.span().start(), u.span().start() + u.op().symbol.length());
        return new CompileError(opSpan, "The " + u.op().symbol + " operator can not be used on expressions of type '" + t.display() + "'");
    }

    private Type incDec(Expr.IncDec d) {
        switch (d.target()) {
            case Expr.MapAccess m -> {
                List<Type> keys = keyTypes(m);
                MapInfo info = maps.get(m.name());
                if (info != null && Type.intOf(info.value()) == null) {
                    throw new CompileError(d.span(), "The " + (d.increment() ? "++" : "--")
                            + " operator can not be used on a map holding '" + info.value().display() + "'");
                }
                Type v = info == null ? Type.Int.INT64 : info.value();
                maps.assign(m, keys, v);
                types.put(m, v);
                return v;
            }
            case Expr.Variable v -> {
                Type t = variables.get(bind(v, scopes.require(v)));
                if (t == null) throw new CompileError(v.span(), "Undefined or undeclared variable: $" + v.name());
                requireInteger(v, t, d.increment() ? "++" : "--");
                t = steppedVariable(v, t);
                types.put(v, t);
                return t;
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
        List<Type> elems = storableTypes(t.elements(), "tuple element type");
        return elems == null ? null : new Type.Tuple(elems);
    }

    private Type cast(Expr.Cast c) {
        Type from = expr(c.operand());
        if (ArrayCasts.isArrayCast(c)) {
            if (from == null) return null;
            // bpftrace sizes an integer operand as it types it: a literal by its value, a variable as widened.
            Type sized = Type.intOf(from) instanceof Type.Int i && natural(c.operand(), i) instanceof Type.Int n ? n : from;
            return ArrayCasts.toArray(c, sized, options);
        }
        if (from instanceof Type.Array a && !c.type().contains("*")) {
            Type to = TypeNames.parse(c.type(), c.span(), options);
            ArrayCasts.fromArray(c, a, to);
            return to;
        }
        Type cType = structs.cast(c, from);
        if (cType != null) return cType;
        Type to = TypeNames.parse(c.type(), c.span(), options);
        if (from == null) return to;
        if (to instanceof Type.Int && !Type.isInteger(from)) {
            throw new CompileError(c.span(), "Cannot cast from \"" + from.display() + "\" to \"" + to.display() + "\"");
        }
        if (!(to instanceof Type.Int) && !(to instanceof Type.Bool)) {
            throw new CompileError(c.span(), "Cast to '" + c.type() + "' is not supported by jtrace yet");
        }
        return to;
    }

    private Type call(Expr.Call c) {
        if (SymbolFunctions.isStack(c.name())) return SymbolFunctions.stackCall(c, options);
        if (Functions.isAggregation(c.name())) {
            throw new CompileError(c.span(), c.name() + "() should be directly assigned to a map");
        }
        if (c.name().equals("offsetof")) return structs.offsetOf(c, this::expr);
        if (c.name().equals("delete") && c.args().size() == 2 && c.args().getFirst() instanceof Expr.MapAccess m
                && m.keys().isEmpty()) {
            deleteWithKey(c, m);
            return new Type.Bool();
        }
        if (c.name().equals("has_key")) return hasKey(c);
        if (c.name().equals("getopt")) return NamedParams.type(NamedParams.value(c, options));
        if (c.name().equals("nsecs")) return Clocks.check(c);
        if (c.name().equals("str") && !c.args().isEmpty() && PositionalOffset.of(c.args().getFirst()) != null) {
            return PositionalOffset.check(PositionalOffset.of(c.args().getFirst()), options);
        }
        List<Type> argTypes = new ArrayList<>();
        for (Expr a : c.args()) {
            if (a instanceof Expr.MapAccess m && Functions.takesWholeMap(c.name()) && m.keys().isEmpty()) {
                MapInfo info = maps.get(m.name());
                if (info == null) {
                    if (inferring) return c.name().equals("len") ? Type.Int.INT64 : new Type.Void();
                    throw new CompileError(m.span(), "Undefined map: " + m.name());
                }
                types.put(a, info.value());
                argTypes.add(info.value());
                continue;
            }
            Type t = expr(a);
            if (t == null) return null;
            argTypes.add(t);
        }
        if (c.name().equals("print") && !argTypes.isEmpty()) requireHoldable(c.args().getFirst(), argTypes.getFirst());
        if (CompileTimeFunctions.handles(c.name())) return compileTime.check(c, argTypes, prunedDepth == 0);
        return Functions.check(c, argTypes, target, options);
    }

    /** {@code delete(@m, key)}: the map is named whole; the key (a tuple for several keys) must fit it. */
    private Type deleteWithKey(Expr.Call c, Expr.MapAccess m) {
        Type key = expr(c.args().get(1));
        MapInfo info = maps.get(m.name());
        if (info == null) {
            if (inferring) return new Type.Void();
            throw new CompileError(m.span(), "Undefined map: " + m.name());
        }
        types.put(m, info.value());
        if (key == null) return new Type.Void();
        List<Type> keys = key instanceof Type.Tuple t && info.keys().size() > 1 ? t.elements() : List.of(Types.keyForm(key));
        maps.checkKeys(new Expr.MapAccess(m.name(), List.of(), c.args().get(1).span()), keys);
        return new Type.Void();
    }

    /** {@code has_key(@m, key)}: true when the map holds the key. */
    private Type hasKey(Expr.Call c) {
        if (c.args().size() != 2 || !(c.args().getFirst() instanceof Expr.MapAccess m) || !m.keys().isEmpty()) {
            throw new CompileError(c.span(), "has_key() expects a map and a key, e.g. `has_key(@my_map, 1)`");
        }
        MapInfo info = maps.get(m.name());
        if (info != null && info.keys().isEmpty()) {
            throw new CompileError(m.span(), "has_key() expects a map with explicit keys (non-scalar map)");
        }
        deleteWithKey(c, m);
        return new Type.Bool();
    }

    /** The most bytes a whole C value (struct, union, array) may have: what one CPU's scratch memory holds. */
    static final int MAX_C_VALUE = 32768;

    /** A whole struct, union or array copied as a value must fit jtrace's scratch memory. */
    static void requireHoldable(Expr e, Type t) {
        if ((t instanceof Type.Struct || t instanceof Type.Array) && t.size() > MAX_C_VALUE) {
            throw new CompileError(e.span(), "Value of type '" + t.display() + "' is too large (" + t.size()
                    + " bytes): jtrace holds struct and array values of at most " + MAX_C_VALUE + " bytes; read its members instead");
        }
    }

    private static void requireInteger(Expr e, Type t, String what) {
        if (!Type.isInteger(t)) {
            throw new CompileError(e.span(), what + " expects an integer (" + t.display() + " provided)");
        }
    }
}
