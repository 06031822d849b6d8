package jtrace.codegen;

import jtrace.asm.BpfHelper;
import jtrace.asm.Insn;
import jtrace.diag.CompileError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Plain nsecs (and elapsed) read the boot clock, as current bpftrace; each nsecs(clock) its own helper. */
class NsecsClockTest {
    private static List<Integer> helpers(String program) {
        return CodegenStackTest.compile(program, 64).probes().getFirst().insns().stream()
                .filter(i -> i instanceof Insn.Call).map(i -> ((Insn.Call) i).helper()).toList();
    }

    @ParameterizedTest
    @CsvSource({
            "nsecs, KTIME_GET_BOOT_NS",
            "nsecs(), KTIME_GET_BOOT_NS",
            "elapsed, KTIME_GET_BOOT_NS",
            "nsecs(boot), KTIME_GET_BOOT_NS",
            "nsecs(monotonic), KTIME_GET_NS",
            "nsecs(tai), KTIME_GET_TAI_NS"})
    void clockHelper(String expr, BpfHelper helper) {
        assertEquals(helper.id(), helpers("BEGIN { @x = " + expr + "; }").getFirst());
    }

    @Test
    void strftimeRefusesMonotonicTime() {
        CompileError e = assertThrows(CompileError.class,
                () -> CodegenStackTest.compile("BEGIN { printf(\"%s\\n\", strftime(\"%s\", nsecs(monotonic))); }", 64));
        assertEquals("strftime() can not take a monotonic timestamp", e.getMessage());
    }
}
