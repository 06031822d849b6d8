package jtrace.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whole scripts (config blocks, macros, let, tuples, has_key, string tests) compiled, loaded and
 * run on the real kernel through {@link CodegenKernelTest#run}, with the output bpftrace gives.
 */
class LanguageKernelTest {

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("config block sets max_strlen",
                        "config = { max_strlen = 4 } BEGIN { $s = str(0); print(sizeof($s)); }", "4\n"),
                Arguments.of("macros: values, statements, maps, nesting, bare names",
                        "macro one() { 1 } macro add_one(x) { x + 1 } macro inc($a, @b) { $a += 1; @b += 1; }"
                                + " macro add_two(x) { add_one(x) + 1 } macro side(x) { x; x; x; }"
                                + " BEGIN { print(one()); print(one); $a = 10; print(add_one($a)); print(add_one(1 + 1));"
                                + " @b = 5; inc($a, @b); print($a + @b); print(add_two(1)); side(printf(\"hi\\n\")); clear(@b); }",
                        "1\n1\n11\n3\n17\n3\nhi\nhi\nhi\n\n\n"),
                Arguments.of("macro with a local bound once",
                        "macro add1(x) { let $x = x; $x + 1 } BEGIN { $x = 5; $r = add1(41); printf(\"%d %d\\n\", $r, $x); }",
                        "42 5\n"),
                Arguments.of("let with types and bare let",
                        "BEGIN { let $x: uint8 = 300; let $y; let $b: bool = true; print($x); print($y); print($b); }",
                        "44\n0\ntrue\n"),
                Arguments.of("bare let re-initialises in each loop iteration",
                        "BEGIN { for ($i : 0..3) { let $n; $n += $i; printf(\"%d \", $n); } printf(\"\\n\"); }",
                        "0 1 2 \n"),
                Arguments.of("durations and booleans",
                        "BEGIN { printf(\"%d %d %d\\n\", 1s, 100ms, 2us); print(true); print(false); print(1 < 2); }",
                        "1000000000 100000000 2000\ntrue\nfalse\ntrue\n"),
                Arguments.of("tuple values, .N and [N], nested tuples",
                        "BEGIN { $t = (1, \"a\"); print($t); printf(\"%d %s\\n\", $t.0, $t.1); print($t[1]);"
                                + " $u = (3, 4, $t); print($u); print($u.2.1); print((1, \"x\").1); }",
                        "(1, a)\n1 a\na\n(3, 4, (1, a))\na\nx\n"),
                Arguments.of("tuple map values read back",
                        "BEGIN { @t[1] = (7, \"seven\"); $v = @t[1]; printf(\"%d %s %d\\n\", $v.0, $v.1, @t[1].0); clear(@t); }",
                        "7 seven 7\n\n\n"),
                Arguments.of("has_key on single and multi-key maps, in conditions",
                        "BEGIN { @m[1] = 2; @n[1, \"a\"] = 1; printf(\"%d %d %d %d\\n\", has_key(@m, 1), has_key(@m, 2),"
                                + " has_key(@n, (1, \"a\")), has_key(@n, (1, \"b\"))); if (has_key(@m, 1)) { printf(\"yes\\n\"); }"
                                + " if (!has_key(@m, 3)) { printf(\"no 3\\n\"); } delete(@m, 1); print(has_key(@m, 1)); clear(@n); }",
                        "1 0 1 0\nyes\nno 3\nfalse\n\n\n"),
                Arguments.of("strncmp",
                        "BEGIN { printf(\"%d %d %d %d %d\\n\", strncmp(\"hello\", \"help\", 3), strncmp(\"hello\", \"help\", 4),"
                                + " strncmp(\"ab\", \"ab\", 10), strncmp(\"ab\", \"abc\", 10), strncmp(\"ab\", \"abc\", 2)); }",
                        "0 1 0 1 0\n"),
                Arguments.of("strcontains",
                        "BEGIN { $s = \"hello world\"; printf(\"%d %d %d %d %d\\n\", strcontains($s, \"lo w\"), strcontains($s, \"xyz\"),"
                                + " strcontains($s, \"\"), strcontains(\"ab\", \"abc\"), strcontains($s, \"world\"));"
                                + " if (strcontains($s, \"wor\")) { print(strcontains($s, \"wor\")); } }",
                        "1 0 1 0 1\ntrue\n"));
    }

    @Test
    void importedMacroAndProbe(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("lib.bt"), "macro twice(x) { x * 2 }\nEND { printf(\"lib end\\n\"); }\n");
        Path main = Files.writeString(dir.resolve("main.bt"),
                "import \"lib.bt\";\nBEGIN { printf(\"%d\\n\", twice(21)); exit(); }\n");
        CodegenKernelTest.Run r = CodegenKernelTest.run(main.toString());
        assertEquals("42\nlib end\n", r.out(), () -> "stderr: " + r.err());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void errorInsideAnImportNamesThatFile(@TempDir Path dir) throws IOException {
        Path lib = Files.writeString(dir.resolve("lib.bt"), "macro ok() { 1 }\nmacro bad( { }\n");
        Path main = Files.writeString(dir.resolve("main.bt"), "import \"lib.bt\";\nBEGIN { }\n");
        CodegenKernelTest.Run r = CodegenKernelTest.run(main.toString());
        assertEquals(1, r.status());
        assertEquals(lib + ":2:", r.err().substring(0, lib.toString().length() + 3), r.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void script(String name, String program, String expected) {
        CodegenKernelTest.Run r = CodegenKernelTest.run("-e", program);
        assertEquals(expected, r.out(), () -> "stderr: " + r.err());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void getoptNamedParameters() {
        CodegenKernelTest.Run r = CodegenKernelTest.run("-e",
                "BEGIN { print((getopt(\"aa\", 1), getopt(\"bb\"), getopt(\"cc\", \"x\"), getopt(\"dd\", 5), getopt(\"ee\")));"
                        + " printf(\"%s %d %s\\n\", getopt(\"cc\", \"x\"), getopt(\"aa\", 1) + 1, $1); }",
                "--", "--aa=20", "--bb", "--cc=hello", "p1");
        assertEquals("(20, true, hello, 5, false)\nhello 21 p1\n", r.out(), r.err());
    }

    @Test
    void getoptValueThatIsNoNumber() {
        CodegenKernelTest.Run r = CodegenKernelTest.run("-e", "BEGIN { print(getopt(\"aa\", 1)); }", "--", "--aa=zz");
        assertEquals(1, r.status());
        assertEquals("stdin:1:15-30: ERROR: Could not convert named param 'aa' value 'zz' to an integer", r.err().lines().findFirst().orElse(""));
    }
}
