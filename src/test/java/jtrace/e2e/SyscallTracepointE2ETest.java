package jtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * System-wide syscall tracepoints against jtwl. Exact goldens filter on jtwl's pid ($1) in the
 * script; the lab one-liners run as written, unfiltered, and their output is narrowed to jtwl.
 * jtwl makes exactly the syscalls of its steps after go, so the counts are known.
 */
class SyscallTracepointE2ETest {
    @TempDir
    Path dir;

    private String file;

    @BeforeEach
    void setUp() {
        Kernel.assumeRoot();
        file = dir.resolve("data").toString();
    }

    @Test
    void commOfEveryReadFilteredInTheScript() {
        Kernel.Run run = Kernel.trace("tracepoint:syscalls:sys_enter_read /pid == $1/ { printf(\"%s\\n\", comm); }",
                "read", file, "5", "100");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", "jtwl\n".repeat(5), r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    /**
     * print(args) prints every field of the format file but the common_* ones (bpftrace's args
     * record, issue 2688), as bpftrace prints a struct; args also goes into variables and maps.
     */
    @Test
    void wholeArgsPrintAsAStruct() {
        Kernel.Run run = Kernel.trace("t:syscalls:sys_enter_read /pid == $1/ { print(args); } "
                + "t:syscalls:sys_exit_read /pid == $1/ { $a = args; print($a); @r[$a.ret] = args; }", "badread", "2");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        String enter = "{ .__syscall_nr = 0, .fd = 1000, .buf = 0xADDR, .count = 16 }\n";
        String exit = "{ .__syscall_nr = 0, .ret = -9 }\n";
        GoldenText.assertSameText("stdout", enter + exit + enter + exit + "\n\n@r[-9]: { .__syscall_nr = 0, .ret = -9 }\n",
                r.stdout().replaceAll("0x[0-9a-f]+", "0xADDR"));
        GoldenText.assertSameText("stderr", "Attached 2 probes\n", r.stderr());
    }

    @Test
    void labOneLinerCommOfEveryRead() {
        Kernel.Run run = Kernel.trace("tracepoint:syscalls:sys_enter_read { printf(\"%s\\n\", comm); }",
                "read", file, "5", "100");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("jtwl lines", "jtwl\n".repeat(5), OutputFilter.keepLines(r.stdout(), "jtwl"::equals));
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    /** args.ret is current bpftrace; args->ret is the 0.17 spelling, still accepted. */
    @ParameterizedTest
    @ValueSource(strings = {"args.ret", "args->ret"})
    void failedReadsWithPidAndReturnValue(String ret) {
        Kernel.Run run = Kernel.trace("t:syscalls:sys_exit_read /" + ret + " < 0/ { printf(\"%s %d %d\\n\", comm, pid, " + ret + "); }",
                "badread", "3");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        String line = "jtwl " + run.workloadPid() + " -9\n"; // -EBADF
        GoldenText.assertSameText("jtwl lines", line.repeat(3),
                OutputFilter.keepLines(r.stdout(), l -> l.startsWith("jtwl " + run.workloadPid() + " ")));
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void failedReadsFilteredInTheScriptAreExact() {
        Kernel.Run run = Kernel.trace("t:syscalls:sys_exit_read /args.ret < 0 && pid == $1/ { printf(\"%s %d %d\\n\", comm, pid, args.ret); }",
                "read", file, "2", "10", "badread", "3");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", ("jtwl " + run.workloadPid() + " -9\n").repeat(3), r.stdout());
    }

    @Test
    void labOneLinerBytesReadPerComm() {
        Kernel.Run run = Kernel.trace("t:syscalls:sys_exit_read /args.ret > 0/ { @bytes_read[comm] += args.ret; }",
                "read", file, "5", "100", "badread", "2");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        // Other processes read too; their entries are dropped, the layout stays.
        GoldenText.assertSameText("stdout", "\n\n@bytes_read[jtwl]: 500\n", OutputFilter.onlyComm(r.stdout(), "jtwl"));
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void bytesReadForJtwlOnlyIsTheWholeOutput() {
        Kernel.Run run = Kernel.trace("t:syscalls:sys_exit_read /args.ret > 0 && pid == $1/ { @bytes_read[comm] += args.ret; }",
                "read", file, "5", "100", "badread", "2");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", "\n\n@bytes_read[jtwl]: 500\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void openatFilenameAsString() throws Exception {
        Path target = Files.writeString(dir.resolve("opened"), "x");
        Kernel.Run run = Kernel.trace("t:syscalls:sys_enter_openat /pid == $1/ { printf(\"%s\\n\", str(args.filename)); }",
                "openat", target.toString(), "2");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", (target + "\n").repeat(2), r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void openatFilenameKeyedMap() throws Exception {
        Path target = Files.writeString(dir.resolve("opened"), "x");
        Kernel.Run run = Kernel.trace("t:syscalls:sys_enter_openat { @opens[comm, str(args.filename)] = count(); }",
                "openat", target.toString(), "3");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", "\n\n@opens[jtwl, " + target + "]: 3\n", OutputFilter.onlyComm(r.stdout(), "jtwl"));
    }
}
