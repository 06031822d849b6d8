package jtrace.sema;

import jtrace.codegen.CodeGenerator;
import jtrace.codegen.CompiledProgram;
import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.parse.Parser;

import java.util.List;

/**
 * The compiler without a kernel: parse, check (fake tracepoints and kernel functions), generate.
 * The fuzz tests' property: every input gives a program or a {@link CompileError}, nothing else.
 */
final class FrontEnd {
    private static final Tracepoints TRACEPOINTS = new FakeTracepoints();
    private static final KernelFunctions FUNCTIONS = new FakeKernelFunctions();

    private FrontEnd() {}

    /**
     * The compiled program, or null when the input was rejected with a CompileError or, probes
     * missing (missing_probes), a MissingProbeError.
     */
    static CompiledProgram compile(String text) {
        try {
            return compileOrThrow(text);
        } catch (CompileError | MissingProbeError expected) {
            return null;
        }
    }

    /**
     * What became of the input, as a short signature: the start of the error message with its
     * numbers, quoted names and variables taken out (so one check gives about one signature), or for a program the
     * number of probes and instructions bucketed by powers of two. Inputs with a signature not seen
     * before steer the fuzzer (see FrontEndFuzzTest): without bytecode coverage for Java 25 classes,
     * this is the feedback it has.
     */
    static String outcome(String text) {
        try {
            CompiledProgram p = compileOrThrow(text);
            int insns = p.probes().stream().mapToInt(c -> c.insns().size()).sum();
            return "ok " + p.probes().size() + " " + (32 - Integer.numberOfLeadingZeros(insns));
        } catch (CompileError e) {
            String m = e.getMessage().replaceAll("'[^']*'|\"[^\"]*\"|[0-9]+|\\$\\w+|@\\w*", "_");
            // The message's leading words name the check; what follows names the input's parts.
            return "error " + (m.length() > 32 ? m.substring(0, 32) : m);
        } catch (MissingProbeError e) {
            return "missing";
        }
    }

    static CompiledProgram compileOrThrow(String text) {
        SourceFile src = new SourceFile("stdin", text);
        CheckedProgram checked = new SemanticAnalyzer(TRACEPOINTS, new CompileOptions(64, 4096, List.of()), FUNCTIONS)
                .analyze(src, Parser.parseScript(src));
        return CodeGenerator.generate(checked, 0, 2);
    }
}
