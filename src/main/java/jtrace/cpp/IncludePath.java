package jtrace.cpp;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where {@code #include} looks, in clang's order for bpftrace: the {@code -I} directories, then the
 * system directories clang reports on this machine ({@code /usr/local/include}, the compiler's own
 * headers (clang's resource directory, else gcc's), {@code /usr/include/<arch>-linux-gnu},
 * {@code /usr/include}). {@code "name"} is looked for next to the including file first.
 */
public record IncludePath(List<Path> dirs) {
    public IncludePath {
        dirs = List.copyOf(dirs);
    }

    /** The search path of this machine, after {@code userDirs} (from {@code -I}). */
    public static IncludePath system(List<String> userDirs) {
        List<Path> dirs = new ArrayList<>();
        for (String d : userDirs) dirs.add(Path.of(d));
        dirs.add(Path.of("/usr/local/include"));
        Path compiler = compilerHeaders();
        if (compiler != null) dirs.add(compiler);
        dirs.add(Path.of("/usr/include/x86_64-linux-gnu"));
        dirs.add(Path.of("/usr/include"));
        return new IncludePath(dirs);
    }

    /** {@code stddef.h} and friends: clang's resource directory if clang is installed, else gcc's. */
    private static Path compilerHeaders() {
        Path clang = newest(Path.of("/usr/lib"), "llvm-*", "lib/clang");
        if (clang != null) {
            Path v = newest(clang, "*", "include");
            if (v != null) return v;
        }
        return newest(Path.of("/usr/lib/gcc/x86_64-linux-gnu"), "*", "include");
    }

    /** {@code base/GLOB/sub} for the highest-versioned match of GLOB that has {@code sub}; null if none. */
    private static Path newest(Path base, String glob, String sub) {
        if (!Files.isDirectory(base)) return null;
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(base, glob)) {
            for (Path p : ds) if (Files.isDirectory(p.resolve(sub))) found.add(p.resolve(sub));
        } catch (IOException e) {
            return null;
        }
        return found.stream().max(Comparator.comparing(IncludePath::versionKey)).orElse(null);
    }

    private static String versionKey(Path p) {
        StringBuilder sb = new StringBuilder();
        for (String part : p.toString().split("[^0-9]+")) if (!part.isEmpty()) sb.append(String.format("%08d", Long.parseLong(part.length() > 8 ? part.substring(0, 8) : part)));
        return sb.toString();
    }

    /**
     * The file {@code spelled} ({@code <a/b.h>} or {@code "a/b.h"}) names, or null. {@code from} is
     * the including file's directory (null for the script); {@code after} is the directory the
     * including file was found in, for {@code #include_next} (null otherwise).
     */
    Path find(String spelled, Path from, Path after) {
        String name = spelled.substring(1, spelled.length() - 1);
        if (name.startsWith("/")) return Files.isRegularFile(Path.of(name)) ? Path.of(name) : null;
        if (spelled.startsWith("\"") && after == null) {
            Path here = (from != null ? from : Path.of("")).resolve(name);
            if (Files.isRegularFile(here)) return here;
        }
        int start = 0;
        if (after != null) {
            int i = dirs.indexOf(after);
            start = i < 0 ? 0 : i + 1;
        }
        for (int i = start; i < dirs.size(); i++) {
            Path p = dirs.get(i).resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    /** The search directory {@code file} was found in, for {@code #include_next}; null if none. */
    Path dirOf(Path file) {
        for (Path d : dirs) if (file.startsWith(d)) return d;
        return null;
    }
}
