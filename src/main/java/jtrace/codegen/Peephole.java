package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.Insn;
import jtrace.asm.Label;
import jtrace.asm.Operand;
import jtrace.asm.Reg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes instructions a probe's straight-line code generation leaves redundant, each run on
 * every event: a context field loaded again into a register that still holds it (a predicate and
 * the body reading the same {@code args.x}), a stack store overwritten before anything can read it
 * (a key buffer zeroed and then filled), and the copy of the context into R6 when nothing uses it.
 * Every rule is local and conservative: it gives up at labels, calls and any use of a stack address.
 * Two rules save code size rather than work: context fields read straight from R1 at entry, and a
 * stack address computed several times (a key passed to a helper, a lookup, an update) held once in
 * a free callee-saved register.
 */
final class Peephole {
    private Peephole() {}

    static List<Insn> optimize(List<Insn> insns) {
        List<Insn> out = new ArrayList<>(insns);
        removeReloadedContextFields(out);
        removeOverwrittenStackStores(out);
        readEarlyContextFieldsFromR1(out);
        removeUnusedContextCopy(out);
        hoistStackAddresses(out);
        return out;
    }

    /** From this many {@code rX = r10; rX += K} of one K on, a callee-saved register holds r10 + K. */
    static final int HOIST_FROM = 3;

    /**
     * {@code rX = r10; rX += K} written {@link #HOIST_FROM} times or more (a key's address passed
     * to a helper, a lookup and an update): computed once at entry into a callee-saved register no
     * instruction names, and each pair becomes {@code rX = rS}. Entry dominates every use, and
     * helper calls keep R6-R9.
     */
    static void hoistStackAddresses(List<Insn> insns) {
        List<Reg> free = new ArrayList<>(List.of(Reg.R6, Reg.R7, Reg.R8, Reg.R9));
        for (Insn x : insns) free.removeIf(r -> mentions(x, r) || x instanceof Insn.CallLocal);
        Map<Integer, Integer> uses = new LinkedHashMap<>();
        for (int i = 0; i + 1 < insns.size(); i++) {
            Integer k = stackAddressAt(insns, i);
            if (k != null) uses.merge(k, 1, Integer::sum);
        }
        List<Insn> entry = new ArrayList<>();
        for (Map.Entry<Integer, Integer> u : uses.entrySet()) {
            if (u.getValue() < HOIST_FROM || free.isEmpty()) continue;
            Reg held = free.removeFirst();
            int k = u.getKey();
            entry.add(new Insn.Alu(AluOp.MOV, true, held, Operand.of(Reg.R10)));
            entry.add(new Insn.Alu(AluOp.ADD, true, held, Operand.of(k)));
            for (int i = 0; i + 1 < insns.size(); i++) {
                Integer at = stackAddressAt(insns, i);
                if (at == null || at != k) continue;
                Reg dst = ((Insn.Alu) insns.get(i)).dst();
                insns.set(i, new Insn.Alu(AluOp.MOV, true, dst, Operand.of(held)));
                insns.remove(i + 1);
            }
        }
        insns.addAll(0, entry);
    }

    /** K when insns i and i+1 are {@code rX = r10; rX += K} (64-bit), else null. */
    private static Integer stackAddressAt(List<Insn> insns, int i) {
        if (insns.get(i) instanceof Insn.Alu(jtrace.asm.AluOp op, boolean wide, Reg dst, Operand.R(Reg src))
                && op == AluOp.MOV && wide && src == Reg.R10 && dst != Reg.R10
                && insns.get(i + 1) instanceof Insn.Alu(jtrace.asm.AluOp op2, boolean wide2, Reg dst2, Operand.Imm(int k))
                && op2 == AluOp.ADD && wide2 && dst2 == dst) {
            return k;
        }
        return null;
    }

    /**
     * {@code rX = *(r6 + off)} in the straight-line code at entry, before anything writes R1 and
     * before any label: R1 still holds the context there, so the load reads it from R1 and the
     * copy {@code r6 = r1} may become unused.
     */
    static void readEarlyContextFieldsFromR1(List<Insn> insns) {
        if (insns.isEmpty() || !(insns.getFirst() instanceof Insn.Alu a) || a.op() != AluOp.MOV
                || a.dst() != ProbeCodegen.CTX || !(a.src() instanceof Operand.R(Reg src)) || src != Reg.R1) return;
        for (int i = 1; i < insns.size(); i++) {
            Insn x = insns.get(i);
            if (x instanceof Insn.Mark) return;
            if (x instanceof Insn.Load l && l.src() == ProbeCodegen.CTX && l.dst() != ProbeCodegen.CTX) {
                insns.set(i, new Insn.Load(l.size(), l.dst(), Reg.R1, l.off()));
                if (l.dst() == Reg.R1) return;
                continue;
            }
            if (mentions(x, ProbeCodegen.CTX) || writes(x, Reg.R1)) return;
        }
    }

