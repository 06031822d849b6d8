package jtrace.asm;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DisassemblerTest {

    static Insn alu(AluOp op, boolean wide, Reg dst, Operand src) { return new Insn.Alu(op, wide, dst, src); }

    /** One instruction (plus a label target for jumps) and its verifier-style text. */
    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of(alu(AluOp.MOV, true, Reg.R1, Operand.of(0)), "(b7) r1 = 0"),
                Arguments.of(alu(AluOp.MOV, true, Reg.R1, Operand.of(-5)), "(b7) r1 = -5"),
                Arguments.of(alu(AluOp.ADD, true, Reg.R0, Operand.of(Reg.R1)), "(0f) r0 += r1"),
                Arguments.of(alu(AluOp.MOV, false, Reg.R1, Operand.of(Reg.R2)), "(bc) w1 = w2"),
                Arguments.of(alu(AluOp.AND, false, Reg.R3, Operand.of(255)), "(54) w3 &= 255"),
                Arguments.of(alu(AluOp.ARSH, true, Reg.R1, Operand.of(3)), "(c7) r1 s>>= 3"),
                Arguments.of(alu(AluOp.MOD, true, Reg.R1, Operand.of(Reg.R2)), "(9f) r1 %= r2"),
                Arguments.of(alu(AluOp.NEG, true, Reg.R3, Operand.of(0)), "(87) r3 = -r3"),
                Arguments.of(alu(AluOp.NEG, false, Reg.R3, Operand.of(0)), "(84) w3 = -w3"),
                Arguments.of(alu(AluOp.SDIV, true, Reg.R1, Operand.of(Reg.R2)), "(3f) r1 s/= r2"),
                Arguments.of(alu(AluOp.SMOD, false, Reg.R1, Operand.of(7)), "(94) w1 s%= 7"),
                Arguments.of(alu(AluOp.MOVSX8, true, Reg.R1, Operand.of(Reg.R2)), "(bf) r1 = (s8)r2"),
                Arguments.of(alu(AluOp.MOVSX16, false, Reg.R1, Operand.of(Reg.R2)), "(bc) w1 = (s16)w2"),
                Arguments.of(new Insn.Endian(Reg.R1, 16, true), "(dc) r1 = be16 r1"),
                Arguments.of(new Insn.Endian(Reg.R1, 64, false), "(d4) r1 = le64 r1"),
                Arguments.of(new Insn.LoadImm64(Reg.R1, 0x1234), "(18) r1 = 0x1234 ll"),
                Arguments.of(new Insn.LoadImm64(Reg.R2, -1), "(18) r2 = 0xffffffffffffffff ll"),
                Arguments.of(new Insn.LoadMapFd(Reg.R1, "@bytes_read"), "(18) r1 = map[@bytes_read]"),
                Arguments.of(new Insn.Load(Size.DW, Reg.R1, Reg.R10, (short) -8), "(79) r1 = *(u64 *)(r10 -8)"),
                Arguments.of(new Insn.Load(Size.B, Reg.R2, Reg.R1, (short) 0), "(71) r2 = *(u8 *)(r1 +0)"),
                Arguments.of(new Insn.Store(Size.W, Reg.R10, (short) -4, Reg.R1), "(63) *(u32 *)(r10 -4) = r1"),
                Arguments.of(new Insn.Store(Size.H, Reg.R10, (short) 6, Reg.R1), "(6b) *(u16 *)(r10 +6) = r1"),
                Arguments.of(new Insn.StoreImm(Size.DW, Reg.R10, (short) -16, 0), "(7a) *(u64 *)(r10 -16) = 0"),
                Arguments.of(new Insn.StoreImm(Size.B, Reg.R10, (short) -1, -2), "(72) *(u8 *)(r10 -1) = -2"),
                Arguments.of(new Insn.AtomicAdd(Size.DW, Reg.R0, (short) 0, Reg.R1), "(db) lock *(u64 *)(r0 +0) += r1"),
                Arguments.of(new Insn.AtomicAdd(Size.W, Reg.R0, (short) 8, Reg.R1), "(c3) lock *(u32 *)(r0 +8) += r1"),
                Arguments.of(new Insn.Call(1), "(85) call bpf_map_lookup_elem#1"),
                Arguments.of(new Insn.Call(130), "(85) call bpf_ringbuf_output#130"),
                Arguments.of(new Insn.Call(99999), "(85) call unknown#99999"),
                Arguments.of(new Insn.Exit(), "(95) exit"));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void printsKernelMnemonics(Insn insn, String text) {
        assertEquals(List.of(String.format("%4d: %s", 0, text)), Disassembler.disassemble(Assembler.assemble(List.of(insn))));
    }

    /** Jumps go to a label right after {@code pad} exits. */
    static Stream<Arguments> jumpTexts() {
        return Stream.of(
                Arguments.of(new Insn.Jump(JumpOp.JEQ, true, Reg.R0, Operand.of(0), null), 3, "(15) if r0 == 0x0 goto pc+3"),
                Arguments.of(new Insn.Jump(JumpOp.JNE, true, Reg.R1, Operand.of(-1), null), 0, "(55) if r1 != 0xffffffff goto pc+0"),
                Arguments.of(new Insn.Jump(JumpOp.JGE, true, Reg.R1, Operand.of(Reg.R2), null), 1, "(3d) if r1 >= r2 goto pc+1"),
                Arguments.of(new Insn.Jump(JumpOp.JSLT, false, Reg.R1, Operand.of(10), null), 1, "(c6) if w1 s< 0xa goto pc+1"),
                Arguments.of(new Insn.Jump(JumpOp.JSET, true, Reg.R4, Operand.of(8), null), 2, "(45) if r4 & 0x8 goto pc+2"),
                Arguments.of(new Insn.Goto(null), 5, "(05) goto pc+5"));
    }

    @ParameterizedTest
    @MethodSource("jumpTexts")
    void printsJumps(Insn shape, int pad, String text) {
        Label l = new Label("l");
        Insn jump = switch (shape) {
            case Insn.Jump j -> new Insn.Jump(j.op(), j.wide(), j.dst(), j.src(), l);
            default -> new Insn.Goto(l);
        };
        var program = new java.util.ArrayList<Insn>(List.of(jump));
        for (int i = 0; i < pad; i++) program.add(new Insn.Exit());
        program.add(new Insn.Mark(l));
        program.add(new Insn.Exit());
        assertEquals("   0: " + text, Disassembler.disassemble(Assembler.assemble(program)).getFirst());
    }

    @Test
    void backwardJump32() {
        Label top = new Label("top");
        List<String> lines = Disassembler.disassemble(Assembler.assemble(List.of(
                new Insn.Mark(top),
                new Insn.Exit(),
                new Insn.Jump(JumpOp.JSGT, false, Reg.R1, Operand.of(Reg.R2), top))));
        assertEquals("   1: (6e) if w1 s> w2 goto pc-2", lines.get(1));
    }

    @Test
    void listsASmallProgram() {
        Label miss = new Label("miss");
        Assembled a = Assembler.assemble(List.of(
                new Insn.StoreImm(Size.DW, Reg.R10, (short) -8, 0),
                new Insn.LoadMapFd(Reg.R1, "@bytes_read"),
                new Insn.Alu(AluOp.MOV, true, Reg.R2, Operand.of(Reg.R10)),
                new Insn.Alu(AluOp.ADD, true, Reg.R2, Operand.of(-8)),
                new Insn.Call(BpfHelper.MAP_LOOKUP_ELEM.id()),
                new Insn.Jump(JumpOp.JEQ, true, Reg.R0, Operand.of(0), miss),
                new Insn.Alu(AluOp.MOV, true, Reg.R1, Operand.of(1)),
                new Insn.AtomicAdd(Size.DW, Reg.R0, (short) 0, Reg.R1),
                new Insn.Mark(miss),
                new Insn.LoadImm64(Reg.R0, 0x1234),
                new Insn.Exit()));
        List<String> expected = List.of(
                "   0: (7a) *(u64 *)(r10 -8) = 0",
                "   1: (18) r1 = map[@bytes_read]",
                "   3: (bf) r2 = r10",
                "   4: (07) r2 += -8",
                "   5: (85) call bpf_map_lookup_elem#1",
                "   6: (15) if r0 == 0x0 goto pc+2",
                "   7: (b7) r1 = 1",
                "   8: (db) lock *(u64 *)(r0 +0) += r1",
                "   9: (18) r0 = 0x1234 ll",
                "  11: (95) exit");
        assertEquals(expected, Disassembler.disassemble(a));

        // Once patched for loading, the map shows by fd.
        List<String> patched = Disassembler.disassemble(a.withMapFds(name -> 5));
        assertEquals("   1: (18) r1 = map[fd:5]", patched.get(1));
        assertEquals(expected.subList(2, expected.size()), patched.subList(2, patched.size()));
    }

    @Test
    void rawEncodingsOutsideTheModel() {
        HexFormat hex = HexFormat.of();
        List<String> lines = Disassembler.disassemble(hex.parseHex(
                "d7010000" + "20000000"      // r1 = bswap32 r1 (ALU64 | BPF_END)
                + "db120000" + "01000000"    // fetch add
                + "db120000" + "e1000000"    // xchg
                + "db120000" + "f1000000"    // cmpxchg
                + "91210400" + "00000000"    // ldxsb
                + "06000000" + "05000000"    // gotol
                + "85100000" + "feffffff"    // bpf-to-bpf call
                + "18200000" + "07000000" + "00000000" + "10000000" // map value
                + "f5000000" + "00000000")); // no such jump op
        assertEquals(List.of(
                "   0: (d7) r1 = bswap32 r1",
                "   1: (db) r1 = atomic64_fetch_add((u64 *)(r2 +0), r1)",
                "   2: (db) r1 = atomic64_xchg((u64 *)(r2 +0), r1)",
                "   3: (db) r0 = atomic64_cmpxchg((u64 *)(r2 +0), r0, r1)",
                "   4: (91) r1 = *(s8 *)(r2 +4)",
                "   5: (06) gotol pc+5",
                "   6: (85) call pc-2",
                "   7: (18) r0 = map[fd:7][0]+16",
                "   9: (f5) BUG_jmp_f5"), lines);
    }

    @Test
    void rejectsPartialInstructions() {
        assertThrows(IllegalArgumentException.class, () -> Disassembler.disassemble(new byte[12]));
        assertEquals(List.of("   0: (18) BUG_ld_18 (no second half)"),
                Disassembler.disassemble(HexFormat.of().parseHex("1801000000000000")));
    }
}
