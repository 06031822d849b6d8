package jtrace.load;

import static jtrace.load.RawInsns.*;
import static org.junit.jupiter.api.Assertions.*;

import jtrace.sys.Bpf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProgramTest {
    @ParameterizedTest
    @EnumSource(value = ProgType.class, names = {"TRACEPOINT", "RAW_TRACEPOINT", "PERF_EVENT", "KPROBE"})
    void loadsTrivialProgram(ProgType type) {
        var spec = new ProgramSpec("tracepoint:syscalls:sys_enter_getpid", type, RawInsns.returning(0), "GPL");
        try (var prog = BpfProgram.load(spec)) {
            assertTrue(prog.fd() > 0);
            var stats = prog.stats();
            assertTrue(stats.id() > 0);
            assertEquals(2, stats.xlatedInsns());
            var info = Bpf.progInfo(prog.fd());
            assertEquals(type.value(), info.type());
            assertEquals("tracepoint_sysc", info.name());
        }
    }

    @Test
    void uninitialisedRegisterIsRejectedWithVerifierLog() {
        byte[] code = new RawInsns().movReg(R0, R2).exit().bytes();
        var spec = new ProgramSpec("BEGIN", ProgType.RAW_TRACEPOINT, code, "GPL");
        var e = assertThrows(VerifierRejection.class, () -> BpfProgram.load(spec));
        assertEquals("BEGIN", e.probeName());
        assertEquals("EACCES", e.errnoName());
        assertTrue(e.log().contains("R2 !read_ok"), e.log());
        assertTrue(e.getMessage().contains("BEGIN"), e.getMessage());
    }

    @Test
    void missingExitIsRejected() {
        byte[] code = new RawInsns().movImm(R0, 0).bytes();
        var e = assertThrows(VerifierRejection.class,
                () -> BpfProgram.load(new ProgramSpec("p", ProgType.TRACEPOINT, code, "GPL")));
        assertEquals("EINVAL", e.errnoName());
        assertFalse(e.log().isBlank());
    }

    @Test
    void gplOnlyHelperNeedsGplLicense() {
        // bpf_get_current_pid_tgid is fine without GPL; bpf_ringbuf_output too; but trace_printk (6) is GPL-only.
        byte[] code = new RawInsns().movReg(R1, R10).addImm(R1, -8).stxDw(R10, -8, R1).movImm(R2, 8)
                .call(6).movImm(R0, 0).exit().bytes();
        var e = assertThrows(VerifierRejection.class,
                () -> BpfProgram.load(new ProgramSpec("p", ProgType.TRACEPOINT, code, "Proprietary")));
        assertTrue(e.log().contains("GPL"), e.log());
    }
}
