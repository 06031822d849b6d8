package jtrace.sema;

import jtrace.ast.Preamble;
import jtrace.btf.Btf;
import jtrace.btf.BtfFormatException;
import jtrace.btf.BtfType;
import jtrace.btf.KernelBtf;
import jtrace.cpp.HeaderStructs;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.types.Type;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * C type names in a script (casts, {@code sizeof}, {@code offsetof}, {@code curtask}): structs
 * defined in the script first, as clang would see them, then the kernel's BTF, read only when a
 * name needs it, then struct definitions of included headers (see {@code jtrace.cpp}) that BTF
 * lacks.
 */
public final class StructResolver {
    /** Supplies BTF when first needed; throws with the reason it cannot be read. */
    public interface BtfSource {
        Btf get() throws BtfFormatException;
    }

    public static final BtfSource KERNEL = KernelBtf::vmlinux;

    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final Map<String, Type.Struct> defined = new HashMap<>();
    /** Enums defined in the script by name ("Foo" of {@code enum Foo}), and their enumerators. */
    private final Map<String, Type.Enum> scriptEnums = new HashMap<>();
    private final Map<String, Enumerator> scriptEnumerators = new HashMap<>();
    private final boolean hasIncludes;
    private final HeaderStructs headers;
    private final BtfSource source;
    private BtfTypes btf;

    /** An enumerator: its enum (held in 8 bytes, as bpftrace types enumerator names) and value. */
    record Enumerator(Type.Enum type, long value) {}

    public StructResolver(List<Preamble.CDefinition> cDefinitions, BtfSource source) {
        this(cDefinitions, HeaderStructs.EMPTY, source);
    }

    /**
     * With the struct definitions of the headers the script included (after preprocessing), used
     * for a struct the kernel's BTF does not have: kernel types come from BTF, as the script's
     * {@code #ifndef BPFTRACE_HAVE_BTF} guards intend.
     */
    public StructResolver(List<Preamble.CDefinition> cDefinitions, HeaderStructs headers, BtfSource source) {
        this.source = source;
        this.headers = headers;
        boolean includes = false;
        for (Preamble.CDefinition d : cDefinitions) {
            String name = CStructParser.definedName(d.text());
            if (name != null) definitions.put(name, d.text());
            if (d.text().stripLeading().startsWith("#include")) includes = true;
            if (CEnumParser.isEnum(d.text())) defineEnum(d);
        }
        this.hasIncludes = includes;
    }

    private void defineEnum(Preamble.CDefinition d) {
        CEnumParser.Definition def;
        try {
            def = CEnumParser.parse(d.text());
        } catch (CEnumParser.Unsupported e) {
            throw new CompileError(d.span(), "jtrace cannot read this enum definition: " + e.getMessage());
        }
        if (def.named()) scriptEnums.put(def.type().name(), def.type());
        Type.Enum held = def.type().withBytes(8);
        def.values().forEach((n, v) -> scriptEnumerators.putIfAbsent(n, new Enumerator(held, v)));
    }

    public static StructResolver none() {
        return new StructResolver(List.of(), KERNEL);
    }

    /** {@code struct X} / {@code union X}, or null when unknown. */
    Type.Struct findStruct(String name, Span span) {
        Type.Struct s = defined.get(name);
        if (s != null) return s;
        String text = definitions.get(name);
        if (text != null) {
            try {
                s = CStructParser.parse(text, n -> n.equals(name) ? null : findType(n, span));
            } catch (CStructParser.Unsupported e) {
                throw new CompileError(span, "jtrace cannot read the definition of '" + name + "': " + e.getMessage());
            }
            defined.put(name, s);
            return s;
        }
        String header = headers.definition(name);
        if (header != null) {
            try {
                int sp = name.indexOf(' ');
                int kind = name.startsWith("union ") ? BtfType.BTF_KIND_UNION : BtfType.BTF_KIND_STRUCT;
                int id = btfTypes().btf().find(kind, name.substring(sp + 1));
                if (id > 0) return btf.struct(id);
            } catch (BtfFormatException e) {
                // No BTF: the header's definition is all there is.
            }
            definitions.put(name, header);
            return findStruct(name, span);
        }
        BtfTypes b = btf(span, name);
        int sp = name.indexOf(' ');
        int kind = name.startsWith("union ") ? BtfType.BTF_KIND_UNION : BtfType.BTF_KIND_STRUCT;
        int id = b.btf().find(kind, name.substring(sp + 1));
        return id > 0 ? b.struct(id) : null;
    }

    Type.Struct struct(String name, Span span) {
        Type.Struct s = findStruct(name, span);
        if (s == null) throw unknown(name, span);
        return s;
    }

    private CompileError unknown(String name, Span span) {
        return new CompileError(span, "Cannot resolve unknown type \"" + name + "\""
                + (hasIncludes ? " (jtrace takes kernel types from BTF and does not read #include headers)" : ""));
    }

