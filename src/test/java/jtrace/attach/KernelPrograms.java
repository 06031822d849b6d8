package jtrace.attach;

import static jtrace.load.RawInsns.*;

import jtrace.load.RawInsns;

/** Hand-encoded test programs shared by the attach and runtime tests. */
public final class KernelPrograms {
    private KernelPrograms() {}

    /**
     * Adds 1 to u64 slot 0 of {@code arrayFd} when the current pid_tgid equals {@code pidTgid}
     * (or always, when {@code pidTgid} is 0).
     */
    public static byte[] countCalls(int arrayFd, long pidTgid) {
        var p = new RawInsns();
        if (pidTgid != 0) {
            p.call(BPF_FUNC_get_current_pid_tgid)
                    .ldImm64(R1, pidTgid)
                    .jneReg(R0, R1, 9);                // to "r0 = 0"
        }
        return p.stW(R10, -4, 0)
                .movReg(R2, R10).addImm(R2, -4)
                .ldMapFd(R1, arrayFd)                  // 2 slots
                .call(BPF_FUNC_map_lookup_elem)
                .jeqImm(R0, 0, 2)
                .movImm(R1, 1)
                .atomicAddDw(R0, 0, R1)
                .movImm(R0, 0)
                .exit().bytes();
    }

    /**
     * Writes a 16-byte record {pid_tgid, pid_tgid ^ marker} to ring buffer {@code ringFd}, after
     * reserving and discarding one record when {@code discardFirst}; returns {@code ret}.
     */
    public static byte[] emitPidTgid(int ringFd, long marker, boolean discardFirst, int ret) {
        var p = new RawInsns();
        if (discardFirst) {
            p.ldMapFd(R1, ringFd).movImm(R2, 16).movImm(R3, 0).call(BPF_FUNC_ringbuf_reserve)
                    .jeqImm(R0, 0, 3)
                    .movReg(R1, R0).movImm(R2, 0).call(BPF_FUNC_ringbuf_discard);
        }
        return p.call(BPF_FUNC_get_current_pid_tgid)
                .stxDw(R10, -16, R0)
                .ldImm64(R1, marker)
                .raw(0xaf, R0, R1, 0, 0)               // r0 ^= r1 (BPF_ALU64 | BPF_XOR | BPF_X)
                .stxDw(R10, -8, R0)
                .ldMapFd(R1, ringFd)
                .movReg(R2, R10).addImm(R2, -16)
                .movImm(R3, 16)
                .movImm(R4, 0)
                .call(BPF_FUNC_ringbuf_output)
                .movImm(R0, ret)
                .exit().bytes();
    }
}
