package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.ast.Probe;
import jtrace.ast.Program;
import jtrace.ast.Script;
import jtrace.cpp.HeaderStructs;
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
    private final StructResolver.BtfSource btf;
    private final KernelFunctions kernelFunctions;

    public SemanticAnalyzer(Tracepoints tracepoints, CompileOptions options) {
        this(tracepoints, options, StructResolver.KERNEL, KernelFunctions.vmlinux());
    }

    /** With the BTF C types resolve through (the running kernel's by default). */
    public SemanticAnalyzer(Tracepoints tracepoints, CompileOptions options, StructResolver.BtfSource btf) {
        this(tracepoints, options, btf, KernelFunctions.vmlinux());
    }

    /** With the kernel functions kprobe and fentry names are checked against (vmlinux BTF by default). */
    public SemanticAnalyzer(Tracepoints tracepoints, CompileOptions options, KernelFunctions kernelFunctions) {
        this(tracepoints, options, StructResolver.KERNEL, kernelFunctions);
    }

    public SemanticAnalyzer(Tracepoints tracepoints, CompileOptions options, StructResolver.BtfSource btf,
                            KernelFunctions kernelFunctions) {
        this.tracepoints = tracepoints;
        this.options = options;
        this.btf = btf;
        this.kernelFunctions = kernelFunctions;
    }

    /** A whole script: its struct definitions are visible to every probe. */
    public CheckedProgram analyze(SourceFile source, Script script) {
        return analyze(source, script.program(), new StructResolver(script.preamble().cDefinitions(), btf),
                script.preamble().mapDecls());
    }

    /** A preprocessed script: its surviving C definitions, and the struct definitions of its headers. */
    public CheckedProgram analyze(SourceFile source, Script script, HeaderStructs headers) {
        return analyze(source, script.program(), new StructResolver(script.preamble().cDefinitions(), headers, btf),
                script.preamble().mapDecls());
    }

    public CheckedProgram analyze(SourceFile source, Program program) {
        return analyze(source, program, new StructResolver(List.of(), btf), List.of());
    }

    private CheckedProgram analyze(SourceFile source, Program program, StructResolver structs,
                                   List<jtrace.ast.Preamble.MapDecl> mapDecls) {
        List<String> warnings = new ArrayList<>();
        MapDeclarations declarations = new MapDeclarations(mapDecls, options, warnings);
        MissingProbes missing = MissingProbes.of(options);
        ProbeResolver resolver = new ProbeResolver(tracepoints, structs, options.filterPid(), options.unsafe(),
                new KernelProbeResolver(tracepoints, kernelFunctions, options), missing);
        List<AttachPoint> sources = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        List<ProbeTarget> targets = new ArrayList<>();
        boolean sawBegin = false, sawEnd = false;
        for (Probe probe : program.probes()) {
            for (AttachPoint ap : probe.attachPoints()) {
                for (ProbeTarget t : resolver.resolve(ProbeParams.substitute(ap, options.positionalParams()))) {
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
        if (targets.isEmpty()) {
            // As bpftrace: probes skipped by missing_probes failed to attach; wildcards matching nothing made none.
            if (missing.skipped() == 0) throw MissingProbeError.noProbes();
            throw new MissingProbeError(String.join("", missing.formatted(source)) + "ERROR: Attachment failed for all probes.\n");
        }
        KernelProbeResolver.checkIterAlone(targets, sources);
        MapTable maps = new MapTable();
        // Inference: twice, so a map typed in a later probe is known to reads in earlier ones;
        // the third pass types maps whose only assignments read them (@n = @n + 1).
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < probes.size(); i++) {
                new TypeChecker(targets.get(i), maps, options, true, pass == 2, structs).check(probes.get(i));
            }
        }
        List<CheckedProbe> checked = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            checked.add(new TypeChecker(targets.get(i), maps, options, false, false, structs).check(probes.get(i)));
        }
        List<String> located = new ArrayList<>(missing.formatted(source));
        java.util.Map<String, DeclaredMap> declared = declarations.check(maps, source, located);
        warnings.addAll(resolver.warnings());
        return new CheckedProgram(source, program, checked, maps.all(), options, warnings, declared, located);
    }
}
