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

/**
 * Programs whose values do not fit the 512-byte BPF stack get their frame in scratch memory; what
 * does not fit that either fails to compile with a clear error, not at the verifier.
 */
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

    static boolean usesScratch(CompiledProgram p) {
        return p.maps().stream().anyMatch(m -> m.kind() == MapKind.PERCPU_ARRAY && m.name().startsWith("scratch"));
    }

    @Test
    void longStringVariablesMoveToScratchMemory() {
        // str() of an integer is a string of max_strlen bytes: three of 200 need 600 bytes, more than the stack.
        CompiledProgram p = compile("BEGIN { $a = str(0); $b = str(1); $c = str(2); }", 200);
        MapDef scratch = p.maps().stream().filter(m -> m.name().equals("scratch0")).findFirst().orElseThrow();
        assertEquals(MapKind.PERCPU_ARRAY, scratch.kind());
        assertEquals(1, scratch.maxEntries());
        assertEquals(600, scratch.valueSize());
    }

    @Test
    void siblingScopesShareTheirVariablesStack() {
        // Two 200-byte strings per branch: 400 bytes shared by both branches fit the stack, 800 would not.
        CompiledProgram shared = compile("BEGIN { if (1) { $a = str(0); $b = str(1); } else { $a = str(2); $c = str(3); } }", 200);
        assertTrue(!usesScratch(shared));
        CompiledProgram nested = compile("BEGIN { if (1) { $a = str(0); $b = str(1); if (1) { $c = str(2); $d = str(3); } } }", 200);
        assertTrue(usesScratch(nested));
    }

    @Test
    void tooMuchEvenForScratchMemory() {
        String prog = "BEGIN { $a = str(0); $b = str(1); $c = str(2); }";
        String e = error(prog, 12000);
        assertTrue(e.startsWith("stdin:1:1-49: ERROR: probe needs more than the 32768 bytes of scratch memory eBPF allows per CPU ("), e);
        assertTrue(e.contains("shorten strings with str(x, len) or max_strlen"), e);
        assertTrue(e.endsWith("\n" + prog + "\n" + "~".repeat(48) + "\n"), e);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "BEGIN { $a = str(0); $b = str(1); $c = str(2); }",
            "BEGIN { @m[str(0), str(1), str(2)] = 1; }",
            "BEGIN { $t = (str(0), str(1), str(2)); }",
            "BEGIN { if (str(0) == str(1)) { $x = str(2); $y = str(3); } }",
            "BEGIN { $a = str(0); $b = str(1); $c = str(3); printf(\"%s %s %s\\n\", $a, $b, str(2)); }"})
    void overflowOfTheStackGoesToScratchMemory(String prog) {
        CompiledProgram p = compile(prog, 256);
        assertTrue(usesScratch(p), prog);
        // The frame register replaces R10 everywhere but in the lookup of the scratch value.
        long stackUses = p.probes().getFirst().insns().stream().filter(i -> FrameRebase.uses(i, jtrace.asm.Reg.R10)).count();
        assertEquals(2, stackUses);
    }

    @Test
    void errorNamesTheProbeThatOverflows() {
        String prog = "BEGIN { $a = str(0); }\nEND { $a = str(0); $b = str(1); $c = str(2); }";
        String e = error(prog, 12000);
        assertTrue(e.startsWith("stdin:2:1-"), e);
    }

    @Test
    void mapIterationNeedsTheStack() {
        String e = error("BEGIN { @m[1] = 1; $a = str(0); $b = str(1); for ($kv : @m) { print($kv); } }", 512);
        assertTrue(e.contains("map iteration needs the probe's strings on the 512-byte BPF stack"), e);
    }

    @Test
    void smallProgramsUseNoScratchMemory() {
        assertTrue(!usesScratch(compile("BEGIN { @[comm] = count(); printf(\"%d %s\\n\", pid, comm); }", 1024)));
        // printf arguments go straight into the ring buffer record, whatever their size.
        assertTrue(!usesScratch(compile("BEGIN { printf(\"%s %s\\n\", str(0), str(1)); }", 1024)));
    }

    @Test
    void sameProgramFitsWithShortStrings() {
        CompiledProgram p = compile("BEGIN { $a = str(0); $b = str(1); $c = str(2); }", 64);
        assertEquals(1, p.probes().size());
        assertTrue(!usesScratch(p));
    }

    @Test
    void shortenedWithStrLengthFits() {
        // str(x, n) makes the value n + 1 bytes, so the same program fits the stack.
        assertTrue(!usesScratch(compile("BEGIN { $a = str(0, 100); $b = str(1, 100); $c = str(2, 100); }", 200)));
    }

    @Test
    void programJustUnderTheLimitLoads() {
        // Seven 64-byte strings and an integer: 456 bytes of variables, on the stack. Run with the
        // default max_strlen (1024) they take 7 KiB of scratch memory, and the verifier accepts that too.
        StringBuilder body = new StringBuilder();
        for (char v = 'a'; v <= 'g'; v++) body.append("$").append(v).append(" = str(0); ");
        String prog = "BEGIN { " + body + "$n = 5; printf(\"%s|%s|%s|%d\\n\", $a, $d, $g, $n); }";
        assertTrue(!usesScratch(compile(prog, 64)));
        CodegenKernelTest.Run r = CodegenKernelTest.run("-e", prog);
        assertEquals(0, r.status(), r.err());
        // str() of an unreadable address reads as an empty string.
        assertEquals("|||5\n", r.out());
    }

    @Test
    void manyLongStringsRunInScratchMemory() {
        // Ten 1024-byte string variables (10 KiB), a map keyed and valued by long strings, comparisons.
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10; i++) body.append("$s").append(i).append(" = str($").append(i % 2 + 1).append("); ");
        String prog = "BEGIN { " + body + "@m[$s0, $s1] = $s8; $same = $s0 == $s2; $differ = $s0 != $s9;"
                + " printf(\"%s %s %d %d %s\\n\", $s0, $s9, $same, $differ, @m[$s2, $s3]); }";
        CodegenKernelTest.Run r = CodegenKernelTest.run("-e", prog, "alpha", "beta");
        assertEquals(0, r.status(), r.err());
        assertEquals("alpha beta 1 1 alpha\n\n\n@m[alpha, beta]: alpha\n", r.out());
    }

    @Test
    void longStringTernaryTupleAndLargeRecord() {
        // A string ternary and a tuple of long strings in scratch memory; a printf record of 4 KiB.
        String prog = "BEGIN { $s = $# > 1 ? str($2) : str($1); $t = (str($1), $s); @[$t] = count();"
                + " printf(\"%s %s %s %s\\n\", $s, $t.0, str($1), str($2)); }";
        CodegenKernelTest.Run r = CodegenKernelTest.run("-e", prog, "one", "two");
        assertEquals(0, r.status(), r.err());
        assertEquals("two one one two\n\n\n@[one, two]: 1\n", r.out());
    }
}
