package jtrace.ast;

import jtrace.diag.Span;

import java.util.List;

/** Expressions. Every node carries the source range errors point at. */
public sealed interface Expr {
    Span span();

    /** An integer literal; {@code value} holds the 64 bits, {@code unsigned} when it needed all 64 (e.g. 0xffffffffffffffff) or had a U suffix. */
    record IntLit(long value, boolean unsigned, Span span) implements Expr {}

    /** A string literal with escapes already decoded. */
    record StrLit(String value, Span span) implements Expr {}

    /** {@code true} / {@code false}. */
    record BoolLit(boolean value, Span span) implements Expr {}

    /** A bare identifier: a builtin such as {@code pid}, {@code comm}, {@code args}; semantic analysis decides. */
    record Ident(String name, Span span) implements Expr {}

    /** A positional parameter {@code $1}..{@code $N}. */
    record Positional(int index, Span span) implements Expr {}

    /** {@code $#}: the number of positional parameters. */
    record PositionalCount(Span span) implements Expr {}

    /** A scratch variable {@code $name} (name without the {@code $}). */
    record Variable(String name, Span span) implements Expr {}

    /** {@code @name} or {@code @name[k1, k2]}; name includes the {@code @} (the anonymous map is {@code "@"}); keys empty for a scalar map. */
    record MapAccess(String name, List<Expr> keys, Span span) implements Expr {
        public MapAccess { keys = List.copyOf(keys); }
    }

    /** A function call {@code name(args)}. */
    record Call(String name, List<Expr> args, Span span) implements Expr {
        public Call { args = List.copyOf(args); }
    }

    /** {@code base.field} (arrow false) or {@code base->field} (arrow true). */
    record FieldAccess(Expr base, String field, boolean arrow, Span span) implements Expr {}

    /** {@code base[index]}. */
    record Index(Expr base, Expr index, Span span) implements Expr {}

    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}

    /** {@code ++x}, {@code x++}, {@code --x}, {@code x--} on a map or variable. */
    record IncDec(Expr target, boolean increment, boolean prefix, Span span) implements Expr {}

    record Ternary(Expr cond, Expr then, Expr otherwise, Span span) implements Expr {}

    /** {@code (a, b, c)}: two or more elements. */
    record Tuple(List<Expr> elements, Span span) implements Expr {
        public Tuple { elements = List.copyOf(elements); }
    }

    /** {@code (a=1, b="x")}: a record, its fields named and in the order written. */
    record Record(List<String> names, List<Expr> values, Span span) implements Expr {
        public Record {
            names = List.copyOf(names);
            values = List.copyOf(values);
        }
    }

    /** {@code (type) expr}; {@code type} as written, e.g. "uint8", "int64", "struct task_struct *". */
    record Cast(String type, Expr operand, Span span) implements Expr {}

    /** {@code sizeof(type-or-expr)}: exactly one of {@code type} / {@code operand} is non-null. */
    record SizeOf(String type, Expr operand, Span span) implements Expr {}
}
