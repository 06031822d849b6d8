package jtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jtrace.load.KernelNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Probes on kernel code and data on this kernel: kprobes (no kprobe PMU) and fentry/fexit
 * (BPF_PROG_LOAD refused with EPERM) fail with one line naming what is missing and leave nothing
 * behind; -d still dumps their code; iterators and watchpoints run.
 */
class KernelProbesE2ETest {
    private static final Path KPROBE_PMU = Path.of("/sys/bus/event_source/devices/kprobe");

    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    /** Runs a script that must fail; checks stdout is empty and no program of {@code probe} survives. */
    private static String failing(String probe, String script) {
        JtraceProcess.Result r = Kernel.selfExiting("-e", script).assertExitCode(1);
        assertEquals("", r.stdout());
        String kernelName = KernelNames.sanitize(probe);
        List<String> left = BpfObjects.snapshot().progs().stream()
                .flatMap(id -> BpfObjects.progName(id).stream()).filter(kernelName::equals).toList();
        assertEquals(List.of(), left, "programs left behind");
        return r.stderr();
    }

    @Test
    void kprobeWithoutKprobeSupportNamesTheMissingFeatureAndATracepoint() {
        assumeFalse(Files.exists(KPROBE_PMU), "this kernel has kprobes");
        GoldenText.assertSameText("stderr", "ERROR: kprobe:do_sys_openat2: this kernel has no kprobe support "
                        + "(CONFIG_KPROBES is off); try tracepoint:syscalls:sys_enter_openat instead\n"
                        + "ERROR: Unable to attach probe: kprobe:do_sys_openat2. If this is expected, set the "
                        + "'missing_probes' config variable to 'warn'.\n",
                failing("kprobe:do_sys_openat2", "kprobe:do_sys_openat2 { printf(\"%s %d\\n\", func, arg0); }"));
    }

    @Test
    void kretprobeWithoutKprobeSupport() {
        assumeFalse(Files.exists(KPROBE_PMU), "this kernel has kprobes");
        GoldenText.assertSameText("stderr", "ERROR: kretprobe:vfs_read: this kernel has no kprobe support "
                        + "(CONFIG_KPROBES is off); try tracepoint:syscalls:sys_exit_read instead\n"
                        + "ERROR: Unable to attach probe: kretprobe:vfs_read. If this is expected, set the "
                        + "'missing_probes' config variable to 'warn'.\n",
                failing("kretprobe:vfs_read", "BEGIN { printf(\"never\\n\"); } kretprobe:vfs_read { @ = hist(retval); }"));
    }

    @Test
    void fentryRefusedByTheKernel() {
        assumeFalse(Files.exists(KPROBE_PMU), "a kernel with kprobes may well accept fentry");
        GoldenText.assertSameText("stderr", "ERROR: fentry:vmlinux:vfs_read: fentry/fexit programs are refused "
                        + "by this kernel (BPF_PROG_LOAD: Operation not permitted)\n",
                failing("fentry:vmlinux:vfs_read", "fentry:vfs_read { @[comm] = sum(args.count); }"));
        GoldenText.assertSameText("stderr", "ERROR: fexit:vmlinux:vfs_read: fentry/fexit programs are refused "
                        + "by this kernel (BPF_PROG_LOAD: Operation not permitted)\n",
                failing("fexit:vmlinux:vfs_read", "kretfunc:vfs_read { @ = sum(retval); } kfunc:vfs_write { }"));
    }

