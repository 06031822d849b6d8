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

    static CompiledProgram compileOrThrow(String text) {
        SourceFile src = new SourceFile("stdin", text);
        CheckedProgram checked = new SemanticAnalyzer(TRACEPOINTS, new CompileOptions(64, 4096, List.of()), FUNCTIONS)
                .analyze(src, Parser.parseScript(src));
        return CodeGenerator.generate(checked, 0, 2);
    }
}
