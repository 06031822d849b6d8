package jtrace.diag;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SourceFileTest {
    private final SourceFile lib = new SourceFile("lib.bt", "a\nbc d\n");
    // The root's text is 13 characters; lib.bt's text sits at 13.
    private final SourceFile whole = new SourceFile("main.bt", "BEGIN { }\nxy\n" + lib.text(), List.of(new SourceFile.Part(lib, 13)));

    @Test
    void spansOfTheRootStayInTheRoot() {
        SourceFile.Located at = whole.locate(new Span(6, 7));
        assertSame(whole, at.file());
        assertEquals(new Span(6, 7), at.span());
    }

    @Test
    void spansPastTheRootNameTheImportedFile() {
        SourceFile.Located at = whole.locate(new Span(15, 17));
        assertSame(lib, at.file());
        assertEquals(new Span(2, 4), at.span());
        assertEquals("lib.bt:2:1-3: ERROR: m\nbc d\n~~\n", DiagnosticPrinter.error(whole, new Span(15, 17), "m"));
    }
}
