package jtrace.x86;

/**
 * The length of one x86-64 (64-bit mode) instruction, found by walking its encoding: legacy
 * prefixes, REX/REX2, VEX/EVEX/XOP, the opcode (one byte, 0F, 0F38, 0F3A, 3DNow!), ModRM, SIB,
 * displacement and immediate. It does not say what the instruction does; uprobe offsets only need
 * to know where instructions start.
 *
 * <p>Where Intel and AMD differ (a 66 prefix on a near branch) this follows GNU objdump's default,
 * AMD's: the displacement shrinks to 16 bits unless REX.W is set.
 */
public final class InstructionLengthDecoder {
    /** The architectural limit: a longer encoding raises #GP. */
    public static final int MAX_LENGTH = 15;

    private InstructionLengthDecoder() {}

    /**
     * The length of the instruction starting at {@code code[offset]}.
     *
     * @throws UndecodableInstructionException when the bytes are not a valid 64-bit instruction or
     *         the array ends inside it
     */
    public static int length(byte[] code, int offset) throws UndecodableInstructionException {
        return new Cursor(code, offset).decode();
    }

    /** One decoding pass: the position moves over the bytes as they are consumed. */
    private static final class Cursor {
        private static final int LONE_PREFIXES = -1;
        private final byte[] code;
        private final int start;
        private int pos;
        private boolean opSize16, addrSize32, rexW, repne;

        Cursor(byte[] code, int start) {
            this.code = code;
            this.start = start;
            this.pos = start;
        }

        int decode() throws UndecodableInstructionException {
            if (start < 0 || start >= code.length) throw fail("offset outside the code");
            int op = prefixes();
            switch (op) {
                case LONE_PREFIXES -> { }
                case 0x0F -> twoByte(next());
                case 0xC4 -> vex(3);
                case 0xC5 -> vex(2);
                case 0x62 -> evex();
                case 0x8F -> {
                    // XOP (AMD) shares 8F with POP r/m; its map field is 8..10 where POP's ModRM.reg is 0.
                    if ((peek() & 0x1F) >= 8) xop();
                    else modrm();
                }
                case 0xD5 -> rex2();
                default -> oneByte(op);
            }
            int length = pos - start;
            if (length > MAX_LENGTH) throw fail("longer than " + MAX_LENGTH + " bytes");
            return length;
        }

        /**
         * FWAIT is an instruction of its own, but objdump (and so bpftrace, through libbfd) reads it
         * as part of the x87 control instruction after it when the pair has an assembler mnemonic:
         * FSTENV/FSTCW (D9 /6, /7), FCLEX/FINIT/FENI/FDISI/FSETPM (DB E0-E4), FSAVE/FSTSW (DD /6,
         * /7), FSTSW AX (DF E0).
         */
        private boolean fwaitJoinsNext() {
            if (pos + 1 >= code.length) return false;
            int op = code[pos] & 0xFF, modrm = code[pos + 1] & 0xFF;
            boolean memory = modrm >> 6 != 3;
            int reg = (modrm >> 3) & 7;
            return switch (op) {
                case 0xD9, 0xDD -> memory && reg >= 6;
                case 0xDB -> modrm >= 0xE0 && modrm <= 0xE4;
                case 0xDF -> modrm == 0xE0;
                default -> false;
            };
        }

        /**
         * Consumes legacy prefixes, REX and a joining FWAIT; returns the first opcode byte, or
         * {@link #LONE_PREFIXES} when a REX is followed by another prefix: the CPU ignores such a
         * REX, and objdump ends the instruction after it, so its bytes are an instruction alone.
         */
        private int prefixes() throws UndecodableInstructionException {
            while (true) {
                if (pos - start >= MAX_LENGTH) throw fail("more than " + MAX_LENGTH + " prefix bytes");
                int b = next();
                if (isLegacyPrefix(b)) {
                    if (b == 0x66) opSize16 = true;
                    else if (b == 0x67) addrSize32 = true;
                    else if (b == 0xF2) repne = true;
                } else if ((b & 0xF0) == 0x40) {
                    int following = peek();
                    if (isLegacyPrefix(following) || (following & 0xF0) == 0x40) return LONE_PREFIXES;
                    rexW = (b & 0x08) != 0;
                } else if (b == 0x9B && fwaitJoinsNext()) {
                    continue;
                } else {
                    return b;
                }
            }
        }

        private static boolean isLegacyPrefix(int b) {
            return switch (b) {
                case 0x66, 0x67, 0xF0, 0xF2, 0xF3, 0x2E, 0x36, 0x3E, 0x26, 0x64, 0x65 -> true;
                default -> false;
            };
        }

