package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Lexical scopes of scratch variables, as current bpftrace has them: a variable first assigned
 * or declared with {@code let} in a block belongs to that block and is visible in it and the
 * blocks inside it only. Each such binding is its own {@link ScratchVariable}, so sibling blocks
 * may use one name for variables of different types. The scopes entered are recorded as a tree.
 */
final class Scopes {
    private record Scope(VariableScope node, Map<String, ScratchVariable> variables) {}

    private final Deque<Scope> stack = new ArrayDeque<>();
    private VariableScope root;
    private int nextId;

    /** Enters the scope of {@code owner} (a block, or a for statement around its loop variable). */
    void push(Object owner) {
        VariableScope node = new VariableScope(owner);
        if (stack.isEmpty()) root = node;
        else stack.peek().node().children().add(node);
        stack.push(new Scope(node, new HashMap<>()));
    }

    void pop() { stack.pop(); }

    /** The outermost scope entered: the probe body's. */
    VariableScope root() { return root; }

    /** The innermost visible variable of that name, or null. */
    ScratchVariable find(String name) {
        for (Scope s : stack) {
            ScratchVariable v = s.variables().get(name);
            if (v != null) return v;
        }
        return null;
    }

    /** An assignment: the visible variable, or on first assignment a new one in the innermost block. */
    ScratchVariable assign(Expr.Variable v) {
        ScratchVariable found = find(v.name());
        return found != null ? found : bind(v.name());
    }

    /**
     * {@code let $x} (the statement spanning {@code span}): a new variable in the innermost block.
     * As in bpftrace, a name already visible, declared or assigned, may not be declared again.
     */
    ScratchVariable declare(Expr.Variable v, jtrace.diag.Span span) {
        if (find(v.name()) != null) {
            throw new CompileError(span, "Variable $" + v.name() + " was already declared. Variable shadowing is not allowed.");
        }
        return bind(v.name());
    }

    /** A for loop's variable, in the scope just entered around the loop body. */
    ScratchVariable loopVariable(Expr.Variable v) {
        if (find(v.name()) != null) {
            throw new CompileError(v.span(), "Loop declaration shadows existing variable: $" + v.name());
        }
        return bind(v.name());
    }

    /** A read or compound assignment: the variable must be visible here. */
    ScratchVariable require(Expr.Variable v) {
        ScratchVariable found = find(v.name());
        if (found == null) throw new CompileError(v.span(), "Undefined or undeclared variable: $" + v.name());
        return found;
    }

    private ScratchVariable bind(String name) {
        Scope innermost = stack.peek();
        ScratchVariable created = new ScratchVariable(name, nextId++);
        innermost.variables().put(name, created);
        innermost.node().variables().add(created);
        return created;
    }
}
