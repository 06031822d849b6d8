package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.ast.UnaryOp;
import jtrace.diag.CompileError;
import jtrace.sema.ProbeTarget;
import jtrace.types.StructLayout;
import jtrace.types.Type;

/**
 * C data in traced memory: the address of a struct member, array element or dereferenced
 * pointer is computed into a register, then the value is copied to the stack with
 * bpf_probe_read_kernel (or _user for user-space pointers) and loaded from there. Bitfields
 * are shifted and masked out of the bytes that hold them. Raw tracepoint arguments come
 * straight from the context's u64 array.
 */
final class StructOps {
    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;

    StructOps(ProbeCodegen gen, Emitter e, Frame frame) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
    }

    /** Whether {@code x} is a value in traced memory this class reads. */
    boolean isMemory(Expr x) {
        return switch (x) {
            case Expr.FieldAccess f -> {
                Type b = gen.typeOf(f.base());
                yield b instanceof Type.Struct || b instanceof Type.Pointer p && p.pointee() instanceof Type.Struct;
            }
            case Expr.Index i -> {
                Type b = gen.typeOf(i.base());
                yield b instanceof Type.Array || b instanceof Type.Pointer p && p.pointee() != null
                        || b instanceof Type.Str && isMemory(i.base());
            }
            case Expr.Unary u -> u.op() == UnaryOp.DEREF;
            default -> false;
        };
    }

    /** {@code argN} or {@code args.NAME} of a raw tracepoint. */
    boolean isRawArg(Expr x) {
        if (!(gen.target() instanceof ProbeTarget.RawTracepoint)) return false;
        return x instanceof Expr.Ident id && id.name().matches("arg[0-9]+")
                || x instanceof Expr.FieldAccess f && gen.typeOf(f.base()) instanceof Type.Args;
    }

    Reg rawArg(Expr x) {
        int index;
        if (x instanceof Expr.Ident id) {
            index = Integer.parseInt(id.name().substring(3));
        } else {
            Expr.FieldAccess f = (Expr.FieldAccess) x;
            ProbeTarget.RawTracepoint rt = (ProbeTarget.RawTracepoint) gen.target();
            index = 0;
            while (!rt.args().get(index).name().equals(f.field())) index++;
        }
        Reg r = gen.regs().take(x.span());
        e.load(Size.DW, r, ProbeCodegen.CTX, index * 8);
        if (Type.intOf(gen.typeOf(x)) instanceof Type.Int i) e.extend(r, i.bytes(), i.signed());
        return r;
    }

    /** Reads an integer or pointer member into a pool register. */
    Reg read(Expr x) {
        Type t = gen.typeOf(x);
        if (t instanceof Type.Struct || t instanceof Type.Array) {
            throw new CompileError(x.span(), "a value of type '" + t.display() + "' is not an integer: read one of its "
                    + (t instanceof Type.Struct ? "members" : "elements") + " instead");
        }
        long bitOffset = 0;
        int bitSize = 0;
        if (x instanceof Expr.FieldAccess f) {
            StructLayout.Field field = field(f);
            bitOffset = field.bitOffset() % 8;
            bitSize = field.bitSize();
        }
        int size = t.size();
        if (bitSize > 0) size = (int) ((bitOffset + bitSize + 7) / 8);
        int readSize = size == 1 || size == 2 || size == 4 || size == 8 ? size : 8;
        Reg a = address(x);
        int slot = frame.alloc(8);
        e.storeImm(Size.DW, Reg.R10, slot, 0);
        e.stackAddr(Reg.R1, slot);
        e.movImm(Reg.R2, size);
        e.mov(Reg.R3, a);
        e.call(helper(x));
        if (bitSize > 0) {
            e.load(Size.DW, a, Reg.R10, slot);
            boolean signed = t instanceof Type.Int i && i.signed();
            e.aluImm(AluOp.LSH, a, (int) (64 - bitOffset - bitSize));
            e.aluImm(signed ? AluOp.ARSH : AluOp.RSH, a, 64 - bitSize);
        } else {
            e.load(Size.ofBytes(readSize), a, Reg.R10, slot);
            if (t instanceof Type.Int i && i.signed()) e.extend(a, i.bytes(), true);
        }
        return a;
    }

    /** Copies a whole struct, union or array value from traced memory (or a variable holding one) to base+off. */
    void copy(Expr x, Reg base, int off) {
        Reg a = address(x);
        e.addr(Reg.R1, base, off);
        e.movImm(Reg.R2, gen.typeOf(x).size());
        e.mov(Reg.R3, a);
        e.call(helper(x));
        gen.regs().release(a);
    }

    /** Copies a char array member (a string) into base+off, at most the string's capacity. */
    void readString(Expr x, Type.Str t, Reg base, int off) {
        int n = Math.min(t.capacity(), ((Type.Str) gen.typeOf(x)).capacity());
        Reg a = address(x);
        e.addr(Reg.R1, base, off);
        e.movImm(Reg.R2, n);
        e.mov(Reg.R3, a);
        e.call(helper(x));
        gen.regs().release(a);
    }

    BpfHelper readHelper(Expr x) { return helper(x); }

    private BpfHelper helper(Expr x) {
        return jtrace.sema.StructTyping.inUserSpace(x, gen::typeOf) ? BpfHelper.PROBE_READ_USER : BpfHelper.PROBE_READ_KERNEL;
    }

    private StructLayout.Field field(Expr.FieldAccess f) {
        Type b = gen.typeOf(f.base());
        Type.Struct s = b instanceof Type.Pointer p ? (Type.Struct) p.pointee() : (Type.Struct) b;
        return s.layout().find(f.field()).orElseThrow();
    }

    /** The address of a value in traced memory, in a pool register. */
    Reg address(Expr x) {
        switch (x) {
            case Expr.FieldAccess f -> {
                Reg r = gen.typeOf(f.base()) instanceof Type.Pointer ? gen.scalar(f.base()) : address(f.base());
                long off = field(f).bitOffset() / 8;
                if (off != 0) e.aluImm(AluOp.ADD, r, (int) off);
                return r;
            }
            case Expr.Unary u when u.op() == UnaryOp.DEREF -> {
                return gen.scalar(u.operand());
            }
            case Expr.Index i -> {
                Type b = gen.typeOf(i.base());
                int elem = switch (b) {
                    case Type.Array a -> a.element().size();
                    case Type.Pointer p -> p.pointee().size();
                    default -> 1;
                };
                if (i.index() instanceof Expr.IntLit lit && lit.value() * elem == (int) (lit.value() * elem)) {
                    Reg r = b instanceof Type.Pointer ? gen.scalar(i.base()) : address(i.base());
                    if (lit.value() != 0) e.aluImm(AluOp.ADD, r, (int) (lit.value() * elem));
                    return r;
                }
                Reg r = b instanceof Type.Pointer ? gen.scalar(i.base()) : address(i.base());
                Reg idx = gen.scalar(i.index());
                if (elem != 1) e.aluImm(AluOp.MUL, idx, elem);
                e.alu(AluOp.ADD, r, idx);
                gen.regs().release(idx);
                return r;
            }
            case Expr.Variable v when gen.typeOf(v) instanceof Type.Struct || gen.typeOf(v) instanceof Type.Array -> {
                // A struct or array held in a variable is read back from its slot like any other memory.
                Reg r = gen.regs().take(v.span());
                e.stackAddr(r, gen.variableSlot(v));
                return r;
            }
            case Expr.MapAccess m when gen.typeOf(m) instanceof Type.Struct || gen.typeOf(m) instanceof Type.Array -> {
                // As bpftrace: a struct map value is first copied to the stack, then its members read from there.
                int size = jtrace.types.TupleLayout.slotSize(gen.typeOf(m));
                int slot = frame.alloc(size);
                gen.maps().readInto(m, Reg.R10, slot, size);
                Reg r = gen.regs().take(m.span());
                e.stackAddr(r, slot);
                return r;
            }
            case Expr x1 when gen.typeOf(x1) instanceof Type.Array a -> {
                // An array value made in the probe (a cast, pton()) is indexed from a stack copy.
                int slot = frame.alloc(jtrace.types.TupleLayout.slotSize(a));
                gen.write(x1, Reg.R10, slot);
                Reg r = gen.regs().take(x1.span());
                e.stackAddr(r, slot);
                return r;
            }
            default -> throw new CompileError(x.span(), "jtrace cannot take the address of this expression");
        }
    }
}
