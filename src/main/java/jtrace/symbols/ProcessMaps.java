package jtrace.symbols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The file-backed mappings of a process, from /proc/PID/maps. */
public record ProcessMaps(List<Mapping> mappings) {
    public ProcessMaps { mappings = List.copyOf(mappings); }

    /**
     * {@code start-end perms offset dev inode path}: one line of the maps file; {@code executable}
     * from its perms, {@code deleted} when the file was removed after it was mapped.
     */
    public record Mapping(long start, long end, long offset, long inode, String path, boolean executable, boolean deleted) {
        public Mapping(long start, long end, long offset, long inode, String path) {
            this(start, end, offset, inode, path, true, false);
        }
    }

    public static Optional<ProcessMaps> read(int pid) {
        // procfs files report sizes that Files.readString trusts; read the stream to its end instead.
        try (var in = Files.newInputStream(Path.of("/proc/" + pid + "/maps"))) {
            return Optional.of(parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static ProcessMaps parse(String text) {
        List<Mapping> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 6 || !f[5].startsWith("/")) continue;
            String[] range = f[0].split("-");
            if (range.length != 2) continue;
            try {
                boolean deleted = f[5].endsWith(" (deleted)");
                out.add(new Mapping(Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16),
                        Long.parseUnsignedLong(f[2], 16), Long.parseLong(f[4]), f[5].replace(" (deleted)", ""),
                        f[1].length() > 2 && f[1].charAt(2) == 'x', deleted));
            } catch (NumberFormatException e) {
                // not a mapping line
            }
        }
        return new ProcessMaps(out);
    }

    public Optional<Mapping> find(long addr) {
        for (Mapping m : mappings) {
            if (Long.compareUnsigned(addr, m.start()) >= 0 && Long.compareUnsigned(addr, m.end()) < 0) return Optional.of(m);
        }
        return Optional.empty();
    }
}
