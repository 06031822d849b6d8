package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.ast.UnaryOp;
import jtrace.diag.CompileError;
import jtrace.types.StructLayout;
import jtrace.types.Type;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typing rules for C data: struct fields through {@code ->} and {@code .} (which dereferences a
 * pointer as current bpftrace does), array and pointer indexing, {@code *p}, casts to C types,
 * {@code sizeof} and {@code offsetof} of C types, {@code curtask} and raw tracepoint arguments.
 * Each method returns null when the rule does not apply, leaving the checker's own message.
 */
public final class StructTyping {
    private final StructResolver structs;
    private final ProbeTarget target;
    private final CompileOptions options;
    private final Map<Expr, Type> types;
    private final Map<Expr, Long> constants;

    StructTyping(StructResolver structs, ProbeTarget target, CompileOptions options, Map<Expr, Type> types,
                 Map<Expr, Long> constants) {
        this.structs = structs;
        this.target = target;
        this.options = options;
        this.types = types;
        this.constants = constants;
    }

    /** Builtins that depend on C types: {@code curtask}, and {@code args}/{@code argN} of raw tracepoints. */
    Type builtin(Expr.Ident id) {
        if (id.name().equals("curtask")) return structs.curtask();
        if (target instanceof ProbeTarget.RawTracepoint rt) {
            if (id.name().equals("args")) {
                if (rt.args().isEmpty()) throw new CompileError(id.span(), "No BTF found for rawtracepoint:" + rt.event()
                        + ": its typed args are unavailable (use arg0..argN)");
                return new Type.Args("rawtracepoint_" + rt.event());
            }
            if (id.name().matches("arg[0-9]+")) {
                int n = id.name().length() > 12 ? Integer.MAX_VALUE : Integer.parseInt(id.name().substring(3));
                if (n > 11) throw new CompileError(id.span(), "rawtracepoint probes have at most 12 arguments (arg0..arg11)");
                return Type.Int.UINT64;
            }
        }
        return null;
    }

    /**
     * An enumerator (of the script's enums, else the kernel's BTF) used as a constant; typed as its
     * enum, held in 8 bytes, as bpftrace does (so %s and print() show its name); null when there is
     * none of that name.
     */
    Type enumConstant(Expr.Ident id) {
        StructResolver.Enumerator c = structs.enumerator(id.name());
        if (c == null) return null;
        constants.put(id, c.value());
        return c.type();
    }

    /** A tracepoint field: of its BTF enum when its C type is one, else {@code plain}. */
    Type tracepointField(TracepointField field, Type plain) { return structs.tracepointField(field, plain); }

    /** {@code args.NAME} of a raw tracepoint. */
    Type rawArg(Expr.FieldAccess f) {
        if (!(target instanceof ProbeTarget.RawTracepoint rt)) return null;
        for (ProbeTarget.RawArg a : rt.args()) if (a.name().equals(f.field())) return a.type();
        throw new CompileError(f.span(), "Can't find function parameter " + f.field());
    }

    /** Where pointers found in memory reached through {@code e} point: user space or the kernel. */
    public static boolean inUserSpace(Expr e, Function<Expr, Type> typeOf) {
        return switch (e) {
            case Expr.FieldAccess f -> typeOf.apply(f.base()) instanceof Type.Pointer p ? p.user() : inUserSpace(f.base(), typeOf);
            case Expr.Index i -> typeOf.apply(i.base()) instanceof Type.Pointer p ? p.user() : inUserSpace(i.base(), typeOf);
            case Expr.Unary u when u.op() == UnaryOp.DEREF -> typeOf.apply(u.operand()) instanceof Type.Pointer p && p.user();
            default -> false;
        };
    }

