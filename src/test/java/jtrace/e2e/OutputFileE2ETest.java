package jtrace.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** -o FILE as a user sees it: created with the user's umask, never through a dangling symlink. */
class OutputFileE2ETest {
    private static final String SCRIPT = "BEGIN { printf(\"hello\\n\"); exit(); }";

    @TempDir Path dir;

    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    @ParameterizedTest
    @CsvSource({"077, rw-------", "022, rw-r--r--", "027, rw-r-----", "000, rw-rw-rw-"})
    void createdWithTheUmask(String umask, String permissions) throws IOException {
        Path out = dir.resolve("out-" + umask + ".txt");
        JtraceProcess.Result r = withUmask(umask, "-o", out.toString(), "-e", SCRIPT).assertExitCode(0);
        assertEquals("", r.stdout());
        assertEquals("hello\n", Files.readString(out));
        assertEquals(permissions, PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    /** An existing file is truncated and keeps its mode: the umask applies only at creation. */
    @Test
    void existingFileKeepsItsMode() throws IOException {
        Path out = dir.resolve("existing.txt");
        Files.writeString(out, "a much longer previous content\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw-r--"));
        withUmask("077", "-o", out.toString(), "-e", SCRIPT).assertExitCode(0);
        assertEquals("hello\n", Files.readString(out));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void danglingSymlinkIsNotFollowed() throws IOException {
        Path victim = dir.resolve("someone-elses-file");
        Path link = Files.createSymbolicLink(dir.resolve("out.txt"), victim);
        JtraceProcess.Result r = withUmask("022", "-o", link.toString(), "-e", SCRIPT).assertExitCode(1);
        assertEquals("ERROR: Failed to open output file: \"" + link + "\": No such file or directory\n", r.stderr());
        assertFalse(Files.exists(victim, java.nio.file.LinkOption.NOFOLLOW_LINKS), "created through the symlink");
        assertEquals(victim, Files.readSymbolicLink(link));
    }

    /** jtrace run by sh after "umask MASK", as from a user's shell. */
    private static JtraceProcess.Result withUmask(String umask, String... args) {
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        cmd.addAll(JtraceProcess.jtraceCommand());
        cmd.addAll(List.of(args));
        try (JtraceProcess t = JtraceProcess.command(cmd).start()) {
            return t.waitFor(Kernel.SELF_EXIT);
        }
    }
}
