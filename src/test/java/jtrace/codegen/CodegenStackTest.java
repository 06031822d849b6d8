package jtrace.codegen;

import jtrace.diag.CompileError;
import jtrace.diag.DiagnosticPrinter;
import jtrace.diag.SourceFile;
import jtrace.parse.Parser;
import jtrace.sema.CheckedProgram;
import jtrace.sema.CompileOptions;
import jtrace.sema.SemanticAnalyzer;
import jtrace.sema.TracepointField;
import jtrace.sema.Tracepoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Programs whose values do not fit the 512-byte BPF stack fail to compile with a clear error, not at the verifier. */
class CodegenStackTest {
    private static final Tracepoints NONE = new Tracepoints() {
        @Override public List<String> match(String categoryGlob, String eventGlob) { return List.of(); }

        @Override public List<TracepointField> fields(String category, String event) { return null; }
    };

    static CompiledProgram compile(String text, int maxStrlen) {
        SourceFile src = new SourceFile("stdin", text);
        CheckedProgram checked = new SemanticAnalyzer(NONE, new CompileOptions(maxStrlen, 4096, List.of()))
                .analyze(src, Parser.parse(src));
        return CodeGenerator.generate(checked, 0, 1);
    }

    static String error(String text, int maxStrlen) {
        CompileError e = assertThrows(CompileError.class, () -> compile(text, maxStrlen));
        return DiagnosticPrinter.error(new SourceFile("stdin", text), e.span(), e.getMessage());
    }

    @Test
    void tooManyLongStringVariables() {
        // str() of an integer is a string of BPFTRACE_MAX_STRLEN bytes: three of 200 need 600 bytes.
        String prog = "BEGIN { $a = str(0); $b = str(1); $c = str(2); }";
        String e = error(prog, 200);
        assertTrue(e.startsWith("stdin:1:1-49: ERROR: probe needs more than the 512 bytes of stack eBPF allows ("), e);
        assertTrue(e.contains("shorten strings with str(x, len) or BPFTRACE_MAX_STRLEN"), e);
        assertTrue(e.endsWith("\n" + prog + "\n" + "~".repeat(48) + "\n"), e);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "BEGIN { $a = str(0); $b = str(1); $c = str(2); }",
            "BEGIN { @m[str(0), str(1), str(2)] = 1; }",
            "BEGIN { $t = (str(0), str(1), str(2)); }",
            "BEGIN { if (str(0) == str(1)) { $x = str(2); $y = str(3); } }",
            "BEGIN { $a = str(0); $b = str(1); printf(\"%s %s %s\\n\", $a, $b, str(2)); }"})
    void overflowIsACompileError(String prog) {
        CompileError e = assertThrows(CompileError.class, () -> compile(prog, 256));
        assertTrue(e.getMessage().startsWith("probe needs more than the 512 bytes of stack eBPF allows"), e.getMessage());
    }

    @Test
    void errorNamesTheProbeThatOverflows() {
        String prog = "BEGIN { $a = str(0); }\nEND { $a = str(0); $b = str(1); $c = str(2); }";
        String e = error(prog, 200);
        assertTrue(e.startsWith("stdin:2:1-"), e);
    }

    @Test
    void sameProgramFitsWithShortStrings() {
        CompiledProgram p = compile("BEGIN { $a = str(0); $b = str(1); $c = str(2); }", 64);
        assertEquals(1, p.probes().size());
    }

    @Test
    void shortenedWithStrLengthFits() {
        // str(x, n) makes the value n + 1 bytes, so the same program fits.
        compile("BEGIN { $a = str(0, 100); $b = str(1, 100); $c = str(2, 100); }", 200);
    }

    @Test
    void programJustUnderTheLimitLoads() {
        // Seven 64-byte strings (the default BPFTRACE_MAX_STRLEN) and an integer: 456 bytes of variables.
        // It compiles, and the kernel's verifier accepts it.
        StringBuilder body = new StringBuilder();
        for (char v = 'a'; v <= 'g'; v++) body.append("$").append(v).append(" = str(0); ");
        String prog = "BEGIN { " + body + "$n = 5; printf(\"%s|%s|%s|%d\\n\", $a, $d, $g, $n); }";
        compile(prog, 64);
        CodegenKernelTest.Run r = CodegenKernelTest.run("-e", prog);
        assertEquals(0, r.status(), r.err());
        // str() of an unreadable address reads as an empty string.
        assertEquals("|||5\n", r.out());
    }
}
