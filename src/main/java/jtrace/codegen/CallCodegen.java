package jtrace.codegen;

import jtrace.asm.BpfHelper;
import jtrace.asm.JumpOp;
import jtrace.asm.Reg;
import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

/** Builtin function calls with an integer value, dispatched by name to the code (or the family of ops) that computes them. */
final class CallCodegen {
    private final ProbeCodegen gen;
    private final Emitter e;

    CallCodegen(ProbeCodegen gen, Emitter e) {
        this.gen = gen;
        this.e = e;
    }

    /** Evaluates the call into a pool register the caller must release. */
    Reg scalar(Expr.Call c) {
        return switch (c.name()) {
            case "kptr", "uptr" -> gen.scalar(c.args().getFirst());
            case "is_array", "is_integer", "is_literal", "is_ptr", "is_str", "is_unsigned_integer" ->
                    gen.constant(typeTest(c.name(), c.args().getFirst()) ? 1 : 0, c);
            case "nsecs" -> {
                Reg r = gen.regs().take(c.span());
                e.call(switch (jtrace.sema.Clocks.clock(c)) {
                    case "monotonic" -> BpfHelper.KTIME_GET_NS;
                    case "boot" -> BpfHelper.KTIME_GET_BOOT_NS;
                    default -> BpfHelper.KTIME_GET_TAI_NS;
                });
                e.mov(r, Reg.R0);
                yield r;
            }
            case "bswap" -> {
                Reg r = gen.scalar(c.args().getFirst());
                int bytes = ((Type.Int) gen.typeOf(c)).bytes();
                if (bytes == 1) e.extend(r, 1, false);
                else e.byteSwap(r, bytes * 8);
                yield r;
            }
            // The errno itself travels; user space turns it into the message.
            case "strerror" -> gen.scalar(c.args().getFirst());
            case "syscall_name", "cgroup_path" -> gen.scalar(c.args().getFirst());
            case "memcmp" -> gen.manual().memcmp(c);
            case "has_key" -> gen.maps().hasKey(c);
            case "len" -> gen.mapLoops().count((Expr.MapAccess) c.args().getFirst(), c.span());
            case "delete" -> {
                gen.maps().delete(c);
                // bpf_map_delete_elem returns 0 when the key was there.
                Reg r = gen.regs().take(c.span());
                e.setBool(r, JumpOp.JEQ, Reg.R0, 0, true);
                yield r;
            }
            case "getopt" -> gen.scalar(jtrace.sema.NamedParams.value(c, gen.program().checked().options()));
            case "strncmp", "strcontains", "strlen", "strstr" -> new StringTests(gen, e).evaluate(c);
            default -> {
                if (SymbolOps.handles(c, gen.typeOf(c))) yield gen.symbols().scalar(c);
                throw new CompileError(c.span(), "jtrace cannot generate code for this expression yet");
            }
        };
    }

    /** is_array(), is_integer()...: what the argument's type (or, for is_literal, its syntax) is. */
    private boolean typeTest(String name, Expr arg) {
        Type t = gen.typeOf(arg);
        return switch (name) {
            case "is_array" -> t instanceof Type.Array;
            case "is_integer" -> t instanceof Type.Int;
            // bpftrace types a non-negative literal as the smallest unsigned type that holds it.
            case "is_unsigned_integer" -> arg instanceof Expr.IntLit n ? n.value() >= 0 : t instanceof Type.Int i && !i.signed();
            case "is_ptr" -> t instanceof Type.Pointer;
            case "is_str" -> t instanceof Type.Str;
            case "is_literal" -> arg instanceof Expr.IntLit || arg instanceof Expr.StrLit || arg instanceof Expr.BoolLit;
            default -> throw new IllegalStateException(name);
        };
    }
}
