package jtrace.parse;

import jtrace.ast.Expr;
import jtrace.diag.Span;

import java.util.List;

/**
 * {@code ppid} and {@code pcomm}, which bpftrace's standard library defines over a task: the
 * parent's process id ({@code task->real_parent->tgid}) and the process name
 * ({@code task->group_leader->comm}), of the current task or of the one passed.
 */
final class TaskBuiltins {
    private TaskBuiltins() {}

    static boolean handles(String name) { return name.equals("ppid") || name.equals("pcomm"); }

    /** The expansion of {@code name} applied to {@code args} (none, or one task pointer); null for other arities. */
    static Expr expand(String name, List<Expr> args, Span span) {
        if (args.size() > 1) return null;
        Expr taskValue = args.isEmpty() ? new Expr.Ident("curtask", span) : args.getFirst();
        Expr task = new Expr.Cast("struct task_struct *", taskValue, span);
        return switch (name) {
            case "ppid" -> new Expr.Cast("uint32",
                    new Expr.FieldAccess(new Expr.FieldAccess(task, "real_parent", true, span), "tgid", true, span), span);
            case "pcomm" -> new Expr.FieldAccess(new Expr.FieldAccess(task, "group_leader", true, span), "comm", true, span);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
