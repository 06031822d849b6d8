package jtrace.asm;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AssemblerTest {

    static String hex(byte[] b) { return HexFormat.ofDelimiter(" ").formatHex(b); }

    static Insn alu(AluOp op, boolean wide, Reg dst, Operand src) { return new Insn.Alu(op, wide, dst, src); }

    /** Hand-encoded struct bpf_insn bytes: code, src<<4|dst, off (LE), imm (LE). */
    static Stream<Arguments> singleInstructions() {
        return Stream.of(
                Arguments.of(alu(AluOp.MOV, true, Reg.R1, Operand.of(0)), "b7 01 00 00 00 00 00 00"),
                Arguments.of(alu(AluOp.MOV, true, Reg.R1, Operand.of(Reg.R2)), "bf 21 00 00 00 00 00 00"),
                Arguments.of(alu(AluOp.MOV, false, Reg.R1, Operand.of(Reg.R2)), "bc 21 00 00 00 00 00 00"),
                Arguments.of(alu(AluOp.ADD, false, Reg.R1, Operand.of(5)), "04 01 00 00 05 00 00 00"),
                Arguments.of(alu(AluOp.ADD, true, Reg.R0, Operand.of(Reg.R1)), "0f 10 00 00 00 00 00 00"),
                Arguments.of(alu(AluOp.SUB, true, Reg.R1, Operand.of(-1)), "17 01 00 00 ff ff ff ff"),
                Arguments.of(alu(AluOp.LSH, true, Reg.R9, Operand.of(32)), "67 09 00 00 20 00 00 00"),
                Arguments.of(alu(AluOp.ARSH, true, Reg.R9, Operand.of(32)), "c7 09 00 00 20 00 00 00"),
                Arguments.of(alu(AluOp.NEG, true, Reg.R3, Operand.of(Reg.R7)), "87 03 00 00 00 00 00 00"),
                Arguments.of(alu(AluOp.SDIV, true, Reg.R1, Operand.of(Reg.R2)), "3f 21 01 00 00 00 00 00"),
                Arguments.of(alu(AluOp.SMOD, false, Reg.R1, Operand.of(3)), "94 01 01 00 03 00 00 00"),
                Arguments.of(alu(AluOp.MOVSX8, true, Reg.R1, Operand.of(Reg.R2)), "bf 21 08 00 00 00 00 00"),
                Arguments.of(alu(AluOp.MOVSX32, true, Reg.R1, Operand.of(Reg.R2)), "bf 21 20 00 00 00 00 00"),
                Arguments.of(new Insn.Endian(Reg.R1, 16, true), "dc 01 00 00 10 00 00 00"),
                Arguments.of(new Insn.Endian(Reg.R2, 32, false), "d4 02 00 00 20 00 00 00"),
                Arguments.of(new Insn.LoadImm64(Reg.R1, 0x1122334455667788L),
                        "18 01 00 00 88 77 66 55 00 00 00 00 44 33 22 11"),
                Arguments.of(new Insn.LoadImm64(Reg.R2, -1L),
                        "18 02 00 00 ff ff ff ff 00 00 00 00 ff ff ff ff"),
                Arguments.of(new Insn.LoadMapFd(Reg.R1, "@m"),
                        "18 11 00 00 00 00 00 00 00 00 00 00 00 00 00 00"),
                Arguments.of(new Insn.Load(Size.DW, Reg.R1, Reg.R10, (short) -8), "79 a1 f8 ff 00 00 00 00"),
                Arguments.of(new Insn.Load(Size.B, Reg.R2, Reg.R1, (short) 3), "71 12 03 00 00 00 00 00"),
                Arguments.of(new Insn.Load(Size.H, Reg.R0, Reg.R6, (short) 0x1234), "69 60 34 12 00 00 00 00"),
                Arguments.of(new Insn.Store(Size.W, Reg.R10, (short) -4, Reg.R1), "63 1a fc ff 00 00 00 00"),
                Arguments.of(new Insn.Store(Size.H, Reg.R10, (short) -2, Reg.R3), "6b 3a fe ff 00 00 00 00"),
                Arguments.of(new Insn.StoreImm(Size.DW, Reg.R10, (short) -16, 0), "7a 0a f0 ff 00 00 00 00"),
                Arguments.of(new Insn.StoreImm(Size.B, Reg.R10, (short) -1, 0x41), "72 0a ff ff 41 00 00 00"),
                Arguments.of(new Insn.AtomicAdd(Size.DW, Reg.R0, (short) 0, Reg.R1), "db 10 00 00 00 00 00 00"),
                Arguments.of(new Insn.AtomicAdd(Size.W, Reg.R2, (short) 8, Reg.R3), "c3 32 08 00 00 00 00 00"),
                Arguments.of(new Insn.Call(1), "85 00 00 00 01 00 00 00"),
                Arguments.of(new Insn.Call(BpfHelper.RINGBUF_OUTPUT.id()), "85 00 00 00 82 00 00 00"),
                Arguments.of(new Insn.Exit(), "95 00 00 00 00 00 00 00"));
    }

    @ParameterizedTest
    @MethodSource("singleInstructions")
    void encodesLikeStructBpfInsn(Insn insn, String expected) {
        assertEquals(expected, hex(Assembler.assemble(List.of(insn)).code()));
    }

    /** Jumps need a placed label; each is followed by exit so the label has an instruction. */
    static Stream<Arguments> jumps() {
        return Stream.of(
                Arguments.of(JumpOp.JEQ, true, Operand.of(0), "15 00 01 00 00 00 00 00"),
                Arguments.of(JumpOp.JNE, true, Operand.of(-1), "55 00 01 00 ff ff ff ff"),
                Arguments.of(JumpOp.JGT, true, Operand.of(Reg.R1), "2d 10 01 00 00 00 00 00"),
                Arguments.of(JumpOp.JSGT, false, Operand.of(Reg.R2), "6e 20 01 00 00 00 00 00"),
                Arguments.of(JumpOp.JLT, false, Operand.of(7), "a6 00 01 00 07 00 00 00"),
                Arguments.of(JumpOp.JSLE, true, Operand.of(Reg.R9), "dd 90 01 00 00 00 00 00"),
                Arguments.of(JumpOp.JSET, true, Operand.of(4), "45 00 01 00 04 00 00 00"));
    }

    @ParameterizedTest
    @MethodSource("jumps")
    void encodesConditionalJumps(JumpOp op, boolean wide, Operand src, String expected) {
        Label l = new Label("l");
        byte[] code = Assembler.assemble(List.of(
                new Insn.Jump(op, wide, Reg.R0, src, l), new Insn.Exit(), new Insn.Mark(l), new Insn.Exit())).code();
        assertEquals(expected, hex(slot(code, 0)));
    }

    @Test
    void gotoEncodesBpfJa() {
        Label l = new Label("end");
        List<Insn> p = new ArrayList<>();
        p.add(new Insn.Goto(l));
        for (int i = 0; i < 5; i++) p.add(new Insn.Exit());
        p.add(new Insn.Mark(l));
        p.add(new Insn.Exit());
        assertEquals("05 00 05 00 00 00 00 00", hex(slot(Assembler.assemble(p).code(), 0)));
    }

    @Test
    void forwardJumpCountsLdImm64AsTwoSlots() {
        Label skip = new Label("skip");
        Assembled a = Assembler.assemble(List.of(
                new Insn.Jump(JumpOp.JEQ, true, Reg.R0, Operand.of(0), skip),
                new Insn.LoadImm64(Reg.R1, 42),
                new Insn.LoadMapFd(Reg.R2, "@m"),
                new Insn.Mark(skip),
                new Insn.Exit()));
        assertEquals(6, a.slotCount());
        assertEquals("15 00 04 00 00 00 00 00", hex(slot(a.code(), 0)));
    }

    @Test
    void backwardJumpCountsLdImm64AsTwoSlots() {
        Label top = new Label("top");
        Assembled a = Assembler.assemble(List.of(
                new Insn.Mark(top),
                new Insn.LoadImm64(Reg.R1, 42),
                new Insn.Jump(JumpOp.JNE, true, Reg.R1, Operand.of(Reg.R2), top),
                new Insn.Goto(top),
                new Insn.Exit()));
        assertEquals("5d 21 fd ff 00 00 00 00", hex(slot(a.code(), 2)));
        assertEquals("05 00 fc ff 00 00 00 00", hex(slot(a.code(), 3)));
    }

    @Test
    void jumpToNextInstructionHasOffsetZero() {
        Label next = new Label("next");
        Assembled a = Assembler.assemble(List.of(new Insn.Goto(next), new Insn.Mark(next), new Insn.Exit()));
        assertEquals("05 00 00 00 00 00 00 00", hex(slot(a.code(), 0)));
    }

    @Test
    void unplacedLabelIsRejected() {
        var e = assertThrows(IllegalStateException.class,
                () -> Assembler.assemble(List.of(new Insn.Goto(new Label("nowhere")), new Insn.Exit())));
        assertTrue(e.getMessage().contains("'nowhere'"), e.getMessage());
        assertTrue(e.getMessage().contains("never placed"), e.getMessage());
    }

    @Test
    void labelPlacedTwiceIsRejected() {
        Label l = new Label("twice");
        var e = assertThrows(IllegalStateException.class, () -> Assembler.assemble(List.of(
                new Insn.Mark(l), new Insn.Exit(), new Insn.Mark(l), new Insn.Exit())));
        assertTrue(e.getMessage().contains("'twice'") && e.getMessage().contains("more than once"), e.getMessage());
    }

    @Test
    void labelsWithEqualNamesAreDistinct() {
        Label a = new Label("x");
        Label b = new Label("x");
        Assembled asm = Assembler.assemble(List.of(
                new Insn.Goto(b), new Insn.Mark(a), new Insn.Exit(), new Insn.Mark(b), new Insn.Exit()));
        assertEquals("05 00 01 00 00 00 00 00", hex(slot(asm.code(), 0)));
    }

    @Test
    void jumpPastTheLastInstructionIsRejected() {
        Label end = new Label("end");
        var e = assertThrows(IllegalStateException.class,
                () -> Assembler.assemble(List.of(new Insn.Goto(end), new Insn.Exit(), new Insn.Mark(end))));
        assertTrue(e.getMessage().contains("after the last instruction"), e.getMessage());
    }

    @Test
    void offsetsMustFitSixteenBits() {
        Label far = new Label("far");
        List<Insn> fits = new ArrayList<>();
        fits.add(new Insn.Goto(far));
        for (int i = 0; i < Short.MAX_VALUE; i++) fits.add(new Insn.Exit());
        fits.add(new Insn.Mark(far));
        fits.add(new Insn.Exit());
        assertEquals("05 00 ff 7f 00 00 00 00", hex(slot(Assembler.assemble(fits).code(), 0)));

        List<Insn> tooFar = new ArrayList<>(fits);
        tooFar.add(1, new Insn.Exit());
        var e = assertThrows(IllegalStateException.class, () -> Assembler.assemble(tooFar));
        assertTrue(e.getMessage().contains("16-bit"), e.getMessage());
    }

    @Test
    void invalidInstructionsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Assembler.assemble(List.of(new Insn.Endian(Reg.R1, 8, true))));
        assertThrows(IllegalArgumentException.class,
                () -> Assembler.assemble(List.of(new Insn.AtomicAdd(Size.B, Reg.R1, (short) 0, Reg.R2))));
        assertThrows(IllegalArgumentException.class,
                () -> Assembler.assemble(List.of(alu(AluOp.MOVSX8, true, Reg.R1, Operand.of(3)))));
        assertThrows(IllegalArgumentException.class,
                () -> Assembler.assemble(List.of(alu(AluOp.MOVSX32, false, Reg.R1, Operand.of(Reg.R2)))));
    }

    @Test
    void mapLoadsAreRelocatedAndPatched() {
        Assembled a = Assembler.assemble(List.of(
                new Insn.LoadMapFd(Reg.R1, "@a"),
                new Insn.Alu(AluOp.MOV, true, Reg.R2, Operand.of(0)),
                new Insn.LoadMapFd(Reg.R3, "@b"),
                new Insn.Exit()));
        assertEquals(List.of(new MapRelocation(0, "@a"), new MapRelocation(3, "@b")), a.relocations());

        byte[] patched = a.withMapFds(name -> Map.of("@a", 5, "@b", 0x01020304).get(name));
        assertEquals("18 11 00 00 05 00 00 00", hex(slot(patched, 0)));
        assertEquals("00 00 00 00 00 00 00 00", hex(slot(patched, 1)));
        assertEquals("b7 02 00 00 00 00 00 00", hex(slot(patched, 2)));
        assertEquals("18 13 00 00 04 03 02 01", hex(slot(patched, 3)));
        assertEquals("95 00 00 00 00 00 00 00", hex(slot(patched, 5)));
        // The assembled program itself is untouched.
        assertEquals("18 11 00 00 00 00 00 00", hex(slot(a.code(), 0)));
    }

    @Test
    void mapValueAddressesKeepTheirOffsetWhenPatched() {
        Assembled a = Assembler.assemble(List.of(
                new Insn.LoadMapValue(Reg.R1, "counters", 16),
                new Insn.LoadMapFd(Reg.R2, "@a"),
                new Insn.Exit()));
        assertEquals(List.of(new MapRelocation(0, "counters"), new MapRelocation(2, "@a")), a.relocations());
        // src_reg BPF_PSEUDO_MAP_VALUE (2), offset in the second slot's imm
        assertEquals("18 21 00 00 00 00 00 00", hex(slot(a.code(), 0)));
        assertEquals("00 00 00 00 10 00 00 00", hex(slot(a.code(), 1)));

        byte[] patched = a.withMapFds(name -> Map.of("counters", 7, "@a", 9).get(name));
        assertEquals("18 21 00 00 07 00 00 00", hex(slot(patched, 0)));
        assertEquals("00 00 00 00 10 00 00 00", hex(slot(patched, 1)));
        assertEquals("18 12 00 00 09 00 00 00", hex(slot(patched, 2)));
        assertEquals("00 00 00 00 00 00 00 00", hex(slot(patched, 3)));
        assertEquals(List.of("   0: (18) r1 = map[counters][0]+16", "   2: (18) r2 = map[@a]", "   4: (95) exit"),
                Disassembler.disassemble(a));
        assertEquals("   0: (18) r1 = map[fd:7][0]+16", Disassembler.disassemble(patched).getFirst());
    }

    @Test
    void negativeMapValueOffsetIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Assembler.assemble(List.of(new Insn.LoadMapValue(Reg.R1, "counters", -8), new Insn.Exit())));
    }

    @Test
    void patchingRejectsMissingFd() {
        Assembled a = Assembler.assemble(List.of(new Insn.LoadMapFd(Reg.R1, "@gone"), new Insn.Exit()));
        var e = assertThrows(IllegalArgumentException.class, () -> a.withMapFds(name -> -1));
        assertTrue(e.getMessage().contains("@gone"), e.getMessage());
    }

    @Test
    void assembledIsImmutable() {
        Assembled a = Assembler.assemble(List.of(new Insn.Exit()));
        a.code()[0] = 0;
        assertEquals((byte) 0x95, a.code()[0]);
        assertEquals(a, Assembler.assemble(List.of(new Insn.Exit())));
    }

    static byte[] slot(byte[] code, int slot) {
        byte[] out = new byte[8];
        System.arraycopy(code, slot * 8, out, 0, 8);
        return out;
    }
}
