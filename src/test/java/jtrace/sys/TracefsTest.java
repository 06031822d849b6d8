package jtrace.sys;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TracefsTest {
    @Test
    void findsTracefsInMountTable() {
        String mounts = """
                sysfs /sys sysfs rw,nosuid 0 0
                nodev /sys/kernel/tracing tracefs rw,relatime 0 0
                """;
        assertTrue(Tracefs.isMounted(mounts, Path.of("/sys/kernel/tracing")));
        assertFalse(Tracefs.isMounted(mounts, Path.of("/sys/kernel/debug/tracing")));
        assertFalse(Tracefs.isMounted("sysfs /sys/kernel/tracing sysfs rw 0 0\n", Path.of("/sys/kernel/tracing")));
    }

    @Test
    void rootIsMountedAndHasEvents() {
        Path root = Tracefs.root();
        assertEquals(Path.of("/sys/kernel/tracing"), root);
        assertTrue(Files.isDirectory(root.resolve("events/syscalls")));
    }

    @Test
    void tracepointIds() {
        int id = Tracefs.tracepointId("syscalls", "sys_enter_getpid");
        assertTrue(id > 0);
        assertNotEquals(id, Tracefs.tracepointId("syscalls", "sys_exit_getpid"));
        var e = assertThrows(UnknownTracepointException.class, () -> Tracefs.tracepointId("syscalls", "foo"));
        assertEquals("tracepoint not found: syscalls:foo", e.getMessage());
        assertThrows(UnknownTracepointException.class, () -> Tracefs.tracepointId("nosuchcategory", "x"));
        assertThrows(UnknownTracepointException.class, () -> Tracefs.tracepointId("syscalls/../..", "x"));
    }

    /**
     * Unmounts tracefs in a private mount namespace (so nothing else on the machine notices) and
     * checks that {@link Tracefs#root()} mounts it again there.
     */
    @Test
    void rootMountsTracefsWhenMissing() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        var cmd = List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "umount /sys/kernel/tracing && exec \"$0\" --enable-native-access=ALL-UNNAMED -cp \"$1\" "
                        + TracefsMountMain.class.getName(),
                java, System.getProperty("java.class.path"));
        var proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "child finished");
        String out = new String(proc.getInputStream().readAllBytes()).strip();
        assertEquals(0, proc.exitValue(), out);
        assertEquals("before=false after=true root=/sys/kernel/tracing", out);
        assertTrue(Tracefs.isMounted(Path.of("/sys/kernel/tracing")), "our namespace is untouched");
    }
}
