package jtrace.sema;

import jtrace.ast.Script;
import jtrace.diag.CompileError;
import jtrace.diag.DiagnosticPrinter;
import jtrace.diag.SourceFile;
import jtrace.parse.ParsedScript;
import jtrace.parse.Parser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Errors found after parsing name the imported file they are in, with that file's line. */
class ImportedFileErrorsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("// lib\nBEGIN {\n  $a = 1;\n  $a = \"s\";\n}\n", "import \"lib.bt\";\nEND { }\n",
                        "lib.bt:4:3-5: ERROR: Type mismatch for $a: trying to assign value of type 'string[2]'"
                                + " when variable already contains a value of type 'int64'\n  $a = \"s\";\n  ~~\n"),
                Arguments.of("macro bad() { @q = 1; @q = \"s\"; }\n", "import \"lib.bt\";\nBEGIN { bad(); }\n",
                        "lib.bt:1:15-17: ERROR: Unhygienic access to map: @q. Maps must be passed into the macro as arguments\n"
                                + "macro bad() { @q = 1; @q = \"s\"; }\n              ~~\n"),
                Arguments.of("END { @m = 1; }\n", "import \"lib.bt\";\nBEGIN { @m = \"str\"; }\n",
                        "main.bt:2:9-11: ERROR: Type mismatch for @m: trying to assign value of type 'string[4]'"
                                + " when map already contains a value of type 'int64'\nBEGIN { @m = \"str\"; }\n        ~~\n"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void errorNamesTheFileItIsIn(String lib, String main, String expected) throws IOException {
        Files.writeString(dir.resolve("lib.bt"), lib);
        Path mainPath = dir.resolve("main.bt");
        Files.writeString(mainPath, main);
        ParsedScript parsed = Parser.parseWithImports(new SourceFile(mainPath.toString(), main));
        SourceFile whole = parsed.source();
        CompileError e = assertThrows(CompileError.class, () -> {
            Script s = parsed.script();
            new SemanticAnalyzer(new FakeTracepoints(), CompileOptions.defaults()).analyze(whole, MacroExpander.expand(whole, s));
        });
        assertEquals(expected.replace("lib.bt:", dir.resolve("lib.bt") + ":").replace("main.bt:", mainPath + ":"),
                DiagnosticPrinter.error(whole, e.span(), e.getMessage()));
    }

}
