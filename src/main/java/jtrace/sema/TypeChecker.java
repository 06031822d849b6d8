package jtrace.sema;

import jtrace.ast.Block;
import jtrace.ast.Expr;
import jtrace.ast.Probe;
import jtrace.ast.Stmt;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.types.Type;

import java.util.IdentityHashMap;
import java.util.List;

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
    private final IdentityHashMap<Expr, Type> types = new IdentityHashMap<>();
    private final IdentityHashMap<Expr, Long> constants = new IdentityHashMap<>();
    private final StructTyping structs;
    private final VariableTyping variables;
    private final OperatorTyping operators;
    private final MapAccessTyping mapAccess;
    private final CallTyping calls;
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
        this.variables = new VariableTyping(this::expr, types, structs, maps);
        this.operators = new OperatorTyping(this::expr, structs, variables, options);
        this.mapAccess = new MapAccessTyping(this::expr, types, maps, variables, inferring, assumeIntegers);
        this.calls = new CallTyping(this::expr, types, maps, mapAccess, structs, compileTime, target, options, inferring);
        this.target = target;
        this.maps = maps;
        this.options = options;
        this.inferring = inferring;
    }

    CheckedProbe check(Probe probe) {
        if (probe.predicate() != null) {
            Type t = expr(probe.predicate());
            if (t != null && !Type.isInteger(t)) {
                throw new CompileError(probe.predicate().span(), "Invalid type for predicate: " + t.display());
            }
        }
        block(probe.body());
        ScratchVariables scratch = variables.scratch();
        return new CheckedProbe(probe, target, types, scratch.byName(), constants, scratch);
    }

    private void block(Block b) {
        variables.enterScope(b);
        for (Stmt s : b.stmts()) stmt(s);
        variables.leaveScope();
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> exprStatement(e.expr());
            case Stmt.Assign a -> assign(a);
            case Stmt.Let l -> variables.let(l);
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
                if (!(u.count() instanceof Expr.IntLit n) || n.value() < 1 || n.value() > 100) {
                    throw new CompileError(u.count().span(), "unroll maximum value is 100 and minimum is 1");
                }
                types.put(u.count(), Type.Int.INT64);
                block(u.body());
            }
            case Stmt.ForRange f -> {
                Type from = expr(f.from());
                Type to = expr(f.to());
                requireInteger(f.from(), from, "for range");
                requireInteger(f.to(), to, "for range");
                variables.enterScope(f);
                variables.loopVariable(f.variable(), Type.Int.INT64);
                loopDepth++;
                block(f.body());
                loopDepth--;
                variables.leaveScope();
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
        variables.enterScope(f);
        variables.loopVariable(f.variable(), kv);
        loopDepth++;
        block(f.body());
        loopDepth--;
        variables.leaveScope();
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
            case Expr.MapAccess m -> mapAccess.assign(m, a.op(), a.value(), a.span());
            case Expr.Variable v -> variables.assign(v, a.op(), a.value());
            default -> throw new CompileError(a.target().span(), "Can only assign to maps and variables");
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
            case Expr.Variable v -> variables.read(v);
            case Expr.MapAccess m -> mapAccess.read(m);
            case Expr.Call c -> calls.type(c, prunedDepth == 0);
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

    /** The most bytes a whole C value (struct, union, array) may have: what one CPU's scratch memory holds. */
    static final int MAX_C_VALUE = 32768;

    /** A whole struct, union or array copied as a value must fit jtrace's scratch memory. */
    static void requireHoldable(Expr e, Type t) {
        if ((t instanceof Type.Struct || t instanceof Type.Array) && t.size() > MAX_C_VALUE) {
            throw new CompileError(e.span(), "Value of type '" + t.display() + "' is too large (" + t.size()
                    + " bytes): jtrace holds struct and array values of at most " + MAX_C_VALUE + " bytes; read its members instead");
        }
    }

    static void requireInteger(Expr e, Type t, String what) {
        if (!Type.isInteger(t)) {
            throw new CompileError(e.span(), what + " expects an integer (" + t.display() + " provided)");
        }
    }
}
