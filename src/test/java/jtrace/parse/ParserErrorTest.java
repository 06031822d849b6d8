package jtrace.parse;

import jtrace.diag.CompileError;
import jtrace.diag.DiagnosticPrinter;
import jtrace.diag.SourceFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Errors as DiagnosticPrinter prints them; cases marked "0.17" print exactly what bpftrace 0.17 does. */
class ParserErrorTest {

    static Stream<Arguments> errors() {
        return Stream.of(
                // 0.17
                Arguments.of("BEGIN { printf(\"hi\"); ",
                        "stdin:1:23-23: ERROR: syntax error, unexpected end of file, expecting }",
                        "                      "),
                // 0.17
                Arguments.of("BEGIN { @x = ; }", "stdin:1:14-15: ERROR: syntax error, unexpected ;", "             ~"),
                // 0.17
                Arguments.of("BEGIN { 1 2 }", "stdin:1:11-12: ERROR: syntax error, unexpected integer, expecting }", "          ~"),
                // 0.17
                Arguments.of("BEGIN { if (1) { } else }",
                        "stdin:1:25-26: ERROR: syntax error, unexpected }, expecting { or if", "                        ~"),
                // 0.17
                Arguments.of("BEGIN { @x[1 = 2; }",
                        "stdin:1:14-15: ERROR: syntax error, unexpected =, expecting ] or \",\"", "             ~"),
                // 0.17
                Arguments.of("BEGIN } ", "stdin:1:7-8: ERROR: syntax error, unexpected }, expecting {", "      ~"),
                // 0.17
                Arguments.of("BEGIN { # }",
                        "stdin:1:9-12: ERROR: syntax error, unexpected preprocessor directive, expecting }", "        ~~~"),
                // 0.17
                Arguments.of("BEGIN { ) }", "stdin:1:9-10: ERROR: syntax error, unexpected ), expecting }", "        ~"),
                // 0.17
                Arguments.of("BEGIN { printf(\"a\" ; }",
                        "stdin:1:20-21: ERROR: syntax error, unexpected ;, expecting ) or \",\"", "                   ~"),
                // 0.17
                Arguments.of("BEGIN /pid == 1 { }",
                        "stdin:1:17-18: ERROR: syntax error, unexpected {, expecting end predicate", "                ~"),
                // 0.17 has the same message but starts its underline at "printf".
                Arguments.of("BEGIN { printf(\"a\\q\"); }",
                        "stdin:1:16-20: ERROR: invalid escape character '\\q'", "               ~~~~"),
                // Likewise.
                Arguments.of("BEGIN { printf(\"abc); }", "stdin:1:16-24: ERROR: unterminated string", "               ~~~~~~~~"),
                // 0.17 (its first error)
                Arguments.of("BEGIN { /* abc ", "stdin:1:9-16: ERROR: end of file during comment", "        ~~~~~~~"),
                // 0.17 underlines "1 ?" here; the message agrees.
                Arguments.of("BEGIN { @ = 1 ? 2; }", "stdin:1:18-19: ERROR: syntax error, unexpected ;, expecting :", "                 ~"),
                // 0.17 says "unexpected end of file, expected {" over BEGIN; bison's wording is used instead.
                Arguments.of("BEGIN", "stdin:1:6-6: ERROR: syntax error, unexpected end of file, expecting {", "     "),
                Arguments.of("BEGIN { $x = 99999999999999999999; }",
                        "stdin:1:14-34: ERROR: integer literal out of range: 99999999999999999999",
                        "             ~~~~~~~~~~~~~~~~~~~~"),
                Arguments.of("BEGIN { $x = 1 +; }", "stdin:1:17-18: ERROR: syntax error, unexpected ;", "                ~"),
                Arguments.of("BEGIN { $x.a = 1 }",
                        "stdin:1:14-15: ERROR: syntax error, unexpected =: only a map or a scratch variable can be assigned to",
                        "             ~"),
                Arguments.of("BEGIN { f(1 }", "stdin:1:13-14: ERROR: syntax error, unexpected }, expecting ) or \",\"", "            ~"),
                Arguments.of("BEGIN { for ($i : 0 10) { } }",
                        "stdin:1:21-23: ERROR: syntax error, unexpected integer, expecting ..", "                    ~~"),
                Arguments.of("BEGIN { let x = 1 }", "stdin:1:13-14: ERROR: syntax error, unexpected identifier, expecting variable", "            ~"),
                Arguments.of("BEGIN { $x = $y.; }", "stdin:1:17-18: ERROR: syntax error, unexpected ;, expecting identifier", "                ~"),
                Arguments.of("BEGIN { @x = 1 } }", "stdin:1:18-19: ERROR: syntax error, unexpected }", "                 ~"),
                Arguments.of("", "stdin:1:1-1: ERROR: syntax error, unexpected end of file", ""),
                Arguments.of("BEGIN {} config = { a = 1 }",
                        "stdin:1:10-16: ERROR: the config block must come before any probes", "         ~~~~~~"),
                Arguments.of("BEGIN { if 1 { } }", "stdin:1:12-13: ERROR: syntax error, unexpected integer, expecting (", "           ~"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void formatted(String src, String header, String marks) {
        SourceFile file = new SourceFile("stdin", src);
        CompileError e = assertThrows(CompileError.class, () -> Parser.parse(file));
        String lineText = src.contains("\n") ? src.substring(0, src.indexOf('\n')) : src;
        assertEquals(header + "\n" + lineText + "\n" + marks + "\n", DiagnosticPrinter.error(file, e.span(), e.getMessage()));
    }

    @org.junit.jupiter.api.Test
    void errorOnLaterLine() {
        SourceFile file = new SourceFile("prog.bt", "BEGIN {\n  @x = 1;\n  @y = \"abc\n}\n");
        CompileError e = assertThrows(CompileError.class, () -> Parser.parse(file));
        assertEquals("prog.bt:3:8-12: ERROR: unterminated string\n  @y = \"abc\n       ~~~~\n",
                DiagnosticPrinter.error(file, e.span(), e.getMessage()));
    }
}
