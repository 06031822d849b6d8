package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.types.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Block scopes of scratch variables as bpftrace has them: one variable per scope and name. */
class VariableScopeTest {

    private static CheckedProbe probe(String program) {
        return LanguageCheckTest.analyze(program, Map.of()).probes().getFirst();
    }

    /** The variables every occurrence of {@code $name} refers to, in source order of the occurrences. */
    private static List<ScratchVariable> occurrences(CheckedProbe p, String name) {
        List<Map.Entry<Expr.Variable, ScratchVariable>> found = new ArrayList<>();
        for (var e : p.scratch().bindings().entrySet()) if (e.getKey().name().equals(name)) found.add(e);
        found.sort((a, b) -> Integer.compare(a.getKey().span().start(), b.getKey().span().start()));
        return found.stream().map(Map.Entry::getValue).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "BEGIN { if (1) { let $a = 1; print($a); } else { let $a = \"s\"; print($a); } }",
            "BEGIN { { $a = 1; print($a); } { $a = \"str\"; print($a); } }",
            "BEGIN { if (1) { let $x; } else { let $x; } let $x; }",
            "BEGIN { if (1) { let $x; } $x = 2; print($x); }",
            "BEGIN { for ($i : 0..2) { } for ($i : 0..2) { } }",
            "BEGIN { let $x = 1; } END { let $x = \"s\"; }",
    })
    void siblingScopesMayReuseANameWithAnotherType(String program) {
        probe(program);
    }

    @Test
    void siblingBlocksGetTheirOwnVariableAndType() {
        CheckedProbe p = probe("BEGIN { if (1) { $a = 1; print($a); } else { $a = \"str\"; print($a); } }");
        List<ScratchVariable> a = occurrences(p, "a");
        assertEquals(4, a.size());
        assertEquals(a.get(0), a.get(1));
        assertEquals(a.get(2), a.get(3));
        assertNotEquals(a.get(0), a.get(2));
        assertEquals(Type.Int.INT64, p.scratch().typeOf(a.get(0)));
        assertEquals(new Type.Str(4), p.scratch().typeOf(a.get(2)));
    }

    @Test
    void innerBlocksUseTheOuterVariable() {
        CheckedProbe p = probe("BEGIN { $a = 1; if (1) { $a = 2; } print($a); }");
        List<ScratchVariable> a = occurrences(p, "a");
        assertEquals(1, a.stream().distinct().count());
        VariableScope root = p.scratch().root();
        assertEquals(List.of(a.getFirst()), root.variables());
        assertEquals(List.of(), root.children().getFirst().variables());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("BEGIN { { $a = 1; } print($a); }", "stdin:1:27-29: ERROR: Undefined or undeclared variable: $a"),
                Arguments.of("BEGIN { if (1) { $x = \"a\"; } else { $x = \"b\"; } print($x); }",
                        "stdin:1:55-57: ERROR: Undefined or undeclared variable: $x"),
                Arguments.of("BEGIN { let $x = 1; { let $x = 2 } }",
                        "stdin:1:23-29: ERROR: Variable $x was already declared. Variable shadowing is not allowed."),
                Arguments.of("BEGIN { let $x = 1; let $x = 2 }",
                        "stdin:1:21-27: ERROR: Variable $x was already declared. Variable shadowing is not allowed."),
                Arguments.of("BEGIN { for ($x : 1..10) { let $x = 1; } }",
                        "stdin:1:28-34: ERROR: Variable $x was already declared. Variable shadowing is not allowed."),
                Arguments.of("BEGIN { $i = 5; for ($i : 1..10) { print($i) } }",
                        "stdin:1:22-24: ERROR: Loop declaration shadows existing variable: $i"),
                Arguments.of("BEGIN { let $x = { $x }; }", null),
                Arguments.of("BEGIN { let $y = $y; }", "stdin:1:18-20: ERROR: Undefined or undeclared variable: $y"),
                Arguments.of("BEGIN { { $a = 1; $a = \"s\"; } }",
                        "stdin:1:19-21: ERROR: Type mismatch for $a: trying to assign value of type 'string[2]' when variable already contains a value of type 'int64'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void scopeErrors(String program, String expected) {
        String got = LanguageCheckTest.message(program);
        if (expected != null) assertEquals(expected, got);
    }
}
