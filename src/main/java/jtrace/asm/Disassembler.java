package jtrace.asm;

import static jtrace.asm.Opcodes.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lists encoded programs in the mnemonics of the kernel verifier log (kernel/bpf/disasm.c), so
 * our listings read like the verifier's complaints about them. One line per instruction:
 * <pre>
 *    0: (b7) r1 = 0
 *    1: (18) r2 = 0x1234 ll
 *    3: (18) r1 = map[@bytes_read]
 *    5: (85) call bpf_map_lookup_elem#1
 * </pre>
 * i.e. {@code String.format("%4d: (%02x) %s", slot, opcode, text)}. The slot is the instruction's
 * index in 8-byte units, so an ld_imm64 uses two numbers and its second half gets no line.
 * Text follows disasm.c ({@code w} registers for 32-bit ALU and JMP32, {@code %+d} offsets,
 * {@code 0x%x} jump immediates, {@code bpf_}-prefixed helper names), except for ld_imm64 where the
 * verifier prints only a bare number:
 * <ul>
 * <li>a plain constant is {@code rN = 0x<hex> ll} (the llvm-objdump form, to tell it from a 32-bit mov);</li>
 * <li>a map load ({@code src_reg = BPF_PSEUDO_MAP_FD}) is {@code rN = map[<name>]} when the
 *     {@link Assembled} has a relocation at that slot, else {@code rN = map[fd:<imm>]};</li>
 * <li>a map value ({@code BPF_PSEUDO_MAP_VALUE}) is {@code rN = map[<name>][0]+<offset>} with a
 *     relocation, else {@code rN = map[fd:<imm>][0]+<offset>};</li>
 * <li>a subprogram address ({@code BPF_PSEUDO_FUNC}) is {@code rN = func pc<+offset>}, like {@code call pc<+offset>}.</li>
 * </ul>
 * Encodings the kernel would reject print as {@code BUG_<class>_<code>} as disasm.c does.
 */
public final class Disassembler {
    private Disassembler() {}

    /** Lists assembled code, naming maps from its relocations. */
    public static List<String> disassemble(Assembled a) {
        Map<Integer, String> mapAt = new HashMap<>();
        for (MapRelocation r : a.relocations()) mapAt.put(r.slot(), r.mapName());
        return disassemble(a.code(), mapAt);
    }

    /** Lists raw code, e.g. as patched for loading; map loads show their fd. */
    public static List<String> disassemble(byte[] code) {
        return disassemble(code, Map.of());
    }

