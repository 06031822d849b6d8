package jtrace.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The uprobe_target workload (src/test/c/uprobe_target.c): linked dynamically, without debug info,
 * with hand-written USDT notes. It follows jtwl's ready/go protocol, so {@link Workload} runs it.
 */
final class UprobeTarget {
    private static Path binary;

    private UprobeTarget() {}

    /** target/uprobe_target, compiled with gcc when missing or older than its source. */
    static synchronized Path binary() {
        if (binary != null) return binary;
        Path source = Project.root().resolve("src/test/c/uprobe_target.c");
        Path out = Project.target().resolve("uprobe_target");
        try {
            if (!Files.isExecutable(out) || Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(source)) <= 0) {
                Files.createDirectories(out.getParent());
                Path tmp = Files.createTempFile(out.getParent(), "uprobe_target", ".tmp");
                List<String> cmd = List.of("gcc", "-O1", "-Wall", "-o", tmp.toString(), source.toString());
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    Files.deleteIfExists(tmp);
                    throw new AssertionError("cannot compile " + source + ":\n" + output);
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot build uprobe_target", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        binary = out;
        return out;
    }

    /** Starts uprobe_target with the steps, parked until {@link Workload#go()}. */
    static Workload start(String... steps) {
        return Workload.startBinary(binary(), steps);
    }

    /** The virtual address of a function, from the symbol table (as nm shows it). */
    static long address(String function) {
        try {
            return jtrace.elf.ElfFile.read(binary()).functions().stream().filter(s -> s.name().equals(function))
                    .findFirst().orElseThrow().value();
        } catch (IOException | jtrace.elf.ElfFormatException e) {
            throw new AssertionError(e);
        }
    }
}
