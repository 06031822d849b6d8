package jtrace.parse;

import java.util.Set;

import static jtrace.parse.TokenKind.*;

/**
 * Type names as written in casts, {@code sizeof} and {@code let $x: type}: the integer types,
 * bool, string, {@code struct/union/enum NAME}, C typedef names such as {@code uint64_t}, any
 * name followed by '*', each optionally followed by '*'s or an array size {@code [N]}. The text
 * is normalised to single spaces: {@code "struct task_struct *"}, {@code "uint8[4]"}.
 */
final class TypeNameParser {
    static final Set<String> BUILTIN_TYPES = Set.of(
            "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool", "string",
            "void", "char", "short", "int", "long", "unsigned", "signed");

    private final TokenStream in;

    TypeNameParser(TokenStream in) { this.in = in; }

    /**
     * Whether the tokens from lookahead position {@code k} read as a type rather than an
     * expression, judging by what follows a name: a type is closed by ')' (or followed by '*' or '[').
     */
    boolean startsAt(int k) {
        Token t = in.peek(k);
        if (t.kind() == STRUCT || t.kind() == UNION || t.kind() == ENUM) return true;
        if (t.kind() != IDENT) return false;
        TokenKind next = in.peek(k + 1).kind();
        if (BUILTIN_TYPES.contains(t.text()) || t.text().endsWith("_t")) {
            if (next == IDENT && Set.of("unsigned", "signed", "long", "short").contains(t.text())) return true;
            return next == RPAREN || next == MUL || next == LBRACKET;
        }
        // Any other name is a type only if stars lead to the closing parenthesis: "(foo *)x".
        int i = k + 1;
        if (in.peek(i).kind() != MUL) return false;
        while (in.peek(i).kind() == MUL) i++;
        return in.peek(i).kind() == RPAREN;
    }

    String parse() {
        Token first = in.advance();
        StringBuilder type = new StringBuilder(first.text());
        if (first.kind() == STRUCT || first.kind() == UNION || first.kind() == ENUM) {
            Token name = in.peek();
            if (name.kind() != IDENT && name.kind() != BUILTIN) throw TokenStream.unexpected(name, "identifier");
            in.advance();
            type.append(' ').append(name.text());
        } else if (first.text().equals("unsigned") || first.text().equals("signed")) {
            // "unsigned int", "unsigned long long"
            while (in.at(IDENT) && BUILTIN_TYPES.contains(in.peek().text())) type.append(' ').append(in.advance().text());
        } else {
            while ((first.text().equals("long") || first.text().equals("short")) && in.at(IDENT)
                    && BUILTIN_TYPES.contains(in.peek().text())) {
                type.append(' ').append(in.advance().text());
            }
        }
        if (in.at(MUL)) {
            type.append(' ');
            while (in.accept(MUL)) type.append('*');
        }
        while (in.at(LBRACKET)) {
            in.advance();
            Token size = in.peek();
            // "int8[]": an array cast whose length comes from the operand's size.
            if (size.kind() == RBRACKET) {
                in.advance();
                type.append("[]");
                continue;
            }
            if (size.kind() != INT) throw TokenStream.unexpected(size, "integer");
            in.advance();
            in.expect(RBRACKET);
            type.append('[').append(Long.toUnsignedString(size.intValue())).append(']');
        }
        return type.toString();
    }
}
