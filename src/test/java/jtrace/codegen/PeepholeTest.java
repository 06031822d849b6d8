package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.Insn;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Operand;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each rule removes what is redundant and keeps what a path may still read. */
class PeepholeTest {
    private static final Reg CTX = ProbeCodegen.CTX;

    private static Insn ctxLoad(Reg dst, int off) { return new Insn.Load(Size.DW, dst, CTX, (short) off); }

    private static Insn zero(int off) { return new Insn.StoreImm(Size.DW, Reg.R10, (short) off, 0); }

    private static Insn store(int off, Reg src) { return new Insn.Store(Size.DW, Reg.R10, (short) off, src); }

    private static Insn mov(Reg dst, Reg src) { return new Insn.Alu(AluOp.MOV, true, dst, Operand.of(src)); }

    private static Insn add(Reg dst, int imm) { return new Insn.Alu(AluOp.ADD, true, dst, Operand.of(imm)); }

    @Test
    void aReloadedContextFieldGoes() {
        Label end = new Label("end");
        List<Insn> in = List.of(mov(CTX, Reg.R1), ctxLoad(Reg.R7, 16),
                new Insn.Jump(JumpOp.JSLE, true, Reg.R7, Operand.of(0), end), ctxLoad(Reg.R7, 16),
                new Insn.Mark(end), new Insn.Exit());
        List<Insn> out = new ArrayList<>(in);
        Peephole.removeReloadedContextFields(out);
        assertEquals(List.of(in.get(0), in.get(1), in.get(2), in.get(4), in.get(5)), out);
    }

