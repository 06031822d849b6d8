package jtrace.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * uprobe:BIN:FUNC+OFF against uprobe_target's ut_ret (lea 0x1(%rdi,%rdi,2),%rax; ret at -O1):
 * an offset on an instruction boundary attaches and fires, one inside an instruction is
 * refused, and --unsafe attaches it anyway with bpftrace's warning.
 */
class UprobeOffsetE2ETest {
    private static final String HINT = "Use --unsafe to force attachment. WARNING: This option could lead to data corruption in the target process.\n";

    private String bin;
    private List<Long> boundaries;

    @BeforeEach
    void setUp() throws Exception {
        Kernel.assumeRoot();
        bin = UprobeTarget.binary().toString();
        boundaries = instructionOffsets(bin, "ut_ret");
        assumeTrue(boundaries.size() >= 2 && boundaries.get(1) > 1, "ut_ret's first instruction is one byte long: " + boundaries);
    }

    @Test
    void offsetOnABoundaryAttachesAndFires() {
        long off = boundaries.get(1);
        String script = "uprobe:" + bin + ":ut_ret+" + off + " { printf(\"%s %d\\n\", func, arg0); }";
        JtraceProcess.Result r;
        try (Workload w = UprobeTarget.start("call", "3");
             JtraceProcess t = JtraceProcess.jtrace("-e", script).start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor(), "uprobe_target exit status; stderr: " + w.stderr());
            r = t.interrupt().assertExitCode(0);
        }
        GoldenText.assertSameText("stdout", "ut_ret 0\nut_ret 1\nut_ret 2\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void offsetInsideAnInstructionIsRefused() {
        String script = "uprobe:" + bin + ":ut_ret+1 { exit(); }";
        JtraceProcess.Result r = Kernel.selfExiting("-e", script).assertExitCode(1);
        String ap = "uprobe:" + bin + ":ut_ret+1";
        GoldenText.assertSameText("stderr", "stdin:1:1-" + (ap.length() + 1) + ": ERROR: Could not add uprobe into middle of instruction: "
                + bin + ":ut_ret+1\n" + HINT + script + "\n" + "~".repeat(ap.length()) + "\n", r.stderr());
        assertEquals("", r.stdout());
    }

    /**
     * --unsafe writes the breakpoint into the middle of lea: on a private copy of the binary that
     * no process runs, so nothing executes the corrupted instruction.
     */
    @Test
    void unsafeAttachesInsideAnInstructionWithAWarning() throws Exception {
        Path copy = Files.createTempFile("uprobe_target_unsafe", "");
        try {
            Files.copy(UprobeTarget.binary(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            JtraceProcess.Result r;
            try (JtraceProcess t = JtraceProcess.jtrace("--unsafe", "-e", "uprobe:" + copy + ":ut_ret+1 { @ = count(); }").start()) {
                t.awaitAttached();
                r = t.interrupt().assertExitCode(0);
            }
            GoldenText.assertSameText("stderr", "WARNING: Unsafe uprobe in the middle of the instruction: " + copy + ":ut_ret+1\n"
                    + "Attached 1 probe\n", r.stderr());
            assertTrue(TracefsEvents.uprobeEvents().stream().noneMatch(l -> l.contains(copy.toString())));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** The offsets of a function's instructions from its start, as objdump decodes them. */
    private static List<Long> instructionOffsets(String binary, String function) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("objdump", "-d", "--no-show-raw-insn", binary).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "objdump is not installed");
            throw e;
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).endsWith("<" + function + ">:")) continue;
            long start = Long.parseLong(lines.get(i).split(" ")[0], 16);
            return lines.subList(i + 1, lines.size()).stream().takeWhile(l -> !l.isBlank())
                    .map(l -> Long.parseLong(l.trim().split(":")[0], 16) - start).toList();
        }
        throw new AssertionError(function + " not in objdump output");
    }
}