    @Test
    void unknownKernelFunctionIsACompileError() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "kprobe:no_such_function_xyz { }").assertExitCode(1);
        GoldenText.assertSameText("stderr", """
                stdin:1:1-28: ERROR: kprobe target not found: no_such_function_xyz is not a function in the kernel's BTF (/sys/kernel/btf/vmlinux)
                kprobe:no_such_function_xyz { }
                ~~~~~~~~~~~~~~~~~~~~~~~~~~~
                """, r.stderr());
    }

    @Test
    void dumpsKprobeFentryAndIterCode() {
        JtraceProcess.Result r = Kernel.selfExiting("-d", "-e",
                "kprobe:vfs_read { @a = sum(arg2); } kretprobe:vfs_read { @r = sum(retval); } "
                        + "fexit:vfs_read { @f = sum(args.count + retval); }").assertExitCode(0);
        String out = r.stdout();
        // Fields read before anything changes R1 come straight from the context in R1 (no r6 = r1).
        assertTrue(out.startsWith("; kprobe:vfs_read\n   0: (79) r7 = *(u64 *)(r1 +96)\n"), out); // arg2: dx
        assertTrue(out.contains("; kretprobe:vfs_read\n   0: (79) r7 = *(u64 *)(r1 +80)\n"), out); // ax
        // vfs_read(file, buf, count, pos): count is word 2, the return value word 4.
        assertTrue(out.contains("; fexit:vmlinux:vfs_read\n   0: (79) r7 = *(u64 *)(r1 +16)\n"), out);
        assertTrue(out.contains("= *(u64 *)(r1 +32)\n"), out);
        assertEquals("", r.stderr());
        JtraceProcess.Result it = Kernel.selfExiting("-d", "-e", "iter:task_file { @[ctx.fd] = count(); }").assertExitCode(0);
        // fd is the u32 third field of struct bpf_iter__task_file, read as a whole word and truncated.
        // First the skip of the kernel's final call with a NULL task (word 1).
        assertTrue(it.stdout().startsWith("; iter:task_file\n   0: (79) r0 = *(u64 *)(r1 +8)\n"
                + "   1: (15) if r0 == 0x0 goto"), it.stdout());
        assertTrue(it.stdout().contains("   2: (79) r7 = *(u64 *)(r1 +16)\n   3: (67) r7 <<= 32\n   4: (77) r7 >>= 32\n"), it.stdout());
    }

    /** fentry's args as a whole (the kernel refuses to load fentry here, so only its code): each word stored in turn. */
    @Test
    void dumpsFentryArgsAsAWholeStruct() {
        JtraceProcess.Result r = Kernel.selfExiting("-d", "-e", "fentry:vfs_read { print(args); }").assertExitCode(0);
        String out = r.stdout().replaceAll("(?m)^ *\\d+: ", "");
        // vfs_read(file, buf, count, pos): four context words into the struct after the 8-byte event id.
        for (int word = 0; word < 4; word++) {
            assertTrue(out.matches("(?s).*\\(79\\) (r\\d) = \\*\\(u64 \\*\\)\\(r6 \\+" + 8 * word + "\\)\n"
                    + "(\\(55\\) if \\1 != 0x0 goto pc\\+1\n\\(b7\\) \\1 = 0\n)?"
                    + "\\(7b\\) \\*\\(u64 \\*\\)\\(r\\d \\+" + (8 + 8 * word) + "\\) = \\1\n.*"), out);
        }
        assertEquals("", r.stderr());
    }

    @Test
    void iteratorRunsOnceOverAllTasksAndEnds() {
        JtraceProcess.Result r = Kernel.selfExiting("-e",
                "iter:task { @tasks = count(); if (ctx.task == 0) { @null = count(); } }").assertExitCode(0);
        GoldenText.assertMatches("stdout", "\n\n@tasks: {{[0-9]+}}\n", r.stdout());
        assertEquals("Attached 1 probe\n", r.stderr());
    }

    @Test
    void iteratorOverOpenFiles() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "iter:task_file /ctx.fd == 0/ { @stdin = count(); }")
                .assertExitCode(0);
        GoldenText.assertMatches("stdout", "\n\n@stdin: {{[0-9]+}}\n", r.stdout());
    }

    @Test
    void watchpointSeesEveryWriteOfTheTracedProcess() {
        try (Workload w = Workload.start("poke", "3")) {
            Matcher m = Pattern.compile("watch (0x[0-9a-f]+)").matcher(w.stdout());
            assertTrue(m.find(), w.stdout());
            try (JtraceProcess t = JtraceProcess.jtrace("-p", Long.toString(w.pid()), "-e",
                    "watchpoint:" + m.group(1) + ":8:w { @hits[comm] = count(); }").start()) {
                t.awaitAttached();
                w.go();
                assertEquals(0, w.waitFor(), w.stderr());
                JtraceProcess.Result r = t.waitFor().assertExitCode(0);
                GoldenText.assertSameText("stdout", "\n\n@hits[jtwl]: 3\n", r.stdout());
            }
        }
    }
}
