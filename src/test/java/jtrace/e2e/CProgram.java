package jtrace.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test programs in src/test/c compiled with gcc into target/, again only when the source is newer. */
public final class CProgram {
    private CProgram() {}

    /** src/test/c/{@code source} compiled with {@code flags} into target/{@code output}. */
    public static synchronized Path build(String source, String output, String... flags) {
        Path src = Project.root().resolve("src/test/c").resolve(source);
        Path out = Project.target().resolve(output);
        try {
            if (Files.isExecutable(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(src)) > 0) return out;
            Files.createDirectories(out.getParent());
            Path tmp = Files.createTempFile(out.getParent(), output, ".tmp");
            List<String> cmd = new ArrayList<>(List.of("gcc"));
            cmd.addAll(List.of(flags));
            cmd.addAll(List.of("-o", tmp.toString(), src.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                Files.deleteIfExists(tmp);
                throw new AssertionError("cannot compile " + src + " (" + cmd + "):\n" + text);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot build " + output, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** dwarf_target built with {@code -g} (DWARF 5, gcc 12's default) and -O1, as the e2e tests run it. */
    public static Path dwarfTarget() {
        return build("dwarf_target.c", "dwarf_target", "-g", "-O1", "-Wall");
    }
}
