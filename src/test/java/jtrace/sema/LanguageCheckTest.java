package jtrace.sema;

import jtrace.ast.Script;
import jtrace.diag.CompileError;
import jtrace.diag.DiagnosticPrinter;
import jtrace.diag.SourceFile;
import jtrace.parse.Parser;
import jtrace.types.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Config blocks, macros, block scopes, let declarations and the newer functions, checked without a kernel. */
class LanguageCheckTest {

    static CheckedProgram analyze(String text, Map<String, String> env) {
        SourceFile src = new SourceFile("stdin", text);
        Script script = Parser.parseScript(src);
        CompileOptions options = ConfigBlock.apply(script.preamble().config(), env, CompileOptions.defaults());
        return new SemanticAnalyzer(new FakeTracepoints(), options).analyze(src, MacroExpander.expand(src, script));
    }

    static String error(String text) {
        SourceFile src = new SourceFile("stdin", text);
        CompileError e = assertThrows(CompileError.class, () -> analyze(text, Map.of()), () -> "expected an error for " + text);
        return DiagnosticPrinter.error(src, e.span(), e.getMessage());
    }

    /** The first line of the diagnostic: location and message. */
    static String message(String text) { return error(text).lines().findFirst().orElseThrow(); }

    // ---- config blocks ----

    @Test
    void configSetsTheStringLimit() {
        CheckedProgram p = analyze("config = { max_strlen = 16; max_map_keys = 10 } BEGIN { $s = str(0); }", Map.of());
        assertEquals(16, p.options().maxStrlen());
        assertEquals(10, p.options().maxMapKeys());
        assertEquals(new Type.Str(16), p.probes().getFirst().variables().get("s"));
    }

    @Test
    void configNamesInEveryCase() {
        CheckedProgram p = analyze("config = { BPFTRACE_STACK_MODE = perf; Max_Strlen = 8; str_trunc_trailer = \"~\" } BEGIN { }", Map.of());
        assertEquals("perf", p.options().config().stackMode());
        assertEquals(8, p.options().maxStrlen());
        assertEquals("~", p.options().config().strTruncTrailer());
    }

    @Test
    void environmentWinsOverTheConfigBlock() {
        CheckedProgram p = analyze("config = { max_strlen = 16; stack_mode = raw } BEGIN { }",
                Map.of("BPFTRACE_STACK_MODE", "perf"));
        assertEquals("perf", p.options().config().stackMode());
        assertEquals(16, p.options().maxStrlen());
        // fromEnvironment read BPFTRACE_MAX_STRLEN already; the block must not override it.
        CompileOptions env = CompileOptions.fromEnvironment(Map.of("BPFTRACE_MAX_STRLEN", "32"), java.util.List.of());
        SourceFile src = new SourceFile("stdin", "config = { max_strlen = 16 } BEGIN { }");
        assertEquals(32, ConfigBlock.apply(Parser.parseScript(src).preamble().config(),
                Map.of("BPFTRACE_MAX_STRLEN", "32"), env).maxStrlen());
    }

    @Test
    void perfRbPagesFromTheBlockUnlessTheEnvironmentSetsIt() {
        SourceFile src = new SourceFile("stdin", "config = { perf_rb_pages = 64 } BEGIN { }");
        var config = Parser.parseScript(src).preamble().config();
        assertEquals(64, ConfigBlock.apply(config, Map.of(), CompileOptions.defaults()).perfRbPages());
        Map<String, String> env = Map.of("BPFTRACE_PERF_RB_PAGES", "16");
        assertEquals(16, ConfigBlock.apply(config, env, CompileOptions.fromEnvironment(env, java.util.List.of())).perfRbPages());
    }

    @Test
    void truncationTrailerFromTheEnvironment() {
        assertEquals("..", CompileOptions.fromEnvironment(Map.of(), java.util.List.of()).config().strTruncTrailer());
        assertEquals(1024, CompileOptions.fromEnvironment(Map.of(), java.util.List.of()).maxStrlen());
        Map<String, String> env = Map.of("BPFTRACE_STR_TRUNC_TRAILER", "[cut]");
        CompileOptions o = CompileOptions.fromEnvironment(env, java.util.List.of());
        assertEquals("[cut]", o.config().strTruncTrailer());
        SourceFile src = new SourceFile("stdin", "config = { str_trunc_trailer = \"~\" } BEGIN { }");
        assertEquals("[cut]", ConfigBlock.apply(Parser.parseScript(src).preamble().config(), env, o).config().strTruncTrailer());
    }

