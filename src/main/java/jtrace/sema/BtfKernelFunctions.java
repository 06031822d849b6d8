package jtrace.sema;

import jtrace.btf.Btf;
import jtrace.btf.BtfFormatException;
import jtrace.btf.BtfType;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.tracefs.Glob;
import jtrace.types.Type;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The FUNC entries of a BTF blob: their names (what kprobe and fentry names are checked against,
 * as available_filter_functions may be unreadable) and prototypes. Parameters are typed as
 * integers of their size and sign; pointers, enums and anything else as u64.
 */
final class BtfKernelFunctions implements KernelFunctions {
    static final BtfKernelFunctions VMLINUX = new BtfKernelFunctions(null);

    private Btf btf;
    private Map<String, Integer> ids;

    BtfKernelFunctions(Btf btf) { this.btf = btf; }

    private synchronized Map<String, Integer> ids() {
        if (ids != null) return ids;
        if (btf == null) {
            try {
                btf = Btf.read(Btf.VMLINUX);
            } catch (IOException | BtfFormatException e) {
                throw new CompileError(new Span(0, 0), "cannot read kernel functions from " + Btf.VMLINUX + ": " + e.getMessage());
            }
        }
        Map<String, Integer> out = new TreeMap<>();
        for (int id = 1; id < btf.size(); id++) {
            BtfType t = btf.type(id);
            if (t.kind() == BtfType.BTF_KIND_FUNC) out.putIfAbsent(t.name(), id);
        }
        ids = out;
        return out;
    }

    @Override
    public List<String> match(String glob) {
        List<String> out = new ArrayList<>();
        for (String name : ids().keySet()) if (Glob.matches(glob, name)) out.add(name);
        return out;
    }

    @Override
    public KernelFunction find(String name) {
        Integer id = ids().get(name);
        if (id == null) return null;
        BtfType proto = btf.type(btf.type(id).sizeOrType());
        List<KernelFunction.Param> params = new ArrayList<>();
        for (BtfType.Param p : proto.params()) {
            if (p.type() == 0) continue; // "..." of a variadic function
            params.add(new KernelFunction.Param(p.name(), typeOf(p.type())));
        }
        return new KernelFunction(name, id, params, typeOf(proto.sizeOrType()));
    }

    /** Integers keep their width and sign; void stays void; everything else is a u64 word. */
    private Type typeOf(int id) {
        for (int depth = 0; depth < 32; depth++) {
            if (id == 0) return new Type.Void();
            BtfType t = btf.type(id);
            switch (t.kind()) {
                case BtfType.BTF_KIND_TYPEDEF, BtfType.BTF_KIND_CONST, BtfType.BTF_KIND_VOLATILE,
                     BtfType.BTF_KIND_RESTRICT, BtfType.BTF_KIND_TYPE_TAG -> id = t.sizeOrType();
                case BtfType.BTF_KIND_INT -> {
                    int bytes = t.sizeOrType();
                    if (bytes != 1 && bytes != 2 && bytes != 4 && bytes != 8) return Type.Int.UINT64;
                    return new Type.Int(bytes, intSigned(t));
                }
                default -> { return Type.Int.UINT64; }
            }
        }
        return Type.Int.UINT64;
    }

    /** BTF_INT_SIGNED, from the encoding word the reader does not keep: C's signed names tell. */
    private static boolean intSigned(BtfType t) {
        String n = t.name();
        return !n.contains("unsigned") && !n.equals("_Bool") && !n.startsWith("u") && !n.equals("char");
    }
}
