package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Examples from bpftrace's reference manual (docs/language.md, docs/stdlib.md) that the conformance
 * sweep (SWEEP.md) found failing, each run unchanged except that it ends by itself.
 */
class ManualExamplesE2ETest {
    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                // language.md, Map Printing: print_maps_on_exit=0 prints no map at the end
                Arguments.of("config = { print_maps_on_exit=0 } begin { @a = 1; @b[1] = 1; printf(\"x\\n\"); exit(); }", "x\n"),
                Arguments.of("config = { print_maps_on_exit=false } begin { @a = 1; exit(); }", ""),
                // language.md, Conditionals: a ternary of two actions as a statement
                Arguments.of("begin { $a = 1; $a == 1 ? print(\"true\") : print(\"false\"); $a == 2 ? exit() : printf(\"x\\n\");"
                        + " $a == 1 ? exit() : exit(); printf(\"never\\n\"); }", "true\nx\n"),
                // language.md, interval: the one-part duration form
                Arguments.of("interval:1s { printf(\"%s\\n\", probe); exit(); }", "interval:us:1000000\n"),
                // stdlib.md, bswap: the bytes reversed within the argument's width, unsigned
                Arguments.of("begin { printf(\"%d %d %d %x\\n\", bswap((uint8)1), bswap((uint16)1), bswap((uint32)1),"
                        + " bswap((int16)0x1234)); exit(); }", "1 256 16777216 3412\n"),
                Arguments.of("begin { printf(\"%d\\n\", bswap(0x0102030405060708)); exit(); }", "578437695752307201\n"),
                // language.md, Tuples and Map Keys: (1,) is a tuple; @[(a, b)] is the key @[a, b]
                Arguments.of("begin { print((1,)); @[1, \"x\"]++; @[(1, \"x\")]++; exit(); }", "(1)\n\n\n@[1, x]: 2\n"),
                // stdlib.md, nsecs(clock): boot includes suspended time, TAI counts from 1970
                Arguments.of("begin { $m = nsecs(monotonic); $b = nsecs(boot); $t = nsecs(tai); $s = nsecs(sw_tai);"
                        + " print(($b >= $m, $t > $b, $s >= $t)); exit(); }", "(true, true, true)\n"),
                // stdlib.md, probetype: the provider's name; begin and end are "special"
                Arguments.of("begin { print(probetype); } interval:ms:10 { printf(\"%s\\n\", probetype()); exit(); }",
                        "special\ninterval\n"),
                // stdlib.md, strlen and strstr
                Arguments.of("begin { $s = \"hello\"; print((strlen($s), strlen(\"\"), strstr($s, \"lo\"), strstr($s, \"x\"),"
                        + " strstr($s, \"\"), strstr($s, \"hellox\"))); exit(); }", "(5, 0, 3, -1, 0, -1)\n"),
                // stdlib.md, is_*: compile-time tests of the argument's type
                Arguments.of("begin { $p = (int8 *)0; $s = \"a\"; print((is_integer(1), is_integer($s), is_unsigned_integer(1),"
                        + " is_unsigned_integer(-1), is_unsigned_integer(pid), is_ptr($p), is_ptr(1), is_str($s),"
                        + " is_literal(1), is_literal($s), is_array($s))); exit(); }",
                        "(true, false, true, false, true, true, false, true, true, false, false)\n"),
                // stdlib.md, kptr/uptr: the value unchanged, only its address space marked
                Arguments.of("begin { $p = (int8 *)8; print((kptr($p) == 8, uptr($p) == 8, kptr(7))); exit(); }", "(true, true, 7)\n"),
                // language.md, Block Expressions: a block's value is its last expression; `_ =` discards a value
                Arguments.of("begin { let $a = { let $b = 1; $b }; $c = { 1 }; @a[1] = 5; _ = has_key(@a, 1);"
                        + " print(($a, $c, { let $b = \"s\"; $b }, { $a + @a[1] })); delete(@a, 1); exit(); }",
                        "(1, 1, s, 6)\n\n\n"),
                // language.md, Type conversion / Array casts: an integer's bytes as an array and back
                Arguments.of("begin { $a = (int8[8])12345; printf(\"%x %x\\n\", $a[0], $a[1]); printf(\"%d\\n\", (uint64)$a);"
                        + " print((uint8[])12345); print((uint32)pton(\"127.0.0.1\")); print((int8[])\"hi\");"
                        + " print(((int8[4])(int32)-2)[0]); @k[(int8[4])(int32)7] = 1; exit(); }",
                        "39 30\n12345\n[57,48]\n16777343\n[104,105,0]\n-2\n\n\n@k[[7,0,0,0]]: 1\n"),
                // language.md, Macros: an expression argument is evaluated wherever the parameter is used
                Arguments.of("macro side_effects(x) { x; x; x; } macro add_one(x) { let $x = x; $x + 1 }"
                        + " begin { side_effects({ printf(\"hi\") }); print(add_one({ let $y = 2; $y * 2 })); exit(); }",
                        "hihihi5\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void printsWhatTheManualSays(String program, String stdout) {
        JtraceProcess.Result r = Kernel.selfExiting("-e", program).assertExitCode(0);
        GoldenText.assertSameText("stdout", stdout, r.stdout());
    }