    private static List<String> disassemble(byte[] code, Map<Integer, String> mapAt) {
        if (code.length % INSN_SIZE != 0) {
            throw new IllegalArgumentException("code is " + code.length + " bytes, not a multiple of 8");
        }
        ByteBuffer buf = ByteBuffer.wrap(code).order(ByteOrder.LITTLE_ENDIAN);
        int slots = code.length / INSN_SIZE;
        List<String> lines = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            Raw insn = Raw.at(buf, slot);
            String text;
            if (insn.code == (BPF_LD | BPF_IMM | BPF_DW)) {
                text = slot + 1 < slots ? ldImm64(insn, Raw.at(buf, slot + 1), mapAt.get(slot)) : "BUG_ld_18 (no second half)";
                slot++;
            } else {
                text = text(insn);
            }
            lines.add(String.format(Locale.ROOT, "%4d: (%02x) %s", insn.slot, insn.code, text));
        }
        return lines;
    }

    /** One decoded {@code struct bpf_insn}. */
    private record Raw(int slot, int code, int dst, int src, short off, int imm) {
        static Raw at(ByteBuffer buf, int slot) {
            int at = slot * INSN_SIZE;
            int regs = buf.get(at + 1) & 0xff;
            return new Raw(slot, buf.get(at) & 0xff, regs & 0x0f, regs >>> 4, buf.getShort(at + 2), buf.getInt(at + 4));
        }
    }

    private static String text(Raw i) {
        return switch (bpfClass(i.code)) {
            case BPF_ALU, BPF_ALU64 -> alu(i);
            case BPF_STX -> stx(i);
            case BPF_ST -> bpfMode(i.code) == BPF_MEM
                    ? f("*(%s *)(r%d %+d) = %d", sizeName(i.code), i.dst, i.off, i.imm)
                    : f("BUG_st_%02x", i.code);
            case BPF_LDX -> ldx(i);
            case BPF_LD -> ld(i);
            default -> jmp(i); // BPF_JMP, BPF_JMP32
        };
    }

    private static String alu(Raw i) {
        boolean wide = bpfClass(i.code) == BPF_ALU64;
        char r = wide ? 'r' : 'w';
        int op = bpfOp(i.code);
        if (op == BPF_END) {
            return wide
                    ? f("r%d = bswap%d r%d", i.dst, i.imm, i.dst)
                    : f("r%d = %s%d r%d", i.dst, bpfSrc(i.code) == BPF_TO_BE ? "be" : "le", i.imm, i.dst);
        }
        if (op == BPF_NEG) return f("%c%d = -%c%d", r, i.dst, r, i.dst);
        String sym = aluSymbol(op, i.off);
        if (sym == null) return f("BUG_alu_%02x", i.code);
        if (bpfSrc(i.code) == BPF_K) return f("%c%d %s %d", r, i.dst, sym, i.imm);
        if (wide && op == BPF_MOV && i.off == 1) {
            // BPF_ADDR_SPACE_CAST: imm holds the destination and source address spaces.
            return f("r%d = addr_space_cast(r%d, %d, %d)", i.dst, i.src, i.imm >>> 16, i.imm & 0xffff);
        }
        String cast = op == BPF_MOV && (i.off == 8 || i.off == 16 || i.off == 32) ? "(s" + i.off + ")" : "";
        return f("%c%d %s %s%c%d", r, i.dst, sym, cast, r, i.src);
    }

    private static String aluSymbol(int op, int off) {
        if (off == 1 && op == BPF_DIV) return "s/=";
        if (off == 1 && op == BPF_MOD) return "s%=";
        for (AluOp a : AluOp.values()) {
            if (a.code == op && a.off == 0) {
                return switch (a) {
                    case ADD -> "+=";
                    case SUB -> "-=";
                    case MUL -> "*=";
                    case DIV -> "/=";
                    case OR -> "|=";
                    case AND -> "&=";
                    case LSH -> "<<=";
                    case RSH -> ">>=";
                    case MOD -> "%=";
                    case XOR -> "^=";
                    case MOV -> "=";
                    case ARSH -> "s>>=";
                    default -> null;
                };
            }
        }
        return null;
    }

    private static String stx(Raw i) {
        String size = sizeName(i.code);
        int mode = bpfMode(i.code);
        if (mode == BPF_MEM) return f("*(%s *)(r%d %+d) = r%d", size, i.dst, i.off, i.src);
        if (mode != BPF_ATOMIC) return f("BUG_%02x", i.code);
        String bits = bpfSize(i.code) == BPF_DW ? "64" : "";
        String name = atomicName(i.imm & ~BPF_FETCH);
        if (name != null && (i.imm & BPF_FETCH) == 0) {
            return f("lock *(%s *)(r%d %+d) %s r%d", size, i.dst, i.off, aluSymbol(i.imm, 0), i.src);
        }
        if (name != null) {
            return f("r%d = atomic%s_fetch_%s((%s *)(r%d %+d), r%d)", i.src, bits, name, size, i.dst, i.off, i.src);
        }
        if (i.imm == BPF_CMPXCHG) return f("r0 = atomic%s_cmpxchg((%s *)(r%d %+d), r0, r%d)", bits, size, i.dst, i.off, i.src);
        if (i.imm == BPF_XCHG) return f("r%d = atomic%s_xchg((%s *)(r%d %+d), r%d)", i.src, bits, size, i.dst, i.off, i.src);
        return f("BUG_%02x", i.code);
    }

    /** The ALU ops BPF_ATOMIC supports, by name; null for others. */
    private static String atomicName(int op) {
        return switch (op) {
            case BPF_ADD -> "add";
            case BPF_AND -> "and";
            case BPF_OR -> "or";
            case BPF_XOR -> "xor";
            default -> null;
        };
    }

    private static String ldx(Raw i) {
        int mode = bpfMode(i.code);
        if (mode == BPF_MEM) return f("r%d = *(%s *)(r%d %+d)", i.dst, sizeName(i.code), i.src, i.off);
        if (mode == BPF_MEMSX && bpfSize(i.code) != BPF_DW) {
            return f("r%d = *(%s *)(r%d %+d)", i.dst, sizeName(i.code).replace('u', 's'), i.src, i.off);
        }
        return f("BUG_ldx_%02x", i.code);
    }

    private static String ld(Raw i) {
        return switch (bpfMode(i.code)) {
            case BPF_ABS -> f("r0 = *(%s *)skb[%d]", sizeName(i.code), i.imm);
            case BPF_IND -> f("r0 = *(%s *)skb[r%d + %d]", sizeName(i.code), i.src, i.imm);
            default -> f("BUG_ld_%02x", i.code);
        };
    }

    private static String ldImm64(Raw lo, Raw hi, String mapName) {
        return switch (lo.src) {
            case BPF_PSEUDO_MAP_FD -> mapName != null
                    ? f("r%d = map[%s]", lo.dst, mapName)
                    : f("r%d = map[fd:%d]", lo.dst, lo.imm);
            case BPF_PSEUDO_MAP_VALUE -> mapName != null
                    ? f("r%d = map[%s][0]+%d", lo.dst, mapName, Integer.toUnsignedLong(hi.imm))
                    : f("r%d = map[fd:%d][0]+%d", lo.dst, lo.imm, Integer.toUnsignedLong(hi.imm));
            case BPF_PSEUDO_FUNC -> f("r%d = func pc%+d", lo.dst, lo.imm);
            default -> {
                long imm = ((long) hi.imm << 32) | Integer.toUnsignedLong(lo.imm);
                yield f("r%d = 0x%x ll", lo.dst, imm);
            }
        };
    }

    private static String jmp(Raw i) {
        boolean wide = bpfClass(i.code) == BPF_JMP;
        int op = bpfOp(i.code);
        if (op == BPF_CALL) return call(i);
        if (op == BPF_JA) {
            if (bpfSrc(i.code) != BPF_K) return f("BUG_jmp_%02x", i.code);
            return wide ? f("goto pc%+d", i.off) : f("gotol pc%+d", i.imm);
        }
        if (op == BPF_EXIT) return wide ? "exit" : f("BUG_jmp32_%02x", i.code);
        String sym = jumpSymbol(op);
        if (sym == null) return f("BUG_jmp_%02x", i.code);
        char r = wide ? 'r' : 'w';
        return bpfSrc(i.code) == BPF_X
                ? f("if %c%d %s %c%d goto pc%+d", r, i.dst, sym, r, i.src, i.off)
                : f("if %c%d %s 0x%x goto pc%+d", r, i.dst, sym, i.imm, i.off);
    }

    private static String call(Raw i) {
        return switch (i.src) {
            case BPF_PSEUDO_CALL -> f("call pc%+d", i.imm);
            case BPF_PSEUDO_KFUNC_CALL -> f("call kernel-function#%d", i.imm);
            default -> f("call %s#%d", BpfHelper.byId(i.imm).map(BpfHelper::symbol).orElse("unknown"), i.imm);
        };
    }

    private static String jumpSymbol(int op) {
        for (JumpOp j : JumpOp.values()) {
            if (j.code == op) {
                return switch (j) {
                    case JEQ -> "==";
                    case JGT -> ">";
                    case JGE -> ">=";
                    case JSET -> "&";
                    case JNE -> "!=";
                    case JSGT -> "s>";
                    case JSGE -> "s>=";
                    case JLT -> "<";
                    case JLE -> "<=";
                    case JSLT -> "s<";
                    case JSLE -> "s<=";
                };
            }
        }
        return null;
    }

    private static String sizeName(int code) {
        return switch (bpfSize(code)) {
            case BPF_W -> "u32";
            case BPF_H -> "u16";
            case BPF_B -> "u8";
            default -> "u64";
        };
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
