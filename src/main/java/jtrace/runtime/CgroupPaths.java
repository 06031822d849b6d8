package jtrace.runtime;

import jtrace.tracefs.Glob;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code cgroup_path(id [, filter])} text, resolved when printed as bpftrace does: in every
 * cgroup hierarchy mounted under /sys/fs/cgroup whose name matches the filter (cgroup2 is always
 * "unified"), the directory whose inode number is the id; {@code name:path} for each, joined by commas.
 */
final class CgroupPaths {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    private CgroupPaths() {}

    /** A mounted hierarchy: its name ("unified", "memory", "systemd"...) and where it is mounted. */
    record Hierarchy(String name, Path mount) {}

    static String of(long id, String filter) {
        List<String> found = new ArrayList<>();
        for (Hierarchy h : hierarchies(mountinfo())) {
            if (filter != null && !Glob.matches(filter, h.name())) continue;
            find(h.mount(), id).ifPresent(path -> found.add(h.name() + ":" + path));
        }
        return String.join(",", found);
    }

    /** The cgroup and cgroup2 mounts under /sys/fs/cgroup: the unified one first, then by name. */
    static List<Hierarchy> hierarchies(String mountinfo) {
        List<Hierarchy> out = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            int dash = line.indexOf(" - ");
            if (dash < 0) continue;
            String[] left = line.substring(0, dash).split(" ");
            String[] right = line.substring(dash + 3).split(" ");
            if (left.length < 5 || right.length < 3) continue;
            Path mount = Path.of(left[4]);
            if (!mount.startsWith(ROOT)) continue;
            switch (right[0]) {
                case "cgroup2" -> out.add(new Hierarchy("unified", mount));
                case "cgroup" -> out.add(new Hierarchy(v1Name(right[2]), mount));
                default -> { }
            }
        }
        out.sort(Comparator.comparing((Hierarchy h) -> !h.name().equals("unified")).thenComparing(Hierarchy::name));
        return out;
    }

    /** A v1 hierarchy is named by its controllers, or by name=X for a named one (systemd). */
    private static String v1Name(String superOptions) {
        List<String> controllers = new ArrayList<>();
        for (String o : superOptions.split(",")) {
            if (o.startsWith("name=")) return o.substring(5);
            if (o.equals("rw") || o.equals("ro") || o.contains("=") || o.startsWith("no") || o.equals("clone_children")
                    || o.equals("xattr") || o.equals("cpuset_v2_mode")) continue;
            controllers.add(o);
        }
        return String.join(",", controllers);
    }

    /** The path below {@code mount} of the directory with inode {@code id}: "/" for the root. */
    private static Optional<String> find(Path mount, long id) {
        try (Stream<Path> dirs = Files.walk(mount)) {
            return dirs.filter(Files::isDirectory).filter(d -> inode(d) == id).findFirst()
                    .map(d -> "/" + mount.relativize(d).toString().replace('\\', '/'));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long inode(Path p) {
        try {
            return ((Number) Files.getAttribute(p, "unix:ino")).longValue();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String mountinfo() {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/self/mountinfo")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
