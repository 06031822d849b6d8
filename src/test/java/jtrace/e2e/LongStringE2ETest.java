package jtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strings longer than the BPF stack holds (bpftrace's default max_strlen is 1024): file names of
 * about 200 bytes read by str(), printed whole and used as map keys, and the truncation trailer
 * for a string cut at max_strlen.
 */
class LongStringE2ETest {
    @TempDir
    Path dir;

    private Path longPath;

    @BeforeEach
    void setUp() throws Exception {
        Kernel.assumeRoot();
        Path parent = Files.createDirectories(dir.resolve("d".repeat(60)).resolve("e".repeat(60)));
        longPath = Files.writeString(parent.resolve("f".repeat(70)), "x");
    }

    @Test
    void longFileNamePrintedWhole() {
        Kernel.Run run = Kernel.trace("t:syscalls:sys_enter_openat /pid == $1/ { printf(\"%s\\n\", str(args.filename)); }",
                "openat", longPath.toString(), "2");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", (longPath + "\n").repeat(2), r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void longFileNameAsMapKey() {
        Kernel.Run run = Kernel.trace("t:syscalls:sys_enter_openat /pid == $1/ { @[str(args.filename)] = count(); }",
                "openat", longPath.toString(), "3");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", "\n\n@[" + longPath + "]: 3\n", r.stdout());
    }

    @Test
    void longStringsInVariablesAndTuples() {
        Kernel.Run run = Kernel.trace("t:syscalls:sys_enter_openat /pid == $1/ { $a = str(args.filename); $b = $a;"
                        + " @t[comm, $b] = count(); if ($a == $b) { printf(\"same %s\\n\", $b); } }",
                "openat", longPath.toString(), "1");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", "same " + longPath + "\n\n\n@t[jtwl, " + longPath + "]: 1\n", r.stdout());
    }

    @Test
    void cutStringGetsTheTrailer() {
        String script = "config = { max_strlen = 20 } t:syscalls:sys_enter_openat /pid == $1/ { printf(\"%s|\\n\", str(args.filename)); }";
        Kernel.Run run = Kernel.trace(script, "openat", longPath.toString(), "1");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", longPath.toString().substring(0, 19) + "..|\n", r.stdout());
    }

    @Test
    void trailerConfigurable() {
        String script = "config = { max_strlen = 20; str_trunc_trailer = \"\" } t:syscalls:sys_enter_openat /pid == $1/ { printf(\"%s|\\n\", str(args.filename)); }";
        Kernel.Run run = Kernel.trace(script, "openat", longPath.toString(), "1");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", longPath.toString().substring(0, 19) + "|\n", r.stdout());
    }
}
