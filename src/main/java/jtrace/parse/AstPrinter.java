package jtrace.parse;

import jtrace.ast.AttachPoint;
import jtrace.ast.Block;
import jtrace.ast.Expr;
import jtrace.ast.Probe;
import jtrace.ast.Program;
import jtrace.ast.Stmt;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints an AST back as compact one-line text with every operation parenthesised, so the tree's
 * shape is visible: {@code ((1 + (2 * 3)) == 7)}. Used by tests and for debugging.
 */
public final class AstPrinter {
    private AstPrinter() {}

    public static String print(Program program) {
        return program.probes().stream().map(AstPrinter::print).collect(Collectors.joining("\n"));
    }

    public static String print(Probe probe) {
        String points = probe.attachPoints().stream().map(AttachPoint::raw).collect(Collectors.joining(","));
        String pred = probe.predicate() == null ? "" : " /" + print(probe.predicate()) + "/";
        return points + pred + " " + print(probe.body());
    }

    public static String print(Block block) {
        if (block.stmts().isEmpty()) return "{ }";
        return "{ " + block.stmts().stream().map(AstPrinter::print).collect(Collectors.joining(" ")) + " }";
    }

    public static String print(Stmt stmt) {
        return switch (stmt) {
            case Stmt.ExprStmt s -> print(s.expr()) + ";";
            case Stmt.Assign s -> print(s.target()) + " " + (s.op() == null ? "" : s.op().symbol) + "= " + print(s.value()) + ";";
            case Stmt.Let s -> "let " + print(s.variable()) + (s.type() == null ? "" : ": " + s.type())
                    + (s.value() == null ? "" : " = " + print(s.value())) + ";";
            case Stmt.If s -> "if (" + print(s.cond()) + ") " + print(s.then())
                    + (s.otherwise() == null ? "" : " else " + print(s.otherwise()));
            case Stmt.While s -> "while (" + print(s.cond()) + ") " + print(s.body());
            case Stmt.Unroll s -> "unroll (" + print(s.count()) + ") " + print(s.body());
            case Stmt.ForMap s -> "for (" + print(s.variable()) + " : " + print(s.map()) + ") " + print(s.body());
            case Stmt.ForRange s -> "for (" + print(s.variable()) + " : " + print(s.from()) + ".." + print(s.to()) + ") "
                    + print(s.body());
            case Stmt.Break s -> "break;";
            case Stmt.Continue s -> "continue;";
            case Stmt.Return s -> "return;";
            case Stmt.Nested s -> print(s.block());
        };
    }

    public static String print(Expr expr) {
        return switch (expr) {
            case Expr.IntLit e -> e.unsigned() ? Long.toUnsignedString(e.value()) + "u" : Long.toString(e.value());
            case Expr.StrLit e -> quote(e.value());
            case Expr.BoolLit e -> Boolean.toString(e.value());
            case Expr.Ident e -> e.name();
            case Expr.Positional e -> "$" + e.index();
            case Expr.PositionalCount e -> "$#";
            case Expr.Variable e -> "$" + e.name();
            case Expr.MapAccess e -> e.name() + (e.keys().isEmpty() ? "" : "[" + list(e.keys()) + "]");
            case Expr.Call e -> e.name() + "(" + list(e.args()) + ")";
            case Expr.FieldAccess e -> "(" + print(e.base()) + (e.arrow() ? "->" : ".") + e.field() + ")";
            case Expr.Index e -> "(" + print(e.base()) + "[" + print(e.index()) + "])";
            case Expr.Binary e -> "(" + print(e.left()) + " " + e.op().symbol + " " + print(e.right()) + ")";
            case Expr.Unary e -> "(" + e.op().symbol + print(e.operand()) + ")";
            case Expr.IncDec e -> {
                String op = e.increment() ? "++" : "--";
                yield "(" + (e.prefix() ? op + print(e.target()) : print(e.target()) + op) + ")";
            }
            case Expr.Ternary e -> "(" + print(e.cond()) + " ? " + print(e.then()) + " : " + print(e.otherwise()) + ")";
            case Expr.Tuple e -> "tuple(" + list(e.elements()) + ")";
            case Expr.Record e -> "record(" + java.util.stream.IntStream.range(0, e.names().size())
                    .mapToObj(i -> e.names().get(i) + "=" + print(e.values().get(i)))
                    .collect(java.util.stream.Collectors.joining(", ")) + ")";
            case Expr.Cast e -> "((" + e.type() + ")" + print(e.operand()) + ")";
            case Expr.SizeOf e -> "sizeof(" + (e.type() != null ? e.type() : print(e.operand())) + ")";
        };
    }

    private static String list(List<Expr> exprs) {
        return exprs.stream().map(AstPrinter::print).collect(Collectors.joining(", "));
    }

    /** A string literal as source text, escaping quotes, backslashes and non-printing bytes. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7f) out.append(String.format("\\x%02x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