    static Stream<Arguments> configErrors() {
        return Stream.of(
                Arguments.of("config = { BAD_CONFIG=1 } BEGIN { }", "stdin:1:12-24: ERROR: Unrecognized config variable: BAD_CONFIG"),
                Arguments.of("config = { BPFTRACE_MAX_PROBES=\"hello\" } BEGIN { }",
                        "stdin:1:12-39: ERROR: Invalid type for BPFTRACE_MAX_PROBES. Type: string. Expected Type: integer"),
                Arguments.of("config = { stack_mode = fancy } BEGIN { }",
                        "stdin:1:12-30: ERROR: Invalid value for stack_mode: fancy. Valid values: bpftrace, perf, raw"),
                Arguments.of("config = { print_maps_on_exit = 7 } BEGIN { }",
                        "stdin:1:12-34: ERROR: Invalid type for print_maps_on_exit. Type: integer. Expected Type: boolean"),
                Arguments.of("config = { max_ast_nodes = 7 } BEGIN { }",
                        "stdin:1:12-29: ERROR: max_ast_nodes can only be set as an environment variable"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configErrors")
    void configError(String program, String expected) {
        assertEquals(expected, message(program));
    }

    // ---- macros ----

    static Stream<Arguments> macroErrors() {
        return Stream.of(
                Arguments.of("macro add1($x) { $x += 1; } BEGIN { $y = 1; $z = add1($y); }",
                        "Macro 'add1' expanded to a block instead of a block expression. Try removing the semicolon from the end of the last statement in the macro body."),
                Arguments.of("macro set($x) { $x += 1; $x } BEGIN { $a = 1; set($a, 1); }",
                        "Call to macro has wrong number arguments. Expected: 1 but got 2"),
                Arguments.of("macro set($x, $x) { $x } BEGIN { $a = 1; set($a, 1); }",
                        "Variable for macro argument has already been used: $x"),
                Arguments.of("macro set($x) { $x } macro set($x) { $x } BEGIN { $a = 1; set($a); }",
                        "Redifinition of macro: set"),
                Arguments.of("macro add1($x) { $x + add3($x) } macro add2($x) { $x + add1($x) } macro add3($x) { $x + add2($x) } BEGIN { $a = 1; print(add3($a)); }",
                        "Recursive macro call detected. Call chain: add3 > add2 > add1 > add3"),
                Arguments.of("macro add1($x) { $x += 1; $x } BEGIN { $y = 1; $z = add1; }",
                        "Call to macro has no number arguments. Expected: 1"),
                Arguments.of("macro set($x) { $x += 1; $x } BEGIN { @a = 1; set(@a); }",
                        "Mismatched arg to macro call. Macro expects a variable for arg $x but got a map."),
                Arguments.of("macro add1($x) { $x += 1; $x } BEGIN { add1(1 + 1); }",
                        "Mismatched arg to macro call. Macro expects a variable for arg $x but got an expression."),
                Arguments.of("macro set($x) { let $x; $x } BEGIN { $y = 1; set($y); }",
                        "Variable declaration shadows macro arg $x"),
                Arguments.of("macro set(@x) { @x[1] = 1; @x[1] } BEGIN { $a = 0; set($a); }",
                        "Mismatched arg to macro call. Macro expects a map for arg @x but got a variable."),
                Arguments.of("macro set() { @x[1] } BEGIN { @x[0] = 0; set(); }",
                        "Unhygienic access to map: @x. Maps must be passed into the macro as arguments"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("macroErrors")
    void macroError(String program, String expected) {
        String first = message(program);
        assertEquals(expected, first.substring(first.indexOf("ERROR: ") + "ERROR: ".length()));
    }

    // ---- block expressions and the discard ----

    @Test
    void blockExpressionHasItsLastExpressionsValueAndKeepsItsVariables() {
        CheckedProgram p = analyze("BEGIN { let $a = { let $b = \"x\"; $b }; $c = { 1 }; let $b = 2; @m[1] = 1;"
                + " $d = { $a }; _ = has_key(@m, 1); $e = { @m[1] + $b }; }", Map.of());
        Map<String, Type> vars = p.probes().getFirst().variables();
        assertEquals(new Type.Str(2), vars.get("a"));
        assertEquals(new Type.Str(2), vars.get("d"));
        assertEquals(Type.Int.INT64, vars.get("b"));
        assertEquals(Type.Int.INT64, vars.get("e"));
    }

    @Test
    void blockExpressionVariablesAreNotSeenAfterIt() {
        assertTrue(message("BEGIN { $a = { let $b = 1; $b }; print($b); }").contains("Undefined or undeclared variable: $b"),
                () -> message("BEGIN { $a = { let $b = 1; $b }; print($b); }"));
    }

    static Stream<Arguments> blockExpressionErrors() {
        return Stream.of(
                Arguments.of("BEGIN { $a = { 1; }; }", "A block used as an expression must end with an expression that has no ';' after it"),
                Arguments.of("BEGIN { $a = { }; }", "A block used as an expression must end with an expression that has no ';' after it"),
                Arguments.of("BEGIN { _ += 1; }", "syntax error, unexpected +=: only a map or a scratch variable can be assigned to"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blockExpressionErrors")
    void blockExpressionError(String program, String expected) {
        String first = message(program);
        assertEquals(expected, first.substring(first.indexOf("ERROR: ") + "ERROR: ".length()));
    }

    @Test
    void macroExpressionArgumentsAreExpandedAtEachUse() {
        // The manual's side_effects({ printf("hi") }) prints three times; a block argument with
        // statements may be used as a value too.
        CheckedProgram p = analyze("macro three(x) { x; x; x; } macro add_one(x) { let $x = x; $x + 1 }"
                + " BEGIN { three({ printf(\"hi\") }); $r = add_one({ let $y = 2; $y * 2 }); }", Map.of());
        assertEquals(Type.Int.INT64, p.probes().getFirst().variables().get("r"));
    }

    @Test
    void macroLocalsDoNotClashWithTheCallersVariables() {
        CheckedProgram p = analyze("macro m($x) { $b = \"s\"; $x + 1 } BEGIN { $b = 1; $a = 1; $c = m($a); }", Map.of());
        assertEquals(Type.Int.INT64, p.probes().getFirst().variables().get("b"));
        assertEquals(Type.Int.INT64, p.probes().getFirst().variables().get("c"));
    }

    @Test
    void macrosCallingMacrosAndBareNames() {
        analyze("macro one() { 1 } macro add1(x) { x + one } macro add2(x) { add1(add1(x)) } BEGIN { @r = add2(3); }", Map.of());
    }

    // ---- scopes and let ----

    static Stream<Arguments> scopeErrors() {
        return Stream.of(
                Arguments.of("BEGIN { if (1) { $x = 1; } print($x); }", "stdin:1:34-36: ERROR: Undefined or undeclared variable: $x"),
                Arguments.of("BEGIN { for ($i : 0..3) { } print($i); }", "stdin:1:35-37: ERROR: Undefined or undeclared variable: $i"),
                Arguments.of("BEGIN { { $x = 1; } $x += 1; }", "stdin:1:21-23: ERROR: Undefined or undeclared variable: $x"),
                Arguments.of("BEGIN { $x = 1; if (1) { let $x = 2; } }",
                        "stdin:1:26-32: ERROR: Variable $x was already declared. Variable shadowing is not allowed."),
                Arguments.of("BEGIN { let $x: uint8 = \"a\"; }",
                        "stdin:1:13-15: ERROR: Type mismatch for $x: trying to assign value of type 'string[2]' when variable already has a type 'uint8'"),
                Arguments.of("BEGIN { let $x: foo; }", "stdin:1:9-20: ERROR: Cannot resolve unknown type \"foo\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scopeErrors")
    void scopeError(String program, String expected) {
        assertEquals(expected, message(program));
    }

    @Test
    void variablesOfOuterBlocksAreVisibleInside() {
        analyze("BEGIN { $x = 1; if (1) { $x = 2; $y = $x; } let $z; if ($x) { $z = 3; } print($z); }", Map.of());
    }

    @Test
    void letTypesAreKept() {
        CheckedProgram p = analyze("BEGIN { let $a: uint8 = 1; let $s: string; let $b: bool = true; let $n; }", Map.of());
        var vars = p.probes().getFirst().variables();
        assertEquals(new Type.Int(1, false), vars.get("a"));
        assertEquals(new Type.Str(CompileOptions.DEFAULT_MAX_STRLEN), vars.get("s"));
        assertEquals(new Type.Bool(), vars.get("b"));
    }

    // ---- functions ----

    static Stream<Arguments> functionErrors() {
        return Stream.of(
                Arguments.of("BEGIN { $x = has_key(1, 2); }", "has_key() expects a map and a key, e.g. `has_key(@my_map, 1)`"),
                Arguments.of("BEGIN { @m = 1; $x = has_key(@m, 2); }", "has_key() expects a map with explicit keys (non-scalar map)"),
                Arguments.of("BEGIN { $x = strncmp(\"a\", 1, 1); }", "strncmp() expects a string as second argument (int64 provided)"),
                Arguments.of("BEGIN { $n = 1; $x = strncmp(\"a\", \"b\", $n); }", "strncmp() expects a non-negative integer literal as third argument"),
                Arguments.of("BEGIN { $x = strcontains(1, \"a\"); }", "strcontains() expects a string as first argument (int64 provided)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functionErrors")
    void functionError(String program, String expected) {
        String first = message(program);
        assertEquals(expected, first.substring(first.indexOf("ERROR: ") + "ERROR: ".length()));
    }

    @Test
    void functionTypes() {
        CheckedProgram p = analyze("BEGIN { @m[1] = 1; $h = has_key(@m, 1); $c = strcontains(\"ab\", \"b\"); $n = strncmp(\"a\", \"b\", 1); }", Map.of());
        var vars = p.probes().getFirst().variables();
        assertEquals(new Type.Bool(), vars.get("h"));
        assertEquals(new Type.Bool(), vars.get("c"));
        assertEquals(Type.Int.INT64, vars.get("n"));
    }
}