    /** language.md, Positional Parameters: {@code str($1 + 1)} is the parameter from its second byte. */
    @Test
    void positionalParameterPlusAConstantInStr() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "begin { printf(\"%s|%s|\\n\", str($1 + 1), str($1 + 5)); exit(); }",
                "hello").assertExitCode(0);
        GoldenText.assertSameText("stdout", "ello||\n", r.stdout());
    }

    /** stdlib.md, ppid and pcomm: of the current task (in begin, jtrace itself, a child of this JVM) or of one passed. */
    @Test
    void ppidAndPcommOfTheCurrentTask() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("jtrace.e2e.command") == null,
                "jtrace must be a direct child of this JVM");
        JtraceProcess.Result r = Kernel.selfExiting("-e",
                "begin { printf(\"%d %s %d %s\\n\", ppid, pcomm, ppid(curtask), pcomm()); exit(); }").assertExitCode(0);
        long me = ProcessHandle.current().pid();
        GoldenText.assertSameText("stdout", me + " java " + me + " java\n", r.stdout());
    }

    /** stdlib.md, assert: a failed assertion is an error at the call, and exit status 1. */
    @Test
    void failedAssertReportsAndExitsWithOne() {
        JtraceProcess.Result r = Kernel.selfExiting("-e",
                "begin { $a = 5; assert($a == 5, \"five\"); assert($a == 4, \"not four\"); print(\"after\"); }")
                .assertExitCode(1);
        GoldenText.assertSameText("stdout", "", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n"
                + "stdin:1:42-69: ERROR: assert failed: not four\n"
                + "begin { $a = 5; assert($a == 5, \"five\"); assert($a == 4, \"not four\"); print(\"after\"); }\n"
                + "                                         ~~~~~~~~~~~~~~~~~~~~~~~~~~~\n", r.stderr());
    }

    /**
     * stdlib.md, uaddr: {@code str(*uaddr("ps1_prompt"))} compiles, an 8-byte symbol being a
     * {@code uint64 *} into user memory. (The value read is right only for non-PIE binaries: jtrace
     * does not relocate uaddr() in PIE executables, as bpftrace does on kernels 6.7+; see SWEEP.md.)
     */
    @Test
    void uaddrOfAnEightByteSymbolCanBeDereferenced() {
        String bin = UprobeTarget.binary().toString();
        JtraceProcess.Result r = Kernel.selfExiting("-d", "-e",
                "uprobe:" + bin + ":ut_args { printf(\"%d\\n\", *uaddr(\"ut_global\")); }").assertExitCode(0);
        assertTrue(r.stdout().contains("probe_read_user"), r.stdout());
    }

    /**
     * language.md, iterator: {@code ctx.task}, {@code ctx.file}, {@code ctx.vma} are kernel struct
     * pointers (NULL-checked as the verifier requires); a parked jtwl is picked by its pid.
     */
    @Test
    void iteratorsReadThroughTheirContextPointers() throws Exception {
        try (Workload w = Workload.start("getpid", "1")) {
            String pid = Long.toString(w.pid());
            JtraceProcess.Result task = Kernel.selfExiting("-e",
                    "iter:task /ctx.task.pid == $1/ { printf(\"%s:%d\\n\", ctx.task.comm, ctx.task.pid); }", pid)
                    .assertExitCode(0);
            GoldenText.assertSameText("stdout", "jtwl:" + pid + "\n", task.stdout());
            JtraceProcess.Result files = Kernel.selfExiting("-e",
                    "iter:task_file /ctx.task.pid == $1 && ctx.fd < 3/ { printf(\"%s:%d %d\\n\", ctx.task.comm, ctx.task.pid, ctx.fd); }",
                    pid).assertExitCode(0);
            GoldenText.assertSameText("stdout", "jtwl:" + pid + " 0\njtwl:" + pid + " 1\njtwl:" + pid + " 2\n", files.stdout());
            JtraceProcess.Result vmas = Kernel.selfExiting("-e",
                    "iter:task_vma /ctx.task.pid == $1/ { printf(\"%lx-%lx\\n\", ctx.vma.vm_start, ctx.vma.vm_end); }", pid)
                    .assertExitCode(0);
            StringBuilder maps = new StringBuilder();
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/maps"))) {
                if (line.endsWith("[vsyscall]")) continue; // not a VMA of the task's mm
                String[] range = line.substring(0, line.indexOf(' ')).split("-");
                maps.append(Long.toHexString(Long.parseUnsignedLong(range[0], 16))).append('-')
                        .append(Long.toHexString(Long.parseUnsignedLong(range[1], 16))).append('\n');
            }
            GoldenText.assertSameText("stdout", maps.toString(), vmas.stdout());
            w.go();
            w.waitFor();
        }
    }

    /** print(ctx) of an iterator: its context struct, each pointer member as a kernel address. */
    @Test
    void iteratorContextPrintsAsAWholeStruct() throws Exception {
        try (Workload w = Workload.start("getpid", "1")) {
            String pid = Long.toString(w.pid());
            JtraceProcess.Result task = Kernel.selfExiting("-e",
                    "iter:task /ctx.task != 0 && ctx.task.pid == $1/ { print(ctx); }", pid).assertExitCode(0);
            GoldenText.assertSameText("stdout", "{ .meta = 0xKADDR, .task = 0xKADDR }\n",
                    task.stdout().replaceAll("0xffff[0-9a-f]{12}", "0xKADDR"));
            JtraceProcess.Result files = Kernel.selfExiting("-e",
                    "iter:task_file /ctx.task.pid == $1 && ctx.fd < 2/ { print(ctx); }", pid).assertExitCode(0);
            GoldenText.assertSameText("stdout", "{ .meta = 0xKADDR, .task = 0xKADDR, .fd = 0, .file = 0xKADDR }\n"
                            + "{ .meta = 0xKADDR, .task = 0xKADDR, .fd = 1, .file = 0xKADDR }\n",
                    files.stdout().replaceAll("0xffff[0-9a-f]{12}", "0xKADDR"));
            w.go();
            w.waitFor();
        }
    }

    /**
     * language.md, Map Declarations: each declared map is created with its BPF map type and max
     * entries (read back from jtrace's fdinfo), and behaves as one (an LRU map of 2 keeps 2).
     */
    @Test
    void declaredMapsHaveTheirTypeAndSize() throws Exception {
        String script = "let @a = hash(100); let @b = percpulruhash(20); let @c = lruhash(2); let @d = percpuarray(1);"
                + " let @e = percpuhash(7);"
                + " begin { @a[1] = 5; @b[2] = count(); @b[2] = count(); @c[1] = 1; @c[2] = 2; @c[3] = 3;"
                + " @d = count(); @d = count(); @e = sum(4); }"
                + " interval:ms:100 { exit(); }";
        java.util.Map<String, String> maps = new java.util.TreeMap<>();
        JtraceProcess.Result r;
        try (JtraceProcess t = JtraceProcess.jtrace("-e", script).start()) {
            t.awaitAttached();
            for (java.nio.file.Path fd : java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc/" + t.pid() + "/fdinfo"))) {
                java.util.Map<String, String> info = new java.util.HashMap<>();
                for (String line : java.nio.file.Files.readAllLines(fd)) {
                    int colon = line.indexOf(':');
                    if (colon > 0) info.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
                if (!info.containsKey("map_id")) continue;
                String name = BpfObjects.mapName(Integer.parseInt(info.get("map_id"))).orElse("");
                if (name.length() == 4 && name.startsWith("AT_")) {
                    maps.put(name, info.get("map_type") + "/" + info.get("max_entries"));
                }
            }
            r = t.waitFor(Kernel.SELF_EXIT);
        }
        r.assertExitCode(0);
        // BPF_MAP_TYPE_HASH 1, LRU_PERCPU_HASH 10, LRU_HASH 9, PERCPU_ARRAY 6, PERCPU_HASH 5
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.Map.of("AT_a", "1/100", "AT_b", "10/20", "AT_c", "9/2", "AT_d", "6/1", "AT_e", "5/7"), maps);
        GoldenText.assertSameText("stdout", "\n\n@a[1]: 5\n@b[2]: 2\n@c[2]: 2\n@c[3]: 3\n@d: 2\n@e: 4\n", r.stdout());
        assertTrue(r.stderr().startsWith("WARNING: Script is using an unstable feature: map declarations."), r.stderr());
    }
}
