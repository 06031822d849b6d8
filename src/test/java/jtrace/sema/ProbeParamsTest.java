package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProbeParamsTest {
    private static AttachPoint ap(String raw) {
        return new AttachPoint(raw, List.of(raw.split(":")), new Span(0, raw.length()));
    }

    @Test
    void positionalParametersAreSplicedIntoEveryPart() {
        AttachPoint out = ProbeParams.substitute(ap("uprobe:$1:ma$2"), List.of("/bin/bash", "in"));
        assertEquals("uprobe:/bin/bash:main", out.raw());
        assertEquals(List.of("uprobe", "/bin/bash", "main"), out.parts());
    }

    @Test
    void attachPointsWithoutParametersAreUnchanged() {
        AttachPoint a = ap("interval:s:1");
        assertEquals(a, ProbeParams.substitute(a, List.of()));
    }

    @Test
    void missingParameterIsAnError() {
        CompileError e = assertThrows(CompileError.class, () -> ProbeParams.substitute(ap("interval:s:$2"), List.of("1")));
        assertEquals("Positional parameter $2 is used in a probe but not given (1 given)", e.getMessage());
    }

    @Test
    void resolvedProbeUsesTheParameter() {
        SemanticAnalyzer a = new SemanticAnalyzer(new FakeTracepoints(), new CompileOptions(64, 4096, List.of("250")));
        var src = new jtrace.diag.SourceFile("stdin", "interval:ms:$1 { }");
        CheckedProgram p = a.analyze(src, jtrace.parse.Parser.parse(src));
        assertEquals("interval:ms:250", p.probes().getFirst().target().name());
    }
}
