package jtrace.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * uprobe, uretprobe and usdt probes against uprobe_target (src/test/c/uprobe_target.c), whose
 * functions and USDT probes are called a known number of times with known arguments.
 */
class UprobeE2ETest {
    private String bin;

    @BeforeEach
    void setUp() {
        Kernel.assumeRoot();
        bin = UprobeTarget.binary().toString();
    }

    /** jtrace with the arguments against a parked uprobe_target with the steps; then SIGINT. */
    private static JtraceProcess.Result trace(List<String> jtraceArgs, String... steps) {
        try (Workload w = UprobeTarget.start(steps);
             JtraceProcess t = JtraceProcess.jtrace(jtraceArgs.toArray(String[]::new)).start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor(), "uprobe_target exit status; stderr: " + w.stderr());
            return t.interrupt();
        }
    }

    private static JtraceProcess.Result trace(String script, String... steps) {
        return trace(List.of("-e", script), steps);
    }

    @Test
    void argumentsInRegistersAndOnTheStackWithFuncAndProbe() {
        JtraceProcess.Result r = trace("uprobe:" + bin + ":ut_args { printf(\"%d %d %d %d %s %s\\n\", arg0, arg1, arg6, arg7, func, probe); }",
                "call", "3").assertExitCode(0);
        String tail = " ut_args uprobe:" + bin + ":ut_args\n";
        GoldenText.assertSameText("stdout", "0 1 6 7" + tail + "1 2 7 8" + tail + "2 3 8 9" + tail, r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void uretprobeRetval() {
        JtraceProcess.Result r = trace("ur:" + bin + ":ut_ret { printf(\"%s %d\\n\", func, retval); }", "call", "3").assertExitCode(0);
        GoldenText.assertSameText("stdout", "ut_ret 1\nut_ret 4\nut_ret 7\n", r.stdout());
    }

    @Test
    void wildcardIsOneProbePerFunction() {
        JtraceProcess.Result r = trace("uprobe:" + bin + ":ut_wild_* { @[probe] = count(); @all = count(); }", "wild", "4").assertExitCode(0);
        GoldenText.assertSameText("stderr", "Attached 3 probes\n", r.stderr());
        assertTrue(r.stdout().contains("@all: 12\n"), r.stdout());
        for (String f : List.of("one", "two", "three")) {
            assertTrue(r.stdout().contains("@[uprobe:" + bin + ":ut_wild_" + f + "]: 4\n"), r.stdout());
        }
    }

    @Test
    void libraryNameResolvesToLibc() {
        JtraceProcess.Result r = trace("uprobe:libc:getpid /comm == \"uprobe_target\"/ { @calls = count(); }", "getpid", "5").assertExitCode(0);
        GoldenText.assertSameText("stdout", "\n\n@calls: 5\n", r.stdout());
    }

    @Test
    void offsetAndAddressProbes() throws Exception {
        long addr = UprobeTarget.address("ut_ret");
        long second = secondInstruction("ut_ret");
        String script = "uprobe:" + bin + ":ut_ret+" + (second - addr) + " { @off = count(); @offsum = sum(arg0); } "
                + "uprobe:" + bin + ":0x" + Long.toHexString(addr) + " { @addr[func] = count(); }";
        JtraceProcess.Result r = trace(script, "call", "4").assertExitCode(0);
        GoldenText.assertSameText("stdout", "\n\n@addr[ut_ret]: 4\n@off: 4\n@offsum: 6\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 2 probes\n", r.stderr());
    }

    /** -p: the uprobe is installed in that process only; another one running the same code is not seen. */
    @Test
    void pidLimitsTheProbeToOneProcess() {
        try (Workload other = UprobeTarget.start("call", "2");
             Workload w = UprobeTarget.start("call", "3");
             JtraceProcess t = JtraceProcess.jtrace("-p", Long.toString(w.pid()),
                     "-e", "uprobe:" + bin + ":ut_ret { @[pid] = count(); }").start()) {
            t.awaitAttached();
            other.go();
            assertEquals(0, other.waitFor());
            w.go();
            assertEquals(0, w.waitFor());
            JtraceProcess.Result r = t.waitFor().assertExitCode(0); // ends by itself when the -p process exits
            GoldenText.assertSameText("stdout", "\n\n@[" + w.pid() + "]: 3\n", r.stdout());
        }
    }

    @Test
    void usdtTypedArgumentsRegisterMemoryConstantAndGlobal() {
        JtraceProcess.Result r = trace("usdt:" + bin + ":jtrace_test:tick { printf(\"%d %d %d\\n\", arg0, arg1, arg2); } "
                + "usdt:" + bin + ":global { printf(\"%s %d\\n\", probe, arg0); }", "usdt", "3").assertExitCode(0);
        String g = "usdt:" + bin + ":jtrace_test:global 1234\n";
        GoldenText.assertSameText("stdout", "0 0 -7\n" + g + "1 100 -7\n" + g + "2 200 -7\n" + g, r.stdout());
        GoldenText.assertSameText("stderr", "Attached 2 probes\n", r.stderr());
    }

    /**
     * usdt:*:PROVIDER:NAME and usdt:*:NAME find the probes in the binaries of every running
     * process, as bpftrace does: the parked uprobe_target is one (other processes with the same
     * probe, e.g. other test runs, may add probes: the output is filtered by pid).
     */
    @Test
    void usdtWildcardBinaryIsEveryRunningProcess() {
        try (Workload w = UprobeTarget.start("usdt", "2");
             JtraceProcess t = JtraceProcess.jtrace("-e", "usdt:*:jtrace_test:tick /pid == $1/ { printf(\"%s %d\\n\", probe, arg1); } "
                     + "usdt:*:global /pid == $1/ { @g = count(); }", Long.toString(w.pid())).start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor(), "uprobe_target exit status; stderr: " + w.stderr());
            JtraceProcess.Result r = t.interrupt().assertExitCode(0);
            String tick = "usdt:" + bin + ":jtrace_test:tick ";
            GoldenText.assertSameText("stdout", tick + "0\n" + tick + "100\n\n\n@g: 2\n", r.stdout());
            assertTrue(r.stderr().matches("Attached [0-9]+ probes\n"), r.stderr());
        }
    }

    @Test
    void usdtWildcardBinaryWithoutMatchIsAnError() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "usdt:*:jtrace_test:no_such_probe { }").assertExitCode(1);
        assertTrue(r.stderr().contains("ERROR: No USDT probe jtrace_test:no_such_probe in the binaries of any running process"),
                r.stderr());
    }

    /** The probe only fires while its semaphore is set: the kernel counts it up while jtrace is attached. */
    @Test
    void usdtSemaphoreIsSetWhileAttached() {
        JtraceProcess.Result r = trace("U:" + bin + ":jtrace_test:guarded { printf(\"%d\\n\", arg0); }", "usdt", "2").assertExitCode(0);
        GoldenText.assertSameText("stdout", "1\n1\n", r.stdout());
    }

    @Test
    void argsNeedsDwarf() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "uprobe:" + bin + ":ut_ret { print(args); }").assertExitCode(1);
        assertTrue(r.stderr().contains("ERROR: Could not parse arguments of \"uprobe:" + bin + ":ut_ret\": no debuginfo found for " + bin), r.stderr());
    }

    @Test
    void listingFunctionsAndUsdtProbes() {
        JtraceProcess.Result u = Kernel.selfExiting("-l", "uprobe:" + bin + ":ut_wild*").assertExitCode(0);
        GoldenText.assertSameText("uprobes", "uprobe:" + bin + ":ut_wild_one\nuprobe:" + bin + ":ut_wild_three\nuprobe:"
                + bin + ":ut_wild_two\n", u.stdout());
        JtraceProcess.Result s = Kernel.selfExiting("-l", "usdt:" + bin + ":*").assertExitCode(0);
        GoldenText.assertSameText("usdt", "usdt:" + bin + ":jtrace_test:global\nusdt:" + bin + ":jtrace_test:guarded\nusdt:"
                + bin + ":jtrace_test:tick\n", s.stdout());
    }

    /** The uprobes come from the PMU and die with their perf fds: SIGKILL leaves no uprobe_events entry and no program. */
    @Test
    void sigkillLeavesNothingBehind() {
        BpfObjects.Snapshot held;
        try (JtraceProcess t = JtraceProcess.jtrace("-e", "uprobe:" + bin + ":ut_ret { @ = count(); } usdt:" + bin
                + ":jtrace_test:guarded { @g = count(); }").start()) {
            t.awaitAttached();
            held = BpfObjects.heldBy(t.pid());
            assertEquals(2, held.progs().size(), held.describe());
            assertTrue(TracefsEvents.uprobeEvents().stream().noneMatch(l -> l.contains(bin)), TracefsEvents.uprobeEvents().toString());
            t.sendSignal("KILL");
            t.waitFor();
        }
        BpfObjects.assertReleased(held);
        assertTrue(TracefsEvents.uprobeEvents().stream().noneMatch(l -> l.contains(bin)), TracefsEvents.uprobeEvents().toString());
    }

    /** The address of the second instruction of a function, from objdump. */
    private long secondInstruction(String function) throws Exception {
        Process p = new ProcessBuilder("objdump", "-d", "--no-show-raw-insn", bin).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("<" + function + ">:")) {
                return Long.parseLong(lines.get(i + 2).trim().split(":")[0], 16);
            }
        }
        throw new AssertionError(function + " not in objdump output");
    }

}
