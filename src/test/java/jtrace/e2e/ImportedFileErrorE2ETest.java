package jtrace.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/** A type error in a file brought in by import is reported against that file and its line. */
class ImportedFileErrorE2ETest {
    @TempDir
    Path dir;

    @Test
    void typeErrorInImportedFileNamesIt() throws Exception {
        Path lib = dir.resolve("lib.bt");
        Files.writeString(lib, "// helpers\ni:ms:10 {\n  $s = \"a\";\n  $s = 5;\n}\n");
        Path main = dir.resolve("main.bt");
        Files.writeString(main, "import \"lib.bt\";\nBEGIN { printf(\"hi\\n\"); }\n");
        try (JtraceProcess t = JtraceProcess.jtrace(main.toString()).start()) {
            JtraceProcess.Result r = t.waitFor().assertExitCode(1);
            GoldenText.assertSameText(lib + ":4:3-5: ERROR: Type mismatch for $s: trying to assign value of type 'int64'"
                    + " when variable already contains a value of type 'string[2]'\n  $s = 5;\n  ~~\n", r.stderr());
        }
    }
}
