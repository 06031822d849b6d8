package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.sema.ProbeTarget;
import jtrace.sema.TracepointField;
import jtrace.symbols.ElfSymbolTable;
import jtrace.symbols.KernelSymbols;
import jtrace.types.PtRegs;
import jtrace.types.Type;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Code for stacks, symbols and addresses (kstack/ustack through a stack trace map and
 * bpf_get_stackid, ksym, usym, kaddr, uaddr, reg, ntop, macaddr, strftime, cgroupid) and for the
 * user-space actions system() and cat(), signal() and override().
 */
final class SymbolOps {
    /** bpf_get_stackid flag: walk the user stack (BPF_F_USER_STACK). */
    static final int BPF_F_USER_STACK = 1 << 8;
    static final int AF_INET = 2, AF_INET6 = 10;
    /** Entries of each stack trace map: distinct stacks a run can record. */
    static final int STACK_MAP_ENTRIES = 4096;

    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;
    private final ProgramContext program;

    SymbolOps(ProbeCodegen gen, Emitter e, Frame frame, ProgramContext program) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
        this.program = program;
    }

    /** The stack trace map a stack type reads: one per user/kernel and depth. */
    public static String stackMapName(Type.Stack s) { return "stack_" + (s.user() ? "u" : "k") + s.depth(); }

    /** Whether this class computes {@code x} as a scalar. */
    static boolean handles(Expr x, Type t) {
        return switch (x) {
            case Expr.Ident id -> t instanceof Type.Stack;
            case Expr.Call c -> switch (c.name()) {
                case "kstack", "ustack", "ksym", "kaddr", "uaddr", "reg", "macaddr", "strftime", "cgroupid" -> true;
                default -> false;
            };
            default -> false;
        };
    }

    /** Types written to memory (more than one word) rather than computed in a register. */
    static boolean inMemory(Type t) { return t instanceof Type.Usym || t instanceof Type.Inet; }

    static boolean isAction(String name) {
        return name.equals("system") || name.equals("cat") || name.equals("signal") || name.equals("override");
    }

    Reg scalar(Expr x) {
        Type t = gen.typeOf(x);
        if (t instanceof Type.Stack s) return stack(s, x);
        Expr.Call c = (Expr.Call) x;
        return switch (c.name()) {
            case "ksym", "strftime" -> gen.scalar(c.args().getLast());
            case "kaddr" -> constant(KernelSymbols.system().address(literal(c)).orElseThrow(
                    () -> new CompileError(c.span(), "Failed to resolve kernel symbol: " + literal(c))), c);
            case "uaddr" -> uaddr(c);
            case "cgroupid" -> constant(cgroupId(c), c);
            case "reg" -> {
                Reg r = gen.regs().take(c.span());
                e.load(Size.DW, r, ProbeCodegen.CTX, PtRegs.offset(literal(c)));
                yield r;
            }
            case "macaddr" -> macaddr(c);
            default -> throw new IllegalStateException(c.name());
        };
    }

    private Reg constant(long v, Expr x) {
        Reg r = gen.regs().take(x.span());
        e.movImm(r, v);
        return r;
    }

    private static String literal(Expr.Call c) { return ((Expr.StrLit) c.args().getFirst()).value(); }

    /** The stack id from bpf_get_stackid in the low 32 bits; for ustack the pid in the high 32. */
    private Reg stack(Type.Stack s, Expr x) {
        program.stackMap(stackMapName(s), s.depth() * 8, STACK_MAP_ENTRIES);
        Reg r = gen.regs().take(x.span());
        e.mov(Reg.R1, ProbeCodegen.CTX);
        e.mapFd(Reg.R2, stackMapName(s));
        e.movImm(Reg.R3, s.user() ? BPF_F_USER_STACK : 0);
        e.call(BpfHelper.GET_STACKID);
        e.mov(r, Reg.R0);
        e.zeroExtend32(r);
        if (s.user()) {
            e.call(BpfHelper.GET_CURRENT_PID_TGID);
            e.aluImm(AluOp.RSH, Reg.R0, 32);
            e.aluImm(AluOp.LSH, Reg.R0, 32);
            e.alu(AluOp.OR, r, Reg.R0);
        }
        return r;
    }

    /**
     * uaddr("sym"): where the symbol is in the traced process. A position-independent binary loads
     * anywhere, so the address is taken relative to the probe's own: at a uprobe or usdt probe the
     * saved instruction pointer is the probed address, whose place in the file is known; for a
     * fixed-address executable this gives the symbol's value itself. (bpftrace finds the load
     * address with the task_vma iterator kfuncs, which jtrace does not call.)
     */
    private Reg uaddr(Expr.Call c) {
        String[] parts = gen.target().name().split(":", 3);
        String binary = parts.length > 1 ? parts[1] : "";
        ElfSymbolTable table;
        long value;
        try {
            table = ElfSymbolTable.read(Path.of(binary));
            value = table.lookup(literal(c)).orElseThrow().value();
        } catch (Exception ex) {
            throw new CompileError(c.span(), "Could not resolve symbol: " + binary + ":" + literal(c));
        }
        java.util.OptionalLong probed = switch (gen.target()) {
            case ProbeTarget.Uprobe u when !u.ret() -> table.vaddrOf(u.fileOffset());
            case ProbeTarget.Usdt u -> java.util.OptionalLong.of(u.probe().pc());
            default -> java.util.OptionalLong.empty();
        };
        if (probed.isEmpty()) return constant(value, c);
        Reg r = gen.regs().take(c.span());
        e.load(Size.DW, r, ProbeCodegen.CTX, PtRegs.offset("ip"));
        e.movImm(Reg.R1, value - probed.getAsLong());
        e.alu(AluOp.ADD, r, Reg.R1);
        return r;
    }

    private static long cgroupId(Expr.Call c) {
        try {
            return ((Number) Files.getAttribute(Path.of(literal(c)), "unix:ino")).longValue();
        } catch (Exception ex) {
            throw new CompileError(c.span(), "Failed to get `cgroupid` for path: \"" + literal(c) + "\": " + ex.getMessage());
        }
    }

    /** Six bytes, from a tracepoint array field or through a pointer, in the low bytes of a word. */
    private Reg macaddr(Expr.Call c) {
        int mark = frame.mark();
        int slot = frame.alloc(8);
        e.zero(Reg.R10, slot, 8);
        readBytes(c.args().getFirst(), slot, 6);
        Reg r = gen.regs().take(c.span());
        e.load(Size.DW, r, Reg.R10, slot);
        frame.release(mark);
        return r;
    }

    /** Copies {@code n} bytes an argument designates (a tracepoint array, or memory a pointer points to) to a stack slot. */
    private void readBytes(Expr src, int slot, int n) {
        readBytes(src, Reg.R10, slot, n);
    }

    private void readBytes(Expr src, Reg base, int off, int n) {
        if (tracepointField(src) instanceof Expr.FieldAccess f) {
            TracepointField field = gen.argsField(f);
            e.addr(Reg.R1, base, off);
            e.movImm(Reg.R2, Math.min(n, Math.max(field.size(), 1)));
            e.addr(Reg.R3, ProbeCodegen.CTX, field.offset());
            e.call(BpfHelper.PROBE_READ_KERNEL);
            return;
        }
        if (isArrayInMemory(src)) {
            // An array member (args.s->mac, $p->addr): its bytes are where it lies, not behind it.
            Reg a = gen.structs().address(src);
            e.addr(Reg.R1, base, off);
            e.movImm(Reg.R2, n);
            e.mov(Reg.R3, a);
            gen.regs().release(a);
            e.call(gen.structs().readHelper(src));
            return;
        }
        Reg ptr = gen.scalar(src);
        e.addr(Reg.R1, base, off);
        e.movImm(Reg.R2, n);
        e.mov(Reg.R3, ptr);
        gen.regs().release(ptr);
        e.call(userPointers() ? BpfHelper.PROBE_READ_USER : BpfHelper.PROBE_READ_KERNEL);
    }

    /** Pointers of uprobes and syscall tracepoints are user-space ones; those of kernel probes (fentry, rawtracepoint...) are not. */
    private boolean userPointers() {
        if (gen.target() instanceof ProbeTarget.Kernel k && !(k instanceof jtrace.sema.WatchpointTarget)) return false;
        if (gen.target() instanceof ProbeTarget.RawTracepoint) return false;
        return !(gen.target() instanceof ProbeTarget.Tracepoint tp) || tp.userPointers();
    }

    private boolean isArrayInMemory(Expr x) {
        Type t = gen.typeOf(x);
        return (t instanceof Type.Array || t instanceof Type.Str) && gen.structs().isMemory(x);
    }

    /** Writes a usym or ntop value at base+off. */
    void write(Expr.Call c, Reg base, int off) {
        switch (c.name()) {
            case "usym" -> {
                Reg addr = gen.scalar(c.args().getFirst());
                e.store(Size.DW, base, off, addr);
                gen.regs().release(addr);
                e.call(BpfHelper.GET_CURRENT_PID_TGID);
                e.aluImm(AluOp.RSH, Reg.R0, 32);
                e.store(Size.DW, base, off + 8, Reg.R0);
            }
            case "ntop" -> ntop(c, base, off);
            default -> throw new CompileError(c.span(), "jtrace cannot produce this value yet");
        }
    }

    private void ntop(Expr.Call c, Reg base, int off) {
        Expr addr = c.args().getLast();
        e.zero(base, off, 24);
        int arrayLen = arrayLength(addr);
        if (c.args().size() == 2) {
            gen.write(c.args().getFirst(), base, off);
        } else {
            e.storeImm(Size.DW, base, off, arrayLen == 16 ? AF_INET6 : AF_INET);
        }
        if (arrayLen > 0 && (tracepointField(addr) != null || isArrayInMemory(addr))) {
            readBytes(addr, base, off + 8, arrayLen);
        } else if (gen.typeOf(addr) instanceof Type.Array) {
            // A byte array value (pton(), a variable holding one): its bytes are the address.
            gen.write(addr, base, off + 8);
        } else {
            Reg v = gen.scalar(addr);
            e.store(Size.W, base, off + 8, v);
            gen.regs().release(v);
        }
    }

    /** The byte length of an array argument (a tracepoint array field), or 0 for an integer. */
    private int arrayLength(Expr x) {
        if (tracepointField(x) instanceof Expr.FieldAccess f) {
            TracepointField field = gen.argsField(f);
            if (field.size() == 4 || field.size() == 16) return field.size();
        }
        if (isArrayInMemory(x) && (gen.typeOf(x).size() == 4 || gen.typeOf(x).size() == 16)) return gen.typeOf(x).size();
        if (gen.typeOf(x) instanceof Type.Array a) return a.length();
        return 0;
    }

    /** {@code x} when it is a field of a tracepoint's args (read at its offset in the context), else null. */
    private Expr.FieldAccess tracepointField(Expr x) {
        boolean tracepoint = gen.target() instanceof ProbeTarget.Tracepoint;
        return tracepoint && x instanceof Expr.FieldAccess f && gen.typeOf(f.base()) instanceof Type.Args ? f : null;
    }

    // ---- actions ----

    void action(Expr.Call c) {
        switch (c.name()) {
            case "system", "cat" -> formatted(c, c.name().equals("system") ? EventSpec.Action.Kind.SYSTEM : EventSpec.Action.Kind.CAT);
            case "signal" -> {
                Expr arg = c.args().getFirst();
                if (arg instanceof Expr.StrLit s) {
                    e.movImm(Reg.R1, signalNumber(s.value()));
                } else {
                    Reg r = gen.scalar(arg);
                    e.mov(Reg.R1, r);
                    gen.regs().release(r);
                }
                e.call(BpfHelper.SEND_SIGNAL);
            }
            case "override" -> {
                Reg r = gen.scalar(c.args().getFirst());
                e.mov(Reg.R2, r);
                gen.regs().release(r);
                e.mov(Reg.R1, ProbeCodegen.CTX);
                e.call(BpfHelper.OVERRIDE_RETURN);
            }
            default -> throw new IllegalStateException(c.name());
        }
    }

    private static int signalNumber(String name) {
        List<String> names = List.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
                "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
                "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");
        return names.indexOf(name.startsWith("SIG") ? name.substring(3) : name) + 1;
    }

    /** system()/cat(): the printf-formatted command or path travels as a record, run in user space. */
    private void formatted(Expr.Call c, EventSpec.Action.Kind kind) {
        new EventOps(gen, e, frame, program).formatted(c, (format, layout, size) -> new EventSpec.Action(kind, format, layout, size));
    }
}
