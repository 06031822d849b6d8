package jtrace.parse;

import jtrace.ast.Preamble;
import jtrace.ast.Probe;
import jtrace.ast.Script;
import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** Parses {@code main.bt} in the temp directory with the given text. */
    private Script parseMain(String text) throws IOException {
        Path main = write("main.bt", text);
        return Parser.parseScript(new SourceFile(main.toString(), text));
    }

    private static String probeNames(Script s) {
        return String.join(" ", s.program().probes().stream().map(p -> p.attachPoints().getFirst().raw()).toList());
    }

    @Test
    void macrosProbesAndCDefinitionsOfTheImportedFileComeFirst() throws IOException {
        write("lib.bt", "#define X 1\nmacro twice(x) { x * 2 }\nEND { }\n");
        Script s = parseMain("import \"lib.bt\";\nmacro own() { 1 }\nBEGIN { print(twice(own())); }");
        assertEquals("twice own", String.join(" ", s.preamble().macros().stream().map(Preamble.Macro::name).toList()));
        assertEquals("#define X 1", s.preamble().cDefinitions().getFirst().text().strip());
        assertEquals("END BEGIN", probeNames(s));
    }

    @Test
    void anImportedFileMayHoldOnlyMacros() throws IOException {
        write("lib.bt", "macro one() { 1 }");
        assertEquals(1, parseMain("import \"lib.bt\"; BEGIN { }").preamble().macros().size());
    }

    @Test
    void nestedImportsResolveAgainstTheRootDirectoryAndDiamondsImportOnce() throws IOException {
        write("sub/a.bt", "import \"sub/c.bt\"; macro a() { c() }");
        write("sub/b.bt", "import \"sub/c.bt\"; macro b() { c() }");
        write("sub/c.bt", "macro c() { 3 }");
        Script s = parseMain("import \"sub/a.bt\"; import \"sub/b.bt\"; import \"sub/a.bt\"; BEGIN { }");
        assertEquals("c a b", String.join(" ", s.preamble().macros().stream().map(Preamble.Macro::name).toList()));
    }

    @Test
    void aDirectoryImportsTheScriptsInsideIt() throws IOException {
        write("lib/x.bt", "macro x() { 1 }");
        write("lib/y.bt", "macro y() { 2 }");
        write("lib/notes.txt", "not a script");
        Script s = parseMain("import \"lib\"; BEGIN { }");
        assertEquals("x y", String.join(" ", s.preamble().macros().stream().map(Preamble.Macro::name).toList()));
    }

    @Test
    void anErrorInsideTheImportedFileNamesThatFileAndLine() throws IOException {
        Path lib = write("lib.bt", "macro ok() { 1 }\nmacro bad( { }\n");
        ImportedFileError e = assertThrows(ImportedFileError.class, () -> parseMain("import \"lib.bt\"; BEGIN { }"));
        assertEquals(lib.toString(), e.source().name());
        assertEquals(2, e.source().lineOf(e.span().start()));
    }

    @Test
    void aConfigBlockInsideAnImportIsRefused() throws IOException {
        write("lib.bt", "config = { max_strlen = 8 }\nmacro m() { 1 }");
        ImportedFileError e = assertThrows(ImportedFileError.class, () -> parseMain("import \"lib.bt\"; BEGIN { }"));
        assertEquals("invalid `config` within import", e.getMessage());
        assertEquals(0, e.span().start());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "missing.bt  | Unable to find suitable path for import (checked: ",
            "defs.h      | cannot import \"defs.h\": jtrace imports only .bt scripts",
            "prog.bpf.c  | cannot import \"prog.bpf.c\": jtrace imports only .bt scripts",
            "notes.txt   | unknown import type: \"notes.txt\""})
    void badImportsPointAtTheImportStatement(String name, String message) throws IOException {
        for (String f : new String[] {"defs.h", "prog.bpf.c", "notes.txt"}) write(f, "");
        String text = "BEGIN { }\nimport \"" + name + "\";\n";
        CompileError e = assertThrows(CompileError.class, () -> parseMain(text));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertEquals(text.indexOf("import"), e.span().start());
        assertEquals(text.indexOf(';', e.span().start()) + 1, e.span().end());
    }

    @Test
    void aCycleIsAnErrorAtTheImportThatClosesIt() throws IOException {
        write("a.bt", "import \"b.bt\"; macro a() { 1 }");
        Path b = write("b.bt", "import \"main.bt\"; macro b() { 2 }");
        ImportedFileError e = assertThrows(ImportedFileError.class, () -> parseMain("import \"a.bt\"; BEGIN { }"));
        assertEquals("import cycle: main.bt -> a.bt -> b.bt -> main.bt", e.getMessage());
        assertEquals(b.toString(), e.source().name());
        assertEquals(0, e.span().start());
    }

    @Test
    void aFileImportingItselfIsACycle() throws IOException {
        write("self.bt", "import \"self.bt\"; macro s() { 1 }");
        ImportedFileError e = assertThrows(ImportedFileError.class, () -> parseMain("import \"self.bt\"; BEGIN { }"));
        assertEquals("import cycle: main.bt -> self.bt -> self.bt", e.getMessage());
    }

    @Test
    void aWorldWritableImportIsRefused() throws IOException {
        Path lib = write("lib.bt", "macro m() { 1 }");
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rw-rw-rw-"));
        CompileError e = assertThrows(CompileError.class, () -> parseMain("import \"lib.bt\"; BEGIN { }"));
        assertTrue(e.getMessage().startsWith("cowardly refusing to import"), e.getMessage());
    }

    @Test
    void importNeedsAStringAndASemicolon() {
        CompileError e = assertThrows(CompileError.class,
                () -> Parser.parseScript(new SourceFile("stdin", "import \"lib.bt\" BEGIN { }")));
        assertEquals("import \"lib.bt\" ".length(), e.span().start());
    }

    @Test
    void theProbesMayAllComeFromImportsButSomeFileMustHaveOne() throws IOException {
        write("lib.bt", "BEGIN { }");
        write("empty.bt", "macro m() { 1 }");
        assertEquals("BEGIN", probeNames(parseMain("import \"lib.bt\";")));
        CompileError e = assertThrows(CompileError.class, () -> parseMain("import \"empty.bt\";"));
        assertEquals("import \"empty.bt\";".length(), e.span().start());
    }

    @Test
    void withoutImportsNothingIsReadFromDisk() {
        Script s = Parser.parseScript(new SourceFile("/nonexistent/dir/x.bt", "BEGIN { }"));
        assertEquals(1, s.program().probes().size());
        Probe p = s.program().probes().getFirst();
        assertEquals("BEGIN", p.attachPoints().getFirst().raw());
    }
}
