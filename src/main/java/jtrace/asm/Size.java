package jtrace.asm;

/** Memory access widths, with the BPF_SIZE field value (BPF_W, BPF_H, BPF_B, BPF_DW) from linux/bpf_common.h / bpf.h. */
public enum Size {
    B(1, 0x10), H(2, 0x08), W(4, 0x00), DW(8, 0x18);

    public final int bytes;
    public final int code;

    Size(int bytes, int code) { this.bytes = bytes; this.code = code; }

    public static Size ofBytes(int n) {
        return switch (n) {
            case 1 -> B;
            case 2 -> H;
            case 4 -> W;
            case 8 -> DW;
            default -> throw new IllegalArgumentException("no BPF access size of " + n + " bytes");
        };
    }
}
