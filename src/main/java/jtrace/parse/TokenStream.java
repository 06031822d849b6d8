package jtrace.parse;

import jtrace.diag.CompileError;

import java.util.ArrayList;
import java.util.List;

/** Tokens with arbitrary lookahead, and the bison-style "syntax error, unexpected X" errors. */
final class TokenStream {
    private final Lexer lexer;
    private final List<Token> ahead = new ArrayList<>();
    private Token last;

    TokenStream(Lexer lexer) { this.lexer = lexer; }

    Lexer lexer() { return lexer; }

    String text() { return lexer.source().text(); }

    Token peek() { return peek(0); }

    Token peek(int k) {
        while (ahead.size() <= k) ahead.add(lexer.next());
        return ahead.get(k);
    }

    boolean at(TokenKind kind) { return peek().kind() == kind; }

    Token advance() {
        Token t = peek();
        ahead.removeFirst();
        last = t;
        return t;
    }

    /** The most recently consumed token, or null. */
    Token last() { return last; }

    boolean accept(TokenKind kind) {
        if (!at(kind)) return false;
        advance();
        return true;
    }

    /** Consumes a token of {@code kind}, or fails naming it as the expected one. */
    Token expect(TokenKind kind) {
        if (at(kind)) return advance();
        throw unexpected(peek(), kind.display);
    }

    /** Forgets lookahead so the lexer continues right after the last consumed token. */
    void rewind() {
        if (!ahead.isEmpty()) {
            lexer.reset(ahead.getFirst().span().start());
            ahead.clear();
        }
    }

    static CompileError unexpected(Token t, String... expecting) {
        StringBuilder msg = new StringBuilder("syntax error, unexpected ").append(t.display());
        if (expecting.length > 0) msg.append(", expecting ").append(String.join(" or ", expecting));
        return new CompileError(t.span(), msg.toString());
    }
}
