package jtrace.sema;

import jtrace.ast.Block;
import jtrace.ast.Expr;
import jtrace.ast.Probe;
import jtrace.ast.Stmt;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.types.Type;

import java.util.IdentityHashMap;

/**
 * Checks one probe body's statements for one concrete target (scopes, loops, branches a constant
 * condition rules out); {@link ExpressionTyping} types its expressions. Map types are shared by all probes through a
 * {@link MapTable}: in the inference pass a read of a map not yet typed is let through (its
 * assignment may come in a later probe); in the checking pass everything must be typed.
 */
final class TypeChecker {
    private final ProbeTarget target;
    private final MapTable maps;
    private final boolean inferring;
    private final IdentityHashMap<Expr, Type> types = new IdentityHashMap<>();
    private final IdentityHashMap<Expr, Long> constants = new IdentityHashMap<>();
    private final StructTyping structs;
    private final VariableTyping variables;
    private final MapAccessTyping mapAccess;
    private final ExpressionTyping expressions;
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
        this.mapAccess = new MapAccessTyping(this::expr, types, maps, variables, inferring, assumeIntegers);
        this.expressions = new ExpressionTyping(target, options, types, structs, variables, mapAccess,
                new OperatorTyping(this::expr, structs, variables, options),
                new CallTyping(this::expr, types, maps, mapAccess, structs, compileTime, target, options, inferring),
                () -> prunedDepth == 0);
        this.target = target;
        this.maps = maps;
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
                expressions.condition(i.cond());
                Long known = folder.fold(i.cond());
                prunedBlock(i.then(), known != null && known == 0);
                if (i.otherwise() != null) prunedBlock(i.otherwise(), known != null && known != 0);
            }
            case Stmt.While w -> {
                expressions.condition(w.cond());
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
                loopWithVariable(f, f.variable(), Type.Int.INT64, f.body());
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
        loopWithVariable(f, f.variable(), kv, f.body());
    }

    /** A for loop's body, with its variable of type {@code t} in the loop's own scope. */
    private void loopWithVariable(Stmt loop, Expr.Variable v, Type t, Block body) {
        variables.enterScope(loop);
        variables.loopVariable(v, t);
        loopDepth++;
        block(body);
        loopDepth--;
        variables.leaveScope();
    }

    private void requireLoop(Span span, String what) {
        if (loopDepth == 0) throw new CompileError(span, "'" + what + "' statement is not allowed outside of a loop");
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
    private Type expr(Expr e) { return expressions.expr(e); }

    static boolean isNumber(String v) {
        return v.matches("-?[0-9]+") || v.matches("0[xX][0-9a-fA-F]+");
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
