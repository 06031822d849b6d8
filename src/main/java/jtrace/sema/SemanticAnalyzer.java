package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.ast.Probe;
import jtrace.ast.Program;
import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves every attach point to its concrete targets and types each probe body once per
 * target. Map types come from all probes, so bodies are walked twice: once to infer, once to check.
 */
public final class SemanticAnalyzer {
    private final Tracepoints tracepoints;
    private final CompileOptions options;
    private final KernelFunctions kernelFunctions;

    public SemanticAnalyzer(Tracepoints tracepoints, CompileOptions options) {
        this(tracepoints, options, KernelFunctions.vmlinux());
    }

    /** With the kernel functions kprobe and fentry names are checked against (vmlinux BTF by default). */
    public SemanticAnalyzer(Tracepoints tracepoints, CompileOptions options, KernelFunctions kernelFunctions) {
        this.tracepoints = tracepoints;
        this.options = options;
        this.kernelFunctions = kernelFunctions;
    }

    public CheckedProgram analyze(SourceFile source, Program program) {
        ProbeResolver resolver = new ProbeResolver(tracepoints, new KernelProbeResolver(tracepoints, kernelFunctions, options));
        List<AttachPoint> sources = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        List<ProbeTarget> targets = new ArrayList<>();
        boolean sawBegin = false, sawEnd = false;
        for (Probe probe : program.probes()) {
            for (AttachPoint ap : probe.attachPoints()) {
                for (ProbeTarget t : resolver.resolve(ap)) {
                    if (t instanceof ProbeTarget.Begin) {
                        if (sawBegin) throw new CompileError(ap.span(), "More than one BEGIN probe defined");
                        sawBegin = true;
                    }
                    if (t instanceof ProbeTarget.End) {
                        if (sawEnd) throw new CompileError(ap.span(), "More than one END probe defined");
                        sawEnd = true;
                    }
                    probes.add(probe);
                    targets.add(t);
                    sources.add(ap);
                }
            }
        }
        KernelProbeResolver.checkIterAlone(targets, sources);
        MapTable maps = new MapTable();
        // Inference: twice, so a map typed in a later probe is known to reads in earlier ones;
        // the third pass types maps whose only assignments read them (@n = @n + 1).
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < probes.size(); i++) {
                new TypeChecker(targets.get(i), maps, options, true, pass == 2).check(probes.get(i));
            }
        }
        List<CheckedProbe> checked = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            checked.add(new TypeChecker(targets.get(i), maps, options, false, false).check(probes.get(i)));
        }
        return new CheckedProgram(source, program, checked, maps.all(), options, List.of());
    }
}
