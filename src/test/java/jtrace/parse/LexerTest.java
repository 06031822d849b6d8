package jtrace.parse;

import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.diag.Span;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LexerTest {

    private static String tokens(String src) {
        List<Token> ts = new Lexer(new SourceFile("stdin", src)).tokenize();
        return ts.stream().map(Token::toString).collect(Collectors.joining(" "));
    }

    static Stream<Arguments> streams() {
        return Stream.of(
                Arguments.of("a b_1 _c", "IDENT(a) IDENT(b_1) IDENT(_c) EOF"),
                Arguments.of("pid comm arg0 sarg3 args retval kstack", "BUILTIN(pid) BUILTIN(comm) BUILTIN(arg0) BUILTIN(sarg3) BUILTIN(args) BUILTIN(retval) BUILTIN(kstack) EOF"),
                Arguments.of("if else while for unroll let break continue return sizeof true false config macro",
                        "IF ELSE WHILE FOR UNROLL LET BREAK CONTINUE RETURN SIZEOF TRUE FALSE CONFIG MACRO EOF"),
                Arguments.of("@ @x @foo_1 $x $1 $12 $#", "MAP(@) MAP(@x) MAP(@foo_1) VAR($x) POSITIONAL($1) POSITIONAL($12) POSITIONAL_COUNT EOF"),
                Arguments.of("<<= >>= << >> <= >= < > == != = && || & | ^ ! ~",
                        "LEFT_ASSIGN RIGHT_ASSIGN LEFT RIGHT LE GE LT GT EQ NE ASSIGN LAND LOR BAND BOR BXOR LNOT BNOT EOF"),
                Arguments.of("+= -= *= /= %= &= |= ^= ++ -- + - * / %",
                        "PLUS_ASSIGN MINUS_ASSIGN MUL_ASSIGN DIV_ASSIGN MOD_ASSIGN BAND_ASSIGN BOR_ASSIGN BXOR_ASSIGN PLUSPLUS MINUSMINUS PLUS MINUS MUL DIV MOD EOF"),
                Arguments.of("{ } ( ) [ ] ; , : ? . .. ->", "LBRACE RBRACE LPAREN RPAREN LBRACKET RBRACKET SEMI COMMA COLON QUES DOT DOTDOT PTR EOF"),
                Arguments.of("0..10", "INT(0) DOTDOT INT(10) EOF"),
                Arguments.of("$kv.0.1", "VAR($kv) DOT INT(0) DOT INT(1) EOF"),
                Arguments.of("1 // comment\n2 /* multi\nline */ 3", "INT(1) INT(2) INT(3) EOF"),
                Arguments.of("#!/usr/bin/env bpftrace\nBEGIN", "IDENT(BEGIN) EOF"),
                Arguments.of("a / b", "IDENT(a) DIV IDENT(b) EOF"),
                Arguments.of("a / {", "IDENT(a) ENDPRED LBRACE EOF"),
                Arguments.of("a /\n  {", "IDENT(a) ENDPRED LBRACE EOF"),
                Arguments.of("# include <x>\n1", "CPREPROC(# include <x>) INT(1) EOF"),
                Arguments.of("\"a\\n\\t\\r\\\\\\\"\\'\"", "STRING(\"a\\n\\t\\r\\\\\\\"'\") EOF"),
                Arguments.of("\"\\x41\\101\\0\\x7\"", "STRING(\"AA\\x00\\x07\") EOF"),
                Arguments.of("\"é\"", "STRING(\"\\xc3\\xa9\") EOF"),
                Arguments.of("1abc", "INT(1) IDENT(abc) EOF"));
    }

    @ParameterizedTest
    @MethodSource("streams")
    void tokenStreams(String src, String expected) {
        assertEquals(expected, tokens(src));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0",
            "42|42",
            "1_000|1000",
            "1_000_000|1000000",
            "0x10|16",
            "0XfF|255",
            "0x_ff|error",
            "010|8",
            "0777|511",
            "1e6|1000000",
            "2e3|2000",
            "123U|123u",
            "123UL|123u",
            "123LL|123",
            "123ULL|123u",
            "123L|123",
            "100ms|100000000",
            "1s|1000000000",
            "5us|5000",
            "7ns|7",
            "2m|120000000000",
            "1h|3600000000000",
            "1d|86400000000000",
            "9223372036854775807|9223372036854775807",
            "9223372036854775808|9223372036854775808u",
            "0xffffffffffffffff|18446744073709551615u",
            "18446744073709551615|18446744073709551615u",
            "18446744073709551616|error",
            "0x10000000000000000|error",
            "99999999999999999999|error",
            "1_|error",
            "1__0|error",
            "08|error",
            "1e30|error",
            "300000d|error",
    })
    void integerLiterals(String src, String expected) {
        if (expected.equals("error")) {
            CompileError e = assertThrows(CompileError.class, () -> tokens(src));
            assertEquals(0, e.span().start());
            return;
        }
        assertEquals("INT(" + expected + ") EOF", tokens(src));
    }

    static Stream<Arguments> lexicalErrorCases() {
        return Stream.of(
                Arguments.of("\"abc", 0, 4, "unterminated string"),
                Arguments.of("x \"abc\ny\"", 2, 6, "unterminated string"),
                Arguments.of("\"a\\qb\"", 0, 4, "invalid escape character '\\q'"),
                Arguments.of("\"\\x\"", 0, 3, "invalid escape character '\\x'"),
                Arguments.of("\"\\777\"", 0, 5, "octal escape out of range: \\777"),
                Arguments.of("a ` b", 2, 3, "invalid character '`'"),
                Arguments.of("a /* never closed", 2, 17, "end of file during comment"),
                Arguments.of("$ ", 0, 1, "invalid character '$'"));
    }

    @ParameterizedTest
    @MethodSource("lexicalErrorCases")
    void lexicalErrors(String src, int start, int end, String message) {
        CompileError e = assertThrows(CompileError.class, () -> tokens(src));
        assertEquals(message, e.getMessage());
        assertEquals(new Span(start, end), e.span());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "foo bar|0|3|4|7",
            "'  @x[1]'|2|4|4|5",
            "\"ab\" 12|0|4|5|7",
    })
    void tokenSpans(String src, int s0, int e0, int s1, int e1) {
        List<Token> ts = new Lexer(new SourceFile("stdin", src)).tokenize();
        assertEquals(new Span(s0, e0), ts.get(0).span());
        assertEquals(new Span(s1, e1), ts.get(1).span());
    }
}
