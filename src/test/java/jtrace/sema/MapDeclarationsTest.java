package jtrace.sema;

import jtrace.ast.Script;
import jtrace.diag.CompileError;
import jtrace.diag.DiagnosticPrinter;
import jtrace.diag.SourceFile;
import jtrace.parse.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code let @a = hash(100);}: bpftrace's map declarations, their checks and messages. */
class MapDeclarationsTest {
    private static CheckedProgram analyze(String text) {
        SourceFile src = new SourceFile("stdin", text);
        Script script = Parser.parseScript(src);
        CompileOptions options = ConfigBlock.apply(script.preamble().config(), Map.of(), CompileOptions.defaults());
        Script expanded = new Script(script.preamble(), MacroExpander.expand(src, script));
        return new SemanticAnalyzer(new FakeTracepoints(), options).analyze(src, expanded);
    }

    private static String error(String text) {
        CompileError e = assertThrows(CompileError.class, () -> analyze(text), text);
        return DiagnosticPrinter.error(new SourceFile("stdin", text), e.span(), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "let @a = hash(100);         | @a[1] = 1;            | HASH            | 100",
            "let @a = lruhash(5);        | @a[1] = \"x\";        | LRU_HASH        | 5",
            "let @a = percpuhash(10);    | @a[1] = count();      | PERCPU_HASH     | 10",
            "let @a = percpulruhash(20); | @a[1, 2] = sum(3);    | LRU_PERCPU_HASH | 20",
            "let @a = percpuarray(1);    | @a = count();         | PERCPU_ARRAY    | 1",
            // bpftrace: a per-CPU hash may hold a scalar aggregation; hist maps are hashes
            "let @a = percpuhash(1);     | @a = max(2);          | PERCPU_HASH     | 1",
            "let @a = percpuhash(8);     | @a = hist(2);         | PERCPU_HASH     | 8",
            "let @a = lruhash(8);        | @a[\"k\"] = 1;        | LRU_HASH        | 8",
    })
    void declaresTheMapTypeAndSize(String decl, String body, String kind, int entries) {
        CheckedProgram p = analyze("config = { unstable_map_decl=enable } " + decl + " BEGIN { " + body + " }");
        assertEquals(new DeclaredMap("@a", DeclaredMap.Kind.valueOf(kind), entries), p.declared("@a"));
        assertEquals(List.of(), p.warnings());
    }

    @Test
    void warnsOfTheUnstableFeatureAndUnusedMaps() {
        CheckedProgram p = analyze("let @a = hash(2); let @b = hash(2); BEGIN { @b[1] = 1; }");
        assertEquals(List.of(MapDeclarations.UNSTABLE_WARNING), p.warnings());
        assertEquals(List.of("stdin:1:1-17: WARNING: Unused map: @a\n"
                + "let @a = hash(2); let @b = hash(2); BEGIN { @b[1] = 1; }\n"
                + "~~~~~~~~~~~~~~~~\n"), p.locatedWarnings());
        assertNull(p.declared("@a"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "let @a = foo(10); BEGIN { @a[1] = 1; }"
                    + "| stdin:1:1-17: ERROR: Invalid bpf map type: foo",
            "let @a = percpuarray(2); BEGIN { @a = count(); }"
                    + "| stdin:1:1-24: ERROR: Max entries can only be 1 for map type percpuarray",
            "let @a = hash(2); BEGIN { @a[1] = count(); }"
                    + "| stdin:1:27-29: ERROR: Incompatible map types. Type from declaration: hash. Type from value/key type: percpuhash",
            "let @a = percpulruhash(2); BEGIN { @a[1] = 1; }"
                    + "| stdin:1:36-38: ERROR: Incompatible map types. Type from declaration: percpulruhash. Type from value/key type: hash",
            "let @a = hash(2); BEGIN { @a = 1; }"
                    + "| stdin:1:27-29: ERROR: Incompatible map types. Type from declaration: hash. Type from value/key type: unknown",
            "let @a = percpuarray(1); BEGIN { @a[1] = count(); }"
                    + "| stdin:1:34-36: ERROR: Incompatible map types. Type from declaration: percpuarray. Type from value/key type: percpuhash",
            "config = { unstable_map_decl=error } let @a = hash(2); BEGIN { @a[1] = 1; }"
                    + "| stdin:1:38-54: ERROR: map declarations feature is not enabled by default. To enable this unstable feature, "
                    + "set the config flag to enable. unstable_map_decl=enable",
    })
    void rejectsMisuse(String program, String firstLine) {
        assertEquals(firstLine, error(program).lines().findFirst().orElseThrow());
    }

    @Test
    void invalidTypeHintsTheValidOnesAfterTheSource() {
        assertEquals("stdin:1:1-17: ERROR: Invalid bpf map type: foo\n"
                + "let @a = foo(10); BEGIN { @a[1] = 1; }\n"
                + "~~~~~~~~~~~~~~~~\n"
                + "HINT: Valid map types: percpulruhash, percpuarray, percpuhash, lruhash, hash\n",
                error("let @a = foo(10); BEGIN { @a[1] = 1; }"));
    }
}
