package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.elf.ElfSymbol;
import jtrace.symbols.ElfSymbolTable;
import jtrace.symbols.KernelSymbols;
import jtrace.types.PtRegs;
import jtrace.types.Type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Stacks, symbols, addresses and the unsafe actions: kstack/ustack, ksym/usym, kaddr/uaddr, reg,
 * ntop, macaddr, strftime, cgroupid, system, cat, signal, override. Values resolved at compile
 * time (kaddr, uaddr, cgroupid) are looked up here.
 */
final class SymbolFunctions {
    private SymbolFunctions() {}

    /** bpftrace's default stack depth, the kernel's default perf_event_max_stack. */
    static final int DEFAULT_STACK_DEPTH = 127;

    /** Probe kinds whose context is (or starts with) a struct pt_regs. */
    private static final Set<String> REGS_CONTEXT = Set.of("kprobe", "kretprobe", "uprobe", "uretprobe", "usdt", "profile");
    private static final Set<String> SIGNAL_PROBES = Set.of("kprobe", "kretprobe", "uprobe", "uretprobe", "usdt", "profile");
    private static final Set<String> USER_PROBES = Set.of("uprobe", "uretprobe", "usdt");

    static final Map<String, Integer> SIGNALS = Map.ofEntries(
            Map.entry("SIGHUP", 1), Map.entry("SIGINT", 2), Map.entry("SIGQUIT", 3), Map.entry("SIGILL", 4),
            Map.entry("SIGTRAP", 5), Map.entry("SIGABRT", 6), Map.entry("SIGBUS", 7), Map.entry("SIGFPE", 8),
            Map.entry("SIGKILL", 9), Map.entry("SIGUSR1", 10), Map.entry("SIGSEGV", 11), Map.entry("SIGUSR2", 12),
            Map.entry("SIGPIPE", 13), Map.entry("SIGALRM", 14), Map.entry("SIGTERM", 15), Map.entry("SIGSTKFLT", 16),
            Map.entry("SIGCHLD", 17), Map.entry("SIGCONT", 18), Map.entry("SIGSTOP", 19), Map.entry("SIGTSTP", 20),
            Map.entry("SIGTTIN", 21), Map.entry("SIGTTOU", 22), Map.entry("SIGURG", 23), Map.entry("SIGXCPU", 24),
            Map.entry("SIGXFSZ", 25), Map.entry("SIGVTALRM", 26), Map.entry("SIGPROF", 27), Map.entry("SIGWINCH", 28),
            Map.entry("SIGIO", 29), Map.entry("SIGPWR", 30), Map.entry("SIGSYS", 31));

    static boolean isStack(String name) { return name.equals("kstack") || name.equals("ustack"); }

    /** The bare builtins {@code kstack} and {@code ustack}: the configured mode, the default depth. */
    static Type stackBuiltin(Expr.Ident id, CompileOptions options) {
        return isStack(id.name()) ? new Type.Stack(id.name().equals("ustack"), options.stackMode(), DEFAULT_STACK_DEPTH) : null;
    }

    /** {@code kstack([mode, ][limit])}: the mode is a bare word, so the arguments are not typed as expressions. */
    static Type stackCall(Expr.Call c, CompileOptions options) {
        Functions.arity(c, 0, 2);
        String mode = options.stackMode();
        int depth = DEFAULT_STACK_DEPTH;
        List<Expr> args = c.args();
        int next = 0;
        if (!args.isEmpty() && args.getFirst() instanceof Expr.Ident id) {
            if (!CompileOptions.STACK_MODES.contains(id.name())) {
                throw new CompileError(id.span(), c.name() + "(): invalid stack mode '" + id.name() + "' (bpftrace, perf or raw)");
            }
            mode = id.name();
            next = 1;
        }
        if (next < args.size()) {
            if (next + 1 != args.size()) throw new CompileError(c.span(), c.name() + "(): expects ([mode, ][limit])");
            long limit = Functions.literal(args.get(next), c.name() + "() limit");
            int max = maxStackDepth();
            if (limit < 1 || limit > max) {
                throw new CompileError(args.get(next).span(), c.name() + "() limit must be between 1 and " + max + " (" + limit + " provided)");
            }
            depth = (int) limit;
        }
        return new Type.Stack(c.name().equals("ustack"), mode, depth);
    }

