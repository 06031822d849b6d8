package jtrace.sema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which file system a path lives on, from /proc/self/mountinfo: cgroupid() needs cgroup2. */
final class CgroupFs {
    private CgroupFs() {}

    static boolean isCgroup2(Path path) throws IOException {
        String target = path.toAbsolutePath().normalize().toString();
        String best = null, bestType = null;
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            // id parent major:minor root mountpoint options [optional...] - fstype source superopts
            String[] f = line.split(" ");
            int dash = java.util.Arrays.asList(f).indexOf("-");
            if (f.length < 5 || dash < 0 || dash + 1 >= f.length) continue;
            String mount = f[4].replace("\\040", " ");
            boolean under = target.equals(mount) || mount.equals("/") || target.startsWith(mount + "/");
            if (under && (best == null || mount.length() >= best.length())) {
                best = mount;
                bestType = f[dash + 1];
            }
        }
        return "cgroup2".equals(bestType);
    }
}
