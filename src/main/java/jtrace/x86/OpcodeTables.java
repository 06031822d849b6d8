package jtrace.x86;

/**
 * Per-opcode facts the length decoder needs, for 64-bit mode: which opcodes take a ModRM byte
 * and how long their immediate is. The bit tables are 256-bit sets written as four 64-bit words,
 * opcode {@code n} at bit {@code n % 64} of word {@code n / 64}.
 */
final class OpcodeTables {
    private OpcodeTables() {}

    /** One-byte opcodes with ModRM: the ALU r/m forms, 63, 69, 6B, 80-8F, C0/C1, C6/C7, D0-D3, x87, F6/F7, FE/FF. */
    private static final long[] ONE_BYTE_MODRM = set(
            0x00, 0x01, 0x02, 0x03, 0x08, 0x09, 0x0A, 0x0B, 0x10, 0x11, 0x12, 0x13, 0x18, 0x19, 0x1A, 0x1B,
            0x20, 0x21, 0x22, 0x23, 0x28, 0x29, 0x2A, 0x2B, 0x30, 0x31, 0x32, 0x33, 0x38, 0x39, 0x3A, 0x3B,
            0x63, 0x69, 0x6B,
            0x80, 0x81, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F,
            0xC0, 0xC1, 0xC6, 0xC7, 0xD0, 0xD1, 0xD2, 0xD3,
            0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF,
            0xF6, 0xF7, 0xFE, 0xFF);

    /** Opcodes that 64-bit mode removed (PUSH/POP of segments, BCD, BOUND, far CALL/JMP, LES/LDS as such, ...). */
    private static final long[] INVALID_64 = set(
            0x06, 0x07, 0x0E, 0x16, 0x17, 0x1E, 0x1F, 0x27, 0x2F, 0x37, 0x3F,
            0x60, 0x61, 0x82, 0x9A, 0xCE, 0xD4, 0xD6, 0xEA);

    /** 0F xx opcodes without ModRM (Jcc rel32 and the 38/3A/0F escapes are handled apart). */
    private static final long[] TWO_BYTE_NO_MODRM = set(
            0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0E,
            0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x39, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F,
            0x77, 0xA0, 0xA1, 0xA2, 0xA8, 0xA9, 0xAA,
            0xC8, 0xC9, 0xCA, 0xCB, 0xCC, 0xCD, 0xCE, 0xCF);

    /** 0F xx opcodes with an imm8: PSHUF*, the shift-by-immediate groups, SHLD/SHRD, BT group, CMPPS, PINSRW, PEXTRW, SHUFPS. */
    private static final long[] TWO_BYTE_IMM8 = set(0x70, 0x71, 0x72, 0x73, 0xA4, 0xAC, 0xBA, 0xC2, 0xC4, 0xC5, 0xC6);

    static boolean oneByteHasModrm(int op) {
        return has(ONE_BYTE_MODRM, op);
    }

    static boolean invalidIn64BitMode(int op) {
        return has(INVALID_64, op);
    }

    static boolean twoByteHasModrm(int op) {
        return !has(TWO_BYTE_NO_MODRM, op);
    }

    static int twoByteImmediate(int op) {
        return has(TWO_BYTE_IMM8, op) ? 1 : 0;
    }

    /** VEX/EVEX map 1 (0F) keeps the legacy imm8 opcodes that have vector forms. */
    static int vexMap1Immediate(int op) {
        return switch (op) {
            case 0x70, 0x71, 0x72, 0x73, 0xC2, 0xC4, 0xC5, 0xC6 -> 1;
            default -> 0;
        };
    }

    /**
     * The immediate (or relative displacement) bytes of a one-byte opcode, for the cases that do
     * not depend on REX.W, the address size or ModRM.reg (those the decoder handles itself).
     */
    static int oneByteImmediate(int op, boolean opSize16) {
        int z = opSize16 ? 2 : 4;
        if (op < 0x40 && (op & 7) == 4) return 1;          // ALU AL, imm8
        if (op < 0x40 && (op & 7) == 5) return z;          // ALU eAX, imm16/32
        if (op >= 0x70 && op <= 0x7F) return 1;            // Jcc rel8
        if (op >= 0xB0 && op <= 0xB7) return 1;            // MOV r8, imm8
        if (op >= 0xE0 && op <= 0xE7) return 1;            // LOOP/JrCXZ rel8, IN/OUT imm8
        return switch (op) {
            case 0x68, 0x69, 0x81, 0xA9, 0xC7 -> z;
            case 0x6A, 0x6B, 0x80, 0x83, 0xA8, 0xC0, 0xC1, 0xC6, 0xCD, 0xEB -> 1;
            case 0xC2, 0xCA -> 2;                           // RET/RETF imm16
            case 0xC8 -> 3;                                 // ENTER imm16, imm8
            default -> 0;
        };
    }

    private static long[] set(int... ops) {
        long[] words = new long[4];
        for (int op : ops) words[op >>> 6] |= 1L << (op & 63);
        return words;
    }

    private static boolean has(long[] set, int op) {
        return (set[op >>> 6] & (1L << (op & 63))) != 0;
    }
}
