package jtrace.sys;

import java.nio.file.Files;
import java.nio.file.Path;

/** Child process of {@link TracefsTest}: reports tracefs in /proc/mounts before and after root(). */
public final class TracefsMountMain {
    public static void main(String[] args) throws Exception {
        Path mounts = Path.of("/proc/mounts");
        boolean before = Tracefs.isMounted(Files.readString(mounts), Tracefs.DEFAULT_ROOT);
        Path root = Tracefs.root();
        boolean after = Tracefs.isMounted(Files.readString(mounts), Tracefs.DEFAULT_ROOT);
        System.out.println("before=" + before + " after=" + after + " root=" + root);
    }
}
