package jtrace.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The user-space halves of username, syscall_name and cgroup_path. */
class UserSpaceNamesTest {

    @Test
    void passwdLinesNameUids() {
        Map<Long, String> names = UserNames.parse("root:x:0:0:root:/root:/bin/bash\n# comment:x:5\nbad line\n"
                + "daemon:x:1:1::/:/sbin/nologin\ntoor:x:0:0::/:/bin/sh\n");
        assertEquals(Map.of(0L, "root", 1L, "daemon"), names);
    }

    @ParameterizedTest
    @CsvSource({"0, read", "1, write", "39, getpid", "257, openat", "335, uretprobe", "435, clone3", "469, file_setattr",
            "547, pwritev2", "336, Unknown syscall", "-1, Unknown syscall", "100000, Unknown syscall"})
    void syscallNumbersAsTheX8664Table(long nr, String name) {
        assertEquals(name, SyscallNames.of(nr));
    }

    @Test
    void cgroupHierarchiesUnifiedFirstThenByName() {
        String mountinfo = """
                31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
                32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
                35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
                40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd
                41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw,nsdelegate
                50 23 0:40 / /mnt/other rw - cgroup2 cgroup2 rw
                """;
        assertEquals(List.of(new CgroupPaths.Hierarchy("unified", Path.of("/sys/fs/cgroup/unified")),
                        new CgroupPaths.Hierarchy("cpu,cpuacct", Path.of("/sys/fs/cgroup/cpu,cpuacct")),
                        new CgroupPaths.Hierarchy("memory", Path.of("/sys/fs/cgroup/memory")),
                        new CgroupPaths.Hierarchy("systemd", Path.of("/sys/fs/cgroup/systemd"))),
                CgroupPaths.hierarchies(mountinfo));
    }
}
