package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Block-scoped scratch variables in the kernel: sibling scopes give one name different types. */
class VariableScopeE2ETest {
    @BeforeEach
    void needsRoot() {
        assumeTrue(BpfObjects.available(), "needs root for BPF");
    }

    @Test
    void siblingBlocksUseOneNameForAStringAndAnInteger() {
        try (Workload w = Workload.start("getpid", "3");
             JtraceProcess t = JtraceProcess.jtrace("-e", "t:syscalls:sys_enter_getpid /pid == " + w.pid() + "/ {\n"
                     + "  @c++;\n"
                     + "  if (@c % 2 == 1) { let $v = \"odd\"; @odd[$v] = count(); } else { let $v = @c * 10; @even[$v] = count(); }\n"
                     + "  { $t = (7, \"ab\"); @k[$t] = count(); }\n"
                     + "  { $t = (\"xyz\", @c); printf(\"%s %d\\n\", $t.0, $t.1); }\n"
                     + "}").start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor());
            JtraceProcess.Result r = t.interrupt();
            GoldenText.assertSameText("xyz 1\nxyz 2\nxyz 3\n\n\n@c: 3\n@even[20]: 1\n@k[7, ab]: 3\n@odd[odd]: 2\n", r.stdout());
        }
    }
}