    /** A struct, union, enum, integer or typedef name without pointers; null when unknown. */
    private Type findType(String name, Span span) {
        if (name.startsWith("struct ") || name.startsWith("union ")) return findStruct(name, span);
        if (name.startsWith("enum ")) return enumType(name.substring(5).trim(), span);
        Type t = CStructParser.cInteger(List.of(name.split(" ")));
        if (t != null) return t;
        BtfTypes b = btf(span, name);
        int id = b.btf().find(BtfType.BTF_KIND_TYPEDEF, name);
        return id > 0 ? b.of(id) : null;
    }

    /**
     * A type name as written in a cast or sizeof: bpftrace's own names, then C names, with
     * pointers; {@code user} tells where pointers in it point.
     */
    Type typeName(String text, Span span, CompileOptions options, boolean user) {
        String n = text.trim();
        int stars = 0;
        while (n.endsWith("*")) {
            n = n.substring(0, n.length() - 1).trim();
            stars++;
        }
        if (n.contains("[")) return TypeNames.parse(text, span, options);
        Type base;
        if (n.startsWith("struct ") || n.startsWith("union ")) {
            base = struct(n, span);
        } else if (n.equals("void")) {
            base = null;
        } else {
            try {
                base = TypeNames.parse(n, span, options);
            } catch (CompileError e) {
                base = findType(n, span);
                if (base == null) throw unknown(n, span);
            }
        }
        if (stars == 0) {
            if (base == null) throw new CompileError(span, "Cannot resolve unknown type \"void\"");
            return base;
        }
        Type t = new Type.Pointer(n, base, user);
        for (int i = 1; i < stars; i++) t = new Type.Pointer(t.display(), t, user);
        return t;
    }

    /** {@code curtask}: a pointer to the kernel's task_struct, or a plain pointer when BTF is unavailable. */
    Type curtask() {
        Type.Struct task = null;
        try {
            BtfTypes b = btfTypes();
            int id = b.btf().find(BtfType.BTF_KIND_STRUCT, "task_struct");
            if (id > 0) task = b.struct(id);
        } catch (BtfFormatException e) {
            // Without BTF curtask is still an address, usable as an integer.
        }
        return new Type.Pointer("struct task_struct", task, false);
    }

    /**
     * An enumerator defined in the script, else of the kernel's BTF (which is read now if it was
     * not yet); null when unknown or BTF is unreadable.
     */
    Enumerator enumerator(String name) {
        Enumerator mine = scriptEnumerators.get(name);
        if (mine != null) return mine;
        try {
            BtfTypes b = btfTypes();
            Btf.EnumConstant c = b.btf().enumerator(name);
            return c == null ? null : new Enumerator(b.enumType(c.typeId()).withBytes(8), c.value());
        } catch (BtfFormatException e) {
            return null;
        }
    }

    /**
     * A tracepoint field of enum type ({@code enum skb_drop_reason reason}) typed as that BTF enum,
     * at the field's width; {@code plain} (its integer type) when BTF does not have it.
     */
    Type tracepointField(TracepointField field, Type plain) {
        String c = field.cType().trim();
        if (!c.startsWith("enum ") || field.isPointer() || field.arrayLen() > 0 || !(plain instanceof Type.Int i)) return plain;
        try {
            BtfTypes b = btfTypes();
            String name = c.substring(5).trim();
            int id = b.btf().find(BtfType.BTF_KIND_ENUM, name);
            if (id <= 0) id = b.btf().find(BtfType.BTF_KIND_ENUM64, name);
            return id > 0 ? b.enumType(id).withBytes(i.bytes()) : plain;
        } catch (BtfFormatException e) {
            return plain;
        }
    }

    /** {@code enum NAME}: defined in the script, else in the kernel's BTF; bpftrace's error when neither has it. */
    Type.Enum enumType(String name, Span span) {
        Type.Enum mine = scriptEnums.get(name);
        if (mine != null) return mine;
        BtfTypes b = btf(span, "enum " + name);
        int id = b.btf().find(BtfType.BTF_KIND_ENUM, name);
        if (id <= 0) id = b.btf().find(BtfType.BTF_KIND_ENUM64, name);
        if (id <= 0) throw new CompileError(span, "Unknown enum: " + name);
        return b.enumType(id);
    }

    /** The kernel's BTF as types, for raw tracepoint arguments. */
    BtfTypes btfTypes() throws BtfFormatException {
        if (btf == null) btf = new BtfTypes(source.get());
        return btf;
    }

    private BtfTypes btf(Span span, String name) {
        try {
            return btfTypes();
        } catch (BtfFormatException e) {
            throw new CompileError(span, "Cannot resolve unknown type \"" + name + "\": " + e.getMessage());
        }
    }
}
