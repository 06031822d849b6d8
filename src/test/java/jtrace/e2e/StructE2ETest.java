package jtrace.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kernel structs through BTF (curtask, casts, nested pointers, arrays, sizeof/offsetof), a
 * script-defined struct read through a user pointer, and rawtracepoint probes, against jtwl.
 */
class StructE2ETest {
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        Kernel.assumeRoot();
    }

    @Test
    void curtaskAgreesWithBuiltins() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { printf(\"%d %d %d %d %d\\n\", curtask->pid == tid, "
                + "((struct task_struct *)curtask)->tgid == pid, curtask.comm == comm, curtask->comm[0] > 0, "
                + "sizeof(struct task_struct) > offsetof(struct task_struct, comm)); exit(); }");
        r.assertExitCode(0);
        GoldenText.assertSameText("stdout", "1 1 1 1 1\n", r.stdout());
    }

    /** jtwl is started by this JVM, so its parent's tgid is this process's pid. */
    @Test
    void parentPidOfTheWorkload() {
        Kernel.Run run = Kernel.trace("t:syscalls:sys_enter_getpid /pid == $1/ { printf(\"%d %d %s\\n\", "
                + "curtask->parent->tgid, curtask->tgid, curtask->comm); }", "getpid", "2");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        String line = ProcessHandle.current().pid() + " " + run.workloadPid() + " jtwl\n";
        GoldenText.assertSameText("stdout", line.repeat(2), r.stdout());
    }

    /** The path openat(2) gets, read through a struct defined in the script over the user pointer. */
    @Test
    void scriptStructOverAUserPointer() throws Exception {
        Path target = Files.writeString(dir.resolve("opened-file"), "x");
        String script = "struct head { char a; unsigned char b; unsigned short c; int d; char rest[4]; };\n"
                + "t:syscalls:sys_enter_openat /pid == $1/ { $h = (struct head *)args.filename;"
                + " printf(\"%d %d %d %d %s\\n\", $h->a, $h->b, $h->c, $h->d, $h->rest); }";
        Kernel.Run run = traceFile(script, "openat", target.toString(), "1");
        byte[] p = target.toString().getBytes(StandardCharsets.ISO_8859_1);
        int c = (p[2] & 0xff) | (p[3] & 0xff) << 8;
        int d = (p[4] & 0xff) | (p[5] & 0xff) << 8 | (p[6] & 0xff) << 16 | p[7] << 24;
        String expected = p[0] + " " + (p[1] & 0xff) + " " + c + " " + d + " " + new String(p, 8, 4, StandardCharsets.ISO_8859_1) + "\n";
        GoldenText.assertSameText("stdout", expected, run.result().assertExitCode(0).stdout());
    }

    /** The same bytes as a whole struct value: copied into a variable, a map value, and printed as bpftrace prints structs. */
    @Test
    void scriptStructValueOverAUserPointer() throws Exception {
        Path target = Files.writeString(dir.resolve("opened-file"), "x");
        String script = "struct head { char a; unsigned char b; unsigned short c; int d; char rest[4]; short arr[1]; };\n"
                + "t:syscalls:sys_enter_openat /pid == $1/ { $h = *(struct head *)args.filename; print($h);"
                + " @h = $h; @p[$h.b] = (struct head *)args.filename + 1 - 1 == (struct head *)args.filename; }";
        Kernel.Run run = traceFile(script, "openat", target.toString(), "1");
        byte[] p = target.toString().getBytes(StandardCharsets.ISO_8859_1);
        int c = (p[2] & 0xff) | (p[3] & 0xff) << 8;
        int d = (p[4] & 0xff) | (p[5] & 0xff) << 8 | (p[6] & 0xff) << 16 | p[7] << 24;
        String value = "{ .a = " + p[0] + ", .b = " + (p[1] & 0xff) + ", .c = " + c + ", .d = " + d + ", .rest = "
                + new String(p, 8, 4, StandardCharsets.ISO_8859_1) + ", .arr = [" + (short) ((p[12] & 0xff) | (p[13] & 0xff) << 8) + "] }";
        GoldenText.assertSameText("stdout", value + "\n\n\n@h: " + value + "\n@p[" + (p[1] & 0xff) + "]: true\n",
                run.result().assertExitCode(0).stdout());
    }

    /** A kernel struct copied whole, read back member by member; pointer steps and BTF enumerators. */
    @Test
    void kernelStructValuePointerStepsAndEnumerators() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { $t = *curtask; $p = curtask; $q = $p + 2; $q--;"
                + " $a = $t.pid == tid; $b = $t.comm == comm; $c = (uint64)$q - (uint64)$p == sizeof(struct task_struct);"
                + " $d = SKB_DROP_REASON_NOT_SPECIFIED > SKB_NOT_DROPPED_YET; $e = $t.se.load.weight == curtask->se.load.weight;"
                + " printf(\"%d %d %d %d %d\\n\", $a, $b, $c, $d, $e);"
                + " @l = curtask->se.load; @l2 = $t.se.load; exit(); }");
        r.assertExitCode(0);
        String[] out = r.stdout().split("\n", 2);
        GoldenText.assertSameText("stdout", "1 1 1 1 1", out[0]);
        String[] maps = out[1].strip().split("\n");
        org.junit.jupiter.api.Assertions.assertTrue(maps[0].matches("@l: \\{ \\.weight = [0-9]+, \\.inv_weight = [0-9]+ }"), maps[0]);
        org.junit.jupiter.api.Assertions.assertEquals(maps[0].replace("@l:", "@l2:"), maps[1]);
    }

    @Test
    void structValuesInJson() throws Exception {
        Path target = Files.writeString(dir.resolve("opened-file"), "x");
        Path file = Files.writeString(dir.resolve("script.bt"), "struct two { unsigned char a; char s[3]; };\n"
                + "t:syscalls:sys_enter_openat /pid == $1/ { @[1] = *(struct two *)args.filename; }");
        try (Workload w = Workload.start("openat", target.toString(), "1");
             JtraceProcess t = JtraceProcess.jtrace("-f", "json", file.toString(), Long.toString(w.pid())).start()) {
            t.awaitAttached();
            w.go();
            org.junit.jupiter.api.Assertions.assertEquals(0, w.waitFor(), "jtwl exit status; stderr: " + w.stderr());
            byte[] p = target.toString().getBytes(StandardCharsets.ISO_8859_1);
            String s = new String(p, 1, 3, StandardCharsets.ISO_8859_1);
            String expected = "{\"type\": \"map\", \"data\": {\"@\": {\"1\": {\"a\": " + (p[0] & 0xff) + ", \"s\": \"" + s + "\"}}}}\n";
            String stdout = t.interrupt().assertExitCode(0).stdout();
            GoldenText.assertSameText("stdout", expected, stdout.substring(stdout.indexOf("{\"type\": \"map\"")));
        }
    }

    /** As {@link Kernel#trace}, the script read from a file; it gets jtwl's pid as $1. */
    private Kernel.Run traceFile(String script, String... steps) throws Exception {
        Path file = Files.writeString(dir.resolve("script.bt"), script);
        try (Workload w = Workload.start(steps);
             JtraceProcess t = JtraceProcess.jtrace(file.toString(), Long.toString(w.pid())).start()) {
            t.awaitAttached();
            w.go();
            org.junit.jupiter.api.Assertions.assertEquals(0, w.waitFor(), "jtwl exit status; stderr: " + w.stderr());
            return new Kernel.Run(t.interrupt(), w.pid());
        }
    }

    @Test
    void rawTracepointSchedSwitchTypedArgs() {
        Kernel.Run run = Kernel.trace("rawtracepoint:sched_switch /args.prev->tgid == $1/ "
                + "{ @tgid[args.prev->comm] = max(args.prev->tgid); }", "sleep", "50");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", "\n\n@tgid[jtwl]: " + run.workloadPid() + "\n", r.stdout());
    }

    /** sys_enter's args are (struct pt_regs *regs, long id): jtwl makes 3 getpid(2) calls, then exit_group(2). */
    @Test
    void rawTracepointSysEnterCountsById() {
        Kernel.Run run = Kernel.trace("rt:sys_enter /pid == $1/ { @[args.id] = count(); @raw[arg1] = count(); }",
                "getpid", "3");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", "\n\n@[231]: 1\n@[39]: 3\n@raw[231]: 1\n@raw[39]: 3\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    /** print(args) of a raw tracepoint: its BTF-typed arguments, pointers in hex. */
    @Test
    void rawTracepointWholeArgs() {
        Kernel.Run run = Kernel.trace("rt:sys_enter /pid == $1 && args.id == 39/ { print(args); }", "getpid", "2");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", "{ .regs = 0xADDR, .id = 39 }\n".repeat(2), r.stdout().replaceAll("0x[0-9a-f]+", "0xADDR"));
    }
}
