package jtrace.load;

import java.io.ByteArrayOutputStream;

/**
 * A tiny hand encoder of struct bpf_insn for kernel tests, independent of jtrace.asm so these
 * tests check the kernel layer alone: {u8 code; u8 dst:4, src:4; s16 off; s32 imm}, little endian.
 */
public final class RawInsns {
    public static final int R0 = 0, R1 = 1, R2 = 2, R3 = 3, R4 = 4, R10 = 10;
    public static final int BPF_FUNC_map_lookup_elem = 1, BPF_FUNC_get_current_pid_tgid = 14,
            BPF_FUNC_ringbuf_output = 130, BPF_FUNC_ringbuf_reserve = 131, BPF_FUNC_ringbuf_discard = 133;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public RawInsns raw(int code, int dst, int src, int off, int imm) {
        out.write(code);
        out.write((src << 4) | dst);
        out.write(off & 0xff);
        out.write((off >> 8) & 0xff);
        for (int i = 0; i < 4; i++) out.write((imm >> (8 * i)) & 0xff);
        return this;
    }

    /** dst = imm (BPF_ALU64 | BPF_MOV | BPF_K). */
    public RawInsns movImm(int dst, int imm) { return raw(0xb7, dst, 0, 0, imm); }
    /** dst = src (BPF_ALU64 | BPF_MOV | BPF_X). */
    public RawInsns movReg(int dst, int src) { return raw(0xbf, dst, src, 0, 0); }
    /** dst += imm. */
    public RawInsns addImm(int dst, int imm) { return raw(0x07, dst, 0, 0, imm); }
    /** dst >>= imm (logical). */
    public RawInsns rshImm(int dst, int imm) { return raw(0x77, dst, 0, 0, imm); }
    /** *(u64 *)(dst + off) = src. */
    public RawInsns stxDw(int dst, int off, int src) { return raw(0x7b, dst, src, off, 0); }
    /** *(u32 *)(dst + off) = imm. */
    public RawInsns stW(int dst, int off, int imm) { return raw(0x62, dst, 0, off, imm); }
    /** lock *(u64 *)(dst + off) += src (BPF_STX | BPF_DW | BPF_ATOMIC, BPF_ADD). */
    public RawInsns atomicAddDw(int dst, int off, int src) { return raw(0xdb, dst, src, off, 0); }
    /** if dst == imm goto +off. */
    public RawInsns jeqImm(int dst, int imm, int off) { return raw(0x15, dst, 0, off, imm); }
    /** if dst != src goto +off. */
    public RawInsns jneReg(int dst, int src, int off) { return raw(0x5d, dst, src, off, 0); }
    public RawInsns call(int helper) { return raw(0x85, 0, 0, 0, helper); }
    public RawInsns exit() { return raw(0x95, 0, 0, 0, 0); }

    /** dst = imm64 (two slots). */
    public RawInsns ldImm64(int dst, long imm) {
        raw(0x18, dst, 0, 0, (int) imm);
        return raw(0, 0, 0, 0, (int) (imm >>> 32));
    }

    /** dst = map (ld_imm64 with src BPF_PSEUDO_MAP_FD = 1). */
    public RawInsns ldMapFd(int dst, int fd) {
        raw(0x18, dst, 1, 0, fd);
        return raw(0, 0, 0, 0, 0);
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** {@code r0 = ret; exit}. */
    public static byte[] returning(int ret) {
        return new RawInsns().movImm(R0, ret).exit().bytes();
    }
}
