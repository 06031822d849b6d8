package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.dwarf.DwarfFormatException;
import jtrace.dwarf.DwarfFunction;
import jtrace.dwarf.DwarfParameter;
import jtrace.elf.UsdtArgument;
import jtrace.sema.ProbeTarget;
import jtrace.types.PtRegs;
import jtrace.types.Type;

/**
 * Reads {@code arg0..argN} and {@code retval} of uprobe, uretprobe and usdt programs from their
 * context, the probed thread's {@code struct pt_regs}: arguments in registers by the calling
 * convention (the seventh and later from the caller's stack), or where the USDT note puts them.
 */
final class UserProbeArgs {
    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;

    UserProbeArgs(ProbeCodegen gen, Emitter e, Frame frame) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
    }

    /** Whether this builtin of this target is read here (the type checker has accepted it). */
    static boolean handles(ProbeTarget target, String name) {
        boolean isArg = name.matches("arg[0-9]+");
        return switch (target) {
            case ProbeTarget.Uprobe u -> isArg || name.equals("retval");
            case ProbeTarget.Usdt u -> isArg;
            default -> false;
        };
    }

    /** Whether {@code args.NAME} of this target is read here: a uprobe's DWARF-typed parameters. */
    static boolean handlesField(ProbeTarget target) {
        return target instanceof ProbeTarget.Uprobe;
    }

    /** {@code args.NAME}: its argument register, truncated and extended to the parameter's integer type. */
    Reg field(Expr.FieldAccess f) {
        ProbeTarget.Uprobe u = (ProbeTarget.Uprobe) gen.target();
        DwarfParameter p;
        try {
            DwarfFunction fn = u.signature().function();
            p = fn == null ? null : fn.parameter(f.field());
        } catch (DwarfFormatException ex) {
            throw new IllegalStateException("DWARF read by the type checker fails now", ex);
        }
        if (p == null || p.register() < 0 || p.register() >= PtRegs.ARGUMENTS_IN_REGISTERS) {
            throw new IllegalStateException("args." + f.field() + " of " + u.name() + " is not in a register");
        }
        Reg r = gen.regs().take(f.span());
        e.load(Size.DW, r, ProbeCodegen.CTX, PtRegs.argumentOffset(p.register()));
        if (Type.intOf(p.type()) instanceof Type.Int i) e.extend(r, i.bytes(), i.signed());
        return r;
    }

    Reg read(Expr.Ident id) {
        Reg r = gen.regs().take(id.span());
        String name = id.name();
        if (name.equals("retval")) {
            e.load(Size.DW, r, ProbeCodegen.CTX, PtRegs.returnValueOffset());
            return r;
        }
        int n = Integer.parseInt(name.substring(3));
        switch (gen.target()) {
            case ProbeTarget.Usdt u -> usdtArg(r, u.probe().arguments().get(n));
            default -> callArg(r, n);
        }
        return r;
    }

    /** Argument {@code n} at function entry: a register, or the stack above the return address. */
    private void callArg(Reg r, int n) {
        if (n < PtRegs.ARGUMENTS_IN_REGISTERS) {
            e.load(Size.DW, r, ProbeCodegen.CTX, PtRegs.argumentOffset(n));
            return;
        }
        e.load(Size.DW, r, ProbeCodegen.CTX, PtRegs.stackPointerOffset());
        e.aluImm(AluOp.ADD, r, 8 * (n - PtRegs.ARGUMENTS_IN_REGISTERS + 1));
        readUser(r, r, 8);
    }

    private void usdtArg(Reg r, UsdtArgument arg) {
        switch (arg) {
            case UsdtArgument.Constant c -> {
                long v = c.value();
                if (c.size() < 8) {
                    int shift = 64 - 8 * c.size();
                    v = c.signed() ? (v << shift) >> shift : (v << shift) >>> shift;
                }
                e.movImm(r, v);
            }
            case UsdtArgument.Register g -> {
                e.load(Size.DW, r, ProbeCodegen.CTX, PtRegs.offsetOfRegister(g.register()));
                e.extend(r, g.size(), g.signed());
            }
            case UsdtArgument.Memory m -> {
                e.load(Size.DW, r, ProbeCodegen.CTX, PtRegs.offsetOfRegister(m.base()));
                if (m.displacement() == (int) m.displacement()) {
                    e.aluImm(AluOp.ADD, r, (int) m.displacement());
                } else {
                    e.movImm(Reg.R1, m.displacement());
                    e.alu(AluOp.ADD, r, Reg.R1);
                }
                readUser(r, r, m.size());
                e.extend(r, m.size(), m.signed());
            }
        }
    }

    /** {@code dst} = the {@code size} bytes of user memory at address {@code ptr} (0 when unreadable). */
    private void readUser(Reg dst, Reg ptr, int size) {
        int slot = frame.alloc(8);
        e.storeImm(Size.DW, Reg.R10, slot, 0);
        e.mov(Reg.R3, ptr);
        e.addr(Reg.R1, Reg.R10, slot);
        e.movImm(Reg.R2, size);
        e.call(BpfHelper.PROBE_READ_USER);
        e.load(Size.ofBytes(size), dst, Reg.R10, slot);
    }
}
