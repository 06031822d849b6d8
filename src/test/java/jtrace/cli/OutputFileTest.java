package jtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {
    @TempDir Path dir;

    private static void write(Path p, String text) throws IOException {
        try (OutputStream o = OutputFile.open(p)) {
            o.write(text.getBytes());
        }
    }

    @Test
    void createsAndTruncates() throws IOException {
        Path f = dir.resolve("out.txt");
        write(f, "a longer first text");
        write(f, "short");
        assertEquals("short", Files.readString(f));
    }

    @Test
    void followsASymlinkToAnExistingFile() throws IOException {
        Path real = dir.resolve("real");
        Files.writeString(real, "old contents");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        write(link, "new");
        assertEquals("new", Files.readString(real));
    }

    @Test
    void neverCreatesThroughADanglingSymlink() throws IOException {
        Path target = dir.resolve("elsewhere");
        Path link = Files.createSymbolicLink(dir.resolve("dangling"), target);
        IOException e = assertThrows(IOException.class, () -> write(link, "x"));
        assertEquals("No such file or directory", OutputFile.reason(e));
        assertFalse(Files.exists(target));
    }

    @Test
    void reasonsReadLikeStrerror() {
        IOException dirErr = assertThrows(IOException.class, () -> write(dir, "x"));
        assertEquals("Is a directory", OutputFile.reason(dirErr));
        IOException missing = assertThrows(IOException.class, () -> write(dir.resolve("no/such/f"), "x"));
        assertEquals("No such file or directory", OutputFile.reason(missing));
    }
}
