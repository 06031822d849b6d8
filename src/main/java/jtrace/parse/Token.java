package jtrace.parse;

import jtrace.diag.Span;

/**
 * One lexed token. {@code text} is the source text; {@code string} the decoded value of a string
 * literal (one char per byte, see {@link StringLiteralReader}); {@code intValue}/{@code unsigned}
 * the value of an integer literal.
 */
public record Token(TokenKind kind, String text, Span span, String string, long intValue, boolean unsigned) {

    public static Token of(TokenKind kind, String text, Span span) {
        return new Token(kind, text, span, null, 0, false);
    }

    /** The token as bison would name it in an error message. */
    public String display() { return kind.display; }

    @Override
    public String toString() {
        return switch (kind) {
            case INT -> "INT(" + (unsigned ? Long.toUnsignedString(intValue) + "u" : Long.toString(intValue)) + ")";
            case STRING -> "STRING(" + AstPrinter.quote(string) + ")";
            case IDENT, BUILTIN, MAP, VAR, POSITIONAL, CPREPROC -> kind + "(" + text + ")";
            default -> kind.name();
        };
    }
}
