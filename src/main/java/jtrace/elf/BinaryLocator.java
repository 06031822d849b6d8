package jtrace.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds the file a uprobe or usdt target names, as bpftrace does: a path is taken as it is; a
 * bare name is an executable in $PATH, else a library: one mapped by the -p process, else
 * {@code NAME.so*} in the linker cache, else in the standard library directories
 * ({@code libc} finds {@code /lib/x86_64-linux-gnu/libc.so.6}).
 */
public final class BinaryLocator {
    static final List<String> LIBRARY_DIRS = List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu",
            "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib");

    private final String searchPath;
    private final Path ldSoCache;
    private final OptionalLong pid;

    public BinaryLocator(String searchPath, Path ldSoCache, OptionalLong pid) {
        this.searchPath = searchPath == null ? "" : searchPath;
        this.ldSoCache = ldSoCache;
        this.pid = pid;
    }

    /** With $PATH, /etc/ld.so.cache and the given -p process. */
    public static BinaryLocator system(OptionalLong pid) {
        return new BinaryLocator(System.getenv("PATH"), LdSoCache.DEFAULT, pid);
    }

    public Optional<Path> locate(String target) {
        if (target == null || target.isEmpty()) return Optional.empty();
        if (target.indexOf('/') >= 0) {
            Path p = Path.of(target);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : searchPath.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, target);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return library(target);
    }

    /** A library by name, with or without {@code .so} and version ({@code libc}, {@code libc.so.6}). */
    public Optional<Path> library(String name) {
        Optional<Path> mapped = mappedBy(name);
        if (mapped.isPresent()) return mapped;
        try {
            for (LdSoCache.Entry e : LdSoCache.read(ldSoCache)) {
                if (e.isX8664() && matches(name, e.soname()) && Files.isRegularFile(Path.of(e.path()))) {
                    return Optional.of(Path.of(e.path()));
                }
            }
        } catch (IOException | ElfFormatException e) {
            // an unreadable cache: fall back to the standard directories
        }
        for (String dir : LIBRARY_DIRS) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) continue;
            try (DirectoryStream<Path> files = Files.newDirectoryStream(d)) {
                Path best = null;
                for (Path f : files) {
                    String n = f.getFileName().toString();
                    if (matches(name, n) && Files.isRegularFile(f) && (best == null || n.compareTo(best.getFileName().toString()) < 0)) best = f;
                }
                if (best != null) return Optional.of(best);
            } catch (IOException e) {
                // unreadable directory: try the next
            }
        }
        return Optional.empty();
    }

    /** The file a -p process maps whose name matches, from /proc/PID/maps. */
    private Optional<Path> mappedBy(String name) {
        if (pid.isEmpty()) return Optional.empty();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid.getAsLong() + "/maps"), StandardCharsets.ISO_8859_1)) {
                int slash = line.indexOf('/');
                if (slash < 0) continue;
                String path = line.substring(slash);
                String file = path.substring(path.lastIndexOf('/') + 1);
                if (matches(name, file)) return Optional.of(Path.of(path));
            }
        } catch (IOException e) {
            // the process is gone: use the system's copy
        }
        return Optional.empty();
    }

    static boolean matches(String name, String file) {
        return file.equals(name) || file.startsWith(name + ".so");
    }
}
