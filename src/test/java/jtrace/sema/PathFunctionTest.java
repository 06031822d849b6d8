package jtrace.sema;

import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.parse.Parser;
import jtrace.types.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** path(): bpftrace's checks (probe types bpf_d_path is allowed in, argument kinds, size) and its string type. */
class PathFunctionTest {
    private static final FakeKernelFunctions FUNCTIONS = new FakeKernelFunctions();

    private static CheckedProgram analyze(String text) {
        SourceFile src = new SourceFile("stdin", text);
        return new SemanticAnalyzer(new FakeTracepoints(), CompileOptions.defaults(), FUNCTIONS).analyze(src, Parser.parse(src));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "path((struct path *)ctx.file)     | 1024",
            "path((struct path *)ctx.file, 16) | 16",
            "path((struct path *)ctx.file, 0)  | 1"})
    void isAStringOfTheGivenSize(String call, int capacity) {
        CheckedProgram p = analyze("iter:task_file { @p[ctx.fd] = " + call + "; }");
        assertEquals(new Type.Str(capacity), p.maps().get("@p").value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BEGIN { print(path(0)); }                          | path() only supports pointer or record argument (integer provided)",
            "BEGIN { $p = (struct path *)0; print(path($p)); } | The path function can only be used with 'fentry', 'fexit', 'iter' probes",
            "tracepoint:syscalls:sys_enter_read { print(path((struct path *)args.buf)); } | The path function can only be used with 'fentry', 'fexit', 'iter' probes",
            "iter:task_file { $n = 8; print(path((struct path *)ctx.file, $n)); } | path: invalid size value, need non-negative literal",
            "iter:task_file { print(path((struct path *)ctx.file, 1, 2)); }   | path() takes up to 2 arguments (3 provided)"})
    void errors(String program, String message) {
        CompileError e = assertThrows(CompileError.class, () -> analyze(program));
        assertEquals(message, e.getMessage());
    }
}
