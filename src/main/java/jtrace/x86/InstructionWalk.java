package jtrace.x86;

import java.util.Arrays;

/**
 * Linear decoding of code from its first byte, as a disassembler sweeps a function: valid for
 * compiled functions, which hold no data between their instructions.
 */
public final class InstructionWalk {
    private InstructionWalk() {}

    /**
     * Whether an instruction starts exactly at {@code offset} when decoding from {@code code[0]};
     * false when {@code offset} falls inside one.
     *
     * @throws UndecodableInstructionException when an instruction before {@code offset} cannot be decoded
     */
    public static boolean startsAt(byte[] code, int offset) throws UndecodableInstructionException {
        if (offset < 0) throw new IllegalArgumentException("negative offset " + offset);
        int pos = 0;
        while (pos < offset) pos += InstructionLengthDecoder.length(code, pos);
        return pos == offset;
    }

    /** The offsets at which the instructions of {@code code[0..end)} start, in order. */
    public static int[] starts(byte[] code, int end) throws UndecodableInstructionException {
        int[] out = new int[Math.max(16, end / 3)];
        int n = 0;
        for (int pos = 0; pos < end; pos += InstructionLengthDecoder.length(code, pos)) {
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = pos;
        }
        return Arrays.copyOf(out, n);
    }
}
