package jtrace.sema;

import jtrace.btf.Btf;
import jtrace.btf.BtfFormatException;
import jtrace.btf.BtfType;
import jtrace.btf.KernelBtf;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.tracefs.Glob;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The FUNC entries of a BTF blob: their names (what kprobe and fentry names are checked against,
 * as available_filter_functions may be unreadable) and prototypes. Parameters are typed as
 * integers of their size and BTF encoding's sign, pointers to structs and unions as such pointers
 * (so that {@code args.sk.__sk_common}, {@code ctx.task.comm} read their members); other pointers,
 * enums and anything else as u64.
 */
final class BtfKernelFunctions implements KernelFunctions {
    static final BtfKernelFunctions VMLINUX = new BtfKernelFunctions(KernelBtf::vmlinux);

    private final StructResolver.BtfSource source;
    private Btf btf;
    private BtfTypes types;
    private Map<String, Integer> ids;

    BtfKernelFunctions(StructResolver.BtfSource source) { this.source = source; }

    private synchronized Map<String, Integer> ids() {
        if (ids != null) return ids;
        try {
            btf = source.get();
        } catch (BtfFormatException e) {
            throw new CompileError(new Span(0, 0), e.getMessage());
        }
        Map<String, Integer> out = new TreeMap<>();
        for (int id = 1; id < btf.size(); id++) {
            if (btf.kind(id) == BtfType.BTF_KIND_FUNC) out.putIfAbsent(btf.name(id), id);
        }
        types = new BtfTypes(btf);
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

    /** Integers keep their width and sign; void stays void; struct pointers stay typed; everything else is a u64 word. */
    private Type typeOf(int id) {
        int r = btf.resolve(id);
        if (r == 0) return new Type.Void();
        BtfType t = btf.type(r);
        if (t.kind() == BtfType.BTF_KIND_PTR && types.of(r) instanceof Type.Pointer p && p.pointee() instanceof Type.Struct) {
            return p;
        }
        int bytes = t.sizeOrType();
        boolean word = bytes == 1 || bytes == 2 || bytes == 4 || bytes == 8;
        return t.kind() == BtfType.BTF_KIND_INT && word ? new Type.Int(bytes, t.intSigned()) : Type.Int.UINT64;
    }
}