    /** {@code rX = *(ctx + off)} again while rX still holds it, with no label in between. */
    static void removeReloadedContextFields(List<Insn> insns) {
        for (int i = 0; i < insns.size(); i++) {
            if (!(insns.get(i) instanceof Insn.Load first) || first.src() != ProbeCodegen.CTX
                    || first.dst() == ProbeCodegen.CTX) continue;
            for (int j = i + 1; j < insns.size(); j++) {
                Insn x = insns.get(j);
                if (x.equals(first)) {
                    insns.remove(j--);
                    continue;
                }
                if (x instanceof Insn.Mark || writes(x, first.dst()) || writes(x, ProbeCodegen.CTX)) break;
            }
        }
    }

    /**
     * {@code *(r10 + off) = ...} followed by a store of the same size to the same slot, with only
     * register arithmetic, stores elsewhere and forward jumps to labels before that second store
     * in between: the first value can never be read.
     */
    static void removeOverwrittenStackStores(List<Insn> insns) {
        for (int i = 0; i < insns.size(); i++) {
            Insn first = insns.get(i);
            if (!isStackStore(first)) continue;
            Set<Label> pending = new HashSet<>();
            for (int j = i + 1; j < insns.size(); j++) {
                Insn x = insns.get(j);
                if (isStackStore(x) && sameSlot(first, x)) {
                    if (pending.isEmpty()) insns.remove(i--);
                    break;
                }
                boolean safe = switch (x) {
                    case Insn.Alu a -> !(a.src() instanceof Operand.R r && r.reg() == Reg.R10);
                    case Insn.Load l -> l.src() == ProbeCodegen.CTX;
                    case Insn.Store s -> s.dst() == Reg.R10 && !sameSlot(first, x) && s.src() != Reg.R10;
                    case Insn.StoreImm s -> s.dst() == Reg.R10 && !sameSlot(first, x);
                    case Insn.Jump jmp -> pending.add(jmp.target()) || true;
                    case Insn.Goto g -> pending.add(g.target()) || true;
                    case Insn.Mark m -> pending.remove(m.label()) || true;
                    case Insn.Endian en -> true;
                    case Insn.LoadImm64 li -> true;
                    default -> false; // calls, exits, atomics, map fds: may read the stack or leave
                };
                if (!safe) break;
            }
        }
    }

    /** Drops {@code r6 = r1} at the start when no other instruction names R6. */
    static void removeUnusedContextCopy(List<Insn> insns) {
        if (insns.isEmpty() || !(insns.getFirst() instanceof Insn.Alu a) || a.dst() != ProbeCodegen.CTX) return;
        for (int i = 1; i < insns.size(); i++) {
            if (mentions(insns.get(i), ProbeCodegen.CTX)) return;
        }
        insns.removeFirst();
    }

    private static boolean isStackStore(Insn x) {
        return switch (x) {
            case Insn.Store s -> s.dst() == Reg.R10;
            case Insn.StoreImm s -> s.dst() == Reg.R10;
            default -> false;
        };
    }

    private static boolean sameSlot(Insn a, Insn b) {
        return slot(a) == slot(b) && size(a) == size(b);
    }

    private static int slot(Insn x) {
        return switch (x) {
            case Insn.Store s -> s.off();
            case Insn.StoreImm s -> s.off();
            default -> Integer.MIN_VALUE;
        };
    }

    private static Object size(Insn x) {
        return switch (x) {
            case Insn.Store s -> s.size();
            case Insn.StoreImm s -> s.size();
            default -> null;
        };
    }

    /** Whether executing x may change register r. */
    static boolean writes(Insn x, Reg r) {
        return switch (x) {
            case Insn.Alu a -> a.dst() == r;
            case Insn.Endian en -> en.dst() == r;
            case Insn.LoadImm64 li -> li.dst() == r;
            case Insn.LoadMapFd lm -> lm.dst() == r;
            case Insn.LoadMapValue lv -> lv.dst() == r;
            case Insn.Load l -> l.dst() == r;
            case Insn.Call c -> r.ordinal() <= Reg.R5.ordinal();
            case Insn.CallLocal c -> r.ordinal() <= Reg.R5.ordinal();
            case Insn.LoadFunc lf -> lf.dst() == r;
            case Insn.Exit ex -> true;
            default -> false;
        };
    }

    private static boolean mentions(Insn x, Reg r) {
        return switch (x) {
            case Insn.Alu a -> a.dst() == r || a.src() instanceof Operand.R s && s.reg() == r;
            case Insn.Endian en -> en.dst() == r;
            case Insn.LoadImm64 li -> li.dst() == r;
            case Insn.LoadMapFd lm -> lm.dst() == r;
            case Insn.LoadMapValue lv -> lv.dst() == r;
            case Insn.LoadFunc lf -> lf.dst() == r;
            case Insn.Load l -> l.dst() == r || l.src() == r;
            case Insn.Store s -> s.dst() == r || s.src() == r;
            case Insn.StoreImm s -> s.dst() == r;
            case Insn.AtomicAdd at -> at.dst() == r || at.src() == r;
            case Insn.Jump j -> j.dst() == r || j.src() instanceof Operand.R s && s.reg() == r;
            default -> false;
        };
    }
}
