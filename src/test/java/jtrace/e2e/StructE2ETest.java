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
}