    /** Pointers a probe gets as plain integers (casts) point where the probe's own pointers do. */
    boolean userByDefault() {
        return switch (target) {
            case ProbeTarget.Tracepoint tp -> tp.userPointers();
            case ProbeTarget.RawTracepoint rt -> false;
            case ProbeTarget.Begin b -> false;
            case ProbeTarget.End e -> false;
            case ProbeTarget.SelfSignal s -> false;
            case ProbeTarget.Interval i -> false;
            case ProbeTarget.Profile p -> false;
            case ProbeTarget.Software s -> false;
            case ProbeTarget.Hardware h -> false;
            // BTF-typed pointers of iterators and fentry/fexit arguments are kernel objects (bpftrace's AddrSpace::kernel).
            case IterTarget it -> false;
            case FentryTarget f -> false;
            default -> true;
        };
    }

    /** A pointer field of {@code args} points where the probe's pointers do (user space for syscalls). */
    private Type.Pointer argsPointerSpace(Type.Pointer p, Expr at) {
        boolean argsField = at instanceof Expr.FieldAccess a && types.get(a.base()) instanceof Type.Args;
        return argsField && !p.user() && userByDefault() ? new Type.Pointer(p.target(), p.pointee(), true) : p;
    }

    /** The struct a pointer points to, resolving its target by name when BTF left it open. */
    private Type.Pointer withPointee(Type.Pointer p, Expr at) {
        if (p.pointee() != null) return p;
        String t = p.target().replace("const ", "").replace("volatile ", "").trim();
        if (t.startsWith("struct ") || t.startsWith("union ")) {
            Type.Struct s = structs.findStruct(t, at.span());
            if (s != null) return new Type.Pointer(p.target(), s, p.user());
        }
        return p;
    }

    /**
     * A pointer with its pointee resolved as far as its size goes, for arithmetic, which moves it
     * by whole elements as C does: structs, integers by their C names, pointers; void and
     * unknown names count one byte.
     */
    Type.Pointer arithmeticPointer(Type.Pointer p0, Expr at) {
        Type.Pointer p = withPointee(p0, at);
        if (p.pointee() != null) return p;
        String t = p.target().replace("const", " ").replace("volatile", " ").trim().replaceAll("\\s+", " ");
        Type pointee = t.endsWith("*") ? new Type.Pointer(p.target().substring(0, p.target().lastIndexOf('*')).trim(), null, p.user())
                : CStructParser.cInteger(java.util.List.of(t.split(" ")));
        return pointee == null ? p : new Type.Pointer(p.target(), pointee, p.user());
    }

    Type field(Expr.FieldAccess f, Type base) {
        Type.Struct s;
        if (base instanceof Type.Pointer p0) {
            Type.Pointer p = argsPointerSpace(withPointee(p0, f.base()), f.base());
            if (!(p.pointee() instanceof Type.Struct ps)) return null;
            types.put(f.base(), p);
            s = ps;
        } else if (base instanceof Type.Struct bs) {
            s = bs;
        } else {
            return null;
        }
        StructLayout.Field field = s.layout().find(f.field()).orElseThrow(() -> new CompileError(f.span(),
                "Struct/union of type '" + s.name() + "' does not contain a field named '" + f.field() + "'"));
        Type t = field.type();
        if (t instanceof Type.Pointer fp && !fp.user() && inUserSpace(f, types::get)) t = new Type.Pointer(fp.target(), fp.pointee(), true);
        return t;
    }

    Type index(Expr.Index i, Type base) {
        if (base instanceof Type.Array a) return a.element();
        if (base instanceof Type.Pointer p0) {
            Type.Pointer p = argsPointerSpace(withPointee(p0, i.base()), i.base());
            if (p.pointee() == null) return null;
            types.put(i.base(), p);
            return p.pointee();
        }
        if (base instanceof Type.Str && isMemory(i.base())) return new Type.Int(1, true);
        return null;
    }

    /** Expressions whose value lives in traced memory (struct members, dereferences). */
    boolean isMemory(Expr e) {
        return switch (e) {
            case Expr.FieldAccess f -> !(types.get(f.base()) instanceof Type.Args) && !(types.get(f.base()) instanceof Type.Tuple);
            case Expr.Index i -> types.get(i.base()) instanceof Type.Array || types.get(i.base()) instanceof Type.Pointer;
            case Expr.Unary u -> u.op() == UnaryOp.DEREF;
            default -> false;
        };
    }

