package jtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project lives: the directory holding pom.xml, and its target/ directory. */
final class Project {
    private static final Path ROOT = findRoot();

    private Project() {}

    static Path root() { return ROOT; }

    static Path target() { return ROOT.resolve("target"); }

    private static Path findRoot() {
        String basedir = System.getProperty("basedir"); // set by surefire
        Path start = Path.of(basedir != null ? basedir : System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no pom.xml above " + start);
    }
}
