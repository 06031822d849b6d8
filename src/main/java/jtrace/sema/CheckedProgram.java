package jtrace.sema;

import jtrace.ast.Program;
import jtrace.diag.SourceFile;

import java.util.List;
import java.util.Map;

/** The output of semantic analysis: concrete probes in source order and every map's types. */
public record CheckedProgram(SourceFile source, Program ast, List<CheckedProbe> probes,
                             Map<String, MapInfo> maps, CompileOptions options, List<String> warnings) {

    public CheckedProgram {
        probes = List.copyOf(probes);
        maps = Map.copyOf(maps);
        warnings = List.copyOf(warnings);
    }

    public boolean onlyBeginEnd() {
        return probes.stream().allMatch(p -> p.target() instanceof ProbeTarget.Begin || p.target() instanceof ProbeTarget.End);
    }
}
