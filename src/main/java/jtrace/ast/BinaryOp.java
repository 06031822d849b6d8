package jtrace.ast;

/** C binary operators, with the spelling bpftrace uses in messages. */
public enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"),
    BAND("&"), BOR("|"), BXOR("^"), SHL("<<"), SHR(">>"),
    LAND("&&"), LOR("||"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    public final String symbol;

    BinaryOp(String symbol) { this.symbol = symbol; }

    public boolean isComparison() {
        return this == EQ || this == NE || this == LT || this == LE || this == GT || this == GE;
    }

    public boolean isLogical() { return this == LAND || this == LOR; }
}
