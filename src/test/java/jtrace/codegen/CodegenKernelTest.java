package jtrace.codegen;

import jtrace.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * BEGIN-only programs compiled, loaded and run on the real kernel through {@link Main#run}, with
 * the exact stdout bpftrace gives (reasoned from its semantics and current text output, not copied
 * from jtrace). Maps left at exit print after two newlines, sorted by name.
 */
class CodegenKernelTest {

    /** What one run printed and returned. */
    record Run(String out, String err, int status) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
             PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1)) {
            status = Main.run(args, o, e);
        }
        return new Run(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), status);
    }

    /** A row of a histogram as bpftrace prints it: label, count, bar scaled to the largest count. */
    static String row(String label, long count, long max) {
        int width = (int) (count * 52 / max);
        return String.format("%-16s%8d |%-52s|%n", label, count, "@".repeat(width));
    }

    static Stream<Arguments> programs() {
        return Stream.of(
                // ---- integer arithmetic ----
                Arguments.of("signed division and modulo truncate toward zero",
                        "printf(\"%d %d %d %d %d\\n\", 7 / 2, -7 / 2, 7 % 3, -7 % 3, 2 * -3);",
                        "3 -3 1 -1 -6\n"),
                Arguments.of("signed division of variables",
                        "$a = -7; $b = 2; printf(\"%d %d %d\\n\", $a / $b, $a % $b, $a >> 1);",
                        "-3 -1 -4\n"),
                Arguments.of("unsigned division, modulo and shift",
                        "$u = (uint64)-8; printf(\"%u %u %u\\n\", $u / 2, $u % 5, $u >> 60);",
                        "9223372036854775804 3 15\n"),
                Arguments.of("shifts, arithmetic for negative values",
                        "printf(\"%d %d %d %d\\n\", 1 << 10, -16 >> 2, 5 >> 1, 1 << 63);",
                        "1024 -4 2 -9223372036854775808\n"),
                Arguments.of("shift by a variable amount",
                        "$n = 4; $m = -256; printf(\"%d %d\\n\", 3 << $n, $m >> $n);",
                        "48 -16\n"),
                Arguments.of("bitwise operators",
                        "printf(\"%d %d %d %d %x\\n\", 6 & 3, 6 | 3, 6 ^ 3, ~0, 0xf0 | 0x0f);",
                        "2 7 5 -1 ff\n"),
                Arguments.of("64-bit constants and wrap-around",
                        "$big = 0x123456789abcdef0; $max = 9223372036854775807; printf(\"%x %d\\n\", $big, $max + 1);",
                        "123456789abcdef0 -9223372036854775808\n"),
                Arguments.of("precedence",
                        "printf(\"%d %d %d\\n\", 2 + 3 * 4, (2 + 3) * 4, 10 - 2 - 3);",
                        "14 20 5\n"),
                // ---- comparisons ----
                Arguments.of("comparisons, signed and unsigned",
                        "printf(\"%d %d %d %d %d %d\\n\", -1 < 1, (uint64)-1 < 1, (uint64)-1 > 1, 2 >= 2, 3 <= 2, 1 != 1);",
                        "1 0 1 1 0 0\n"),
                Arguments.of("comparisons of signed variables",
                        "$a = -5; $b = 3; printf(\"%d %d %d %d\\n\", $a < $b, $a > $b, $a <= -5, $b >= 4);",
                        "1 0 1 0\n"),
                Arguments.of("bool printed by %s and print()",
                        "printf(\"%s %s\\n\", 1 < 2, 2 < 1); print(3 > 2);",
                        "true false\ntrue\n"),
                // ---- logical operators ----
                Arguments.of("logical operators as values",
                        "printf(\"%d %d %d %d %d %d\\n\", 1 && 0, 1 || 0, !0, !5, 0 || 0, 2 && 3);",
                        "0 1 1 0 0 1\n"),
                Arguments.of("&& and || short-circuit",
                        "$n = 0; if (0 && $n++) { } if (1 || $n++) { } $r = 0 && $n++; $s = 1 || $n++;"
                                + " if (1 && $n++ == 0) { printf(\"first\\n\"); } printf(\"%d %d %d\\n\", $n, $r, $s);",
                        "first\n1 0 1\n"),
                Arguments.of("negated conditions",
                        "$a = 0; if (!$a) { printf(\"zero\\n\"); } if (!($a == 0)) { printf(\"bad\\n\"); } else { printf(\"ok\\n\"); }",
                        "zero\nok\n"),
                // ---- ternary ----
                Arguments.of("ternary with integers and strings",
                        "$a = 5; printf(\"%d %s %d\\n\", $a > 3 ? 10 : 20, $a < 3 ? \"yes\" : \"no\", $a == 5 ? -1 : 1);",
                        "10 no -1\n"),
                Arguments.of("nested ternary",
                        "$a = 2; printf(\"%d\\n\", $a == 1 ? 100 : $a == 2 ? 200 : 300);",
                        "200\n"),
                // ---- scratch variables ----
                Arguments.of("compound assignment on a variable",
                        "$x = 10; $x += 5; $x -= 3; $x *= 2; $x /= 4; $x %= 4; $x <<= 3; $x |= 1; $x &= 0xff; $x ^= 2; $x >>= 1;"
                                + " printf(\"%d\\n\", $x);",
                        "9\n"),
                Arguments.of("++ and -- on a variable, prefix and postfix",
                        "$i = 5; $a = $i++; $b = ++$i; $c = $i--; $d = --$i; printf(\"%d %d %d %d %d\\n\", $a, $b, $c, $d, $i);",
                        "5 7 7 5 5\n"),
                Arguments.of("string variable reassigned shorter",
                        "$s = \"hello\"; $s = \"hi\"; printf(\"%s|%s\\n\", $s, $s);",
                        "hi|hi\n"),
                Arguments.of("variable copied to another",
                        "$a = \"abc\"; $b = $a; $n = 7; $m = $n; printf(\"%s %d\\n\", $b, $m);",
                        "abc 7\n"),
                // ---- control flow ----
                Arguments.of("if / else if / else",
                        "$v = 2; if ($v == 1) { printf(\"one\\n\"); } else if ($v == 2) { printf(\"two\\n\"); } else { printf(\"other\\n\"); }"
                                + " if ($v > 5) { printf(\"big\\n\"); } else { printf(\"small\\n\"); }",
                        "two\nsmall\n"),
                Arguments.of("while with break and continue",
                        "$i = 0; $sum = 0; while ($i < 10) { $i++; if ($i == 3) { continue; } if ($i == 7) { break; } $sum += $i; }"
                                + " printf(\"%d %d\\n\", $i, $sum);",
                        "7 18\n"),
                Arguments.of("unroll",
                        "$i = 0; unroll(5) { $i += 2; printf(\"%d \", $i); } printf(\"\\n\");",
                        "2 4 6 8 10 \n"),
                Arguments.of("statements after exit() do not run",
                        "printf(\"a\\n\"); exit(); printf(\"b\\n\");",
                        "a\n"),
                // ---- strings ----
                Arguments.of("string literal comparisons",
                        "printf(\"%d %d %d %d %d\\n\", \"abc\" == \"abc\", \"abc\" == \"abd\", \"abc\" != \"ab\", \"\" == \"\", \"ab\" == \"abc\");",
                        "1 0 1 1 0\n"),
                Arguments.of("string variable compared with a literal",
                        "$s = \"abc\"; if ($s == \"abc\") { printf(\"eq\\n\"); } if ($s != \"abcd\") { printf(\"ne\\n\"); }",
                        "eq\nne\n"),
                Arguments.of("escapes in string literals",
                        "printf(\"a\\tb\\\\c\\\"d\\x41\\101\\n\");",
                        "a\tb\\c\"dAA\n"),
                // ---- printf conversions ----
                Arguments.of("printf conversions",
                        "printf(\"%d|%u|%x|%X|%s|%c|%-5d|%5d|%05d|%-6s|%6s|%%|%o|%#x\\n\","
                                + " -5, 10, 255, 255, \"str\", 65, 42, 42, 42, \"ab\", \"ab\", 8, 255);",
                        "-5|10|ff|FF|str|A|42   |   42|00042|ab    |    ab|%|10|0xff\n"),
                Arguments.of("printf of negative numbers as unsigned and with length modifiers",
                        "printf(\"%u %x %ld %lu %llx %hhd\\n\", -1, -1, -2, 3, 255, 257);",
                        "18446744073709551615 ffffffffffffffff -2 3 ff 1\n"),
                Arguments.of("printf precision and width on strings",
                        "printf(\"[%.2s][%5.1s][%-4s]\\n\", \"abcdef\", \"xyz\", \"q\");",
                        "[ab][    x][q   ]\n"),
                Arguments.of("printf of a bare string literal",
                        "printf(\"plain\\n\");",
                        "plain\n"),
                Arguments.of("printf of many arguments",
                        "printf(\"%d %d %d %d %d %d %d %d\\n\", 1, 2, 3, 4, 5, 6, 7, 8);",
                        "1 2 3 4 5 6 7 8\n"),
                // ---- maps ----
                Arguments.of("maps with integer, string and multiple keys",
                        "@a[1] = 10; @a[2] = 5; @b[\"x\"] = 1; @c[1, \"y\"] = 7; @c[2, \"z\"] = 3;",
                        "\n\n@a[2]: 5\n@a[1]: 10\n@b[x]: 1\n@c[2, z]: 3\n@c[1, y]: 7\n"),
                Arguments.of("map read back",
                        "@a[1] = 10; @a[2] = 20; printf(\"%d %d %d\\n\", @a[1], @a[2], @a[1] + @a[2]); clear(@a);",
                        "10 20 30\n\n\n"),
                Arguments.of("missing map key reads as zero",
                        "@a[1] = 10; printf(\"%d\\n\", @a[99]); clear(@a);",
                        "0\n\n\n"),
                Arguments.of("tuple key",
                        "@t[(1, \"a\")] = 2;",
                        "\n\n@t[1, a]: 2\n"),
                Arguments.of("tuple value",
                        "@v = (1, \"x\", -3);",
                        "\n\n@v: (1, x, -3)\n"),
                Arguments.of("map of strings, sorted by key",
                        "@s[2] = \"abc\"; @s[1] = \"hello\";",
                        "\n\n@s[1]: hello\n@s[2]: abc\n"),
                Arguments.of("shorter string stored over a longer one",
                        "@s[1] = \"abcdef\"; @s[1] = \"x\";",
                        "\n\n@s[1]: x\n"),
                Arguments.of("string keys of different lengths",
                        "@k[\"a\"] = 1; @k[\"abcdef\"] = 2; @k[\"a\"] += 5;",
                        "\n\n@k[abcdef]: 2\n@k[a]: 6\n"),
                Arguments.of("++ and -- on maps, prefix and postfix",
                        "@m = 5; $a = @m++; $b = ++@m; $c = @m--; $d = --@m; @k[\"x\"]++; @k[\"x\"]++; @k[\"y\"]--;"
                                + " printf(\"%d %d %d %d\\n\", $a, $b, $c, $d);",
                        "5 7 7 5\n\n\n@k[y]: -1\n@k[x]: 2\n@m: 5\n"),
                Arguments.of("compound assignment on maps",
                        "@m = 3; @m += 4; @m *= 2; @n[1] -= 5;",
                        "\n\n@m: 14\n@n[1]: -5\n"),
                Arguments.of("anonymous map",
                        "@ = 1;",
                        "\n\n@: 1\n"),
                // ---- aggregations ----
                Arguments.of("count, sum, min, max, avg, stats",
                        "@c = count(); @c = count(); @s = sum(5); @s = sum(-2); @mn = min(5); @mn = min(-3);"
                                + " @mx = max(5); @mx = max(9); @av = avg(4); @av = avg(7); @st = stats(4); @st = stats(8);",
                        "\n\n@av: 5\n@c: 2\n@mn: -3\n@mx: 9\n@s: 3\n@st: { .count = 2, .average = 6, .total = 12 }\n"),
                Arguments.of("keyed counts sorted by value",
                        "@[\"a\"] = count(); @[\"b\"] = count(); @[\"b\"] = count(); @[\"c\"] = count(); @[\"c\"] = count(); @[\"c\"] = count();",
                        "\n\n@[a]: 1\n@[b]: 2\n@[c]: 3\n"),
                Arguments.of("hist",
                        "@h = hist(0); @h = hist(1); @h = hist(1); @h = hist(5); @h = hist(-1);",
                        "\n\n@h:\n" + row("(..., 0)", 1, 2) + row("[0]", 1, 2) + row("[1]", 2, 2)
                                + row("[2, 4)", 0, 2) + row("[4, 8)", 1, 2) + "\n"),
                Arguments.of("hist of large values",
                        "@h = hist(1024); @h = hist(1500); @h = hist(1 << 20);",
                        "\n\n@h:\n" + row("[1K, 2K)", 2, 2) + row("[2K, 4K)", 0, 2) + row("[4K, 8K)", 0, 2)
                                + row("[8K, 16K)", 0, 2) + row("[16K, 32K)", 0, 2) + row("[32K, 64K)", 0, 2)
                                + row("[64K, 128K)", 0, 2) + row("[128K, 256K)", 0, 2) + row("[256K, 512K)", 0, 2)
                                + row("[512K, 1M)", 0, 2) + row("[1M, 2M)", 1, 2) + "\n"),
                Arguments.of("lhist",
                        "@l = lhist(5, 0, 20, 10); @l = lhist(15, 0, 20, 10); @l = lhist(15, 0, 20, 10); @l = lhist(25, 0, 20, 10);",
                        "\n\n@l:\n" + row("[0, 10)", 1, 2) + row("[10, 20)", 2, 2) + row("[20, ...)", 1, 2) + "\n"),
                Arguments.of("lhist below its minimum",
                        "@l = lhist(-5, 0, 100, 50); @l = lhist(60, 0, 100, 50);",
                        "\n\n@l:\n" + row("(..., 0)", 1, 1) + row("[0, 50)", 0, 1) + row("[50, 100)", 1, 1) + "\n"),
                // Keyed histograms print in order of their total count (equal totals have no defined order).
                Arguments.of("keyed hist",
                        "@h[\"b\"] = hist(3); @h[\"b\"] = hist(2); @h[\"a\"] = hist(2);",
                        "\n\n@h[a]:\n" + row("[2, 4)", 1, 1) + "\n@h[b]:\n" + row("[2, 4)", 2, 2) + "\n"),
                // ---- map functions ----
                Arguments.of("delete",
                        "@a[1] = 1; @a[2] = 2; @a[3] = 3; delete(@a[1]); delete(@a[3]);",
                        "\n\n@a[2]: 2\n"),
                Arguments.of("delete a scalar map",
                        "@a = 1; @b = 2; delete(@a);",
                        "\n\n@b: 2\n"),
                Arguments.of("print(@m) then clear",
                        "@a[1] = 5; @a[2] = 3; print(@a); printf(\"--\\n\"); clear(@a);",
                        "@a[2]: 3\n@a[1]: 5\n--\n\n\n"),
                Arguments.of("print(@m) with top",
                        "@a[1] = 5; @a[2] = 3; @a[3] = 9; print(@a, 2); clear(@a);",
                        "@a[1]: 5\n@a[3]: 9\n\n\n"),
                Arguments.of("print of a scalar map and of a count",
                        "@x = 7; @c = count(); print(@x); print(@c); clear(@x); clear(@c);",
                        "@x: 7\n@c: 1\n\n\n"),
                Arguments.of("print of values",
                        "print(5); print(-3); print(\"abc\"); print((1, \"x\")); $v = 42; print($v);",
                        "5\n-3\nabc\n(1, x)\n42\n"),
                Arguments.of("zero",
                        "@a[1] = 5; @c = count(); zero(@a); zero(@c);",
                        "\n\n@a[1]: 0\n@c: 0\n"),
                // clear() is carried out by user space after the probe ran, as in bpftrace: later updates go too.
                Arguments.of("clear is asynchronous",
                        "@a[1] = 5; @a[2] = 6; clear(@a); @a[3] = 1;",
                        "\n\n"),
                // ---- builtins ----
                Arguments.of("builtins with known values",
                        "printf(\"%d %d %d\\n\", pid > 0, nsecs > 0, $# );",
                        "1 1 0\n"),
                Arguments.of("probe builtin",
                        "printf(\"%s\\n\", probe);",
                        "BEGIN\n"),
                Arguments.of("casts truncate and extend",
                        "printf(\"%d %d %d %d\\n\", (uint8)300, (int8)255, (int16)-1, (uint16)-1);",
                        "44 -1 -1 65535\n"),
                Arguments.of("sizeof of expressions",
                        "$s = \"abc\"; printf(\"%d %d\\n\", sizeof($s), sizeof(1));",
                        "4 8\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void beginProgram(String name, String body, String expected) {
        Run r = run("-e", "BEGIN { " + body + " }");
        // BEGIN-only programs end after BEGIN ran, with or without exit().
        assertEquals(expected, r.out(), () -> "stderr: " + r.err());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void exitStatus() {
        Run r = run("-e", "BEGIN { printf(\"a\\n\"); exit(3); printf(\"b\\n\"); }");
        assertEquals("a\n", r.out());
        assertEquals(3, r.status());
    }

    @Test
    void exitStatusFromExpression() {
        Run r = run("-e", "BEGIN { $x = 2; exit($x * 2); }");
        assertEquals(4, r.status());
    }

    @Test
    void endRunsAfterBegin() {
        Run r = run("-e", "BEGIN { printf(\"begin\\n\"); @x = 1; exit(); } END { printf(\"end %d\\n\", @x); clear(@x); }");
        assertEquals("begin\nend 1\n\n\n", r.out(), r.err());
    }

    @Test
    void positionalParameters() {
        Run r = run("-e", "BEGIN { printf(\"%d %s %d %d\\n\", $1, $2, $#, $1 + 1); }", "42", "abc");
        assertEquals("42 abc 2 43\n", r.out(), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void positionalParameterInAString() {
        Run r = run("-e", "BEGIN { if ($2 == \"abc\") { printf(\"match %s\\n\", str($2)); } }", "42", "abc");
        assertEquals("match abc\n", r.out(), r.err());
    }

    @Test
    void commOfTheRunningThread() throws IOException {
        // BEGIN runs in the thread that calls Main.run (BPF_PROG_TEST_RUN), so comm is this thread's name.
        String comm = Files.readString(Path.of("/proc/thread-self/comm")).strip();
        Run r = run("-e", "BEGIN { printf(\"%s|%d|%d\\n\", comm, comm == \"" + comm + "\", comm == \"no such comm\"); }");
        assertEquals(comm + "|1|0\n", r.out(), r.err());
    }

    @Test
    void commAsMapKey() throws IOException {
        String comm = Files.readString(Path.of("/proc/thread-self/comm")).strip();
        Run r = run("-e", "BEGIN { @[comm] = count(); }");
        assertEquals("\n\n@[" + comm + "]: 1\n", r.out(), r.err());
    }

    @Test
    void manyScratchVariablesAndMaps() {
        // Enough live values to run out of the scratch registers several times over.
        List<String> stmts = new ArrayList<>();
        StringBuilder sum = new StringBuilder("0");
        for (int i = 1; i <= 12; i++) {
            stmts.add("$v" + i + " = " + i + ";");
            stmts.add("@m" + (i % 3) + "[" + i + "] = $v" + i + " * 2;");
            sum.append(" + ($v").append(i).append(" * (@m").append(i % 3).append("[").append(i).append("] - $v").append(i).append("))");
        }
        String prog = "BEGIN { " + String.join(" ", stmts) + " printf(\"%d\\n\", " + sum + "); clear(@m0); clear(@m1); clear(@m2); }";
        // sum of i*i for 1..12
        assertEquals("650\n\n\n", run("-e", prog).out());
    }

    @Test
    void sizeofType() {
        assertEquals("4 1 2 8\n", run("-e", "BEGIN { printf(\"%d %d %d %d\\n\", sizeof(uint32), sizeof(uint8), sizeof(int16), sizeof(uint64)); }").out());
    }

    @Test
    void deleteWithKeyArgument() {
        assertEquals("\n\n@a[2]: 2\n", run("-e", "BEGIN { @a[1] = 1; @a[2] = 2; @a[3] = 3; delete(@a, 3); delete(@a, 1); }").out());
    }

    @Test
    void aggregationReadInExpression() {
        Run r = run("-e", "BEGIN { @c = count(); @c = count(); @s = sum(10); printf(\"%d %d\\n\", @c, @s); clear(@c); clear(@s); }");
        assertEquals("2 10\n\n\n", r.out(), r.err());
    }
}
