package jtrace.parse;

/**
 * Token kinds, each with the name bison gives it in "syntax error, unexpected X" messages
 * (quotes are kept only where bison keeps them, e.g. for the comma).
 */
public enum TokenKind {
    EOF("end of file"),
    INT("integer"), STRING("string"), IDENT("identifier"), BUILTIN("builtin"),
    MAP("map"), VAR("variable"), POSITIONAL("positional parameter"), POSITIONAL_COUNT("positional parameter count"),
    CPREPROC("preprocessor directive"),

    IF("if"), ELSE("else"), WHILE("while"), FOR("for"), UNROLL("unroll"), LET("let"),
    BREAK("break"), CONTINUE("continue"), RETURN("return"), SIZEOF("sizeof"), OFFSETOF("offsetof"),
    CONFIG("config"), MACRO("macro"), IMPORT("import"), TRUE("true"), FALSE("false"),
    STRUCT("struct"), UNION("union"), ENUM("enum"),

    LBRACE("{"), RBRACE("}"), LPAREN("("), RPAREN(")"), LBRACKET("["), RBRACKET("]"),
    SEMI(";"), COMMA("\",\""), COLON(":"), QUES("?"), DOT("."), DOTDOT(".."), PTR("->"),
    ENDPRED("end predicate"),

    ASSIGN("="), PLUS_ASSIGN("+="), MINUS_ASSIGN("-="), MUL_ASSIGN("*="), DIV_ASSIGN("/="), MOD_ASSIGN("%="),
    BAND_ASSIGN("&="), BOR_ASSIGN("|="), BXOR_ASSIGN("^="), LEFT_ASSIGN("<<="), RIGHT_ASSIGN(">>="),

    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), LEFT("<<"), RIGHT(">>"),
    PLUS("+"), MINUS("-"), MUL("*"), DIV("/"), MOD("%"),
    BAND("&"), BOR("|"), BXOR("^"), LAND("&&"), LOR("||"), LNOT("!"), BNOT("~"),
    PLUSPLUS("++"), MINUSMINUS("--");

    /** How error messages name this token. */
    public final String display;

    TokenKind(String display) { this.display = display; }
}
