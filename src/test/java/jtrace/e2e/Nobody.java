package jtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs jtrace as user nobody (uid/gid 65534) without any capabilities, through setpriv, to see
 * how it behaves without privileges. Works only when this JVM is root and nobody can reach the
 * java binary and target/classes.
 */
final class Nobody {
    static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    static final int NOBODY = 65534;

    private Nobody() {}

    /** The command that runs jtrace with args as nobody, or null when that is not possible here. */
    static List<String> command(String... args) {
        if (!BpfObjects.available() || !Files.isExecutable(SETPRIV)) return null;
        List<String> jtrace = JtraceProcess.jtraceCommand();
        if (!worldReachable(Path.of(jtrace.getFirst())) || !worldReachable(Project.target().resolve("classes"))) {
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--inh-caps=-all"));
        cmd.addAll(jtrace);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Whether every directory above p can be searched by others and p itself read. */
    private static boolean worldReachable(Path p) {
        try {
            Path abs = p.toRealPath();
            for (Path dir = abs.getParent(); dir != null; dir = dir.getParent()) {
                if (!Files.getPosixFilePermissions(dir).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return Files.getPosixFilePermissions(abs).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
