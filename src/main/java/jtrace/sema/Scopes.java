package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Lexical scopes of scratch variables, as current bpftrace has them: a variable first assigned
 * or declared with {@code let} in a block is visible in that block and the blocks inside it only.
 */
final class Scopes {
    private record Scope(Set<String> variables, Set<String> declared) {}

    private final Deque<Scope> stack = new ArrayDeque<>();

    void push() { stack.push(new Scope(new HashSet<>(), new HashSet<>())); }

    void pop() { stack.pop(); }

    boolean visible(String name) {
        for (Scope s : stack) if (s.variables().contains(name)) return true;
        return false;
    }

    /** A first assignment: the variable belongs to the innermost block. */
    void assign(String name) {
        if (!visible(name)) stack.peek().variables().add(name);
    }

    /** {@code let $x}: allowed again for a variable declared before, not for one already used undeclared. */
    void declare(Expr.Variable v) {
        for (Scope s : stack) {
            if (s.variables().contains(v.name())) {
                if (s.declared().contains(v.name())) return;
                throw new CompileError(v.span(), "Variable declarations need to occur before variable usage or assignment. Variable: $" + v.name());
            }
        }
        stack.peek().variables().add(v.name());
        stack.peek().declared().add(v.name());
    }

    void requireVisible(Expr.Variable v) {
        if (!visible(v.name())) throw new CompileError(v.span(), "Undefined or undeclared variable: $" + v.name());
    }
}