        private void oneByte(int op) throws UndecodableInstructionException {
            if (OpcodeTables.invalidIn64BitMode(op)) throw fail(String.format("opcode %02x is invalid in 64-bit mode", op));
            if (OpcodeTables.oneByteHasModrm(op)) {
                int modrm = modrm();
                int reg = (modrm >> 3) & 7;
                switch (op) {
                    // Group 3: only TEST (/0, and its alias /1) carries an immediate.
                    case 0xF6 -> { if (reg <= 1) skip(1); }
                    case 0xF7 -> { if (reg <= 1) skip(immZ()); }
                    default -> skip(OpcodeTables.oneByteImmediate(op, opSize16));
                }
                return;
            }
            if (op >= 0xB8 && op <= 0xBF) { skip(rexW ? 8 : immZ()); return; }   // MOV r64, imm64
            if (op >= 0xA0 && op <= 0xA3) { skip(addrSize32 ? 4 : 8); return; }  // MOV moffs
            if (op == 0xE8 || op == 0xE9) { skip(branchZ()); return; }
            skip(OpcodeTables.oneByteImmediate(op, opSize16));
        }

        private void twoByte(int op) throws UndecodableInstructionException {
            switch (op) {
                case 0x38 -> { next(); modrm(); }
                case 0x3A -> { next(); modrm(); skip(1); }
                case 0x0F -> { modrm(); skip(1); }                       // 3DNow!: the opcode is the trailing byte
                default -> {
                    if (op >= 0x80 && op <= 0x8F) { skip(branchZ()); return; }  // Jcc rel32
                    if (!OpcodeTables.twoByteHasModrm(op)) return;
                    modrm();
                    // SSE4a EXTRQ/INSERTQ (66/F2 0F 78) take two imm8; VMREAD (NP 0F 78) none.
                    if (op == 0x78 && (opSize16 || repne)) { skip(2); return; }
                    skip(OpcodeTables.twoByteImmediate(op));
                }
            }
        }

        /** VEX (C5: two bytes, map 0F implied; C4: three bytes with a map field). */
        private void vex(int size) throws UndecodableInstructionException {
            int map = 1;
            if (size == 3) {
                map = next() & 0x1F;
                next();
            } else {
                next();
            }
            int op = next();
            switch (map) {
                case 1 -> {
                    if (op == 0x77) return;                                   // VZEROUPPER/VZEROALL
                    modrm();
                    skip(OpcodeTables.vexMap1Immediate(op));
                }
                case 2 -> modrm();
                case 3 -> { modrm(); skip(1); }
                default -> throw fail("VEX map " + map + " does not exist");
            }
        }

        /** EVEX: 62 and three payload bytes; the compressed disp8 is still one byte long. */
        private void evex() throws UndecodableInstructionException {
            int p0 = next();
            next();
            next();
            int map = p0 & 0x07;
            int op = next();
            switch (map) {
                case 1 -> { modrm(); skip(OpcodeTables.vexMap1Immediate(op)); }
                case 2, 5, 6 -> modrm();
                case 3 -> { modrm(); skip(1); }
                default -> throw fail("EVEX map " + map + " is not supported");
            }
        }

        /** XOP (AMD): 8F, two payload bytes; map 8 has imm8, map 10 imm32. */
        private void xop() throws UndecodableInstructionException {
            int map = next() & 0x1F;
            next();
            next();
            modrm();
            switch (map) {
                case 8 -> skip(1);
                case 9 -> { }
                case 10 -> skip(4);
                default -> throw fail("XOP map " + map + " does not exist");
            }
        }

        /** REX2 (APX): D5 and one payload byte whose M0 bit picks the legacy map 0 or 0F. */
        private void rex2() throws UndecodableInstructionException {
            int payload = next();
            rexW = (payload & 0x08) != 0;
            int op = next();
            if ((payload & 0x80) != 0) twoByte(op);
            else oneByte(op);
        }

        /** Consumes ModRM, SIB and displacement; returns the ModRM byte. */
        private int modrm() throws UndecodableInstructionException {
            int modrm = next();
            int mod = modrm >> 6, rm = modrm & 7;
            if (mod == 3) return modrm;
            if (rm == 4) {
                int sib = next();
                if (mod == 0 && (sib & 7) == 5) skip(4);                 // no base: disp32
            } else if (mod == 0 && rm == 5) {
                skip(4);                                                  // RIP-relative disp32
            }
            if (mod == 1) skip(1);
            else if (mod == 2) skip(4);
            return modrm;
        }

        /** An operand-size immediate: 16 bits with 66, else 32 (REX.W sign-extends, it does not widen). */
        private int immZ() {
            return opSize16 ? 2 : 4;
        }

        private int branchZ() {
            return opSize16 && !rexW ? 2 : 4;
        }

        private int next() throws UndecodableInstructionException {
            if (pos >= code.length) throw fail("the code ends inside the instruction");
            return code[pos++] & 0xFF;
        }

        private int peek() throws UndecodableInstructionException {
            if (pos >= code.length) throw fail("the code ends inside the instruction");
            return code[pos] & 0xFF;
        }

        private void skip(int n) throws UndecodableInstructionException {
            if (pos + n > code.length) throw fail("the code ends inside the instruction");
            pos += n;
        }

        private UndecodableInstructionException fail(String why) {
            return new UndecodableInstructionException(start, code, why);
        }
    }
}
