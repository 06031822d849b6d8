package jtrace.sema;

import jtrace.ast.Program;
import jtrace.diag.SourceFile;

import java.util.List;
import java.util.Map;

/**
 * The output of semantic analysis: concrete probes in source order and every map's types; the
 * preamble's declarations of used maps; warnings (plain, printed after "WARNING: ", and located,
 * printed as they are).
 */
public record CheckedProgram(SourceFile source, Program ast, List<CheckedProbe> probes,
                             Map<String, MapInfo> maps, CompileOptions options, List<String> warnings,
                             Map<String, DeclaredMap> declaredMaps, List<String> locatedWarnings) {

    public CheckedProgram {
        probes = List.copyOf(probes);
        maps = Map.copyOf(maps);
        warnings = List.copyOf(warnings);
        declaredMaps = Map.copyOf(declaredMaps);
        locatedWarnings = List.copyOf(locatedWarnings);
    }

    /** The declaration of a used map ({@code let @a = lruhash(100);}), or null when undeclared. */
    public DeclaredMap declared(String map) { return declaredMaps.get(map); }

    public boolean onlyBeginEnd() {
        return probes.stream().allMatch(p -> p.target() instanceof ProbeTarget.Begin || p.target() instanceof ProbeTarget.End);
    }
}