    /** What stands between two loads of the same field: whether the second one stays. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"label, true", "register written, true", "helper call (R7 survives), false", "nothing, false"})
    void aReloadStaysWhenTheRegisterMayHaveChanged(String between, boolean stays) {
        Insn middle = switch (between) {
            case "label" -> new Insn.Mark(new Label("l"));
            case "register written" -> add(Reg.R7, 1);
            case "helper call (R7 survives)" -> new Insn.Call(14);
            default -> mov(Reg.R2, Reg.R3);
        };
        List<Insn> in = new ArrayList<>(List.of(mov(CTX, Reg.R1), ctxLoad(Reg.R7, 8), middle, ctxLoad(Reg.R7, 8), new Insn.Exit()));
        Peephole.removeReloadedContextFields(in);
        assertEquals(stays ? 5 : 4, in.size());
    }

    @Test
    void contextFieldsAtEntryAreReadFromR1AndTheCopyGoes() {
        Label end = new Label("end");
        List<Insn> in = List.of(mov(CTX, Reg.R1), ctxLoad(Reg.R7, 16), ctxLoad(Reg.R8, 24),
                new Insn.Jump(JumpOp.JSLE, true, Reg.R7, Operand.of(0), end), new Insn.Mark(end), new Insn.Exit());
        Insn fromR1 = new Insn.Load(Size.DW, Reg.R7, Reg.R1, (short) 16);
        Insn fromR1b = new Insn.Load(Size.DW, Reg.R8, Reg.R1, (short) 24);
        assertEquals(List.of(fromR1, fromR1b, in.get(3), in.get(4), in.get(5)), Peephole.optimize(in));
    }

    /** What comes before the second context load: whether it still reads R6 (and the copy stays). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"helper call, true", "R1 written, true", "label, true", "a load into R1 (the first one moves), true",
            "register arithmetic, false"})
    void contextLoadsAfterR1ChangesKeepR6(String between, boolean keepsR6) {
        Insn middle = switch (between) {
            case "helper call" -> new Insn.Call(14);
            case "R1 written" -> add(Reg.R1, 8);
            case "label" -> new Insn.Mark(new Label("l"));
            case "a load into R1 (the first one moves)" -> ctxLoad(Reg.R1, 8);
            default -> add(Reg.R7, 1);
        };
        List<Insn> in = List.of(mov(CTX, Reg.R1), ctxLoad(Reg.R7, 16), middle, ctxLoad(Reg.R8, 24), new Insn.Exit());
        List<Insn> out = Peephole.optimize(in);
        assertEquals(keepsR6, out.getFirst().equals(in.getFirst()), out.toString());
        assertEquals(keepsR6, out.contains(ctxLoad(Reg.R8, 24)), out.toString());
        assertEquals(new Insn.Load(Size.DW, Reg.R7, Reg.R1, (short) 16), out.get(keepsR6 ? 1 : 0));
    }

    @Test
    void aStackAddressTakenThreeTimesIsHeldInAFreeCalleeSavedRegister() {
        Label absent = new Label("absent");
        List<Insn> in = List.of(
                mov(Reg.R1, Reg.R10), add(Reg.R1, -16), new Insn.Call(16),
                mov(Reg.R2, Reg.R10), add(Reg.R2, -16), new Insn.Call(1),
                new Insn.Jump(JumpOp.JEQ, true, Reg.R0, Operand.of(0), absent), ctxLoad(Reg.R7, 8),
                new Insn.Mark(absent), mov(Reg.R2, Reg.R10), add(Reg.R2, -16), new Insn.Call(2),
                mov(Reg.R2, Reg.R10), add(Reg.R2, -24), new Insn.Exit());
        // R6 and R7 are named, so R8 holds r10 - 16; -24 is taken once and stays.
        List<Insn> expected = List.of(
                mov(Reg.R8, Reg.R10), add(Reg.R8, -16),
                mov(Reg.R1, Reg.R8), new Insn.Call(16),
                mov(Reg.R2, Reg.R8), new Insn.Call(1),
                in.get(6), in.get(7),
                in.get(8), mov(Reg.R2, Reg.R8), new Insn.Call(2),
                mov(Reg.R2, Reg.R10), add(Reg.R2, -24), new Insn.Exit());
        assertEquals(expected, Peephole.optimize(in));
    }

    /** Whether r10 - 16, taken three times, moves into a register. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"all of R6-R9 named, false", "taken only twice, false", "a subprogram call, false", "R9 free, true"})
    void aStackAddressStaysWhenNoRegisterIsFreeOrItPaysNothing(String why, boolean hoisted) {
        List<Insn> in = new ArrayList<>();
        int times = why.startsWith("taken only twice") ? 2 : 3;
        for (int i = 0; i < times; i++) {
            in.add(mov(Reg.R1, Reg.R10));
            in.add(add(Reg.R1, -16));
            in.add(new Insn.Call(1));
        }
        in.add(mov(Reg.R6, Reg.R1));
        in.add(mov(Reg.R7, Reg.R1));
        in.add(mov(Reg.R8, Reg.R1));
        if (why.startsWith("all")) in.add(mov(Reg.R9, Reg.R1));
        Label sub = new Label("sub");
        if (why.startsWith("a subprogram")) in.add(new Insn.CallLocal(sub));
        in.add(new Insn.Exit());
        if (why.startsWith("a subprogram")) {
            in.add(new Insn.Mark(sub));
            in.add(new Insn.Exit());
        }
        List<Insn> out = Peephole.optimize(in);
        assertEquals(hoisted, out.getFirst().equals(mov(Reg.R9, Reg.R10)), out.toString());
        assertEquals(hoisted ? in.size() - times + 2 : in.size(), out.size());
    }

    @Test
    void aZeroedSlotStoredOverBeforeAnyReadIsNotZeroed() {
        Label skip = new Label("skip");
        List<Insn> in = List.of(zero(-8), new Insn.Jump(JumpOp.JLT, true, Reg.R7, Operand.of(2), skip), add(Reg.R7, 1),
                new Insn.Mark(skip), store(-8, Reg.R7), new Insn.Exit());
        assertEquals(in.subList(1, in.size()), Peephole.optimize(in));
    }

    /** Between zeroing -8 and storing to it again: whether the zero store stays. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"call, true", "stack address taken, true", "backward jump, true", "other slot, false", "a narrower store to it, false"})
    void aStackStoreStaysWhenSomethingMayReadIt(String between, boolean stays) {
        Label top = new Label("top");
        List<Insn> in = new ArrayList<>(List.of(new Insn.Mark(top), zero(-8)));
        switch (between) {
            case "call" -> in.add(new Insn.Call(1));
            case "stack address taken" -> in.add(mov(Reg.R2, Reg.R10));
            case "backward jump" -> in.add(new Insn.Jump(JumpOp.JEQ, true, Reg.R7, Operand.of(0), top));
            case "other slot" -> in.add(zero(-16));
            default -> in.add(new Insn.StoreImm(Size.W, Reg.R10, (short) -8, 0));
        }
        in.add(store(-8, Reg.R7));
        in.add(new Insn.Exit());
        assertEquals(in.size() - (stays ? 0 : 1), Peephole.optimize(in).size());
    }

    @Test
    void theContextCopyGoesOnlyWhenNothingUsesR6() {
        List<Insn> unused = List.of(mov(CTX, Reg.R1), new Insn.Call(14), new Insn.Exit());
        assertEquals(unused.subList(1, 3), Peephole.optimize(unused));
        List<Insn> used = List.of(mov(CTX, Reg.R1), new Insn.Call(14), ctxLoad(Reg.R7, 8), new Insn.Exit());
        assertEquals(used, Peephole.optimize(used));
    }

    @ParameterizedTest(name = "{0} pages x {1} CPUs -> {2} bytes")
    @CsvSource({"64, 2, 524288", "1024, 2, 8388608", "4096, 64, 67108864", "4096, 2, 33554432", "4096, 1, 16777216", "1024, 64, 268435456", "100, 3, 2097152", "1, 1, 4096",
            "65536, 64, 1073741824"})
    void ringBufferSizeIsPagesPerCpuRoundedToAPowerOfTwo(int pages, int cpus, int bytes) {
        assertEquals(bytes, ProgramContext.ringBufferBytes(pages, cpus));
    }
}
