package jtrace.ast;

/** Prefix operators. */
public enum UnaryOp {
    NEG("-"), LNOT("!"), BNOT("~"), DEREF("*"), ADDR("&");

    public final String symbol;

    UnaryOp(String symbol) { this.symbol = symbol; }
}
