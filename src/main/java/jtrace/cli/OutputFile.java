package jtrace.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** -o FILE: opened, created or truncated as bpftrace's ofstream does, with one safety rule added. */
final class OutputFile {
    private OutputFile() {}

    /**
     * Creates FILE (mode 0666 less the umask) or truncates it. A final symlink is followed only to
     * a file that exists: creating through a dangling symlink would write somewhere else entirely.
     */
    static OutputStream open(Path file) throws IOException {
        try {
            return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            // O_NOFOLLOW refused a symlink (ELOOP; the JDK reports it as a plain IOException).
            if (!Files.isSymbolicLink(file)) throw e;
        }
        // A symlink: open its target only if it exists (no CREATE).
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** strerror's wording for a failed open. */
    static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "No such file or directory";
            case AccessDeniedException x -> "Permission denied";
            case FileSystemException x when x.getReason() != null -> x.getReason();
            default -> e.getMessage();
        };
    }
}
