package jtrace.btf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The raw tracepoints a kernel's BTF describes, found as bpftrace finds them: each tracepoint X
 * has a stub function {@code __probestub_X} or {@code __traceiter_X} whose prototype is
 * {@code (void *__data, args...)}. Names are listed as {@code vmlinux:X}.
 */
public final class RawTracepoints {
    static final List<String> PREFIXES = List.of("__probestub_", "__traceiter_");
    /** x86-64 passes at most six arguments in registers; bpftrace skips longer prototypes. */
    static final int MAX_ARGS = 6;

    private final String module;
    private final Btf btf;
    private final Map<String, BtfType> protos = new LinkedHashMap<>();

    public RawTracepoints(String module, Btf btf) {
        this.module = module;
        this.btf = btf;
        for (int id = 1; id < btf.size(); id++) {
            if (btf.kind(id) != BtfType.BTF_KIND_FUNC) continue;
            String event = stripPrefix(btf.name(id));
            if (event == null || protos.containsKey(event)) continue;
            BtfType proto = btf.type(btf.type(id).sizeOrType());
            if (proto.kind() != BtfType.BTF_KIND_FUNC_PROTO || proto.vlen() > MAX_ARGS) continue;
            protos.put(event, proto);
        }
    }

    private static String stripPrefix(String name) {
        for (String p : PREFIXES) if (name.startsWith(p)) return name.substring(p.length());
        return null;
    }

    /** {@code module:event} for every raw tracepoint, sorted. */
    public SortedSet<String> names() {
        SortedSet<String> out = new TreeSet<>();
        for (String event : protos.keySet()) out.add(module + ":" + event);
        return out;
    }

    public boolean contains(String event) {
        return protos.containsKey(event);
    }

    /** The tracepoint's typed arguments (name and BTF type id), without the leading {@code void *__data}; empty if unknown. */
    public List<BtfType.Param> args(String event) {
        BtfType proto = protos.get(event);
        return proto == null ? List.of() : proto.params().subList(1, proto.params().size());
    }

    /** The tracepoint's arguments as {@code "type name"}, without the leading {@code void *__data}; empty if unknown. */
    public List<String> params(String event) {
        BtfType proto = protos.get(event);
        if (proto == null) return List.of();
        List<String> out = new ArrayList<>();
        for (int i = 1; i < proto.params().size(); i++) {
            BtfType.Param p = proto.params().get(i);
            out.add(CDeclaration.of(btf, p.type()) + " " + p.name());
        }
        return out;
    }
}
