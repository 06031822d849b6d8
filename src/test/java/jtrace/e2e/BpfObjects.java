package jtrace.e2e;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The kernel's BPF programs, maps and links, read with bpf(2) directly (not through jtrace), to
 * check that a tracer releases everything it loaded. Other processes (parallel tests) may load
 * objects at any time, so compare the objects a tracer held rather than global before/after sets:
 * <pre>
 *   t.awaitAttached();
 *   BpfObjects.Snapshot held = BpfObjects.heldBy(t.pid());   // from /proc/PID/fdinfo
 *   assertFalse(held.progs().isEmpty());
 *   t.interrupt();
 *   BpfObjects.assertReleased(held);                          // none of those ids exists any more
 * </pre>
 * Kernel ids are allocated cyclically, so an id that disappears is not handed out again soon.
 * Needs CAP_SYS_ADMIN (root): guard with {@link #available()}.
 */
public final class BpfObjects {
    // enum bpf_cmd (include/uapi/linux/bpf.h)
    static final int BPF_PROG_GET_NEXT_ID = 11;
    static final int BPF_MAP_GET_NEXT_ID = 12;
    static final int BPF_PROG_GET_FD_BY_ID = 13;
    static final int BPF_MAP_GET_FD_BY_ID = 14;
    static final int BPF_OBJ_GET_INFO_BY_FD = 15;
    static final int BPF_LINK_GET_FD_BY_ID = 30;
    static final int BPF_LINK_GET_NEXT_ID = 31;
    static final int ENOENT = 2;

    // Offsets of the name field in struct bpf_prog_info / struct bpf_map_info, BPF_OBJ_NAME_LEN = 16.
    private static final int PROG_INFO_NAME = 64;
    private static final int MAP_INFO_NAME = 24;
    private static final int BPF_OBJ_NAME_LEN = 16;

    /** Ids of programs, maps and links. */
    public record Snapshot(SortedSet<Integer> progs, SortedSet<Integer> maps, SortedSet<Integer> links) {
        public Snapshot {
            progs = Collections.unmodifiableSortedSet(new TreeSet<>(progs));
            maps = Collections.unmodifiableSortedSet(new TreeSet<>(maps));
            links = Collections.unmodifiableSortedSet(new TreeSet<>(links));
        }

        /** Ids in this snapshot and not in other (e.g. now.minus(before) = created since). */
        public Snapshot minus(Snapshot other) {
            return new Snapshot(diff(progs, other.progs), diff(maps, other.maps), diff(links, other.links));
        }

        /** Ids in both (e.g. held.intersect(snapshot()) = still alive). */
        public Snapshot intersect(Snapshot other) {
            return new Snapshot(common(progs, other.progs), common(maps, other.maps), common(links, other.links));
        }

        public boolean isEmpty() {
            return progs.isEmpty() && maps.isEmpty() && links.isEmpty();
        }

        /** "progs [12 (sys_exit_read)] maps [3 (ringbuf)] links []": with names while they exist. */
        public String describe() {
            return "progs " + names(progs, BpfObjects::progName) + " maps " + names(maps, BpfObjects::mapName)
                    + " links " + links;
        }

        private static String names(SortedSet<Integer> ids, java.util.function.IntFunction<Optional<String>> name) {
            return ids.stream().map(id -> id + name.apply(id).map(n -> " (" + n + ")").orElse("")).toList().toString();
        }

        private static TreeSet<Integer> diff(SortedSet<Integer> a, SortedSet<Integer> b) {
            TreeSet<Integer> r = new TreeSet<>(a);
            r.removeAll(b);
            return r;
        }

        private static TreeSet<Integer> common(SortedSet<Integer> a, SortedSet<Integer> b) {
            TreeSet<Integer> r = new TreeSet<>(a);
            r.retainAll(b);
            return r;
        }
    }

    private BpfObjects() {}

    /** Whether the id walk works here (root, bpf(2) not disabled). */
    public static boolean available() {
        try (Arena arena = Arena.ofConfined()) {
            LibC.Ret r = LibC.bpf(BPF_PROG_GET_NEXT_ID, arena.allocate(12));
            return !r.failed() || r.errno() == ENOENT;
        }
    }

    /** Every program, map and link in the system now. */
    public static Snapshot snapshot() {
        return new Snapshot(ids(BPF_PROG_GET_NEXT_ID), ids(BPF_MAP_GET_NEXT_ID), ids(BPF_LINK_GET_NEXT_ID));
    }

    /**
     * Objects referenced by the open fds of a live process, from /proc/PID/fdinfo (prog_id:,
     * map_id:, link_id: lines; a link's prog counts as held too).
     */
    public static Snapshot heldBy(long pid) {
        TreeSet<Integer> progs = new TreeSet<>();
        TreeSet<Integer> maps = new TreeSet<>();
        TreeSet<Integer> links = new TreeSet<>();
        Path dir = Path.of("/proc", Long.toString(pid), "fdinfo");
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir)) {
            for (Path fd : fds) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(fd, StandardCharsets.UTF_8);
                } catch (IOException closedMeanwhile) {
                    continue;
                }
                for (String line : lines) {
                    int colon = line.indexOf(':');
                    if (colon < 0) continue;
                    String key = line.substring(0, colon);
                    TreeSet<Integer> into = switch (key) {
                        case "prog_id" -> progs;
                        case "map_id" -> maps;
                        case "link_id" -> links;
                        default -> null;
                    };
                    if (into != null) into.add(Integer.parseInt(line.substring(colon + 1).trim()));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read " + dir + " (has the process exited?)", e);
        }
        return new Snapshot(progs, maps, links);
    }

    /**
     * Fails unless none of the objects exists any more. Waits up to 5 s: the kernel frees some
     * objects from deferred work after the last fd closes.
     */
    public static void assertReleased(Snapshot held) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        Snapshot alive = held.intersect(snapshot());
        while (!alive.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            alive = held.intersect(snapshot());
        }
        if (!alive.isEmpty()) {
            throw new AssertionError("BPF objects still alive: " + alive.describe());
        }
    }

    /** The program's name (as given at load, at most 15 chars), if it exists. */
    public static Optional<String> progName(int id) {
        return name(BPF_PROG_GET_FD_BY_ID, id, PROG_INFO_NAME);
    }

    /** The map's name, if it exists. */
    public static Optional<String> mapName(int id) {
        return name(BPF_MAP_GET_FD_BY_ID, id, MAP_INFO_NAME);
    }

    private static SortedSet<Integer> ids(int cmd) {
        TreeSet<Integer> ids = new TreeSet<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(12); // start_id u32, next_id u32, open_flags u32
            int start = 0;
            while (true) {
                attr.set(JAVA_INT, 0, start);
                LibC.Ret r = LibC.bpf(cmd, attr);
                if (r.failed()) {
                    if (r.errno() == ENOENT) return ids;
                    throw new AssertionError("bpf(" + cmd + ") id walk failed: errno " + r.errno());
                }
                start = attr.get(JAVA_INT, 4);
                ids.add(start);
            }
        }
    }

    private static Optional<String> name(int getFdCmd, int id, int nameOffset) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment byId = arena.allocate(12); // id u32, next_id u32, open_flags u32
            byId.set(JAVA_INT, 0, id);
            LibC.Ret fd = LibC.bpf(getFdCmd, byId);
            if (fd.failed()) return Optional.empty();
            try {
                MemorySegment info = arena.allocate(256);
                MemorySegment attr = arena.allocate(16); // bpf_fd u32, info_len u32, info u64
                attr.set(JAVA_INT, 0, (int) fd.value());
                attr.set(JAVA_INT, 4, (int) info.byteSize());
                attr.set(JAVA_LONG, 8, info.address());
                if (LibC.bpf(BPF_OBJ_GET_INFO_BY_FD, attr).failed()) return Optional.empty();
                byte[] raw = info.asSlice(nameOffset, BPF_OBJ_NAME_LEN).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                int len = 0;
                while (len < raw.length && raw[len] != 0) len++;
                return Optional.of(new String(raw, 0, len, StandardCharsets.UTF_8));
            } finally {
                LibC.close((int) fd.value());
            }
        }
    }
}
