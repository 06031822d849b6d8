package jtrace.parse;

import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportTest {
    @Test
    void importIsRefusedWithAClearMessage() {
        CompileError e = assertThrows(CompileError.class,
                () -> Parser.parseScript(new SourceFile("stdin", "import \"lib.bt\";\nBEGIN { }")));
        assertTrue(e.getMessage().startsWith("import is an unstable bpftrace feature"), e.getMessage());
        assertEquals(0, e.span().start());
    }
}
