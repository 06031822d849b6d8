package jtrace.codegen;

import jtrace.asm.Insn;
import jtrace.asm.Operand;
import jtrace.asm.Reg;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves generated code onto another frame register: a map loop's callback runs on its own stack,
 * but its body was generated against the probe's R10 slots, so every R10 becomes the register
 * holding the caller's frame pointer (the verifier lets a callee use the caller's stack through it).
 */
final class FrameRebase {
    private FrameRebase() {}

    /** True when the instruction reads or writes {@code r}. */
    static boolean uses(Insn insn, Reg r) {
        return switch (insn) {
            case Insn.Alu a -> a.dst() == r || a.src() instanceof Operand.R(Reg s) && s == r;
            case Insn.Endian x -> x.dst() == r;
            case Insn.LoadImm64 x -> x.dst() == r;
            case Insn.LoadMapFd x -> x.dst() == r;
            case Insn.LoadMapValue x -> x.dst() == r;
            case Insn.LoadFunc x -> x.dst() == r;
            case Insn.Load x -> x.dst() == r || x.src() == r;
            case Insn.Store x -> x.dst() == r || x.src() == r;
            case Insn.StoreImm x -> x.dst() == r;
            case Insn.AtomicAdd x -> x.dst() == r || x.src() == r;
            case Insn.Jump j -> j.dst() == r || j.src() instanceof Operand.R(Reg s) && s == r;
            default -> false;
        };
    }

    /** The instructions with every use of {@code from} replaced by {@code to}. */
    static List<Insn> rebase(List<Insn> insns, Reg from, Reg to) {
        List<Insn> out = new ArrayList<>(insns.size());
        for (Insn i : insns) out.add(rebase(i, from, to));
        return out;
    }

    private static Insn rebase(Insn insn, Reg from, Reg to) {
        return switch (insn) {
            case Insn.Alu a -> new Insn.Alu(a.op(), a.wide(), swap(a.dst(), from, to), swap(a.src(), from, to));
            case Insn.Load x -> new Insn.Load(x.size(), swap(x.dst(), from, to), swap(x.src(), from, to), x.off());
            case Insn.Store x -> new Insn.Store(x.size(), swap(x.dst(), from, to), x.off(), swap(x.src(), from, to));
            case Insn.StoreImm x -> new Insn.StoreImm(x.size(), swap(x.dst(), from, to), x.off(), x.imm());
            case Insn.AtomicAdd x -> new Insn.AtomicAdd(x.size(), swap(x.dst(), from, to), x.off(), swap(x.src(), from, to));
            case Insn.Jump j -> new Insn.Jump(j.op(), j.wide(), swap(j.dst(), from, to), swap(j.src(), from, to), j.target());
            default -> {
                if (uses(insn, from)) throw new IllegalStateException("cannot move " + insn + " off " + from);
                yield insn;
            }
        };
    }

    private static Reg swap(Reg r, Reg from, Reg to) { return r == from ? to : r; }

    private static Operand swap(Operand o, Reg from, Reg to) {
        return o instanceof Operand.R(Reg r) && r == from ? Operand.of(to) : o;
    }
}
