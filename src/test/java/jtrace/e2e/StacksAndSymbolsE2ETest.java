package jtrace.e2e;

import jtrace.symbols.KernelSymbols;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** kstack/ustack, symbols and addresses, and the user-space actions, in the running kernel. */
class StacksAndSymbolsE2ETest {
    @BeforeEach
    void needsRoot() {
        assumeTrue(BpfObjects.available(), "needs root for BPF");
    }

    private static JtraceProcess.Result run(String... args) {
        try (JtraceProcess t = JtraceProcess.jtrace(args).start()) {
            return t.waitFor();
        }
    }

    /** The frames of every {@code @[...]: N} entry whose key is a stack, in print order. */
    private static List<List<String>> stacks(String stdout) {
        List<List<String>> out = new java.util.ArrayList<>();
        List<String> current = null;
        for (String line : stdout.lines().toList()) {
            if (line.equals("@[")) {
                current = new java.util.ArrayList<>();
            } else if (current != null && line.matches("]: \\d+")) {
                out.add(current);
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return out;
    }

    @Test
    void kernelStacksOfProfileSamples() {
        JtraceProcess.Result r = run("-e", "profile:hz:99 { @[kstack] = count(); } interval:ms:300 { exit(); }").assertExitCode(0);
        List<List<String>> stacks = stacks(r.stdout());
        assertFalse(stacks.isEmpty(), r.toString());
        for (List<String> s : stacks) {
            for (String frame : s) assertTrue(frame.matches(" {8}[\\w.$]+\\+\\d+"), "frame '" + frame + "' in " + r);
        }
    }

    @Test
    void stackModesAndDepth() {
        JtraceProcess.Result r = run("-e", "BEGIN { @[kstack(perf, 2)] = count(); @r[kstack(raw, 1)] = count(); exit(); }").assertExitCode(0);
        List<String> lines = r.stdout().lines().toList();
        int perf = lines.indexOf("@[");
        assertTrue(lines.get(perf + 1).matches("\t[0-9a-f]+ [\\w.$]+\\+\\d+"), r.toString());
        assertTrue(lines.get(perf + 2).matches("\t[0-9a-f]+ [\\w.$]+\\+\\d+"), r.toString());
        assertEquals("]: 1", lines.get(perf + 3), "a limit of 2 keeps two frames: " + r);
        int raw = lines.indexOf("@r[");
        assertTrue(lines.get(raw + 1).matches("ffffffff[0-9a-f]+"), r.toString());
        assertEquals("]: 1", lines.get(raw + 2), r.toString());
    }

    @Test
    void stackModeFromTheEnvironment() {
        JtraceProcess.Result r;
        try (JtraceProcess t = JtraceProcess.jtrace("-e", "BEGIN { printf(\"%s\", kstack(1)); exit(); }")
                .env("BPFTRACE_STACK_MODE", "raw").start()) {
            r = t.waitFor().assertExitCode(0);
        }
        assertTrue(r.stdout().matches("(?s).*\nffffffff[0-9a-f]+\n.*"), r.toString());
    }

    @Test
    void userStacksOfTheWorkloadNameItsFunctions() {
        // The workload stays alive (sleep) while jtrace prints, so its mappings can be read.
        try (Workload w = Workload.start("getpid", "3", "sleep", "3000");
             JtraceProcess t = JtraceProcess.jtrace("-e",
                     "t:syscalls:sys_enter_getpid /pid == $1/ { @[ustack] = count(); }", Long.toString(w.pid())).start()) {
            t.awaitAttached();
            w.go();
            t.awaitStdout("(?s).*", java.time.Duration.ofMillis(500));
            sleepMillis(500);
            JtraceProcess.Result r = t.interrupt().assertExitCode(0);
            List<List<String>> stacks = stacks(r.stdout());
            assertEquals(1, stacks.size(), r.toString());
            List<String> frames = stacks.getFirst();
            assertTrue(frames.getFirst().matches(" {8}(__)?syscall\\+\\d+"), r.toString());
            assertTrue(frames.stream().anyMatch(f -> f.matches(" {8}main\\+\\d+")), r.toString());
            assertTrue(r.stdout().contains("]: 3"), r.toString());
            assertEquals(0, w.waitFor());
        }
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void kaddrAndKsymOfAKnownFunction() {
        assumeTrue(Files.isReadable(KernelSymbols.KALLSYMS));
        long addr = KernelSymbols.system().address("vfs_read").orElseThrow();
        JtraceProcess.Result r = run("-e", "BEGIN { printf(\"%s %llx\\n\", ksym(kaddr(\"vfs_read\")), kaddr(\"vfs_read\")); "
                + "printf(\"%s\\n\", ksym(kaddr(\"vfs_read\") + 3)); exit(); }").assertExitCode(0);
        assertEquals("vfs_read " + Long.toHexString(addr) + "\nvfs_read\n", r.stdout());
    }

    @Test
    void kaddrOfAMissingSymbolIsBpftracesError() {
        JtraceProcess.Result r = run("-e", "BEGIN { printf(\"%llx\\n\", kaddr(\"no_such_symbol_x\")); }").assertExitCode(1);
        assertTrue(r.stderr().startsWith("stdin:1:26-51: ERROR: Failed to resolve kernel symbol: no_such_symbol_x\n"), r.toString());
    }

    @Test
    void ntopMacaddrAndStrftime() {
        JtraceProcess.Result r = run("-e", "BEGIN { printf(\"%s %s %s|\", ntop(0x0100007f), ntop(2, 0x0101a8c0), ntop(10, 1)); "
                + "printf(\"%s|%s\\n\", strftime(\"%Y-%m-%d %H:%M:%S.%f\", nsecs), strftime(\"%%f\", 0)); exit(); }").assertExitCode(0);
        String[] parts = r.stdout().split("\\|");
        assertEquals("127.0.0.1 192.168.1.1 100::", parts[0], r.toString());
        assertTrue(parts[1].matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}"), r.toString());
        String year = String.valueOf(java.time.Year.now().getValue());
        assertTrue(parts[1].startsWith(year) || parts[1].startsWith(String.valueOf(Integer.parseInt(year) - 1)), r.toString());
    }

    @Test
    void systemAndCatWithUnsafe(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.txt");
        Files.writeString(file, "line one\nline two\n");
        JtraceProcess.Result r = run("--unsafe", "-e", "BEGIN { system(\"echo %s-%d\", \"hi\", 42); cat(\"%s\", \""
                + file + "\"); cat(\"" + dir.resolve("missing") + "\"); exit(); }").assertExitCode(0);
        assertEquals("hi-42\nline one\nline two\n", r.stdout());
        assertTrue(r.stderr().contains("ERROR: failed to open file '" + dir.resolve("missing") + "': No such file or directory"), r.toString());
        JtraceProcess.Result safe = run("-e", "BEGIN { cat(\"%s\", \"" + file + "\"); exit(); }").assertExitCode(0);
        assertEquals("line one\nline two\n", safe.stdout(), "cat() is safe");
    }

    @Test
    void unsafeFunctionsNeedUnsafe() {
        String[][] cases = {
                {"BEGIN { system(\"ls\"); }", "stdin:1:9-21: ERROR: system() is an unsafe function being used in safe mode"},
                {"profile:hz:99 { signal(\"SIGKILL\"); }", "stdin:1:17-34: ERROR: signal() is an unsafe function being used in safe mode"},
                {"BEGIN { override(1); }", "stdin:1:9-20: ERROR: override() is an unsafe function being used in safe mode"},
        };
        for (String[] c : cases) {
            JtraceProcess.Result r = run("-e", c[0]).assertExitCode(1);
            assertTrue(r.stderr().startsWith(c[1] + "\n"), r.toString());
        }
        assertTrue(run("--unsafe", "-e", "BEGIN { signal(9); }").assertExitCode(1).stderr()
                .startsWith("stdin:1:9-18: ERROR: signal can not be used with \"begin\" probes"));
        assertTrue(run("--unsafe", "-e", "BEGIN { override(1); }").assertExitCode(1).stderr()
                .startsWith("stdin:1:9-20: ERROR: override can only be used with kprobes."));
    }

    @Test
    void regReadsTheSampledRegisters() {
        JtraceProcess.Result r = run("-e", "profile:hz:99 { @[ksym(reg(\"ip\"))] = count(); exit(); }").assertExitCode(0);
        assertTrue(r.stdout().lines().anyMatch(l -> l.matches("@\\[([\\w.$]+|0x[0-9a-f]+)]: 1")), r.toString());
        assertTrue(run("-e", "BEGIN { @ = reg(\"ip\"); }").assertExitCode(1).stderr()
                .startsWith("stdin:1:13-22: ERROR: reg can not be used with \"begin\" probes"));
        assertTrue(run("-e", "profile:hz:99 { @ = reg(\"xyz\"); }").assertExitCode(1).stderr()
                .contains("ERROR: 'xyz' is not a valid register on this architecture (x86_64)"));
    }

    @Test
    void cgroupidOfANonCgroup2PathIsAClearError() throws Exception {
        JtraceProcess.Result r = run("-e", "BEGIN { printf(\"%d\\n\", cgroupid(\"/tmp\")); exit(); }").assertExitCode(1);
        assertTrue(r.stderr().contains("ERROR: Failed to get `cgroupid` for path: \"/tmp\": Value too large for defined data type"), r.toString());
    }
}