    /** The kernel's limit on stack depth (kernel.perf_event_max_stack). */
    static int maxStackDepth() {
        // Not Files.readString: procfs reports a size that makes it stop after one byte.
        try (var in = Files.newInputStream(Path.of("/proc/sys/kernel/perf_event_max_stack"))) {
            return Integer.parseInt(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return DEFAULT_STACK_DEPTH;
        }
    }

    /** Checks one of this class's functions; null when {@code c} is none of them. */
    static Type check(Expr.Call c, List<Type> args, ProbeTarget target, CompileOptions options) {
        String kind = Builtins.kindOf(target);
        return switch (c.name()) {
            case "ksym", "usym" -> {
                Functions.arity(c, 1, 1);
                requireInteger(c, args.getFirst());
                yield c.name().equals("ksym") ? new Type.Ksym() : new Type.Usym();
            }
            case "kaddr" -> {
                Functions.arity(c, 1, 1);
                String name = stringLiteral(c, 0);
                OptionalLong addr = KernelSymbols.system().address(name);
                if (addr.isEmpty()) throw new CompileError(c.span(), "Failed to resolve kernel symbol: " + name);
                yield Type.Int.UINT64;
            }
            case "uaddr" -> {
                Functions.arity(c, 1, 1);
                String name = stringLiteral(c, 0);
                if (!USER_PROBES.contains(kind)) throw notWith(c, "uaddr", kind);
                ElfSymbol sym = uaddrSymbol(c, target, name);
                if (target instanceof ProbeTarget.Uprobe u && u.ret() && loadsAnywhere(u.binary())) {
                    throw new CompileError(c.span(), "uaddr() in a uretprobe of a position-independent binary (" + u.binary()
                            + ") needs its load address, which bpftrace finds with the task_vma iterator kfuncs and jtrace"
                            + " does not: use uaddr() in a uprobe of the same binary");
                }
                Type.Int pointee = switch ((int) sym.size()) {
                    case 1 -> new Type.Int(1, false);
                    case 2 -> new Type.Int(2, false);
                    case 4 -> Type.Int.UINT32;
                    default -> Type.Int.UINT64;
                };
                // A pointer into the traced process, so *uaddr("x") reads user memory.
                yield new Type.Pointer(pointee.display(), pointee, true);
            }
            case "reg" -> {
                Functions.arity(c, 1, 1);
                String name = stringLiteral(c, 0);
                if (!REGS_CONTEXT.contains(kind)) throw notWith(c, "reg", kind);
                if (!PtRegs.has(name)) {
                    throw new CompileError(c.span(), "'" + name + "' is not a valid register on this architecture (x86_64)");
                }
                yield Type.Int.UINT64;
            }
            case "ntop" -> {
                Functions.arity(c, 1, 2);
                for (int i = 0; i < args.size(); i++) {
                    Type t = args.get(i);
                    boolean ok = Type.isInteger(t) || i == args.size() - 1 && (t instanceof Type.Str s && (s.capacity() == 4 || s.capacity() == 16)
                            || byteArray(t) == 4 || byteArray(t) == 16);
                    if (!ok) throw new CompileError(c.args().get(i).span(), "ntop() expects an integer or array argument (" + t.display() + " provided)");
                }
                yield new Type.Inet();
            }
            case "macaddr" -> {
                Functions.arity(c, 1, 1);
                Type t = args.getFirst();
                if (!(Type.isInteger(t) || t instanceof Type.Str s && s.capacity() >= 6 || byteArray(t) >= 6)) {
                    throw new CompileError(c.span(), "macaddr() only supports array or pointer arguments (" + t.display() + " provided)");
                }
                yield new Type.MacAddr();
            }
            case "strftime" -> {
                Functions.arity(c, 2, 2);
                String fmt = stringLiteral(c, 0);
                requireInteger(c, args.get(1));
                // As bpftrace, which follows nsecs(clock) into strftime: monotonic time has no date.
                String clock = c.args().get(1) instanceof Expr.Call n && n.name().equals("nsecs") && n.args().size() == 1
                        ? Clocks.clock(n) : "boot";
                if (clock.equals("monotonic")) throw new CompileError(c.span(), "strftime() can not take a monotonic timestamp");
                yield new Type.Timestamp(fmt, clock.endsWith("tai"));
            }
            case "cgroupid" -> {
                Functions.arity(c, 1, 1);
                cgroupId(c, stringLiteral(c, 0));
                yield Type.Int.UINT64;
            }
            case "system", "cat" -> {
                if (c.name().equals("system")) requireUnsafe(c, options);
                if (c.args().isEmpty()) throw new CompileError(c.span(), c.name() + "() requires at least one argument (0 provided)");
                if (!(c.args().getFirst() instanceof Expr.StrLit fmt)) {
                    throw new CompileError(c.span(), c.name() + "() expects a string literal (" + Functions.kindName(args.getFirst()) + " provided)");
                }
                PrintfCheck.check(c, fmt.value(), args.subList(1, args.size()));
                yield new Type.Void();
            }
            case "signal" -> {
                requireUnsafe(c, options);
                Functions.arity(c, 1, 1);
                if (!SIGNAL_PROBES.contains(kind)) throw notWith(c, "signal", kind);
                signalNumber(c, args.getFirst());
                yield new Type.Void();
            }
            case "override" -> {
                requireUnsafe(c, options);
                Functions.arity(c, 1, 1);
                if (!kind.equals("kprobe")) throw new CompileError(c.span(), "override can only be used with kprobes.");
                Lockdown.refuse(c, "override()");
                requireInteger(c, args.getFirst());
                yield new Type.Void();
            }
            default -> null;
        };
    }

    /** A signal given by name ("SIGKILL", "KILL") or number, as a literal; user errors are bpftrace's. */
    static int signalNumber(Expr.Call c, Type t) {
        Expr arg = c.args().getFirst();
        if (arg instanceof Expr.StrLit s) {
            String name = s.value().startsWith("SIG") ? s.value() : "SIG" + s.value();
            Integer n = SIGNALS.get(name);
            if (n == null) throw new CompileError(arg.span(), "Signal not supported: " + s.value());
            return n;
        }
        if (arg instanceof Expr.IntLit i) {
            if (i.value() < 1 || i.value() > 64) throw new CompileError(arg.span(), "sig must be between 1 and 64");
            return (int) i.value();
        }
        if (!Type.isInteger(t)) throw new CompileError(arg.span(), "signal() only accepts string literals or integers (" + t.display() + " provided)");
        return -1;
    }

    static void requireUnsafe(Expr.Call c, CompileOptions options) {
        if (!options.unsafe()) throw new CompileError(c.span(), c.name() + "() is an unsafe function being used in safe mode");
    }

    private static CompileError notWith(Expr.Call c, String fn, String kind) {
        return new CompileError(c.span(), fn + " can not be used with \"" + kind + "\" probes");
    }

    private static void requireInteger(Expr.Call c, Type t) {
        if (!Type.isInteger(t)) throw new CompileError(c.span(), c.name() + "() expects an integer argument (" + t.display() + " provided)");
    }

    static String stringLiteral(Expr.Call c, int i) {
        if (!(c.args().get(i) instanceof Expr.StrLit s)) throw new CompileError(c.args().get(i).span(), c.name() + "() expects a string literal");
        return s.value();
    }

    /** The symbol named {@code name} in the binary of a uprobe target ({@code uprobe:BINARY:FUNC}). */
    static ElfSymbol uaddrSymbol(Expr.Call c, ProbeTarget target, String name) {
        String[] parts = target.name().split(":", 3);
        String binary = parts.length >= 2 ? parts[1] : "";
        try {
            return ElfSymbolTable.read(Path.of(binary)).lookup(name)
                    .orElseThrow(() -> new CompileError(c.span(), "Could not resolve symbol: " + binary + ":" + name));
        } catch (CompileError e) {
            throw e;
        } catch (Exception e) {
            throw new CompileError(c.span(), "Could not resolve symbol: " + binary + ":" + name);
        }
    }

    /** Whether the binary is position-independent: its first PT_LOAD segment is at address 0. */
    private static boolean loadsAnywhere(String binary) {
        try {
            var segments = ElfSymbolTable.read(Path.of(binary)).segments().segments();
            return !segments.isEmpty() && segments.getFirst().vaddr() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** The address uaddr() yields: the symbol's value in its file (non-PIE executables load there). */
    static long uaddr(Expr.Call c, ProbeTarget target) {
        return uaddrSymbol(c, target, ((Expr.StrLit) c.args().getFirst()).value()).value();
    }

    /**
     * cgroupid(path): on cgroup2 the id is the directory's inode number (kernfs node id), which
     * is what name_to_handle_at returns. Other file systems give bpftrace's EOVERFLOW error.
     */
    static long cgroupId(Expr.Call c, String path) {
        String fail = "Failed to get `cgroupid` for path: \"" + path + "\": ";
        Path p = Path.of(path);
        try {
            if (!Files.exists(p)) throw new CompileError(c.span(), fail + "No such file or directory");
            if (!CgroupFs.isCgroup2(p)) throw new CompileError(c.span(), fail + "Value too large for defined data type");
            return ((Number) Files.getAttribute(p, "unix:ino")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            throw new CompileError(c.span(), fail + e.getMessage());
        }
    }

    /** The length of an array of bytes (unsigned char, u8...), or -1 for any other type. */
    private static int byteArray(Type t) {
        return t instanceof Type.Array a && a.element() instanceof Type.Int e && e.bytes() == 1 ? a.length() : -1;
    }
}
