package jtrace.asm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Encoded program: {@code struct bpf_insn} array in little-endian bytes, plus where map file
 * descriptors still have to be filled in. Immutable: the array is copied in and out.
 */
public record Assembled(byte[] code, List<MapRelocation> relocations) {

    public Assembled {
        if (code.length % Opcodes.INSN_SIZE != 0) {
            throw new IllegalArgumentException("code is " + code.length + " bytes, not a multiple of 8");
        }
        code = code.clone();
        relocations = List.copyOf(relocations);
        int slots = code.length / Opcodes.INSN_SIZE;
        for (MapRelocation r : relocations) {
            if (r.slot() + 1 >= slots) {
                throw new IllegalArgumentException("relocation of map " + r.mapName() + " at slot " + r.slot()
                        + " is outside the " + slots + "-slot program");
            }
        }
    }

    @Override
    public byte[] code() { return code.clone(); }

    /** Number of 8-byte instruction slots (ld_imm64 counts two). */
    public int slotCount() { return code.length / Opcodes.INSN_SIZE; }

    /**
     * A copy of the code ready for BPF_PROG_LOAD: each map load gets {@code src_reg =
     * BPF_PSEUDO_MAP_FD} and the map's fd as imm (the second slot's imm stays 0); a map value
     * address ({@code BPF_PSEUDO_MAP_VALUE}) gets the fd and keeps its offset.
     */
    public byte[] withMapFds(ToIntFunction<String> fdOfMap) {
        ByteBuffer buf = ByteBuffer.wrap(code.clone()).order(ByteOrder.LITTLE_ENDIAN);
        for (MapRelocation r : relocations) {
            int fd = fdOfMap.applyAsInt(r.mapName());
            if (fd < 0) throw new IllegalArgumentException("map " + r.mapName() + " has no file descriptor (" + fd + ")");
            int at = r.slot() * Opcodes.INSN_SIZE;
            buf.putInt(at + 4, fd);
            // A map value address keeps its src_reg and offset; anything else becomes a map fd load.
            if ((buf.get(at + 1) & 0xff) >>> 4 == Opcodes.BPF_PSEUDO_MAP_VALUE) continue;
            buf.put(at + 1, (byte) ((Opcodes.BPF_PSEUDO_MAP_FD << 4) | (buf.get(at + 1) & 0x0f)));
            buf.putInt(at + Opcodes.INSN_SIZE + 4, 0);
        }
        return buf.array();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Assembled a && Arrays.equals(code, a.code) && relocations.equals(a.relocations);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(code) + relocations.hashCode(); }

    @Override
    public String toString() { return "Assembled[" + slotCount() + " slots, relocations=" + relocations + "]"; }
}
