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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Map loops, len(), delete() results, buffers, records and long strings run on the real kernel
 * through {@link CodegenKernelTest#run}, with the output bpftrace gives.
 */
class Language2KernelTest {

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("for over a map: keys and values, outer variables written",
                        "BEGIN { @m[1] = 10; @m[2] = 20; $t = 0; $k = 0; for ($kv : @m) { $t += $kv.1; $k += $kv.0; }"
                                + " printf(\"keys %d total %d\\n\", $k, $t); clear(@m); }",
                        "keys 3 total 30\n\n\n"),
                Arguments.of("for over a per-CPU count map sums all CPUs",
                        "BEGIN { @c[7] = count(); @c[7] = count(); for ($kv : @c) { print($kv); } clear(@c); }",
                        "(7, 2)\n\n\n"),
                Arguments.of("several keys nest in a tuple; string values",
                        "BEGIN { @s[\"a\", 2] = \"x\"; for ($kv : @s) { printf(\"%s %d %s\\n\", $kv.0.0, $kv.0.1, $kv.1); } clear(@s); }",
                        "a 2 x\n\n\n"),
                Arguments.of("break, continue",
                        "BEGIN { @m[1] = 1; @m[2] = 2; @m[3] = 3; $n = 0; for ($kv : @m) { if ($kv.0 == 2) { continue; } $n += $kv.1; }"
                                + " printf(\"%d\\n\", $n); for ($kv : @m) { $n++; break; } printf(\"%d\\n\", $n); clear(@m); }",
                        "4\n5\n\n\n"),
                Arguments.of("nested loops",
                        "BEGIN { @m[1] = 1; @m[2] = 2; $n = 0; for ($a : @m) { for ($b : @m) { $n += $a.1 * $b.1; } }"
                                + " printf(\"%d\\n\", $n); clear(@m); }",
                        "9\n\n\n"),
                Arguments.of("return inside a loop ends the probe",
                        "BEGIN { @m[1] = 1; for ($kv : @m) { printf(\"in\\n\"); return; } printf(\"after\\n\"); } END { clear(@m); }",
                        "in\n\n\n"),
                Arguments.of("len() counts in the kernel, per-CPU maps once per key; delete() says whether the key was there",
                        "BEGIN { @m[1] = 1; @m[2] = 2; @c[3] = count(); printf(\"%d %d\\n\", len(@m), len(@c)); $d = delete(@m, 1);"
                                + " printf(\"%d %d\\n\", $d, delete(@m, 5)); print(delete(@m, 2)); print(len(@m));"
                                + " if (delete(@c, 3)) { printf(\"gone\\n\"); } }",
                        "2 1\n1 0\ntrue\n0\ngone\n\n\n"),
                Arguments.of("buf() printed with %r, %rx, %rh and print(), in variables and map keys",
                        "BEGIN { printf(\"%r|%rx|%rh\\n\", buf(\"ab\\ncd\", 5), buf(\"AB\", 2), buf(\"AB\", 2)); print(buf(\"xyz\", 3));"
                                + " $x = buf(\"qq\"); print($x); @b[buf(\"k\", 1)] = 5; }",
                        "ab\\x0acd|\\x41\\x42|41 42\nxyz\nqq\n\n\n@b[k]: 5\n"),
                Arguments.of("records: fields by name, printed, as map values and keys",
                        "BEGIN { $r = (a=1, b=\"hi\"); print($r); printf(\"%d %s\\n\", $r.a, $r.b); @m[1] = (x=5, y=(1, 2));"
                                + " print(@m[1].x); @k[(n=3, s=\"z\")] = 1; }",
                        "{ .a = 1, .b = hi }\n1 hi\n5\n\n\n@k[{ .n = 3, .s = z }]: 1\n@m[1]: { .x = 5, .y = (1, 2) }\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void script(String name, String program, String expected) {
        CodegenKernelTest.Run r = CodegenKernelTest.run("-e", program);
        assertEquals(expected, r.out(), () -> "stderr: " + r.err());
        assertEquals(0, r.status(), r.err());
    }

    /**
     * The -c child of an in-process run inherits this JVM's stdout, which is surefire's channel: dd
     * writes its "hello\n" into /dev/null, reopened as its own stdout, and prints nothing.
     */
    @Test
    void bufferOfUserMemoryWithARunTimeLength(@TempDir Path dir) throws IOException {
        Path hello = Files.writeString(dir.resolve("hello"), "hello\n");
        CodegenKernelTest.Run r = CodegenKernelTest.run("-e",
                "t:syscalls:sys_enter_write /pid == cpid/ { printf(\"%r|%rh\\n\", buf(args.buf, args.count), buf(args.buf, 3)); }",
                "-c", "/bin/dd if=" + hello + " of=/dev/null status=none");
        assertTrue(r.out().contains("hello\\x0a|68 65 6c\n"), r.out() + r.err());
    }

    @Test
    void probeContextInsideAMapLoopIsRefusedClearly() {
        CodegenKernelTest.Run r = CodegenKernelTest.run("-e",
                "BEGIN { @m[1] = 1; } tracepoint:syscalls:sys_enter_read { for ($kv : @m) { print(args.count); } }");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("inside a for loop over a map"), r.err());
    }
}
