package jtrace.dwarf;

import jtrace.elf.ElfFile;
import jtrace.elf.ElfFormatException;
import jtrace.types.Type;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The DWARF debug information of one ELF file, as gcc writes it with {@code -g} (DWARF 5) or
 * {@code -gdwarf-4}, compressed or not: its functions with their parameters and types. Split
 * DWARF (.dwo) and separate debug files are not read.
 */
public final class DebugInfo {
    /** Integer and pointer arguments arrive in rdi, rsi, rdx, rcx, r8, r9; further ones on the stack. */
    public static final int ARGUMENT_REGISTERS = 6;

    private static final int MAX_ORIGIN_DEPTH = 8;

    private final Map<String, List<Die>> functions;
    private final DwarfTypes types;

    private DebugInfo(Map<String, List<Die>> functions, DwarfTypes types) {
        this.functions = functions;
        this.types = types;
    }

    /** Whether the file has DWARF debug information (a .debug_info section). */
    public static boolean present(ElfFile elf) {
        return elf.hasSection(".debug_info");
    }

    /** Reads the file's debug information; an empty one when it has none. */
    public static DebugInfo read(ElfFile elf) throws DwarfFormatException {
        Optional<ByteBuffer> info;
        try {
            info = elf.contents(".debug_info");
        } catch (ElfFormatException e) {
            throw new DwarfFormatException(e.getMessage());
        }
        Map<Long, Die> dies = new HashMap<>();
        List<Die> units = info.isPresent() ? UnitParser.parse(elf, info.get(), dies) : List.of();
        Map<String, Die> definitions = new HashMap<>();
        Map<String, List<Die>> functions = new HashMap<>();
        for (Die unit : units) {
            for (Die d : unit.children) {
                if ((d.tag == Dw.DW_TAG_structure_type || d.tag == Dw.DW_TAG_union_type) && d.has(Dw.DW_AT_name)
                        && !d.has(Dw.DW_AT_declaration)) {
                    definitions.putIfAbsent(DwarfTypes.structName(d), d);
                }
            }
        }
        DebugInfo result = new DebugInfo(functions, new DwarfTypes(dies, definitions));
        for (Die unit : units) {
            for (Die d : unit.children) {
                if (d.tag != Dw.DW_TAG_subprogram) continue;
                String name = result.integrated(d, Dw.DW_AT_name) instanceof String s ? s : null;
                if (name != null) functions.computeIfAbsent(name, k -> new ArrayList<>()).add(d);
            }
        }
        return result;
    }

    /** The names of the functions described, sorted. */
    public SortedSet<String> functionNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(functions.keySet()));
    }

    /**
     * The function called {@code name}: its definition when there is one (a declaration of a
     * function defined elsewhere otherwise), with its parameters in order.
     */
    public Optional<DwarfFunction> function(String name) {
        List<Die> candidates = functions.get(name);
        if (candidates == null) return Optional.empty();
        Die chosen = candidates.getFirst();
        for (Die d : candidates) {
            if (!d.has(Dw.DW_AT_declaration)) {
                chosen = d;
                break;
            }
        }
        return Optional.of(describe(name, chosen));
    }

    private DwarfFunction describe(String name, Die fn) {
        List<Die> params = parameterDies(fn);
        List<DwarfParameter> out = new ArrayList<>();
        int register = 0;
        String blocked = null; // once an argument's place is unknown, those after it are too
        for (Die p : params) {
            Die typeDie = typeDie(p);
            String pname = integrated(p, Dw.DW_AT_name) instanceof String s ? s : "";
            String typeName = types.listingName(typeDie);
            Type type = types.type(typeDie);
            Die peeled = types.peel(typeDie);
            String unreadable = null;
            int reg = -1;
            if (blocked != null) {
                unreadable = blocked;
            } else if (types.isFloat(typeDie)) {
                unreadable = "it is a floating-point value, passed in an SSE register";
            } else if (type instanceof Type.Int || type instanceof Type.Enum || type instanceof Type.Pointer) {
                reg = register++;
            } else if (peeled != null && (peeled.tag == Dw.DW_TAG_structure_type || peeled.tag == Dw.DW_TAG_union_type
                    || peeled.tag == Dw.DW_TAG_array_type)) {
                unreadable = "it is a " + types.cName(typeDie) + " passed by value";
                blocked = "it follows " + (pname.isEmpty() ? "an argument" : "'" + pname + "'")
                        + ", passed by value, so where it is passed is not known";
            } else {
                unreadable = "jtrace has no type for '" + typeName + "'";
                blocked = "it follows " + (pname.isEmpty() ? "an argument" : "'" + pname + "'")
                        + " of an unsupported type, so where it is passed is not known";
            }
            out.add(new DwarfParameter(pname, typeName, type, reg, unreadable));
        }
        Die ret = typeDie(fn);
        return new DwarfFunction(name, out, types.type(ret), ret == null ? "void" : types.listingName(ret));
    }

    /** The formal parameters; an out-of-line instance without its own list takes its abstract origin's. */
    private List<Die> parameterDies(Die fn) {
        Die d = fn;
        for (int depth = 0; d != null && depth < MAX_ORIGIN_DEPTH; depth++) {
            List<Die> params = d.children.stream().filter(c -> c.tag == Dw.DW_TAG_formal_parameter).toList();
            if (!params.isEmpty()) return params;
            d = origin(d);
        }
        return List.of();
    }

    private Die typeDie(Die d) {
        Object ref = integrated(d, Dw.DW_AT_type);
        if (!(ref instanceof Long)) return null;
        for (int depth = 0; d != null && depth < MAX_ORIGIN_DEPTH; depth++) {
            if (d.has(Dw.DW_AT_type)) return types.typeOf(d);
            d = origin(d);
        }
        return null;
    }

    /** An attribute of the entry or of what it completes (DW_AT_abstract_origin, DW_AT_specification). */
    private Object integrated(Die d, int attribute) {
        for (int depth = 0; d != null && depth < MAX_ORIGIN_DEPTH; depth++) {
            Object v = d.attributes.get(attribute);
            if (v != null) return v;
            d = origin(d);
        }
        return null;
    }

    private Die origin(Die d) {
        Long ref = d.reference(Dw.DW_AT_abstract_origin);
        if (ref == null) ref = d.reference(Dw.DW_AT_specification);
        return ref == null ? null : types.die(ref);
    }
}
