package jtrace.x86;

import java.util.HexFormat;

/** The bytes at an offset are no valid 64-bit instruction, or the code ends inside one. */
public final class UndecodableInstructionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    UndecodableInstructionException(int offset, byte[] code, String why) {
        super("cannot decode the instruction at offset " + offset + " (" + bytesAt(code, offset) + "): " + why);
        this.offset = offset;
    }

    /** Where the undecodable instruction starts in the code array. */
    public int offset() {
        return offset;
    }

    private static String bytesAt(byte[] code, int offset) {
        if (offset < 0 || offset >= code.length) return "no bytes";
        int end = Math.min(code.length, offset + InstructionLengthDecoder.MAX_LENGTH);
        return HexFormat.ofDelimiter(" ").formatHex(code, offset, end);
    }
}
