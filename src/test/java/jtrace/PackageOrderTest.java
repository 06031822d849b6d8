package jtrace;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/architecture.md promises that a package depends only on the packages its table lists before
 * it, and lists every package: the sources are held to both.
 */
class PackageOrderTest {
    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Path SOURCES = Path.of("src/main/java/jtrace");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `jtrace\\.([a-z0-9]+)` \\|", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bjtrace\\.([a-z0-9]+)\\.[A-Z]");

    @Test
    void everyPackageIsInTheTableAndDependsOnlyOnEarlierOnes() throws IOException {
        List<String> order = new ArrayList<>();
        Matcher row = TABLE_ROW.matcher(Files.readString(DOC));
        while (row.find()) order.add(row.group(1));

        TreeSet<String> packages = new TreeSet<>();
        TreeSet<String> backwards = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(f).getName(0).toString();
                packages.add(pkg);
                Matcher ref = REFERENCE.matcher(Files.readString(f));
                while (ref.find()) {
                    String used = ref.group(1);
                    if (!used.equals(pkg) && order.indexOf(used) > order.indexOf(pkg)) {
                        backwards.add(f.getFileName() + " (" + pkg + ") uses " + used);
                    }
                }
            }
        }
        assertEquals(packages, new TreeSet<>(order), "packages in the sources vs rows of " + DOC);
        assertEquals(new TreeSet<String>(), backwards, "dependencies on packages listed later in " + DOC);
    }
}
