package jtrace.load;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/**
 * The program BTF the verifier needs once code takes a subprogram's address (an ld_imm64 with
 * src_reg BPF_PSEUDO_FUNC, as for bpf_for_each_map_elem callbacks): without {@code func_info} it
 * refuses with "missing btf func_info", and each callback must be a static function. So every
 * subprogram (the main program first) gets a {@code BTF_KIND_FUNC} of linkage static, all sharing
 * one prototype {@code int (void)}; the kernel does not check a static function's arguments.
 *
 * @param btf      the raw BTF blob for BPF_BTF_LOAD
 * @param funcInfo {@code struct bpf_func_info} records: insn_off, type_id
 */
public record ProgramBtf(byte[] btf, byte[] funcInfo) {
    static final int BTF_MAGIC = 0xeB9F;
    static final int BTF_KIND_INT = 1, BTF_KIND_FUNC = 12, BTF_KIND_FUNC_PROTO = 13;
    static final int BTF_INT_SIGNED = 1;
    static final int BTF_FUNC_STATIC = 0;
    private static final int BPF_JMP_CALL = 0x85, BPF_LD_IMM_DW = 0x18;
    private static final int BPF_PSEUDO_CALL = 1, BPF_PSEUDO_FUNC = 4;

    /** Subprogram start slots: 0 and every target of a local call or function address. */
    public static List<Integer> subprogramStarts(byte[] code) {
        ByteBuffer b = ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN);
        TreeSet<Integer> starts = new TreeSet<>(List.of(0));
        int slots = code.length / 8;
        for (int i = 0; i < slots; i++) {
            int op = b.get(i * 8) & 0xff;
            int src = (b.get(i * 8 + 1) & 0xff) >>> 4;
            int imm = b.getInt(i * 8 + 4);
            if ((op == BPF_JMP_CALL && src == BPF_PSEUDO_CALL) || (op == BPF_LD_IMM_DW && src == BPF_PSEUDO_FUNC)) {
                starts.add(i + 1 + imm);
            }
            if (op == BPF_LD_IMM_DW) i++;
        }
        return List.copyOf(starts);
    }

    /** The BTF and func_info for code with subprograms; null when it has none (no BTF needed). */
    public static ProgramBtf of(byte[] code) {
        List<Integer> starts = subprogramStarts(code);
        if (starts.size() == 1) return null;
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        strings.write(0);
        int intName = addString(strings, "int");
        ByteBuffer types = ByteBuffer.allocate(16 + 12 + 12 * starts.size()).order(ByteOrder.LITTLE_ENDIAN);
        // [1] int: 4 bytes, signed, 32 bits.
        types.putInt(intName).putInt(BTF_KIND_INT << 24).putInt(4).putInt(BTF_INT_SIGNED << 24 | 32);
        // [2] int (void)
        types.putInt(0).putInt(BTF_KIND_FUNC_PROTO << 24).putInt(1);
        ByteBuffer info = ByteBuffer.allocate(8 * starts.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < starts.size(); i++) {
            int name = addString(strings, i == 0 ? "main" : "sub" + i);
            types.putInt(name).putInt(BTF_KIND_FUNC << 24 | BTF_FUNC_STATIC).putInt(2);
            info.putInt(starts.get(i)).putInt(3 + i);
        }
        byte[] str = strings.toByteArray();
        byte[] typeBytes = types.array();
        ByteBuffer blob = ByteBuffer.allocate(24 + typeBytes.length + str.length).order(ByteOrder.LITTLE_ENDIAN);
        blob.putShort((short) BTF_MAGIC).put((byte) 1).put((byte) 0).putInt(24)
                .putInt(0).putInt(typeBytes.length).putInt(typeBytes.length).putInt(str.length);
        blob.put(typeBytes).put(str);
        return new ProgramBtf(blob.array(), info.array());
    }

    private static int addString(ByteArrayOutputStream strings, String s) {
        int off = strings.size();
        strings.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        strings.write(0);
        return off;
    }
}
