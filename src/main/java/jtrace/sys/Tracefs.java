package jtrace.sys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tracing file system: where it is, mounting it when needed, tracepoint ids. */
public final class Tracefs {
    private Tracefs() {}

    public static final Path DEFAULT_ROOT = Path.of("/sys/kernel/tracing");
    private static final Path PROC_MOUNTS = Path.of("/proc/self/mounts");

    private static volatile boolean mounted; // once seen mounted, trusted for the life of the process

    /** /sys/kernel/tracing, mounting tracefs there first when it is not mounted. */
    public static Path root() {
        if (!mounted) {
            synchronized (Tracefs.class) {
                if (!isMounted(DEFAULT_ROOT)) mount(DEFAULT_ROOT);
                mounted = true;
            }
        }
        return DEFAULT_ROOT;
    }

    /** Whether a tracefs is mounted at {@code dir} according to /proc/self/mounts. */
    public static boolean isMounted(Path dir) {
        try {
            return isMounted(Files.readString(PROC_MOUNTS), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROC_MOUNTS, e);
        }
    }

    /** Whether a mounts table (the /proc/mounts format) has a tracefs at {@code dir}. */
    static boolean isMounted(String mounts, Path dir) {
        String target = dir.toString();
        return mounts.lines().map(l -> l.split(" ")).anyMatch(f -> f.length > 2
                && f[1].equals(target) && f[2].equals("tracefs"));
    }

    /** mount -t tracefs nodev {@code dir}. */
    public static void mount(Path dir) {
        try (var arena = Arena.ofConfined()) {
            int r = Libc.mount(arena.allocateFrom("nodev"), arena.allocateFrom(dir.toString()),
                    arena.allocateFrom("tracefs"), 0, MemorySegment.NULL);
            if (r < 0) throw new SysException("mount(tracefs on " + dir + ")", Libc.errno());
        }
    }

    /** umount(2); for tests. */
    public static void unmount(Path dir) {
        try (var arena = Arena.ofConfined()) {
            if (Libc.umount(arena.allocateFrom(dir.toString())) < 0) {
                throw new SysException("umount(" + dir + ")", Libc.errno());
            }
        }
    }

    /** The id of tracepoint category:event (events/CATEGORY/EVENT/id). */
    public static int tracepointId(String category, String event) {
        if (!validName(category) || !validName(event)) throw new UnknownTracepointException(category, event);
        Path id = root().resolve("events").resolve(category).resolve(event).resolve("id");
        try {
            return Integer.parseInt(Files.readString(id).strip());
        } catch (IOException | NumberFormatException e) {
            throw new UnknownTracepointException(category, event);
        }
    }

    private static boolean validName(String s) {
        return !s.isEmpty() && !s.contains("/") && !s.equals(".") && !s.equals("..");
    }
}
