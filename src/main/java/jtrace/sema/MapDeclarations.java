package jtrace.sema;

import jtrace.ast.Preamble;
import jtrace.diag.CompileError;
import jtrace.diag.DiagnosticPrinter;
import jtrace.diag.SourceFile;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bpftrace's map declarations: the unstable_map_decl setting (a warning by default), the type
 * name and max entries of each, and, once every map is typed, whether each use agrees with its
 * declaration. Messages are bpftrace's.
 */
final class MapDeclarations {
    /** The order bpftrace lists them in its hint. */
    static final String VALID = "Valid map types: percpulruhash, percpuarray, percpuhash, lruhash, hash";
    static final String UNSTABLE_WARNING = "Script is using an unstable feature: map declarations. To prevent this warning "
            + "you must explicitly enable it in the config e.g. unstable_map_decl=enable";

    private final Map<String, Preamble.MapDecl> decls = new LinkedHashMap<>();
    private final Map<String, DeclaredMap> declared = new LinkedHashMap<>();

    /** Checks the declarations themselves; warnings (the unstable feature's) go to {@code warnings}. */
    MapDeclarations(List<Preamble.MapDecl> list, CompileOptions options, List<String> warnings) {
        if (list.isEmpty()) return;
        String unstable = options.config().unstableMapDecl();
        if (unstable.equals("error")) {
            throw new CompileError(list.getFirst().span(), "map declarations feature is not enabled by default. To enable "
                    + "this unstable feature, set the config flag to enable. unstable_map_decl=enable");
        }
        if (unstable.equals("warn")) warnings.add(UNSTABLE_WARNING);
        for (Preamble.MapDecl d : list) {
            DeclaredMap.Kind kind = DeclaredMap.Kind.named(d.type());
            if (kind == null) throw new CompileError(d.span(), "Invalid bpf map type: " + d.type() + "\nHINT: " + VALID);
            if (kind == DeclaredMap.Kind.PERCPU_ARRAY && d.maxEntries() != 1) {
                throw new CompileError(d.span(), "Max entries can only be 1 for map type " + d.type());
            }
            if (d.maxEntries() <= 0 || d.maxEntries() > Integer.MAX_VALUE) {
                throw new CompileError(d.span(), "Invalid max entries for map " + d.name() + ": " + d.maxEntries());
            }
            decls.put(d.name(), d);
            declared.put(d.name(), new DeclaredMap(d.name(), kind, (int) d.maxEntries()));
        }
    }

    /**
     * Checks every used declared map against the type its values and keys imply; returns the
     * declarations of used maps. Declared maps no probe uses get bpftrace's located warning.
     */
    Map<String, DeclaredMap> check(MapTable maps, SourceFile source, List<String> located) {
        Map<String, DeclaredMap> used = new LinkedHashMap<>();
        for (DeclaredMap d : declared.values()) {
            MapInfo info = maps.get(d.name());
            if (info == null) {
                located.add(DiagnosticPrinter.warning(source, decls.get(d.name()).span(), "Unused map: " + d.name()));
                continue;
            }
            DeclaredMap.Kind implied = implied(info);
            if (!compatible(implied, d.kind())) {
                jtrace.diag.Span at = maps.firstAssigned(d.name());
                throw new CompileError(at != null ? at : decls.get(d.name()).span(), "Incompatible map types. Type from declaration: "
                        + d.kind().bpftraceName + ". Type from value/key type: " + implied.bpftraceName);
            }
            used.put(d.name(), d);
        }
        return used;
    }

    /** The map type bpftrace gives a map from its value and keys: arrays for scalar maps (not histograms). */
    static DeclaredMap.Kind implied(MapInfo info) {
        Type v = info.value();
        boolean perCpu = v instanceof Type.Aggregation;
        boolean scalar = info.keys().isEmpty() && !(v instanceof Type.Hist) && !(v instanceof Type.Lhist);
        if (scalar) return perCpu ? DeclaredMap.Kind.PERCPU_ARRAY : DeclaredMap.Kind.ARRAY;
        return perCpu ? DeclaredMap.Kind.PERCPU_HASH : DeclaredMap.Kind.HASH;
    }

    /** LRU and plain hashes stand in for each other; a per-CPU hash may hold a scalar aggregation. */
    static boolean compatible(DeclaredMap.Kind implied, DeclaredMap.Kind declared) {
        if (implied == declared) return true;
        boolean plain = declared == DeclaredMap.Kind.HASH || declared == DeclaredMap.Kind.LRU_HASH;
        boolean perCpu = declared == DeclaredMap.Kind.PERCPU_HASH || declared == DeclaredMap.Kind.LRU_PERCPU_HASH;
        if (implied == DeclaredMap.Kind.HASH && plain) return true;
        if (implied == DeclaredMap.Kind.PERCPU_HASH && perCpu) return true;
        return declared == DeclaredMap.Kind.PERCPU_HASH && implied == DeclaredMap.Kind.PERCPU_ARRAY;
    }
}