    Type deref(Expr.Unary u, Type t) {
        if (!(t instanceof Type.Pointer p0)) return null;
        Type.Pointer p = withPointee(p0, u.operand());
        if (p.pointee() == null) throw new CompileError(u.span(), "Can not dereference a pointer to '" + p.target() + "'");
        types.put(u.operand(), p);
        return p.pointee();
    }

    /** Casts to C types (struct pointers, typedefs); null for bpftrace's own integer types. */
    Type cast(Expr.Cast c, Type from) {
        String n = c.type().trim();
        if (!n.contains("*") && !n.startsWith("struct ") && !n.startsWith("union ") && isBpftraceType(n)) return null;
        // Pointers BTF typed know their side; others (tracepoint fields, integers) point where the probe's pointers do.
        boolean user = from instanceof Type.Pointer fp && fp.pointee() != null ? fp.user() : userByDefault();
        Type to = structs.typeName(n, c.span(), options, user);
        if (to instanceof Type.Struct) throw new CompileError(c.span(), "Cannot cast to \"" + to.display() + "\"");
        if (from != null && !Type.isInteger(from)) {
            throw new CompileError(c.span(), "Cannot cast from \"" + from.display() + "\" to \"" + to.display() + "\"");
        }
        if (to instanceof Type.Enum e) {
            // bpftrace checks a literal against the enum's values; other values print as numbers when unnamed.
            Long literal = c.operand() instanceof Expr.IntLit lit ? lit.value() : null;
            if (literal != null && e.nameOf(literal) == null) {
                throw new CompileError(c.span(), "Enum: " + e.name() + " doesn't contain a variant value of " + literal);
            }
        }
        return to;
    }

    private boolean isBpftraceType(String n) {
        try {
            TypeNames.parse(n, null, options);
            return true;
        } catch (CompileError e) {
            return false;
        }
    }

    /** The type of {@code let $x: TYPE}: bpftrace's names, or C types (pointers point where the probe's do). */
    Type declared(String type, jtrace.diag.Span span) {
        if (isBpftraceType(type.trim())) return TypeNames.parse(type, span, options);
        return structs.typeName(type, span, options, userByDefault());
    }

    /** {@code sizeof(TYPE)} for C types; null for bpftrace's own. */
    Type sizeOf(Expr.SizeOf s) {
        if (s.type() == null || isBpftraceType(s.type().trim())) return null;
        Type t = structs.typeName(s.type(), s.span(), options, false);
        constants.put(s, (long) t.size());
        return Type.Int.UINT64;
    }

    /** {@code offsetof(struct X, a.b)} / {@code offsetof(EXPR, a)}: the parser passes the type and the member path as identifiers. */
    Type offsetOf(Expr.Call c, Function<Expr, Type> typeOf) {
        if (c.args().size() != 2 || !(c.args().get(1) instanceof Expr.Ident path)) {
            throw new CompileError(c.span(), "offsetof() requires 2 arguments: a struct type or expression, and a member name");
        }
        Expr what = c.args().getFirst();
        Type t = what instanceof Expr.Ident id && !id.name().equals("curtask") && !id.name().equals("args")
                ? structs.typeName(id.name(), id.span(), options, false) : typeOf.apply(what);
        if (t instanceof Type.Pointer p && what instanceof Expr.Ident) t = withPointee(p, what).pointee();
        long offset = 0;
        for (String member : path.name().split("\\.")) {
            if (!(t instanceof Type.Struct s)) {
                throw new CompileError(c.span(), "offsetof() 1st argument is not of a record type.");
            }
            Optional<StructLayout.Field> f = s.layout().find(member);
            if (f.isEmpty()) throw new CompileError(path.span(), "'" + s.name() + "' has no field named '" + member + "'");
            offset += f.get().byteOffset();
            t = f.get().type();
        }
        constants.put(c, offset);
        return Type.Int.UINT64;
    }
}
